/**
 * Reader for the card maker's return files (回盘文件) that come with a delivery of cards:
 * the prefab return file of GD Annex 9 一(四) and the finished-card list in the same layout
 * (see maker-file-name.ts for the names). GD Annex 9 一(四):
 *
 *   第1行：数量
 *   第2行：标题
 *   序号,社保卡号,身份证号,姓名,制卡日期,有效期至,卡识别码,卡复位码,个人账户,银行卡号,银行账户,装箱位置
 *   第3行起：正文
 *   1,*00000001,,,,,sbm4567890sbm4567890sbm456789011,fwm4567890sbm4567890sbm451,1234567890123456781,1234567890123456781,1234567890123456781,
 *
 * Every problem is collected with its physical line and column, never just the first: the
 * file goes back to the maker as a whole, and one round trip per error would take weeks.
 * Whether a card number is already in the ledger is not checked here; the importer does
 * that against the database.
 *
 * `rows` holds the rows whose fields each passed their checks (a later row repeating a card
 * number is left out, so `rows` never holds a card twice). Problems between rows (numbering)
 * and with the file as a whole (counts, header) do not remove rows. A file is to be imported
 * only when `errors` is empty; `rows` on its own is for previews and reports.
 */
import { checkCardIdentificationCode, checkResetCode, checkSocialSecurityCardNumber } from './card-codes.ts';
import type { CheckResult } from './check-result.ts';
import { isIsoDate, todayInChina } from './china-dates.ts';
import { decodeMakerFile } from './decode-text.ts';
import type { DecodedText } from './decode-text.ts';
import { SbkError } from './errors.ts';
import { checkBankCardNumber } from './luhn.ts';
import { inspectMakerFileName } from './maker-file-name.ts';
import type { MakerFileKind, MakerFileName } from './maker-file-name.ts';
import { maskIdNumber } from './mask.ts';
import { formatName, parseName } from './rare-names.ts';
import { checkResidentId } from './resident-id.ts';

export type { MakerFileKind, MakerFileName } from './maker-file-name.ts';

/** GD Annex 9 一(四), line 2, in this order. */
export const MAKER_HEADER = [
  '序号',
  '社保卡号',
  '身份证号',
  '姓名',
  '制卡日期',
  '有效期至',
  '卡识别码',
  '卡复位码',
  '个人账户',
  '银行卡号',
  '银行账户',
  '装箱位置',
] as const;

export type MakerColumn = (typeof MAKER_HEADER)[number];

export type MakerRow = {
  /** 1-based physical line in the file */
  line: number;
  seq: number;
  /** normalised by checkSocialSecurityCardNumber (upper case) */
  cardNo: string;
  /** null for prefab cards, which have no holder */
  idNumber: string | null;
  /** normalised (normalizeName); rare characters stay in the `张[CHUI]` notation */
  name: string | null;
  /** YYYY-MM-DD */
  issueDate: string | null;
  /** YYYY-MM-DD */
  expiryDate: string | null;
  cardIdCode: string;
  resetCode: string;
  personalAccount: string | null;
  bankCardNo: string;
  bankAccount: string | null;
  /** 装箱位置 as given (NFKC, trimmed), e.g. `01-007` */
  boxPosition: string;
  /** the box part of 装箱位置, see makerBoxLabel */
  boxLabel: string;
};

export type MakerFileError = {
  /** 1-based physical line; 0 for the file name */
  line: number;
  /** the header name of the column at fault, or null for the whole line or file */
  column: MakerColumn | null;
  code: string;
  /** Simplified Chinese: what is wrong and what to do; the location is in line/column */
  message: string;
};

export type MakerFileResult = {
  name: MakerFileName | null;
  /** the kind the rows were checked as: from the file name, else inferred (see below) */
  kind: MakerFileKind;
  encoding: DecodedText['encoding'];
  bom: boolean;
  rows: MakerRow[];
  errors: MakerFileError[];
};

export type MakerFileOptions = {
  /** YYYY-MM-DD, for birth dates and issue dates in the future; default today in China */
  today?: string;
  /** bank card prefixes without a Luhn digit (ENGINEERING.md §3), from configuration */
  exemptBins?: readonly string[];
};

