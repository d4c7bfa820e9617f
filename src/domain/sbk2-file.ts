/**
 * Reader for batch application files (批量申请数据文件, GD Annex 6): the zip's name, the text
 * file's count line, header and rows, and the PHOTO folder. Every problem is collected with its
 * line and column (like maker-file.ts), never just the first: the file goes back as a whole.
 * A file is to be imported only when `errors` is empty.
 */
import { createHash } from 'node:crypto';
import { checkApplicantId } from './applicant-id.ts';
import { isIsoDate } from './china-dates.ts';
import { maskIdNumber } from './mask.ts';
import { decodeMakerFile, type DecodedText } from './decode-text.ts';
import { readZipEntries, type ZipEntry } from './sbk2-zip.ts';
import {
  PHOTO_FREE_BELOW_AGE, SBK2_HEADER, SBK2_MAX_LENGTH, SBK2_PHOTO_DIR, SBK2_PHOTO_MAX_BYTES, SBK2_REQUIRED,
  SBK2_TEXT_MAX_BYTES, SBK2_COL as C, type Sbk2Column,
} from './sbk2-format.ts';
import { sbk2FileTexts as T } from '../i18n/domain/sbk2-file.ts';

export type Sbk2Name = { bank: string; agency: string; count: number; time: string };

export type Sbk2Error = {
  /** 1-based line of the text file; 0 for the zip as a whole or one of its entries */
  line: number;
  column: Sbk2Column | null;
  /** the zip entry at fault (a photo), when the problem is not in the text file */
  entry: string | null;
  code: string;
  message: string;
};

export type Sbk2Photo = { name: string; size: number; sha256: string };

export type Sbk2Row = {
  line: number;
  seq: number;
  formCode: string;
  idType: string;
  idNumber: string;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  mobile: string | null;
  phone: string;
  address: string | null;
  unitCode: string | null;
  unitName: string | null;
  bank: string;
  fields: Record<Sbk2Column, string>;
  photo: Sbk2Photo | null;
};

export type Sbk2Result = {
  name: Sbk2Name | null;
  encoding: DecodedText['encoding'] | null;
  rows: Sbk2Row[];
  errors: Sbk2Error[];
};

type Add = (e: Omit<Sbk2Error, 'entry'> & { entry?: string | null }) => void;

const NAME = /^SBK2_([0-9A-Za-z]{5})_([0-9A-Za-z]{14})_([0-9]{1,7})_([0-9]{14})\.zip$/;

/** GD Annex 6: SBK2_银行(5)_经办机构(14)_人数_时间(YYYYMMDDHHMMSS).zip */
export function parseSbk2Name(fileName: string): Sbk2Name | null {
  const m = NAME.exec(fileName);
  if (!m) return null;
  const time = m[4] as string;
  const date = `${time.slice(0, 4)}-${time.slice(4, 6)}-${time.slice(6, 8)}`;
  if (!isIsoDate(date) || Number(time.slice(8, 10)) > 23 || Number(time.slice(10, 12)) > 59 || Number(time.slice(12)) > 59) return null;
  return { bank: m[1] as string, agency: m[2] as string, count: Number(m[3]), time };
}

export function formatSbk2Error(e: Sbk2Error): string {
  if (e.line === 0) return e.entry ? T.where.entry({ entry: e.entry, message: e.message }) : T.where.file(e.message);
  return e.column === null ? T.where.line({ line: e.line, message: e.message }) : T.where.cell({ line: e.line, column: e.column, message: e.message });
}

/** `today` (YYYY-MM-DD) decides who is under 7 and so needs no photo, and which birth dates are in the future. */
export function parseSbk2File(fileName: string, zip: Uint8Array, today: string): Sbk2Result {
  const errors: Sbk2Error[] = [];
  const add: Add = (e) => errors.push({ entry: null, ...e });
  const name = parseSbk2Name(fileName);
  if (!name) add({ line: 0, column: null, code: 'SBK2_FILE_NAME', message: T.fileName });
  const textName = fileName.replace(/\.zip$/i, '.txt');
  const entries = readZipEntries(zip, (n) => (n === textName ? SBK2_TEXT_MAX_BYTES : SBK2_PHOTO_MAX_BYTES));
  if (!entries) {
    add({ line: 0, column: null, code: 'SBK2_NOT_ZIP', message: T.notZip });
    return { name, encoding: null, rows: [], errors };
  }
  const text = entries.find((e) => e.name === textName);
  if (!text) add({ line: 0, column: null, code: 'SBK2_TEXT_MISSING', message: T.textMissing(textName) });
  else if (!text.bytes) add({ line: 0, column: null, entry: text.name, code: 'SBK2_TOO_LARGE', message: T.entryTooLarge(SBK2_TEXT_MAX_BYTES) });
  const decoded = text?.bytes ? decodeMakerFile(text.bytes) : null;
  const listed = new Set<string>();
  const rows = decoded ? readText(decoded.text, name, today, add, listed) : [];
  matchPhotos(entries.filter((e) => e !== text), rows, listed, today, add);
  errors.sort((a, b) => a.line - b.line);
  return { name, encoding: decoded?.encoding ?? null, rows, errors };
}

