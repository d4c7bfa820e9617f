import { describe, expect, it } from 'vitest';
import { MAKER_FILE_MAX_BYTES, MAKER_HEADER, formatMakerError, parseMakerFile } from '../../src/domain/maker-file.ts';
import type { MakerFileResult } from '../../src/domain/maker-file.ts';
import { MAKER_FIELD_LIMITS, fenceMakerField } from '../../src/domain/maker-file-fields.ts';
import { syntheticMakerRows, writeMakerFile } from '../../src/domain/maker-file-writer.ts';
import type { MakerFileFields } from '../../src/domain/maker-file-writer.ts';

const TODAY = '2026-11-23';
const FIELDS: MakerFileFields = {
  bank: '中国工商银行',
  cityBody: '广州市社会保险卡管理中心',
  batch: 'B001',
  maker: '金邦达',
  bankCode: '102581000013',
  time: '20261120093000',
};

function validFile(kind: 'prefab' | 'finished', n: number): { fileName: string; lines: string[] } {
  const w = writeMakerFile(kind, FIELDS, syntheticMakerRows(kind, n, 1, { boxSize: 4 }));
  return { fileName: w.fileName, lines: w.text.split('\n') };
}

function setField(lines: string[], line: number, col: (typeof MAKER_HEADER)[number], value: string): string[] {
  const out = [...lines];
  const f = out[line - 1]!.split(',');
  f[MAKER_HEADER.indexOf(col)] = value;
  out[line - 1] = f.join(',');
  return out;
}

const parse = (fileName: string, lines: string[]): MakerFileResult => parseMakerFile(fileName, new TextEncoder().encode(lines.join('\n')), { today: TODAY });
const codes = (r: MakerFileResult) => r.errors.map((e) => ({ line: e.line, column: e.column, code: e.code }));