/** Every row error ends with what the office can do: the file is the maker's to fix. */
const ACTION = '请联系卡商更正回盘文件后重新提供。';

const KIND_LABEL: Readonly<Record<MakerFileKind, string>> = { prefab: '预制卡', finished: '成品卡' };

const COL = {
  seq: 0,
  cardNo: 1,
  idNumber: 2,
  name: 3,
  issueDate: 4,
  expiryDate: 5,
  cardIdCode: 6,
  resetCode: 7,
  personalAccount: 8,
  bankCardNo: 9,
  bankAccount: 10,
  boxPosition: 11,
} as const;

/**
 * The box a card sits in, from its 装箱位置. The Annex does not define the value; makers write
 * box and slot joined by hyphens (`01-007`, `GZ-2026-03-015`), so the box is everything before
 * the last `-`. A value without `-` names only the box.
 */
export function makerBoxLabel(position: string): string {
  const i = position.lastIndexOf('-');
  return i < 0 ? position : position.slice(0, i);
}

/** Progress through a file's lines, for a progress bar while a large file is checked. */
export type MakerFileProgress = { readonly line: number; readonly lines: number };

/** How often the steps below pause: often enough for a smooth bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 2000;

export function parseMakerFile(fileName: string, bytes: Uint8Array, opts: MakerFileOptions = {}): MakerFileResult {
  const steps = makerFileSteps(fileName, bytes, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same check as parseMakerFile, as steps: it yields its progress every few thousand lines
 * so that a caller can let the screen repaint (the console's intake screen does) and returns
 * the result at the end.
 */