/** `listed` gets the photo key of every row with all its columns, good or not. */
function readText(text: string, name: Sbk2Name | null, today: string, add: Add, listed: Set<string>): Sbk2Row[] {
  const lines = text.split(/\r\n|\r|\n/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  if (lines.length === 0) {
    add({ line: 1, column: null, code: 'SBK2_EMPTY', message: T.empty });
    return [];
  }
  const declared = /^\s*[0-9]+\s*$/.test(lines[0]!) ? Number(lines[0]) : null;
  if (declared === null) add({ line: 1, column: null, code: 'SBK2_COUNT', message: T.countFormat });
  if (lines.length < 2) {
    add({ line: 2, column: null, code: 'SBK2_HEADER', message: T.headerMissing });
    return [];
  }
  checkHeader(lines[1]!, add);
  const body = lines.slice(2);
  if (body.length === 0) add({ line: 3, column: null, code: 'SBK2_NO_ROWS', message: T.noRows });
  if (declared !== null && declared !== body.length) add({ line: 1, column: null, code: 'SBK2_COUNT_ROWS', message: T.countRows({ line1: declared, rows: body.length }) });
  if (name && name.count !== body.length) add({ line: 0, column: null, code: 'SBK2_NAME_COUNT', message: T.nameCount({ declared: name.count, rows: body.length }) });
  const seen = { ids: new Map<string, number>(), forms: new Map<string, number>() };
  const rows: Sbk2Row[] = [];
  body.forEach((l, i) => {
    const cells = l.split(',');
    if (cells.length === SBK2_HEADER.length) listed.add(photoKey(cells[5] ?? '', cells[7] ?? ''));
    const row = readRow(l, i + 3, i + 1, today, add);
    if (row && unique(row, seen, add)) rows.push(row);
  });
  return rows;
}

function checkHeader(line: string, add: Add): void {
  const names = line.split(',').map((s) => s.trim().replace(/\*$/, ''));
  const expected = SBK2_HEADER.map((c) => (SBK2_REQUIRED.has(c) ? `${c}*` : c)).join(',');
  const at = SBK2_HEADER.findIndex((c, i) => names[i] !== c);
  if (at >= 0 || names.length !== SBK2_HEADER.length) {
    const column = at >= 0 ? at : SBK2_HEADER.length;
    add({ line: 2, column: null, code: 'SBK2_HEADER', message: T.header({ expected, column: column + 1, found: names[column] ?? '' }) });
  }
}

function readRow(line: string, lineNo: number, expectedSeq: number, today: string, add: Add): Sbk2Row | null {
  const raw = line.split(',').map((s) => s.normalize('NFKC').trim());
  if (raw.length !== SBK2_HEADER.length) {
    add({ line: lineNo, column: null, code: 'SBK2_FIELDS', message: T.fieldCount({ expected: SBK2_HEADER.length, found: raw.length }) });
    return null;
  }
  const f = Object.fromEntries(SBK2_HEADER.map((c, i) => [c, raw[i] as string])) as Record<Sbk2Column, string>;
  const before = { n: 0 };
  const cellAdd = (column: Sbk2Column, code: string, message: string) => {
    before.n++;
    add({ line: lineNo, column, code, message });
  };
  for (const c of SBK2_HEADER) {
    const max = SBK2_MAX_LENGTH[c];
    if (SBK2_REQUIRED.has(c) && f[c] === '') cellAdd(c, 'SBK2_REQUIRED', T.required);
    else if (max !== undefined && [...f[c]].length > max) cellAdd(c, 'SBK2_TOO_LONG', T.tooLong(max));
  }
  if (f.序号 !== '' && f.序号 !== String(expectedSeq)) cellAdd(C.seq, 'SBK2_SEQ', T.seq(expectedSeq));
  const birthDate = checkRowDates(f, today, cellAdd);
  checkPhones(f, cellAdd);
  if (before.n > 0 || birthDate === null) return null;
  return {
    line: lineNo,
    seq: Number(f.序号),
    formCode: f.申领表编码,
    idType: f.证件类型,
    idNumber: f.证件号码,
    name: f.姓名,
    birthDate,
    mobile: f.联系手机 || null,
    phone: f.联系电话,
    address: f.通讯地址 || null,
    unitCode: f.单位编号 || null,
    unitName: f.单位名称 || null,
    bank: f.服务银行,
    fields: f,
    photo: null,
  };
}

type CellAdd = (column: Sbk2Column, code: string, message: string) => void;

/** The document number (applicant-id.ts) and the birth date, which must agree with it. */
function checkRowDates(f: Record<Sbk2Column, string>, today: string, add: CellAdd): string | null {
  const b = f.出生日期;
  const birth = /^[0-9]{8}$/.test(b) ? `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6)}` : '';
  if (b !== '' && (!isIsoDate(birth) || birth > today)) add(C.birthDate, 'SBK2_BIRTH_DATE', T.birthDate);
  if (f.证件号码 === '') return null;
  const id = checkApplicantId(f.证件类型, f.证件号码, today);
  if (!id.ok) {
    add(C.idNumber, id.code, T.withAction(id.message));
    return null;
  }
  f.证件号码 = id.value.number;
  if (isIsoDate(birth) && birth !== id.value.birthDate) add(C.birthDate, 'SBK2_BIRTH_MISMATCH', T.birthDateMismatch);
  return isIsoDate(birth) ? birth : null;
}

function checkPhones(f: Record<Sbk2Column, string>, add: CellAdd): void {
  const mobile = f.联系手机.replace(/[\s-]/g, '');
  if (mobile !== '' && !/^(\+?86)?1[0-9]{10}$/.test(mobile)) add(C.mobile, 'SBK2_MOBILE', T.mobile);
  const phone = f.联系电话;
  if (phone !== '' && (!/^[0-9+\- ]+$/.test(phone) || (phone.match(/[0-9]/g) ?? []).length < 7)) add(C.phone, 'SBK2_PHONE', T.phone);
}

function unique(row: Sbk2Row, seen: { ids: Map<string, number>; forms: Map<string, number> }, add: Add): boolean {
  const id = seen.ids.get(row.idNumber);
  const form = seen.forms.get(row.formCode);
  if (id !== undefined) add({ line: row.line, column: C.idNumber, code: 'SBK2_DUPLICATE_ID', message: T.duplicateId(id) });
  if (form !== undefined) add({ line: row.line, column: C.formCode, code: 'SBK2_DUPLICATE_FORM', message: T.duplicateForm(form) });
  if (id !== undefined || form !== undefined) return false;
  seen.ids.set(row.idNumber, row.line);
  seen.forms.set(row.formCode, row.line);
  return true;
}

/** GD Annex 6: 照片的命名格式为：身份证号姓名.jpg……身份证号中的字母必须大写，身份证号必须为18位. */
/** An entry's name as errors show it: an ID number in it masked (HB Art. 42). */
function maskedEntry(name: string): string {
  return name.replace(/[0-9]{17}[0-9Xx]/g, (id) => maskIdNumber(id));
}

function photoKey(idNumber: string, name: string): string {
  return `${idNumber.normalize('NFKC').trim()}${name.normalize('NFKC').trim()}`;
}

function matchPhotos(entries: readonly ZipEntry[], rows: Sbk2Row[], listed: ReadonlySet<string>, today: string, add: Add): void {
  const byKey = new Map(rows.map((r) => [`${r.idNumber}${r.name}`, r]));
  const dir = `${SBK2_PHOTO_DIR}/`;
  for (const e of entries) {
    if (e.name === dir || (e.name.endsWith('/') && e.name.startsWith(dir))) continue;
    const base = e.name.startsWith(dir) ? e.name.slice(dir.length) : null;
    const fail = (code: string, message: string, line = 0) => add({ line, column: line ? C.idNumber : null, entry: maskedEntry(e.name), code, message });
    if (base === null || base.includes('/')) fail('SBK2_STRAY_ENTRY', T.strayEntry);
    else if (!/\.jpg$/i.test(base) || !/^[0-9]{17}[0-9Xx]./u.test(base)) fail('SBK2_PHOTO_NAME', T.photoName);
    else if (base[17] === 'x') fail('SBK2_PHOTO_NAME', T.photoNameLowerX);
    else if (!listed.has(photoKey(base.slice(0, -4), ''))) fail('SBK2_PHOTO_NO_ROW', T.photoNoRow);
    else attachPhoto(e, base.slice(0, -4), byKey, fail);
  }
  for (const r of rows) {
    if (!r.photo && !underPhotoAge(r.birthDate, today)) add({ line: r.line, column: C.idNumber, code: 'SBK2_PHOTO_MISSING', message: T.photoMissing });
  }
}

function attachPhoto(e: ZipEntry, key: string, byKey: ReadonlyMap<string, Sbk2Row>, fail: (code: string, message: string, line?: number) => void): void {
  const row = byKey.get(key.normalize('NFKC'));
  // A photo of a row with problems of its own: those problems are reported, not the photo.
  if (!row) return;
  if (!e.bytes) return fail('SBK2_TOO_LARGE', T.entryTooLarge(SBK2_PHOTO_MAX_BYTES), row.line);
  if (row.photo) return fail('SBK2_PHOTO_TWICE', T.photoTwice, row.line);
  // JPEG starts with the SOI marker FF D8 and a segment marker FF.
  if (e.bytes[0] !== 0xff || e.bytes[1] !== 0xd8 || e.bytes[2] !== 0xff) return fail('SBK2_PHOTO_JPEG', T.photoNotJpeg, row.line);
  row.photo = { name: e.name, size: e.size, sha256: createHash('sha256').update(e.bytes).digest('hex') };
}

/** GD Annex 6: 若申请人年龄小于7周岁，可不传相片. */
function underPhotoAge(birthDate: string, today: string): boolean {
  const seventh = `${String(Number(birthDate.slice(0, 4)) + PHOTO_FREE_BELOW_AGE).padStart(4, '0')}${birthDate.slice(4)}`;
  return today < seventh;
}
