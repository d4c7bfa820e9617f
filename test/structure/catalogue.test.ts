/**
 * One message catalogue (src/i18n/): no Chinese text in product code outside it. A file that is
 * a data table (a directory of offices, holiday names, a file format's column names, demo
 * people) says so with a `sbk-data-table: <why>` comment and is listed here as an exception.
 */
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { lineOf, places, productSources, visit } from './product-sources.ts';
import { ERROR_AREAS } from '../../src/i18n/error-messages.ts';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const DATA_TABLE = /sbk-data-table:\s*(\S.*)/;

function textOf(n: ts.Node): string | null {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isJsxText(n)) return n.text;
  if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) return n.text;
  if (ts.isRegularExpressionLiteral(n)) return n.text;
  return null;
}

describe('message catalogue', () => {
  const sources = productSources().filter((s) => !s.path.startsWith('src/i18n/'));

  it('no Chinese literal in src/, db/ or drivers/ outside src/i18n/ and the named data tables', () => {
    const found: { path: string; line: number; text: string }[] = [];
    for (const src of sources) {
      if (DATA_TABLE.test(src.text)) continue;
      visit(src.file, (n) => {
        const t = textOf(n);
        if (t !== null && CJK.test(t)) found.push({ path: src.path, line: lineOf(src, n), text: t.slice(0, 40) });
      });
    }
    expect(found.length, `Chinese text outside the catalogue:\n${places(found.slice(0, 80))}`).toBe(0);
  });

  it('every data-table exception says why', () => {
    const tables = sources.filter((s) => s.text.includes('sbk-data-table'));
    for (const t of tables) expect(DATA_TABLE.exec(t.text)?.[1]?.trim().length ?? 0, t.path).toBeGreaterThan(10);
  });

  it('an error key lives in exactly one area', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [area, table] of Object.entries(ERROR_AREAS)) {
      for (const key of Object.keys(table)) {
        const other = seen.get(key);
        if (other) dupes.push(`${key}: ${other} and ${area}`);
        seen.set(key, area);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('every SbkError is thrown by a catalogue key, never with inline text', () => {
    const inline: { path: string; line: number; text: string }[] = [];
    for (const src of productSources()) {
      visit(src.file, (n) => {
        if (!ts.isNewExpression(n) || n.expression.getText(src.file) !== 'SbkError') return;
        const second = n.arguments?.[1];
        if (second && (ts.isStringLiteral(second) || ts.isTemplateExpression(second) || ts.isNoSubstitutionTemplateLiteral(second))) {
          inline.push({ path: src.path, line: lineOf(src, n), text: n.getText(src.file).slice(0, 60) });
        }
      });
    }
    expect(inline.length, `SbkError with an inline message:\n${places(inline.slice(0, 80))}`).toBe(0);
  });
});