export function* makerFileSteps(fileName: string, bytes: Uint8Array, opts: MakerFileOptions = {}): Generator<MakerFileProgress, MakerFileResult> {
  const today = opts.today ?? todayInChina();
  if (!isIsoDate(today)) {
    throw new SbkError('INVALID_DATE', '参考日期 today 必须是 YYYY-MM-DD 格式的有效日期。', { value: today });
  }
  const exemptBins = opts.exemptBins ?? [];
  // Validates the configured prefixes now (it throws on a bad one), so a bad configuration
  // fails the same way whether or not the file has rows.
  checkBankCardNumber('', { exemptBins });

  const errors: MakerFileError[] = [];
  const add = (line: number, column: MakerColumn | null, code: string, message: string): void => {
    errors.push({ line, column, code, message });
  };

  const inspected = inspectMakerFileName(fileName);
  for (const p of inspected.problems) add(0, null, p.code, p.message);

  const decoded = decodeMakerFile(bytes);
  // Physical lines: CRLF, LF and a lone CR all end a line. Not parseCsv: the Annex format has
  // no quoting, line numbers must be physical lines, and parseCsv stops at the first stray
  // quote while we must report everything.
  const lines = decoded.text.split(/\r\n|\r|\n/);
  // Blank lines at the end (a final line break, or several) carry nothing.
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;

  const result = (kind: MakerFileKind, rows: MakerRow[]): MakerFileResult => ({
    name: inspected.name,
    kind,
    encoding: decoded.encoding,
    bom: decoded.bom,
    rows,
    // Stable: within a line, problems stay in column order.
    errors: errors.sort((a, b) => a.line - b.line),
  });

  if (end === 0) {
    add(1, null, 'MAKER_EMPTY', `文件是空的：第1行应为记录数量，第2行为标题，第3行起为数据（广东省附件9 一(四)）。${ACTION}`);
    return result(inspected.kind ?? 'prefab', []);
  }

  // Line 1: the number of records. Trailing empty fields are tolerated because a file that
  // passed through a spreadsheet comes back as `20,,,,,,,,,,,`; the number is still clear.
  let headerIdx = 1;
  let line1Count: number | null = null;
  const line1 = (lines[0] ?? '').trim();
  const countMatch = /^([0-9]+)\s*(?:,\s*)*$/.exec(line1);
  if (isHeader(line1)) {
    // The count line is missing. Reading on from line 1 as the header spares the operator a
    // screenful of consequential errors for every shifted line.
    add(1, null, 'MAKER_COUNT_MISSING', `第1行应为记录数量，这里却是标题行：文件缺少数量行（广东省附件9 一(四)：第1行：数量）。${ACTION}`);
    headerIdx = 0;
  } else if (countMatch && Number.isSafeInteger(Number(countMatch[1]))) {
    line1Count = Number(countMatch[1]);
  } else {
    // The content is not echoed: a shifted file may have a holder's data on this line.
    add(1, null, 'MAKER_COUNT_FORMAT', `第1行应为记录数量（一个整数，广东省附件9 一(四)），这里不是整数。${ACTION}`);
  }

  if (headerIdx >= end) {
    add(end, null, 'MAKER_HEADER_MISSING', `文件在第${end}行后就结束了，缺少标题行和数据（广东省附件9 一(四)：第2行：标题，第3行起：正文）。文件可能不完整，${ACTION}`);
    return result(inspected.kind ?? 'prefab', []);
  }
  checkHeader(lines[headerIdx] ?? '', headerIdx + 1, add);

  const dataStart = headerIdx + 1;
  // The kind decides which columns are required. Without a readable prefix it is inferred:
  // finished if any row has a holder, else prefab. The name error is reported anyway.
  const kind: MakerFileKind =
    inspected.kind ??
    (lines.slice(dataStart, end).some((l) => {
      const f = l.split(',');
      return (f[COL.idNumber] ?? '').trim() !== '' || (f[COL.name] ?? '').trim() !== '';
    })
      ? 'finished'
      : 'prefab');

  const rows: MakerRow[] = [];
  const ctx: RowContext = {
    kind,
    today,
    exemptBins,
    add,
    seenCardNo: new Map(),
    seenIdCode: new Map(),
    seenBankCard: new Map(),
  };
  const seq = { prev: 0, seen: new Map<number, number>() };
  let dataRows = 0;

  for (let idx = dataStart; idx < end; idx++) {
    const line = idx + 1;
    if (idx % PROGRESS_EVERY === 0) yield { line, lines: end };
    const raw = lines[idx] ?? '';
    if (raw.trim() === '') {
      add(line, null, 'MAKER_BLANK_LINE', `这是数据中间的空行，不计入记录数。请删除空行或补全该行数据；${ACTION}`);
      continue;
    }
    dataRows++;
    const fields = raw.split(',').map((f) => f.trim());
    const full = fields.length === MAKER_HEADER.length;

    const broken = fields.findIndex((f) => f.includes('\uFFFD'));
    if (broken >= 0) {
      add(
        line,
        full ? (MAKER_HEADER[broken] ?? null) : null,
        'MAKER_ENCODING',
        `该行含有无法识别的字符：文件可能已损坏，或不是 UTF-8、GB18030 编码。${ACTION}`,
      );
    }

    checkSeq(fields[COL.seq] ?? '', line, seq, add);

    if (!full) {
      // Which field is missing cannot be known, so the fields are not checked one by one:
      // that would blame the wrong columns.
      add(
        line,
        null,
        'MAKER_FIELD_COUNT',
        `该行有${fields.length}个字段，应为${MAKER_HEADER.length}个（${MAKER_HEADER.join(',')}，以半角逗号分隔，空字段也要保留逗号）。${ACTION}`,
      );
      continue;
    }
    const row = checkRow(fields, line, ctx);
    if (row !== null) rows.push(row);
  }

  if (dataRows === 0) {
    add(end, null, 'MAKER_NO_ROWS', `文件中没有数据行（第3行起应为每张卡一行）。${ACTION}`);
  }

  // Three figures must agree; each disagreement is its own error naming both figures, and
  // an error involving the file name's figure is reported on the file name (line 0).
  const declared = inspected.name?.declaredCount ?? null;
  if (line1Count !== null && line1Count !== dataRows) {
    add(1, null, 'MAKER_COUNT_ROWS', `第1行的记录数为${line1Count}，但文件实有${dataRows}行数据。文件可能不完整或有多余的行，${ACTION}`);
  }
  if (declared !== null && declared !== dataRows) {
    add(0, null, 'MAKER_NAME_COUNT_ROWS', `文件名中的数量为${declared}，但文件实有${dataRows}行数据。${ACTION}`);
  }
  if (declared !== null && line1Count !== null && declared !== line1Count) {
    add(0, null, 'MAKER_NAME_COUNT_LINE1', `文件名中的数量为${declared}，但第1行的记录数为${line1Count}。${ACTION}`);
  }

  return result(kind, rows);
}

