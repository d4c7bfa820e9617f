/**
 * One clock (src/domain/clock.ts): workflows read `now` from the ledger handle or their context,
 * so the CLI and the console agree on the day and a test can fix it. Reading the system clock
 * elsewhere is allowed only to measure elapsed time, with a `sbk-clock: <why>` comment on the
 * line or the line before.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { lineOf, places, productSources, visit } from './product-sources.ts';

const ALLOWED = new Set(['src/domain/clock.ts']);

describe('one clock', () => {
  it('no new Date() or Date.now() outside the clock module, unless marked as elapsed-time', () => {
    const found: { path: string; line: number; text: string }[] = [];
    for (const src of productSources()) {
      if (ALLOWED.has(src.path)) continue;
      const lines = src.text.split('\n');
      visit(src.file, (n) => {
        const systemNow =
          (ts.isNewExpression(n) && n.expression.getText(src.file) === 'Date' && (n.arguments?.length ?? 0) === 0) ||
          (ts.isCallExpression(n) && n.expression.getText(src.file) === 'Date.now');
        if (!systemNow) return;
        const line = lineOf(src, n);
        if (/sbk-clock:/.test(lines[line - 1] ?? '') || /sbk-clock:/.test(lines[line - 2] ?? '')) return;
        found.push({ path: src.path, line, text: n.getText(src.file) });
      });
    }
    expect(found.length, `the system clock read outside src/domain/clock.ts:\n${places(found)}`).toBe(0);
  });
});
