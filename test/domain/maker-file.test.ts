import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeGb18030, makerFixtures } from '../../fixtures/maker-files/generate.ts';
import { decodeMakerFile } from '../../src/domain/decode-text.ts';
import { MAKER_HEADER, formatMakerError, makerBoxLabel, parseMakerFile } from '../../src/domain/maker-file.ts';
import type { MakerFileResult } from '../../src/domain/maker-file.ts';
import { parseMakerFileName } from '../../src/domain/maker-file-name.ts';
import { syntheticMakerRows, writeMakerFile } from '../../src/domain/maker-file-writer.ts';
import type { MakerFileFields } from '../../src/domain/maker-file-writer.ts';

const TODAY = '2026-11-23';
const DIR = new URL('../../fixtures/maker-files/', import.meta.url);

const FIELDS: MakerFileFields = {
  bank: '中国工商银行',
  cityBody: '广州市社会保险卡管理中心',
  batch: 'T001',
  maker: '金邦达',
  bankCode: '102581000013',
  time: '20261120093000',
};

function sample(pattern: RegExp): { fileName: string; bytes: Uint8Array } {
  const fileName = readdirSync(DIR).find((f) => pattern.test(f));
  if (fileName === undefined) throw new Error(`no sample matching ${pattern}`);
  return { fileName, bytes: new Uint8Array(readFileSync(new URL(fileName, DIR))) };
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function parse(fileName: string, text: string | Uint8Array, exemptBins?: string[]): MakerFileResult {
  return parseMakerFile(fileName, typeof text === 'string' ? utf8(text) : text, { today: TODAY, exemptBins });
}

const codes = (r: MakerFileResult) => r.errors.map((e) => ({ line: e.line, column: e.column, code: e.code }));

/** A valid file of `n` rows as text lines, for tests that break one thing. */
function validFile(kind: 'prefab' | 'finished', n: number, seed = 1): { fileName: string; lines: string[] } {
  const w = writeMakerFile(kind, FIELDS, syntheticMakerRows(kind, n, seed, { boxSize: 4 }));
  return { fileName: w.fileName, lines: w.text.split('\n') };
}

/** Replaces field `col` (by header name) of physical line `line` (1-based). */
function setField(lines: string[], line: number, col: (typeof MAKER_HEADER)[number], value: string): string[] {
  const out = [...lines];
  const f = out[line - 1]!.split(',');
  f[MAKER_HEADER.indexOf(col)] = value;
  out[line - 1] = f.join(',');
  return out;
}

describe('parseMakerFileName', () => {
  it('reads the GD Annex 9 prefab name and the CPKCG finished name', () => {
    expect(parseMakerFileName('YZKCG_中国工商银行_广州市社会保险卡管理中心_YZ01_50_金邦达_102581000013_20261120093000.txt')).toEqual({
      ok: true,
      value: {
        kind: 'prefab',
        bank: '中国工商银行',
        cityBody: '广州市社会保险卡管理中心',
        batch: 'YZ01',
        declaredCount: 50,
        maker: '金邦达',
        bankCode: '102581000013',
        time: '20261120093000',
      },
    });
    const r = parseMakerFileName('CPKCG_中国建设银行_广州市_2026110001_20_东信和平_105581000011_20261120093000.txt');
    expect(r.ok && r.value.kind).toBe('finished');
  });

  it('strips directories of either kind and reads .txt in any case', () => {
    const base = 'YZKCG_中国工商银行_广州市_B1_5_金邦达_102581000013_20261120093000';
    for (const p of [`/srv/in/${base}.txt`, `D:\\收件\\卡商\\${base}.TXT`, `./${base}.Txt`]) {
      const r = parseMakerFileName(p);
      expect(r.ok && r.value.batch).toBe('B1');
    }
  });

  it('accepts date-only and minute times but not impossible ones', () => {
    const name = (t: string) => `YZKCG_工行_广州市_B1_5_金邦达_102_${t}.txt`;
    expect(parseMakerFileName(name('20261120')).ok).toBe(true);
    expect(parseMakerFileName(name('202611200930')).ok).toBe(true);
    for (const t of ['20260230093000', '20261120246000', '20261120093060', '2026-11-20', '']) {
      expect(parseMakerFileName(name(t))).toMatchObject({ ok: false, code: 'MAKER_NAME_TIME' });
    }
  });

  it('names what is wrong', () => {
    expect(parseMakerFileName('YZKSJ_工行_广州市_B1_5_金邦达_20261120093000.txt')).toMatchObject({ ok: false, code: 'MAKER_NAME_PREFIX' });
    expect(parseMakerFileName('YZKCG_工行_广州市_B1_5_金邦达_20261120093000.txt')).toMatchObject({ ok: false, code: 'MAKER_NAME_FIELDS' });
    expect(parseMakerFileName('YZKCG_工行_广州市_B1_0_金邦达_102_20261120093000.txt')).toMatchObject({ ok: false, code: 'MAKER_NAME_COUNT' });
    expect(parseMakerFileName('YZKCG_工行_广州市_B1_五十_金邦达_102_20261120093000.txt')).toMatchObject({ ok: false, code: 'MAKER_NAME_COUNT' });
    expect(parseMakerFileName('YZKCG_工行__B1_5_金邦达_102_20261120093000.txt')).toMatchObject({ ok: false, code: 'MAKER_NAME_FIELD_EMPTY' });
    expect(parseMakerFileName('YZKCG_工行_广州市_B1_5_金邦达_102-3_20261120093000.txt')).toMatchObject({ ok: false, code: 'MAKER_NAME_BANK_CODE' });
    expect(parseMakerFileName('YZKCG_工行_广州市_B1_5_金邦达_102_20261120093000.csv')).toMatchObject({ ok: false, code: 'MAKER_NAME_EXTENSION' });
    // All problems in one message.
    const r = parseMakerFileName('YZKCG_工行_广州市_B1_x_金邦达_102_2026.txt');
    expect(!r.ok && r.message).toContain('数量');
    expect(!r.ok && r.message).toContain('时间');
  });
});

describe('decodeMakerFile', () => {
  it('strips a UTF-8 BOM and reads UTF-8', () => {
    expect(decodeMakerFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('张[CHUI]')]))).toEqual({ text: '张[CHUI]', encoding: 'utf-8', bom: true });
    expect(decodeMakerFile(utf8('12\r\n'))).toEqual({ text: '12\r\n', encoding: 'utf-8', bom: false });
  });

  it('reads GB18030 (and so GBK) when the bytes are not UTF-8', () => {
    expect(decodeMakerFile(new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd]))).toEqual({ text: '张三', encoding: 'gb18030', bom: false });
    expect(decodeMakerFile(encodeGb18030('阿依古丽·买买提,01-001'))).toMatchObject({ text: '阿依古丽·买买提,01-001', encoding: 'gb18030' });
  });

  it('keeps a damaged file with a BOM as UTF-8, marking the broken bytes', () => {
    const r = decodeMakerFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x31, 0xff, 0x32]));
    expect(r).toEqual({ text: '1\uFFFD2', encoding: 'utf-8', bom: true });
  });
});

