/**
 * Product functions are at most 70 lines, so each one can be read whole. A longer one (a data
 * table, a generated list, one screen's layout read top to bottom) says why with a
 * `sbk-long: <why>` comment on the line before it (or before the statement that declares it).
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { places, productSources, visit } from './product-sources.ts';

const LIMIT = 70;

describe('short functions', () => {
  it(`no product function over ${LIMIT} lines without a reason`, () => {
    const found: { path: string; line: number; text: string }[] = [];
    for (const src of productSources()) {
      const lines = src.text.split('\n');
      visit(src.file, (n) => {
        if (!(ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n))) return;
        const start = src.file.getLineAndCharacterOfPosition(n.getStart(src.file)).line;
        const end = src.file.getLineAndCharacterOfPosition(n.getEnd()).line;
        if (end - start + 1 <= LIMIT) return;
        // The marker may stand before the function or before the statement that holds it.
        let holder: ts.Node = n;
        while (holder.parent && !ts.isSourceFile(holder.parent) && !ts.isBlock(holder.parent) && !ts.isClassDeclaration(holder.parent)) holder = holder.parent;
        const holderStart = src.file.getLineAndCharacterOfPosition(holder.getStart(src.file)).line;
        const marked = [start - 1, holderStart - 1].some((l) => /sbk-long:\s*\S/.test(lines[l] ?? ''));
        if (!marked) found.push({ path: src.path, line: start + 1, text: `${end - start + 1} lines` });
      });
    }
    expect(found.length, `functions over ${LIMIT} lines:\n${places(found)}`).toBe(0);
  });
});
