/**
 * While an import writes, the rows it has written are their own duplicate check
 * (src/workflows/import-written-keys.ts): a later row repeating one of them is found in the
 * ledger and reported as the file's own duplicate, naming the first line, exactly as the check
 * without writes (the console's preview) reports it — before and after the first problem stops
 * the writing, and for a row refused for another problem too.
 */
import { describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_ROWS, importMakerFile, type ImportResult } from '../../src/workflows/import-maker-file.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { syntheticMakerRows, writeMakerFile } from '../../src/domain/maker-file-writer.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { WrittenCardLines } from '../../src/workflows/written-card-lines.ts';
import { ADMIN, freshLedger } from '../helpers/temp-ledger.ts';

const N = IMPORT_CHUNK_ROWS * 3 + 300;
const fields = { bank: '中国工商银行', cityBody: '武汉市社会保险卡管理中心', batch: 'YZ2026120801', maker: '金邦达', bankCode: '102521000013', time: '20261208090000' };
/** Columns of a prefab row: 1 card number, 6 identification code, 9 bank card number. */
const COL = { cardNo: 1, cardIdCode: 6, bankCardNo: 9 } as const;

type Edit = (lines: string[]) => void;
const file = (edit: Edit) => {
  const w = writeMakerFile('prefab', fields, syntheticMakerRows('prefab', N, 11, { cardPrefix: 'S8', boxSize: 500 }));
  const lines = w.text.split('\n');
  edit(lines);
  return { fileName: w.fileName, bytes: new TextEncoder().encode(lines.join('\n')) };
};
/** Line `to` takes line `from`'s value of a column (physical lines, 1-based). */
const repeat = (col: keyof typeof COL, to: number, from: number): Edit => (l) => {
  const f = l[to - 1]!.split(',');
  f[COL[col]] = l[from - 1]!.split(',')[COL[col]]!;
  l[to - 1] = f.join(',');
};
/** Breaks the bank card number's check digit. */
const badLuhn = (line: number): Edit => (l) => {
  const f = l[line - 1]!.split(',');
  f[9] = f[9]!.slice(0, -1) + String((Number(f[9]!.slice(-1)) + 1) % 10);
  l[line - 1] = f.join(',');
};
const all = (...edits: Edit[]): Edit => (l) => edits.forEach((e) => e(l));

function setup() {
  const f = freshLedger();
  return { ...f, admin: authenticate(f.ledger, ADMIN.login, ADMIN.pin) };
}
const counts = (l: ReturnType<typeof setup>['ledger']) => l.sqlite.prepare('SELECT (SELECT count(*) FROM cards) c, (SELECT count(*) FROM movements) m, (SELECT count(*) FROM imports) i').get();
/** The errors in a comparable order: by line, then column, then code. */
const sorted = (r: ImportResult) =>
  r.errors.map((e) => [e.line, e.column, e.code, e.message] as const).sort((a, b) => a[0] - b[0] || String(a[1]).localeCompare(String(b[1])) || a[2].localeCompare(b[2]));

/** Imports with receive, and checks that the preview (no writes) found the same problems. */
function importBoth(edit: Edit) {
  const { ledger, admin } = setup();
  const before = counts(ledger);
  const f = file(edit);
  const preview = importMakerFile(ledger, admin, { ...f, dryRun: true });
  const r = importMakerFile(ledger, admin, { ...f, receive: true });
  expect(sorted(r)).toEqual(sorted(preview));
  expect(counts(ledger)).toEqual(before);
  expect(verifyLedger(ledger).ok).toBe(true);
  return r;
}

describe('a row repeating a row the import already wrote', () => {
  const late = IMPORT_CHUNK_ROWS * 2 + 3;

  it('is reported as the file’s own duplicate of that line, in each of the three columns', () => {
    const r = importBoth(all(repeat('cardNo', late, 4), repeat('cardIdCode', late + 1, 10), repeat('bankCardNo', late + 2, IMPORT_CHUNK_ROWS + 20)));
    expect(r.status).toBe('invalid');
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [late, 'MAKER_DUPLICATE_CARD'],
      [late + 1, 'MAKER_DUPLICATE_ID_CODE'],
      [late + 2, 'MAKER_DUPLICATE_BANK_CARD'],
    ]);
    expect(r.errors[0]!.message).toContain('第4行');
    expect(r.errors[1]!.message).toContain('第10行');
    expect(r.errors[2]!.message).toContain(`第${IMPORT_CHUNK_ROWS + 20}行`);
  });

  it('is reported too when the same row is refused for another problem (the one that stops the writing)', () => {
    const r = importBoth(all(repeat('cardNo', late, 6), badLuhn(late)));
    expect(r.errors.map((e) => [e.line, e.code]).sort()).toEqual([
      [late, 'LUHN'],
      [late, 'MAKER_DUPLICATE_CARD'],
    ].sort());
  });

  it('after a problem stopped the writing: later rows repeating written rows, the stopped chunk’s rows and each other', () => {
    const stop = IMPORT_CHUNK_ROWS + 50;
    const r = importBoth(
      all(
        badLuhn(stop),
        repeat('cardNo', stop + 5, 7), // the chunk that stopped, a row before nothing: checked against the ledger
        repeat('cardIdCode', late, 8), // a later chunk, against a written row
        repeat('bankCardNo', late + 10, stop + 20), // against an unwritten row of the stopped chunk
        repeat('cardNo', late + 30, late + 25), // two unwritten rows
      ),
    );
    expect(r.errors.map((e) => [e.line, e.code])).toEqual([
      [stop, 'LUHN'],
      [stop + 5, 'MAKER_DUPLICATE_CARD'],
      [late, 'MAKER_DUPLICATE_ID_CODE'],
      [late + 10, 'MAKER_DUPLICATE_BANK_CARD'],
      [late + 30, 'MAKER_DUPLICATE_CARD'],
    ]);
  });

  it('a clean file still imports whole, and a second file repeating it is the ledger’s conflict, not a duplicate', () => {
    const { ledger, admin } = setup();
    const ok = importMakerFile(ledger, admin, { ...file(() => {}), receive: true });
    expect(ok).toMatchObject({ status: 'imported', registered: N, received: N });
    // Another batch's file with the same rows (a blank line at the end makes it other bytes).
    const again = importMakerFile(ledger, admin, { ...file((l) => l.push('')), fileName: file(() => {}).fileName.replace('YZ2026120801', 'YZ2026120802'), receive: true });
    expect(new Set(again.errors.map((e) => e.code))).toEqual(new Set(['CARD_IN_LEDGER', 'CODE_IN_LEDGER']));
    expect(verifyLedger(ledger).ok).toBe(true);
  });
});

describe('the lines of the cards an import wrote', () => {
  it('are found by id across runs broken by blank lines, and nothing else is', () => {
    const lines = new WrittenCardLines();
    const want = new Map<number, number>();
    let line = 3;
    for (let id = 100; id < 5000; id++) {
      if (id % 777 === 0) line += 2;
      if (id % 1000 === 0) id += 5;
      lines.add(id, line);
      want.set(id, line);
      line++;
    }
    for (let id = 90; id < 5100; id++) expect(lines.lineOf(id), `card ${id}`).toBe(want.get(id));
    expect(lines.idRange()).toEqual({ first: 100, last: 4999 });
  });
});