describe('the committed samples', () => {
  it('are what the generator writes', () => {
    for (const f of makerFixtures()) {
      expect(new Uint8Array(readFileSync(new URL(f.fileName, DIR))), f.fileName).toEqual(f.bytes);
    }
  });

  it('finished cards, UTF-8 with BOM and CRLF: clean, 20 rows in 2 boxes, 张[CHUI] kept', () => {
    const { fileName, bytes } = sample(/^CPKCG_.*_2026110001_20_/);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toContain('\r\n');
    const r = parse(fileName, bytes);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ kind: 'finished', encoding: 'utf-8', bom: true });
    expect(r.name).toMatchObject({ kind: 'finished', batch: '2026110001', declaredCount: 20 });
    expect(r.rows).toHaveLength(20);
    expect(new Set(r.rows.map((x) => x.boxLabel))).toEqual(new Set(['01', '02']));
    expect(r.rows.map((x) => x.name)).toContain('张[CHUI]');
    expect(r.rows.map((x) => x.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 3));
    expect(r.rows[0]).toMatchObject({ seq: 1, cardNo: 'F70000001', issueDate: '2026-11-18', expiryDate: '2036-11-18' });
  });

  it('the GB18030 copy gives the same rows', () => {
    const a = sample(/^CPKCG_.*_2026110001_20_/);
    const b = sample(/^CPKCG_.*_2026110002_20_/);
    const ra = parse(a.fileName, a.bytes);
    const rb = parse(b.fileName, b.bytes);
    expect(rb.errors).toEqual([]);
    expect(rb).toMatchObject({ encoding: 'gb18030', bom: false });
    expect(rb.name?.batch).toBe('2026110002');
    expect(rb.rows).toEqual(ra.rows);
  });

  it('prefab blanks: clean, 50 rows in 2 boxes, no holders', () => {
    const { fileName, bytes } = sample(/^YZKCG_中国工商银行_/);
    const r = parse(fileName, bytes);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ kind: 'prefab', encoding: 'utf-8', bom: false });
    expect(r.rows).toHaveLength(50);
    expect(new Set(r.rows.map((x) => x.boxLabel))).toEqual(new Set(['01', '02']));
    expect(r.rows.every((x) => x.idNumber === null && x.name === null)).toBe(true);
  });

  it('the error sample reports every planted error at its line and column, and nothing else', () => {
    const { fileName, bytes } = sample(/^CPKCG_.*_2026110009_13_/);
    const r = parse(fileName, bytes);
    expect(codes(r)).toEqual([
      { line: 0, column: null, code: 'MAKER_NAME_COUNT_ROWS' },
      { line: 0, column: null, code: 'MAKER_NAME_COUNT_LINE1' },
      { line: 6, column: '身份证号', code: 'ID_CHECKSUM' },
      { line: 8, column: '银行卡号', code: 'LUHN' },
      { line: 10, column: '社保卡号', code: 'MAKER_DUPLICATE_CARD' },
      { line: 12, column: '装箱位置', code: 'MAKER_REQUIRED' },
      { line: 13, column: null, code: 'MAKER_FIELD_COUNT' },
    ]);
    expect(r.errors[0]!.message).toMatch(/13.*12/);
    expect(r.errors[4]!.message).toContain('第4行');
    // The good rows are still there for a preview; the bad ones are not.
    expect(r.rows.map((x) => x.seq)).toEqual([1, 2, 3, 5, 7, 9, 12]);
    // No message repeats an identity, card or bank number (PIPL Art. 28).
    for (const e of r.errors) expect(e.message).not.toMatch(/[0-9]{13,}|G8[0-9]{7}/);
  });
});

