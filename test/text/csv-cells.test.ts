/**
 * Issue 18, clean text out: every CSV sbk writes passes its cells through one function
 * (text-table.ts `csvCell`), which shows control characters visibly, as the terminal output
 * does, and neutralises formulas. Before, a stored ESC, C1 or bidi override reached the file raw.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { csvCell, spreadsheetCsv } from '../../src/text/text-table.ts';
import { remakeCsv, type RemakeRow } from '../../src/workflows/remake-list.ts';
import { formatOverdueCsv } from '../../src/cli/commands/overdue-command.ts';
import { parseCsv } from '../../src/domain/csv.ts';

// eslint-disable-next-line no-control-regex
const OBEYED = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const HOSTILE = '\x1b]0;pwned\x07\x1b[2J王\u202Egpj.exe\x9b2J\x00';

/** The cells of a CSV sbk wrote (BOM and CRLF record ends dropped). */
const cellsOf = (csv: string): string[] => parseCsv(csv.replace(/^\uFEFF/, '')).flat();

describe('csvCell', () => {
  it('shows ESC, BEL, C1, NUL and bidi overrides visibly, as on the terminal', () => {
    expect(csvCell(HOSTILE)).toBe('␛]0;pwned␇␛[2J王<U+202E>gpj.exe<U+009B>2J␀');
    expect(csvCell('a\tb\r\nc')).toBe('a␉b␍␊c');
  });

  it('still neutralises formulas, also one behind a stripped control character', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    // The tab that spreadsheets skip is shown, so the cell no longer starts a formula at all.
    expect(csvCell('\t=cmd|x')).toBe('␉=cmd|x');
    expect(csvCell('张三')).toBe('张三');
  });

  it('never leaves a character a terminal or spreadsheet obeys, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\x1b', '\x07', '\n', '\t', '\r', '\x85', '\x9b', '\u202e', '\u2066', '=', '+', '保'), fc.integer({ min: 0, max: 0x2fff }).map((c) => String.fromCharCode(c))) }), (s) => {
        const cell = csvCell(s);
        expect(OBEYED.test(cell)).toBe(false);
        expect(/^[=+\-@]/.test(cell)).toBe(false);
      }),
    );
  });
});

describe('the CSV writers', () => {
  it('spreadsheetCsv (count reports, hand-over sheets, registers, overdue) writes no control character from a value', () => {
    const csv = spreadsheetCsv([['卡号', '姓名'], ['A1', HOSTILE], ['A2', 3]]);
    const cells = cellsOf(csv);
    expect(cells).toContain('␛]0;pwned␇␛[2J王<U+202E>gpj.exe<U+009B>2J␀');
    for (const c of cells) expect(OBEYED.test(c), JSON.stringify(c)).toBe(false);
  });

  it('the re-make list CSV (remake list --csv) goes through the same cells', () => {
    const row: RemakeRow = {
      cardNo: 'A10000018',
      holderName: HOSTILE,
      holderIdMasked: '42010**********012',
      state: 'defective',
      stateLabel: '不合格',
      site: { code: '420102-01', name: '江岸' },
      place: '\u202E1柜险保',
      reason: '=cmd|x',
      markedAt: null,
      newerCardNo: null,
      orderedAt: null,
      orderRef: '=HYPERLINK("x")',
    };
    const csv = remakeCsv([row]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const cells = cellsOf(csv);
    for (const c of cells) expect(OBEYED.test(c), JSON.stringify(c)).toBe(false);
    expect(cells).toContain(`'=cmd|x`);
    expect(cells).toContain('<U+202E>1柜险保');
  });

  it('the overdue CSV too', () => {
    const csv = formatOverdueCsv([
      {
        cardNo: 'A1',
        holderName: HOSTILE,
        holderIdMasked: null,
        site: { code: '420102-01', name: '江岸\x1b[2J' },
        batch: null,
        state: 'in_stock',
        receivedOn: '2026-01-01',
        countsFrom: 'held',
        category: 'unclaimed',
        phase: 'overdue',
        overdueFrom: '2026-03-01',
        recallDueBy: '2026-03-10',
        recallDueBasis: '=1+1',
        daysOverdue: 3,
        late: false,
      },
    ]);
    for (const c of cellsOf(csv)) expect(OBEYED.test(c), JSON.stringify(c)).toBe(false);
  });

  it('csv-stringify is used in one place only, and the fixture writer (formatCsv) by no program code', () => {
    const root = fileURLToPath(new URL('../../src/', import.meta.url));
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(root);
    const using = (re: RegExp) => files.filter((f) => re.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(using(/from 'csv-stringify/)).toEqual(['text/text-table.ts']);
    expect(using(/\bformatCsv\b/)).toEqual(['domain/csv.ts']);
  });
});