describe('maker-file field bounds (issue 18)', () => {
  it('a 10,000-character name is refused with its line and column, once, without echoing it', () => {
    const { fileName, lines } = validFile('finished', 3);
    const name = '张'.repeat(10_000);
    const r = parse(fileName, setField(lines, 4, '姓名', name));
    expect(codes(r)).toEqual([{ line: 4, column: '姓名', code: 'MAKER_FIELD_TOO_LONG' }]);
    expect(r.errors[0]!.message).toContain('最长50个字符');
    expect(r.errors[0]!.message).toContain('10000');
    expect(r.errors[0]!.message).not.toContain('张张');
    expect(formatMakerError(r.errors[0]!)).toMatch(/^第 4 行「姓名」：/);
    expect(r.rows.map((x) => x.line)).toEqual([3, 5]);
  });

  it('a name of 50 characters passes, 51 does not (GD Annex 6: 姓名 字符型 50)', () => {
    const { fileName, lines } = validFile('finished', 3);
    expect(parse(fileName, setField(lines, 3, '姓名', '阿'.repeat(50))).errors).toEqual([]);
    expect(codes(parse(fileName, setField(lines, 3, '姓名', '阿'.repeat(51))))).toEqual([{ line: 3, column: '姓名', code: 'MAKER_FIELD_TOO_LONG' }]);
    // Characters outside the BMP count once.
    expect(parse(fileName, setField(lines, 3, '姓名', '𠀀'.repeat(50))).errors).toEqual([]);
  });

  it('a NUL byte is refused with its line and column and named by code point, in any column', () => {
    const { fileName, lines } = validFile('prefab', 3);
    for (const col of ['装箱位置', '银行账户', '卡识别码', '序号'] as const) {
      const f = lines[4]!.split(',')[MAKER_HEADER.indexOf(col)]!;
      const r = parse(fileName, setField(lines, 5, col, `${f.slice(0, 1)}\u0000${f.slice(2)}`));
      expect(codes(r), col).toEqual([{ line: 5, column: col, code: 'MAKER_FIELD_CONTROL' }]);
      expect(r.errors[0]!.message).toContain('U+0000');
      expect(r.errors[0]!.message).not.toContain('\u0000');
    }
    const finished = validFile('finished', 3);
    const r = parse(finished.fileName, setField(finished.lines, 3, '姓名', '张\u0000三'));
    expect(codes(r)).toEqual([{ line: 3, column: '姓名', code: 'MAKER_FIELD_CONTROL' }]);
  });

  it('bidi overrides and other controls are refused; a tab inside a value is white space', () => {
    const { fileName, lines } = validFile('finished', 3);
    expect(codes(parse(fileName, setField(lines, 3, '姓名', '张\u202E三')))).toEqual([{ line: 3, column: '姓名', code: 'MAKER_FIELD_CONTROL' }]);
    expect(codes(parse(fileName, setField(lines, 3, '装箱位置', '01\u001B-007')))).toEqual([{ line: 3, column: '装箱位置', code: 'MAKER_FIELD_CONTROL' }]);
    expect(parse(fileName, setField(lines, 3, '姓名', '张\t三')).errors).toEqual([]);
  });

  it('a 1 MB 装箱位置 is refused; 32 characters pass; the box position has a character class', () => {
    const { fileName, lines } = validFile('prefab', 3);
    expect(codes(parse(fileName, setField(lines, 3, '装箱位置', '1'.repeat(1 << 20))))).toEqual([{ line: 3, column: '装箱位置', code: 'MAKER_FIELD_TOO_LONG' }]);
    const r32 = parse(fileName, setField(lines, 3, '装箱位置', `GZ-2026-03/${'0'.repeat(17)}-007`));
    expect(r32.errors).toEqual([]);
    expect(codes(parse(fileName, setField(lines, 3, '装箱位置', `${'0'.repeat(30)}-07`)))).toEqual([{ line: 3, column: '装箱位置', code: 'MAKER_FIELD_TOO_LONG' }]);
    for (const ok of ['01-007', '箱A-01-9', 'GZ_2026.03#1-7', '第 1 箱-7', 'Ａ－０１']) {
      expect(parse(fileName, setField(lines, 3, '装箱位置', ok)).errors, ok).toEqual([]);
    }
    for (const bad of ['01-007;DROP', '01<b>-7', '01-007!', '😀-1']) {
      expect(codes(parse(fileName, setField(lines, 3, '装箱位置', bad))), bad).toEqual([{ line: 3, column: '装箱位置', code: 'MAKER_FIELD_CHARS' }]);
    }
  });

  it('each field of a row is fenced on its own; the other fields are still checked', () => {
    const { fileName, lines } = validFile('finished', 3);
    let bad = setField(lines, 4, '姓名', 'x'.repeat(60));
    bad = setField(bad, 4, '个人账户', '1'.repeat(61));
    bad = setField(bad, 4, '卡识别码', 'ABC');
    const r = parse(fileName, bad);
    expect(codes(r)).toEqual([
      { line: 4, column: '姓名', code: 'MAKER_FIELD_TOO_LONG' },
      { line: 4, column: '个人账户', code: 'MAKER_FIELD_TOO_LONG' },
      { line: 4, column: '卡识别码', code: 'CARD_ID_CODE' },
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([3, 5]);
  });

  it('a long 序号 is refused by the fence and the next row is not blamed for a gap', () => {
    const { fileName, lines } = validFile('prefab', 3);
    expect(codes(parse(fileName, setField(lines, 4, '序号', '1'.repeat(10))))).toEqual([{ line: 4, column: '序号', code: 'MAKER_FIELD_TOO_LONG' }]);
  });

  it('every column has a finite limit, and the Annex sample row passes the fence', () => {
    for (const col of MAKER_HEADER) expect(Number.isSafeInteger(MAKER_FIELD_LIMITS[col].max), col).toBe(true);
    // GD Annex 9 一(四) sample row (its empty 装箱位置 is the column's own check's business).
    const sample = '1,*00000001,,,,,sbm4567890sbm4567890sbm456789011,fwm4567890sbm4567890sbm451,1234567890123456781,1234567890123456781,1234567890123456781,'.split(',');
    MAKER_HEADER.forEach((col, i) => expect(fenceMakerField(col, sample[i] ?? ''), col).toBeNull());
    expect(fenceMakerField('卡复位码', '3B 6C 00 00 '.repeat(8).trim())).toBeNull();
    expect(fenceMakerField('银行卡号', '6222 0200 2590 1999 992')).toBeNull();
    expect(fenceMakerField('身份证号', '440103 19800802 5037')).toBeNull();
  });
});

describe('maker-file size limit', () => {
  it('bytes over MAKER_FILE_MAX_BYTES are refused before they are decoded', () => {
    // Only the length is looked at first; a stand-in spares the test 384 MiB of memory.
    const huge = { length: MAKER_FILE_MAX_BYTES + 1 } as unknown as Uint8Array;
    expect(() => parseMakerFile('YZKCG_x.txt', huge, { today: TODAY })).toThrow(expect.objectContaining({ code: 'MAKER_FILE_TOO_LARGE' }));
    expect(MAKER_FILE_MAX_BYTES).toBeGreaterThanOrEqual(1_500_000 * 200);
  });
});