/** `第 N 行「列」：message`; `第 N 行：message` for a whole line; `文件名：message` for line 0. */
export function formatMakerError(e: MakerFileError): string {
  if (e.line === 0) return `文件名：${e.message}`;
  return e.column === null ? `第 ${e.line} 行：${e.message}` : `第 ${e.line} 行「${e.column}」：${e.message}`;
}

type AddError = (line: number, column: MakerColumn | null, code: string, message: string) => void;

type RowContext = {
  kind: MakerFileKind;
  today: string;
  exemptBins: readonly string[];
  add: AddError;
  /** normalised value → line of its first occurrence */
  seenCardNo: Map<string, number>;
  seenIdCode: Map<string, number>;
  seenBankCard: Map<string, number>;
};

function headerFields(line: string): string[] {
  return line.split(',').map((f) => f.trim());
}

function isHeader(line: string): boolean {
  return headerFields(line).join(',') === MAKER_HEADER.join(',');
}

/** Spaces around the line and around each name are tolerated; names and order are not. */
function checkHeader(raw: string, line: number, add: AddError): void {
  const got = headerFields(raw);
  if (got.join(',') === MAKER_HEADER.join(',')) return;
  if (/^[0-9]+$/.test(got[0] ?? '')) {
    // A data row where the header should be (the header line is missing): its cells are a
    // holder's ID number, name and bank account, which an error message must not repeat
    // (PIPL Art. 28), so the row is named, not quoted.
    add(line, null, 'MAKER_HEADER', `标题行应为「${MAKER_HEADER.join(',')}」（广东省附件9 一(四)），这里却是一行数据（第1列是序号）：文件可能缺少标题行。${ACTION}`);
    return;
  }
  // A header cell holding digits is not a column name but data: shown masked, never in full.
  const shownCell = (v: string): string => (/[0-9]/.test(v) ? maskIdNumber(v) : v);
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(got.length, MAKER_HEADER.length); i++) {
    const want = MAKER_HEADER[i];
    const have = got[i];
    if (want === have) continue;
    if (want === undefined) diffs.push(`多出第${i + 1}列「${shownCell(have ?? '')}」`);
    else if (have === undefined) diffs.push(`缺少第${i + 1}列「${want}」`);
    else diffs.push(`第${i + 1}列应为「${want}」，实为「${shownCell(have)}」`);
  }
  const shown = diffs.slice(0, 5).join('；') + (diffs.length > 5 ? `；另有${diffs.length - 5}处不符` : '');
  add(
    line,
    null,
    'MAKER_HEADER',
    `标题行应为「${MAKER_HEADER.join(',')}」（广东省附件9 一(四)）：${shown}。请确认这是卡商回盘文件；${ACTION}`,
  );
}

/**
 * 序号 must run 1..n. Each row is compared with the highest number seen so far, so one
 * missing row is one error ("缺少序号 7") rather than an error on every row after it.
 */
function checkSeq(raw: string, line: number, seq: { prev: number; seen: Map<number, number> }, add: AddError): void {
  const n = /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n === 0) {
    add(line, '序号', 'MAKER_SEQ_FORMAT', `序号应为从1开始的正整数${raw === '' ? '，这里为空' : ''}。${ACTION}`);
    // Assume the row stands where it should, so the next row is not blamed for a gap.
    seq.prev += 1;
    return;
  }
  const expected = seq.prev + 1;
  const first = seq.seen.get(n);
  if (first !== undefined) {
    add(line, '序号', 'MAKER_SEQ_DUPLICATE', `序号${n}与第${first}行重复。${ACTION}`);
  } else if (n > expected) {
    const missing = n - 1 === expected ? `${expected}` : `${expected}至${n - 1}`;
    add(line, '序号', 'MAKER_SEQ_GAP', `序号应为${expected}，这里是${n}：缺少序号${missing}，可能漏了数据行。${ACTION}`);
  } else if (n < expected) {
    add(line, '序号', 'MAKER_SEQ_ORDER', `序号${n}不在顺序位置上（此处应为${expected}），序号应从1起依次递增。${ACTION}`);
  }
  if (first === undefined) seq.seen.set(n, line);
  seq.prev = Math.max(seq.prev, n);
}