describe('parseMakerFile: counts, header and layout', () => {
  it('a file-name count that disagrees with line 1 and the data', () => {
    const { fileName, lines } = validFile('prefab', 5);
    const r = parse(fileName.replace('_5_', '_6_'), lines.join('\n'));
    expect(codes(r)).toEqual([
      { line: 0, column: null, code: 'MAKER_NAME_COUNT_ROWS' },
      { line: 0, column: null, code: 'MAKER_NAME_COUNT_LINE1' },
    ]);
    expect(r.errors[0]!.message).toContain('6');
    expect(r.errors[0]!.message).toContain('5');
    expect(r.rows).toHaveLength(5);
  });

  it('a line-1 count that disagrees with the data, and one that is not a number', () => {
    const { fileName, lines } = validFile('prefab', 5);
    const r = parse(fileName, ['7', ...lines.slice(1)].join('\n'));
    expect(codes(r)).toEqual([
      { line: 0, column: null, code: 'MAKER_NAME_COUNT_LINE1' },
      { line: 1, column: null, code: 'MAKER_COUNT_ROWS' },
    ]);
    expect(r.errors[1]!.message).toMatch(/7.*5/);
    expect(codes(parse(fileName, ['五', ...lines.slice(1)].join('\n')))).toEqual([{ line: 1, column: null, code: 'MAKER_COUNT_FORMAT' }]);
    // A spreadsheet pads the count line with empty fields; the number is still clear.
    expect(parse(fileName, ['5,,,,,,,,,,,', ...lines.slice(1)].join('\n')).errors).toEqual([]);
  });

  it('a missing count line is named as such and the rest still read', () => {
    const { fileName, lines } = validFile('prefab', 3);
    const r = parse(fileName, lines.slice(1).join('\n'));
    expect(codes(r)).toEqual([{ line: 1, column: null, code: 'MAKER_COUNT_MISSING' }]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 3, 4]);
  });

  it('a header mismatch names the columns; spaces around names are fine', () => {
    const { fileName, lines } = validFile('finished', 3);
    const spaced = [lines[0]!, `  ${MAKER_HEADER.join(' , ')} `, ...lines.slice(2)];
    expect(parse(fileName, spaced.join('\n')).errors).toEqual([]);
    const wrong = [lines[0]!, lines[1]!.replace('身份证号', '证件号码'), ...lines.slice(2)];
    const r = parse(fileName, wrong.join('\n'));
    expect(codes(r)).toEqual([{ line: 2, column: null, code: 'MAKER_HEADER' }]);
    expect(r.errors[0]!.message).toContain('第3列应为「身份证号」，实为「证件号码」');
    const short = [lines[0]!, MAKER_HEADER.slice(0, 11).join(','), ...lines.slice(2)];
    expect(parse(fileName, short.join('\n')).errors[0]!.message).toContain('缺少第12列「装箱位置」');
  });

  it('CRLF, LF and lone CR read alike; trailing blank lines are ignored, blank lines inside are not', () => {
    const { fileName, lines } = validFile('finished', 4);
    const body = lines.filter((l) => l !== '');
    const lf = parse(fileName, `${body.join('\n')}\n\n\n`);
    expect(lf.errors).toEqual([]);
    expect(parse(fileName, body.join('\r\n')).rows).toEqual(lf.rows);
    expect(parse(fileName, `${body.join('\r')}\r`).rows).toEqual(lf.rows);
    const withBlank = [...body.slice(0, 4), '  ', ...body.slice(4)];
    const r = parse(fileName, withBlank.join('\n'));
    expect(codes(r)).toEqual([{ line: 5, column: null, code: 'MAKER_BLANK_LINE' }]);
    expect(r.rows.map((x) => x.line)).toEqual([3, 4, 6, 7]);
  });

  it('a row with too many fields, and a trailing empty 装箱位置 still counts as a field', () => {
    const { fileName, lines } = validFile('prefab', 3);
    const r = parse(fileName, [...lines.slice(0, 3), `${lines[3]},x`, lines[4]!].join('\n'));
    expect(codes(r)).toEqual([{ line: 4, column: null, code: 'MAKER_FIELD_COUNT' }]);
    const blankBox = setField(lines, 3, '装箱位置', '');
    expect(codes(parse(fileName, blankBox.join('\n')))).toEqual([{ line: 3, column: '装箱位置', code: 'MAKER_REQUIRED' }]);
  });

  it('empty and header-only files', () => {
    expect(codes(parse('YZKCG_工行_广州市_B1_5_金邦达_102_20261120093000.txt', ''))).toEqual([
      { line: 1, column: null, code: 'MAKER_EMPTY' },
    ]);
    const r = parse('YZKCG_工行_广州市_B1_5_金邦达_102_20261120093000.txt', `0\n${MAKER_HEADER.join(',')}\n`);
    expect(codes(r)).toEqual([
      { line: 0, column: null, code: 'MAKER_NAME_COUNT_ROWS' },
      { line: 0, column: null, code: 'MAKER_NAME_COUNT_LINE1' },
      { line: 2, column: null, code: 'MAKER_NO_ROWS' },
    ]);
  });

  it('the Annex 9 placeholder row: its bank number fails Luhn and its 装箱位置 is empty', () => {
    const text = `1\n${MAKER_HEADER.join(',')}\n1,*00000001,,,,,sbm4567890sbm4567890sbm456789011,fwm4567890sbm4567890sbm451,1234567890123456781,1234567890123456781,1234567890123456781,\n`;
    const name = 'YZKCG_中国工商银行_广州市_001_1_金邦达_102581000013_20261120093000.txt';
    expect(codes(parse(name, text))).toEqual([
      { line: 3, column: '银行卡号', code: 'LUHN' },
      { line: 3, column: '装箱位置', code: 'MAKER_REQUIRED' },
    ]);
    // With the BIN exempted (ENGINEERING.md §3) only the box is missing.
    expect(codes(parse(name, text, ['123456']))).toEqual([{ line: 3, column: '装箱位置', code: 'MAKER_REQUIRED' }]);
  });
});