/** Checks one 12-field row; returns it when every field passed, else null. */
function checkRow(f: string[], line: number, ctx: RowContext): MakerRow | null {
  const { kind, add } = ctx;
  let bad = false;
  const err = (column: MakerColumn, code: string, message: string): void => {
    bad = true;
    add(line, column, code, message);
  };
  const field = (i: number): string => f[i] ?? '';
  const required = (column: MakerColumn, value: string, why = ''): boolean => {
    if (value !== '') return true;
    err(column, 'MAKER_REQUIRED', `${column}为空：${KIND_LABEL[kind]}回盘文件的每一行都必须填写${column}${why}。${ACTION}`);
    return false;
  };
  /** Runs a shared check and keeps its code; its message gets the file-level action. */
  const checked = <T>(column: MakerColumn, r: CheckResult<T>): T | null => {
    if (r.ok) return r.value;
    err(column, r.code, `${r.message}${ACTION}`);
    return null;
  };
  const unique = (column: MakerColumn, seen: Map<string, number>, value: string | null, code: string): boolean => {
    if (value === null) return true;
    const first = seen.get(value);
    if (first === undefined) {
      seen.set(value, line);
      return true;
    }
    // The number itself is not repeated in the message (PIPL Art. 28; see check-result.ts).
    err(column, code, `${column}与第${first}行重复，同一文件中每张卡的${column}必须不同。${ACTION}`);
    return false;
  };

  const seqRaw = field(COL.seq);
  const seq = /^[0-9]+$/.test(seqRaw) ? Number(seqRaw) : Number.NaN;
  if (!Number.isSafeInteger(seq) || seq === 0) bad = true; // reported by checkSeq

  let cardNo: string | null = null;
  if (required('社保卡号', field(COL.cardNo))) {
    cardNo = checked('社保卡号', checkSocialSecurityCardNumber(field(COL.cardNo)));
    if (cardNo !== null && kind === 'finished' && cardNo.startsWith('*')) {
      // card-codes.ts: `*` is the province system's placeholder for prefab numbers; a
      // personalised card carries its real number on the face.
      err('社保卡号', 'MAKER_CARD_PLACEHOLDER', `成品卡的社保卡号不能以占位符“*”开头，应为卡面上的实际卡号。${ACTION}`);
      cardNo = null;
    }
  }
  const cardNoFirst = unique('社保卡号', ctx.seenCardNo, cardNo, 'MAKER_DUPLICATE_CARD');

  let idNumber: string | null = null;
  let name: string | null = null;
  if (kind === 'finished') {
    if (required('身份证号', field(COL.idNumber))) {
      idNumber = checked('身份证号', checkResidentId(field(COL.idNumber), ctx.today))?.number ?? null;
    }
    if (required('姓名', field(COL.name))) {
      const segments = checked('姓名', parseName(field(COL.name)));
      name = segments === null ? null : formatName(segments);
    }
  } else {
    // A blank has no holder (DOMAIN.md; GD Annex 9 一(二): the prefab card carries no
    // name and no social security number, and the 一(四) sample row leaves both empty).
    // Holder data in a prefab file means a wrong or mixed-up file, so it is refused.
    for (const [column, i] of [
      ['身份证号', COL.idNumber],
      ['姓名', COL.name],
    ] as const) {
      if (field(i) !== '') {
        err(column, 'MAKER_PREFAB_HOLDER', `预制卡是空白卡，没有持卡人，${column}一栏应为空（广东省附件9 一(四)）。请确认文件类型是否正确（成品卡回盘文件以 CPKCG_ 开头）；${ACTION}`);
      }
    }
  }

  // Prefab blanks have no validity period on them (GD Annex 9 一(二)), so the dates are
  // optional there; when given they are still checked.
  const dateOf = (column: MakerColumn, i: number): string | null => {
    const v = field(i);
    if (kind === 'finished' ? !required(column, v) : v === '') return null;
    const iso = parseFileDate(v);
    if (iso === null) {
      err(column, 'MAKER_DATE', `${column}应为实际存在的日期，写作 YYYYMMDD 或 YYYY-MM-DD（如 20261118）。${ACTION}`);
    }
    return iso;
  };
  const issueDate = dateOf('制卡日期', COL.issueDate);
  const expiryDate = dateOf('有效期至', COL.expiryDate);
  if (issueDate !== null && issueDate > ctx.today) {
    err('制卡日期', 'MAKER_DATE_FUTURE', `制卡日期${issueDate}晚于今天（${ctx.today}），卡片不可能尚未制作就已交付。${ACTION}`);
  }
  if (issueDate !== null && expiryDate !== null && expiryDate <= issueDate) {
    // HB Art. 2 gives finished cards 10 years; only the order is enforced, because the
    // period is a province rule and a card near a leap day may be off by one.
    err('有效期至', 'MAKER_DATE_ORDER', `有效期至（${expiryDate}）应晚于制卡日期（${issueDate}）。${ACTION}`);
  }

  let cardIdCode: string | null = null;
  if (required('卡识别码', field(COL.cardIdCode))) {
    cardIdCode = checked('卡识别码', checkCardIdentificationCode(field(COL.cardIdCode)));
  }
  unique('卡识别码', ctx.seenIdCode, cardIdCode, 'MAKER_DUPLICATE_ID_CODE');

  let resetCode: string | null = null;
  if (required('卡复位码', field(COL.resetCode))) {
    resetCode = checked('卡复位码', checkResetCode(field(COL.resetCode)));
  }

  const personalAccount = account('个人账户', field(COL.personalAccount), err);

  let bankCardNo: string | null = null;
  if (required('银行卡号', field(COL.bankCardNo))) {
    bankCardNo = checked('银行卡号', checkBankCardNumber(field(COL.bankCardNo), { exemptBins: ctx.exemptBins }));
  }
  unique('银行卡号', ctx.seenBankCard, bankCardNo, 'MAKER_DUPLICATE_BANK_CARD');

  const bankAccount = account('银行账户', field(COL.bankAccount), err);

  let boxPosition: string | null = null;
  let boxLabel: string | null = null;
  const pos = field(COL.boxPosition).normalize('NFKC').trim();
  if (required('装箱位置', pos, '（卡片按箱签收和盘点）')) {
    boxLabel = makerBoxLabel(pos);
    if (boxLabel === '') {
      err('装箱位置', 'MAKER_BOX_POSITION', `装箱位置应以箱号开头（如 01-007 表示第01箱第7张），这里“-”前没有箱号。${ACTION}`);
    } else {
      boxPosition = pos;
    }
  }

  if (
    bad ||
    !cardNoFirst ||
    cardNo === null ||
    cardIdCode === null ||
    resetCode === null ||
    bankCardNo === null ||
    boxPosition === null ||
    boxLabel === null
  ) {
    return null;
  }
  return {
    line,
    seq,
    cardNo,
    idNumber,
    name,
    issueDate,
    expiryDate,
    cardIdCode,
    resetCode,
    personalAccount,
    bankCardNo,
    bankAccount,
    boxPosition,
    boxLabel,
  };
}

/** `YYYYMMDD` or `YYYY-MM-DD` (NFKC first: full-width digits) → YYYY-MM-DD, or null. */
function parseFileDate(s: string): string | null {
  const t = s.normalize('NFKC').trim();
  const m = /^([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(t) ?? /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * 个人账户 and 银行账户 are optional (the Annex sample fills them, nothing requires them). The
 * Annex gives no format; account numbers are digits, sometimes with a letter, so only
 * letters and digits (spaces and hyphens of grouped printing removed), at most 40, pass:
 * enough to catch a shifted column (a name or a date) without refusing a real account.
 */
function account(column: MakerColumn, raw: string, err: (c: MakerColumn, code: string, m: string) => void): string | null {
  const v = raw.normalize('NFKC').replace(/[\s-]+/gu, '');
  if (v === '') return null;
  if (!/^[0-9A-Za-z]{1,40}$/.test(v)) {
    err(column, 'MAKER_ACCOUNT', `${column}只能由字母和数字组成（最长40位），请核对是否错列。${ACTION}`);
    return null;
  }
  return v;
}