describe('parseMakerFile: rows', () => {
  it('序号 gaps, duplicates and disorder are each reported once', () => {
    const { fileName, lines } = validFile('prefab', 6);
    const dropped = [...lines.slice(0, 4), ...lines.slice(5)]; // 序号 3 (line 5) gone
    const r = parse(fileName, dropped.join('\n'));
    expect(codes(r)).toEqual([
      { line: 0, column: null, code: 'MAKER_NAME_COUNT_ROWS' },
      { line: 1, column: null, code: 'MAKER_COUNT_ROWS' },
      { line: 5, column: '序号', code: 'MAKER_SEQ_GAP' },
    ]);
    expect(r.errors[2]!.message).toContain('缺少序号3');
    const doubled = [...lines.slice(0, 5), lines[4]!, ...lines.slice(5)]; // line 6 repeats line 5
    expect(codes(parse(fileName, doubled.join('\n')))).toEqual([
      { line: 0, column: null, code: 'MAKER_NAME_COUNT_ROWS' },
      { line: 1, column: null, code: 'MAKER_COUNT_ROWS' },
      { line: 6, column: '序号', code: 'MAKER_SEQ_DUPLICATE' },
      { line: 6, column: '社保卡号', code: 'MAKER_DUPLICATE_CARD' },
      { line: 6, column: '卡识别码', code: 'MAKER_DUPLICATE_ID_CODE' },
      { line: 6, column: '银行卡号', code: 'MAKER_DUPLICATE_BANK_CARD' },
    ]);
    const swapped = [...lines.slice(0, 3), lines[4]!, lines[3]!, ...lines.slice(5)];
    expect(codes(parse(fileName, swapped.join('\n')))).toEqual([
      { line: 4, column: '序号', code: 'MAKER_SEQ_GAP' },
      { line: 5, column: '序号', code: 'MAKER_SEQ_ORDER' },
    ]);
    expect(codes(parse(fileName, setField(lines, 3, '序号', '一').join('\n')))).toEqual([
      { line: 3, column: '序号', code: 'MAKER_SEQ_FORMAT' },
    ]);
  });

  it('prefab: holder columns filled are refused', () => {
    const { fileName, lines } = validFile('prefab', 3);
    let bad = setField(lines, 4, '身份证号', '11010519491231002X');
    bad = setField(bad, 5, '姓名', '张三');
    const r = parse(fileName, bad.join('\n'));
    expect(codes(r)).toEqual([
      { line: 4, column: '身份证号', code: 'MAKER_PREFAB_HOLDER' },
      { line: 5, column: '姓名', code: 'MAKER_PREFAB_HOLDER' },
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([3]);
  });

  it('finished: holder, dates and codes are required', () => {
    const { fileName, lines } = validFile('finished', 3);
    for (const col of ['姓名', '身份证号', '制卡日期', '有效期至', '社保卡号', '卡识别码', '卡复位码', '银行卡号', '装箱位置'] as const) {
      const r = parse(fileName, setField(lines, 4, col, '').join('\n'));
      expect(codes(r), col).toEqual([{ line: 4, column: col, code: 'MAKER_REQUIRED' }]);
    }
    // The accounts are optional.
    const noAccounts = setField(setField(lines, 4, '个人账户', ''), 4, '银行账户', '');
    const r = parse(fileName, noAccounts.join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.rows[1]).toMatchObject({ personalAccount: null, bankAccount: null });
  });

  it('finished: names with rare characters are kept in their normalised form', () => {
    const { fileName, lines } = validFile('finished', 3);
    const r = parse(fileName, setField(lines, 3, '姓名', '李【yan】 华').join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.name).toBe('李[YAN]华');
    expect(codes(parse(fileName, setField(lines, 3, '姓名', '李[YAN华').join('\n')))).toEqual([
      { line: 3, column: '姓名', code: 'NAME_BRACKET' },
    ]);
    expect(codes(parse(fileName, setField(lines, 3, '身份证号', '440103202712010011').join('\n')))).toEqual([
      { line: 3, column: '身份证号', code: 'ID_BIRTH_DATE' },
    ]);
  });

  it('finished: a placeholder card number is refused', () => {
    const { fileName, lines } = validFile('finished', 3);
    expect(codes(parse(fileName, setField(lines, 3, '社保卡号', '*00000001').join('\n')))).toEqual([
      { line: 3, column: '社保卡号', code: 'MAKER_CARD_PLACEHOLDER' },
    ]);
  });

  it('dates: YYYYMMDD or YYYY-MM-DD, real, expiry after issue, issue not in the future', () => {
    const { fileName, lines } = validFile('finished', 3);
    const iso = setField(setField(lines, 3, '制卡日期', '2026-11-18'), 3, '有效期至', '2036-11-18');
    const r = parse(fileName, iso.join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ issueDate: '2026-11-18', expiryDate: '2036-11-18' });
    for (const bad of ['20260230', '2026/11/18', '2026-1118', '261118']) {
      expect(codes(parse(fileName, setField(lines, 3, '制卡日期', bad).join('\n'))), bad).toEqual([
        { line: 3, column: '制卡日期', code: 'MAKER_DATE' },
      ]);
    }
    expect(codes(parse(fileName, setField(lines, 3, '有效期至', '20261118').join('\n')))).toEqual([
      { line: 3, column: '有效期至', code: 'MAKER_DATE_ORDER' },
    ]);
    expect(codes(parse(fileName, setField(lines, 3, '制卡日期', '20261124').join('\n')))).toEqual([
      { line: 3, column: '制卡日期', code: 'MAKER_DATE_FUTURE' },
    ]);
  });

  it('codes: identification code, reset code, accounts', () => {
    const { fileName, lines } = validFile('prefab', 3);
    expect(codes(parse(fileName, setField(lines, 3, '卡识别码', 'ABC').join('\n')))).toEqual([
      { line: 3, column: '卡识别码', code: 'CARD_ID_CODE' },
    ]);
    expect(codes(parse(fileName, setField(lines, 3, '卡复位码', '3B-6C').join('\n')))).toEqual([
      { line: 3, column: '卡复位码', code: 'CARD_RESET_CODE' },
    ]);
    expect(codes(parse(fileName, setField(lines, 3, '银行账户', '张三').join('\n')))).toEqual([
      { line: 3, column: '银行账户', code: 'MAKER_ACCOUNT' },
    ]);
  });

  it('装箱位置: the box is what comes before the last hyphen', () => {
    expect(makerBoxLabel('01-007')).toBe('01');
    expect(makerBoxLabel('GZ-2026-03-015')).toBe('GZ-2026-03');
    expect(makerBoxLabel('A12')).toBe('A12');
    const { fileName, lines } = validFile('prefab', 3);
    const r = parse(fileName, setField(lines, 3, '装箱位置', ' 箱Ａ－０１－９ ').join('\n'));
    expect(r.rows[0]).toMatchObject({ boxPosition: '箱A-01-9', boxLabel: '箱A-01' });
    expect(codes(parse(fileName, setField(lines, 3, '装箱位置', '-7').join('\n')))).toEqual([
      { line: 3, column: '装箱位置', code: 'MAKER_BOX_POSITION' },
    ]);
  });

  it('a name that cannot be read still reports the content, checked by the kind it shows', () => {
    const { lines } = validFile('finished', 3);
    const r = parse('cards.txt', lines.join('\n'));
    expect(r.name).toBeNull();
    expect(r.kind).toBe('finished');
    expect(codes(r)).toEqual([
      { line: 0, column: null, code: 'MAKER_NAME_PREFIX' },
      { line: 0, column: null, code: 'MAKER_NAME_FIELDS' },
    ]);
    expect(r.rows).toHaveLength(3);
  });

  it('formatMakerError', () => {
    expect(formatMakerError({ line: 5, column: '身份证号', code: 'X', message: '有误。' })).toBe('第 5 行「身份证号」：有误。');
    expect(formatMakerError({ line: 5, column: null, code: 'X', message: '有误。' })).toBe('第 5 行：有误。');
    expect(formatMakerError({ line: 0, column: null, code: 'X', message: '有误。' })).toBe('文件名：有误。');
  });
});

describe('parseMakerFile: properties', () => {
  const bases = makerFixtures().slice(0, 3);

  type Mutation =
    | { op: 'drop' | 'dup'; at: number }
    | { op: 'byte'; at: number; value: number }
    | { op: 'truncate'; at: number };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ op: fc.constantFrom('drop' as const, 'dup' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  );

  /** Lines are cut at LF bytes, which never occur inside a GB18030 or UTF-8 character. */
  function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
    const arr = [...bytes];
    if (m.op === 'byte') {
      if (arr.length > 0) arr[m.at % arr.length] = m.value;
      return new Uint8Array(arr);
    }
    if (m.op === 'truncate') return new Uint8Array(arr.slice(0, m.at % (arr.length + 1)));
    const lines: number[][] = [[]];
    for (const b of arr) {
      lines[lines.length - 1]!.push(b);
      if (b === 0x0a) lines.push([]);
    }
    const i = m.at % lines.length;
    if (m.op === 'drop') lines.splice(i, 1);
    else lines.splice(i, 0, [...lines[i]!]);
    return new Uint8Array(lines.flat());
  }

  it('mutated files never throw, and every error points inside the file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bases.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (b, ms) => {
        const base = bases[b]!;
        const bytes = ms.reduce(mutate, base.bytes);
        const r = parseMakerFile(base.fileName, bytes, { today: TODAY });
        const physical = decodeMakerFile(bytes).text.split(/\r\n|\r|\n/).length;
        for (const e of r.errors) {
          expect(e.line).toBeGreaterThanOrEqual(0);
          expect(e.line).toBeLessThanOrEqual(physical);
          expect(e.column === null || (MAKER_HEADER as readonly string[]).includes(e.column)).toBe(true);
          expect(e.code).toMatch(/^[A-Z0-9_]+$/);
          expect(e.message.length).toBeGreaterThan(0);
        }
        for (const row of r.rows) expect(row.line).toBeLessThanOrEqual(physical);
      }),
      { numRuns: 300 },
    );
  });

  it('100 random valid files parse with no errors', () => {
    const isoDate = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom('prefab' as const, 'finished' as const),
          n: fc.integer({ min: 1, max: 60 }),
          seed: fc.integer(),
          cardPrefix: fc.stringMatching(/^[A-Z][0-9A-Z]$/),
          boxSize: fc.integer({ min: 1, max: 30 }),
          issueDate: isoDate,
          bin: fc.stringMatching(/^62[0-9]{4}$/),
          batch: fc.stringMatching(/^[A-Z0-9]{1,12}$/),
          bank: fc.constantFrom('中国工商银行', '中国建设银行', '中国农业银行', '广州农商银行'),
          time: isoDate.map((d) => `${d.replace(/-/g, '')}093000`),
          bytes: fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030'),
          eol: fc.constantFrom('\n', '\r\n', '\r'),
        }),
        (p) => {
          const rows = syntheticMakerRows(p.kind, p.n, p.seed, p);
          const w = writeMakerFile(p.kind, { ...FIELDS, bank: p.bank, batch: p.batch, time: p.time }, rows);
          const text = w.text.replace(/\n/g, p.eol);
          const bytes =
            p.bytes === 'gb18030'
              ? encodeGb18030(text)
              : p.bytes === 'utf-8-bom'
                ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])
                : utf8(text);
          const r = parseMakerFile(w.fileName, bytes, { today: TODAY });
          expect(r.errors).toEqual([]);
          expect(r.name).toMatchObject({ kind: p.kind, batch: p.batch, declaredCount: p.n });
          expect(r.rows.map((x) => x.cardNo)).toEqual(rows.map((x) => x.cardNo));
          expect(r.rows.map((x) => x.name)).toEqual(rows.map((x) => x.name));
          expect(new Set(r.rows.map((x) => x.boxLabel)).size).toBe(Math.ceil(p.n / p.boxSize));
        },
      ),
      { numRuns: 100 },
    );
  });
});
