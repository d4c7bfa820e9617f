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
 * Every field first passes its column's fence (maker-file-fields.ts: a maximum length, no
 * control characters, 装箱位置's characters); a field refused there is not checked further.
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
import { bytesSource, makerLines, sniffEncoding, type MakerBytes, type MakerEncoding } from './maker-file-lines.ts';
import type { DecodedText } from './decode-text.ts';
import { SbkError } from './errors.ts';
import { checkBankCardNumber } from './luhn.ts';
import { fenceMakerField } from './maker-file-fields.ts';
import { MAKER_FILE_MAX_BYTES, MAKER_HEADER, type MakerColumn } from './maker-file-format.ts';
import { inspectMakerFileName } from './maker-file-name.ts';
import type { MakerFileKind, MakerFileName } from './maker-file-name.ts';
import { maskIdNumber } from './mask.ts';
import { formatName, parseName } from './rare-names.ts';
import { checkResidentId } from './resident-id.ts';
import { makerFileTexts as T } from '../i18n/domain/maker-file.ts';

export type { MakerFileKind, MakerFileName } from './maker-file-name.ts';
export { MAKER_FILE_MAX_BYTES, MAKER_HEADER, type MakerColumn };

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

type ColumnNames = { readonly [K in keyof typeof COL]: (typeof MAKER_HEADER)[(typeof COL)[K]] };
/** Each column's name as the Annex writes it (`C.cardNo` is 社保卡号), for messages and error locations. */
const C = Object.fromEntries(Object.entries(COL).map(([k, i]) => [k, MAKER_HEADER[i]])) as ColumnNames;

const HEADER_TEXT = MAKER_HEADER.join(',');

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
  if (bytes.length > MAKER_FILE_MAX_BYTES) throw new SbkError('MAKER_FILE_TOO_LARGE', { size: bytes.length, max: MAKER_FILE_MAX_BYTES });
  const rows: MakerRow[] = [];
  const { rowCount: _rows, ...checked } = yield* makerFileStream(fileName, bytesSource(bytes), { ...opts, onRow: (r) => rows.push(r) });
  return { ...checked, rows };
}

/**
 * Which values of the file were seen on which line, for the duplicate checks within the file.
 * The importer keeps them outside the heap for a large file (db/import-keys.ts); in memory here.
 */
export interface SeenKeys {
  /** The line where `value` of this kind was first seen; undefined, and `line` remembered, the first time. */
  firstLine(kind: MakerKeyKind, value: string, line: number): number | undefined;
}

export type MakerKeyKind = 'cardNo' | 'cardIdCode' | 'bankCardNo';

export function memorySeenKeys(): SeenKeys {
  const maps: Record<MakerKeyKind, Map<string, number>> = { cardNo: new Map(), cardIdCode: new Map(), bankCardNo: new Map() };
  return {
    firstLine(kind, value, line) {
      const m = maps[kind];
      const first = m.get(value);
      if (first === undefined) m.set(value, line);
      return first;
    },
  };
}

export type MakerStreamOptions = MakerFileOptions & {
  /** Default: in memory. */
  seen?: SeenKeys;
  /** Each row whose fields passed their checks, in file order (MakerFileResult.rows, streamed). */
  onRow?: (row: MakerRow) => void;
  /** Told of each problem as it is found (the importer stops writing at the first). */
  onError?: (e: MakerFileError) => void;
  /** Already known from a pass over the bytes (the importer's hashing pass): saves one. */
  encoding?: MakerEncoding;
};

/** What makerFileStream returns: MakerFileResult without the rows, which went to `onRow`. */
export type MakerFileCheck = Omit<MakerFileResult, 'rows'> & { rowCount: number };

/**
 * The check of a file read in chunks: its lines are decoded and checked one by one and every
 * good row handed to `onRow`, so nothing of the file is kept but its problems and the values
 * the duplicate checks need (in `seen`).
 */
export function* makerFileStream(fileName: string, src: MakerBytes, opts: MakerStreamOptions = {}): Generator<MakerFileProgress, MakerFileCheck> {
  if (src.size > MAKER_FILE_MAX_BYTES) throw new SbkError('MAKER_FILE_TOO_LARGE', { size: src.size, max: MAKER_FILE_MAX_BYTES });
  const today = opts.today ?? todayInChina();
  if (!isIsoDate(today)) throw new SbkError('INVALID_DATE.option', { field: 'today', value: today }, { value: today });
  const exemptBins = opts.exemptBins ?? [];
  // Validates the configured prefixes now (it throws on a bad one), so a bad configuration
  // fails the same way whether or not the file has rows.
  checkBankCardNumber('', { exemptBins });

  const errors: MakerFileError[] = [];
  const onError = opts.onError;
  const add: AddError = (line, column, code, message) => {
    const e = { line, column, code, message };
    errors.push(e);
    onError?.(e);
  };
  const inspected = inspectMakerFileName(fileName);
  for (const p of inspected.problems) add(0, null, p.code, p.message);
  const enc = opts.encoding ?? sniffEncoding(src);
  const kind = inspected.kind ?? inferKind(src, enc);
  let rowCount = 0;
  const onRow = opts.onRow;
  const ctx: RowContext = {
    kind,
    today,
    exemptBins,
    add,
    seen: opts.seen ?? memorySeenKeys(),
    onRow: (r) => {
      rowCount++;
      onRow?.(r);
    },
  };
  const lines = new LineReader(ctx);
  const read = { bytes: 0 };
  let line = 0;
  // Blank lines are held until a line with content follows: blank lines at the end carry nothing.
  let blank = 0;
  for (const raw of makerLines(src, enc, read)) {
    line++;
    if (line % PROGRESS_EVERY === 0) yield { line, lines: Math.max(line, Math.round((line * src.size) / Math.max(1, read.bytes))) };
    if (raw.trim() === '') {
      blank++;
      continue;
    }
    for (let k = blank; k > 0; k--) lines.take('', line - k);
    blank = 0;
    lines.take(raw, line);
  }
  const end = line - blank;
  lines.finish(end, inspected.name?.declaredCount ?? null);
  return {
    name: inspected.name,
    kind,
    encoding: enc.encoding,
    bom: enc.bom,
    rowCount,
    // Stable: within a line, problems stay in column order.
    errors: errors.sort((a, b) => a.line - b.line),
  };
}

/**
 * Takes the lines up to the last one with content, in order: count line, header, data rows.
 * Physical lines: CRLF, LF and a lone CR all end a line (maker-file-lines.ts). Not parseCsv: the
 * Annex format has no quoting, line numbers must be physical lines, and parseCsv stops at the
 * first stray quote while we must report everything.
 */
class LineReader {
  private headerIdx = 1;
  private line1Count: number | null = null;
  private headerSeen = false;
  private dataRows = 0;
  private readonly seq: SeqState = { prev: 0, seen: new SeqLines() };

  constructor(private readonly ctx: RowContext) {}

  take(raw: string, line: number): void {
    if (line === 1) {
      ({ headerIdx: this.headerIdx, line1Count: this.line1Count } = readCountLine(raw, this.ctx.add));
      // A header on line 1 (the count line missing) is the header: it passes checkHeader.
      if (this.headerIdx === 0) this.headerSeen = true;
      return;
    }
    if (line === this.headerIdx + 1) {
      checkHeader(raw, line, this.ctx.add);
      this.headerSeen = true;
      return;
    }
    if (raw.trim() === '') {
      this.ctx.add(line, null, 'MAKER_BLANK_LINE', T.blankLine);
      return;
    }
    this.dataRows++;
    const row = readRow(raw, line, this.seq, this.ctx);
    if (row !== null) this.ctx.onRow(row);
  }

  /** `end`: the last line with content (0: none). */
  finish(end: number, declared: number | null): void {
    const add = this.ctx.add;
    if (end === 0) return add(1, null, 'MAKER_EMPTY', T.empty);
    if (!this.headerSeen) return add(end, null, 'MAKER_HEADER_MISSING', T.headerMissing(end));
    if (this.dataRows === 0) add(end, null, 'MAKER_NO_ROWS', T.noRows);
    checkCounts({ line1: this.line1Count, declared, rows: this.dataRows }, add);
  }
}

/**
 * The line of each 序号 seen, for the duplicate check, in little memory for a file of millions:
 * one bit per number seen (a file's numbers run 1..n), and the line only where it is not the
 * usual distance from its number (a file's rows sit on line n + 2 unless a line is missing or
 * blank). Numbers beyond any real file's length go in a map.
 */
class SeqLines {
  private bits = new Uint8Array(1024);
  /** line − number of the first number seen: most rows keep it. */
  private offset: number | null = null;
  private readonly odd = new Map<number, number>();
  private static readonly LIMIT = 1 << 26;

  get(n: number): number | undefined {
    if (n >= SeqLines.LIMIT || n >>> 3 >= this.bits.length) return this.odd.get(n);
    if ((this.bits[n >>> 3]! & (1 << (n & 7))) === 0) return undefined;
    return this.odd.get(n) ?? n + this.offset!;
  }

  set(n: number, line: number): void {
    this.offset ??= line - n;
    if (n >= SeqLines.LIMIT) {
      this.odd.set(n, line);
      return;
    }
    if (n >>> 3 >= this.bits.length) {
      let size = this.bits.length;
      while (size <= n >>> 3) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[n >>> 3] = this.bits[n >>> 3]! | (1 << (n & 7));
    if (line - n !== this.offset) this.odd.set(n, line);
  }
}

/**
 * Line 1: the number of records. Trailing empty fields are tolerated because a file that
 * passed through a spreadsheet comes back as `20,,,,,,,,,,,`; the number is still clear.
 * Returns where the header is (line 1 itself when the count line is missing) and the count.
 */
function readCountLine(raw: string, add: AddError): { headerIdx: number; line1Count: number | null } {
  const line1 = raw.trim();
  const countMatch = /^([0-9]+)\s*(?:,\s*)*$/.exec(line1);
  if (isHeader(line1)) {
    // The count line is missing. Reading on from line 1 as the header spares the operator a
    // screenful of consequential errors for every shifted line.
    add(1, null, 'MAKER_COUNT_MISSING', T.countMissing);
    return { headerIdx: 0, line1Count: null };
  }
  if (countMatch && Number.isSafeInteger(Number(countMatch[1]))) return { headerIdx: 1, line1Count: Number(countMatch[1]) };
  // The content is not echoed: a shifted file may have a holder's data on this line.
  add(1, null, 'MAKER_COUNT_FORMAT', T.countFormat);
  return { headerIdx: 1, line1Count: null };
}

/**
 * The kind decides which columns are required. Without a readable prefix it is inferred:
 * finished if any row has a holder, else prefab. The name error is reported anyway. A pass
 * of its own over the lines, made only for a file whose name is wrong (it is not imported).
 */
function inferKind(src: MakerBytes, enc: MakerEncoding): MakerFileKind {
  let line = 0;
  let headerIdx = 1;
  for (const l of makerLines(src, enc)) {
    line++;
    if (line === 1 && isHeader(l.trim())) headerIdx = 0;
    if (line <= headerIdx + 1) continue;
    const f = l.split(',');
    if ((f[COL.idNumber] ?? '').trim() !== '' || (f[COL.name] ?? '').trim() !== '') return 'finished';
  }
  return 'prefab';
}

/** One non-blank data line: its encoding, its 序号, its field count, then its fields. */
function readRow(raw: string, line: number, seq: SeqState, ctx: RowContext): MakerRow | null {
  const fields = raw.split(',').map((f) => f.trim());
  const full = fields.length === MAKER_HEADER.length;
  const broken = fields.findIndex((f) => f.includes('\uFFFD'));
  if (broken >= 0) ctx.add(line, full ? (MAKER_HEADER[broken] ?? null) : null, 'MAKER_ENCODING', T.encoding);
  const refused = full ? fenceRow(fields, line, ctx.add) : NONE_REFUSED;
  // A 序号 refused by the fence is assumed to stand where it should, as checkSeq does with
  // one it cannot read, so the next row is not blamed for a gap.
  if (refused.has(COL.seq)) seq.prev += 1;
  else checkSeq(fields[COL.seq] ?? '', line, seq, ctx.add);
  if (!full) {
    // Which field is missing cannot be known, so the fields are not checked one by one:
    // that would blame the wrong columns.
    ctx.add(line, null, 'MAKER_FIELD_COUNT', T.fieldCount({ have: fields.length, want: MAKER_HEADER.length, header: HEADER_TEXT }));
    return null;
  }
  return checkRow(fields, line, ctx, refused);
}

const NONE_REFUSED: ReadonlySet<number> = new Set();

/**
 * Every field against its column's length and characters (maker-file-fields.ts), each
 * violation its own error. Returns the columns refused: their own checks are skipped, so a
 * field is blamed once and a 1 MB value never reaches a regular expression built for 9 digits.
 */
function fenceRow(fields: readonly string[], line: number, add: AddError): ReadonlySet<number> {
  let refused: Set<number> | null = null;
  for (let i = 0; i < MAKER_HEADER.length; i++) {
    const column = MAKER_HEADER[i]!;
    const problem = fenceMakerField(column, fields[i] ?? '');
    if (problem === null) continue;
    add(line, column, problem.code, problem.message);
    (refused ??= new Set()).add(i);
  }
  return refused ?? NONE_REFUSED;
}

/**
 * Three figures must agree; each disagreement is its own error naming both figures, and
 * an error involving the file name's figure is reported on the file name (line 0).
 */
function checkCounts(c: { line1: number | null; declared: number | null; rows: number }, add: AddError): void {
  if (c.line1 !== null && c.line1 !== c.rows) add(1, null, 'MAKER_COUNT_ROWS', T.countRows({ line1: c.line1, rows: c.rows }));
  if (c.declared !== null && c.declared !== c.rows) {
    add(0, null, 'MAKER_NAME_COUNT_ROWS', T.nameCountRows({ declared: c.declared, rows: c.rows }));
  }
  if (c.declared !== null && c.line1 !== null && c.declared !== c.line1) {
    add(0, null, 'MAKER_NAME_COUNT_LINE1', T.nameCountLine1({ declared: c.declared, line1: c.line1 }));
  }
}

/** `第 N 行「列」：message`; `第 N 行：message` for a whole line; `文件名：message` for line 0. */
export function formatMakerError(e: MakerFileError): string {
  if (e.line === 0) return T.where.fileName(e.message);
  return e.column === null ? T.where.line({ line: e.line, message: e.message }) : T.where.cell({ line: e.line, column: e.column, message: e.message });
}

type AddError = (line: number, column: MakerColumn | null, code: string, message: string) => void;

type RowContext = {
  kind: MakerFileKind;
  today: string;
  exemptBins: readonly string[];
  add: AddError;
  /** normalised values → line of their first occurrence */
  seen: SeenKeys;
  onRow: (row: MakerRow) => void;
};

type SeqState = { prev: number; seen: SeqLines };

function headerFields(line: string): string[] {
  return line.split(',').map((f) => f.trim());
}

function isHeader(line: string): boolean {
  return headerFields(line).join(',') === HEADER_TEXT;
}

/** Spaces around the line and around each name are tolerated; names and order are not. */
function checkHeader(raw: string, line: number, add: AddError): void {
  const got = headerFields(raw);
  if (got.join(',') === HEADER_TEXT) return;
  if (/^[0-9]+$/.test(got[0] ?? '')) {
    // A data row where the header should be (the header line is missing): its cells are a
    // holder's ID number, name and bank account, which an error message must not repeat
    // (PIPL Art. 28), so the row is named, not quoted.
    add(line, null, 'MAKER_HEADER', T.headerIsData(HEADER_TEXT));
    return;
  }
  const diffs = headerDiffs(got);
  add(line, null, 'MAKER_HEADER', T.header({ header: HEADER_TEXT, diffs: diffs.slice(0, 5), more: Math.max(0, diffs.length - 5) }));
}

/** Column by column, how a header differs from the Annex's. */
function headerDiffs(got: readonly string[]): string[] {
  // A header cell holding digits is not a column name but data: shown masked, never in full.
  const shownCell = (v: string): string => (/[0-9]/.test(v) ? maskIdNumber(v) : v);
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(got.length, MAKER_HEADER.length); i++) {
    const want = MAKER_HEADER[i];
    const have = got[i];
    if (want === have) continue;
    const n = i + 1;
    if (want === undefined) diffs.push(T.headerDiff.extra({ n, have: shownCell(have ?? '') }));
    else if (have === undefined) diffs.push(T.headerDiff.missing({ n, want }));
    else diffs.push(T.headerDiff.wrong({ n, want, have: shownCell(have) }));
  }
  return diffs;
}

/**
 * 序号 must run 1..n. Each row is compared with the highest number seen so far, so one
 * missing row is one error ("缺少序号 7") rather than an error on every row after it.
 */
function checkSeq(raw: string, line: number, seq: SeqState, add: AddError): void {
  const n = /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n === 0) {
    add(line, C.seq, 'MAKER_SEQ_FORMAT', T.seqFormat(raw === ''));
    // Assume the row stands where it should, so the next row is not blamed for a gap.
    seq.prev += 1;
    return;
  }
  const expected = seq.prev + 1;
  const first = seq.seen.get(n);
  if (first !== undefined) add(line, C.seq, 'MAKER_SEQ_DUPLICATE', T.seqDuplicate({ n, first }));
  else if (n > expected) add(line, C.seq, 'MAKER_SEQ_GAP', T.seqGap({ expected, n }));
  else if (n < expected) add(line, C.seq, 'MAKER_SEQ_ORDER', T.seqOrder({ n, expected }));
  if (first === undefined) seq.seen.set(n, line);
  seq.prev = Math.max(seq.prev, n);
}

/** The checks of one 12-field row, collecting its errors; `bad` once any of its fields failed. */
class RowCheck {
  bad = false;

  constructor(
    private readonly fields: readonly string[],
    readonly line: number,
    readonly ctx: RowContext,
    /** columns the fence refused (already reported): their checks are skipped */
    private readonly refused: ReadonlySet<number>,
  ) {
    if (refused.size > 0) this.bad = true;
  }

  /** False for a column the fence refused: it has been reported and is not checked again. */
  usable(i: number): boolean {
    return !this.refused.has(i);
  }

  field(i: number): string {
    return this.fields[i] ?? '';
  }

  err(column: MakerColumn, code: string, message: string): void {
    this.bad = true;
    this.ctx.add(this.line, column, code, message);
  }

  /** False, with an error, when the column is empty. */
  required(column: MakerColumn, value: string, why?: string): boolean {
    if (value !== '') return true;
    this.err(column, 'MAKER_REQUIRED', T.required({ column, kind: this.ctx.kind, why }));
    return false;
  }

  /** Runs a shared check and keeps its code; its message gets the file-level action. */
  checked<V>(column: MakerColumn, r: CheckResult<V>): V | null {
    if (r.ok) return r.value;
    this.err(column, r.code, T.withAction(r.message));
    return null;
  }

  /** A required column's value after a shared check, or null. */
  requiredChecked<V>(column: MakerColumn, i: number, check: (value: string) => CheckResult<V>): V | null {
    if (!this.usable(i)) return null;
    const value = this.field(i);
    return this.required(column, value) ? this.checked(column, check(value)) : null;
  }

  /** False, with an error, when an earlier row had the same value in this column. */
  unique(kind: MakerKeyKind, value: string | null): boolean {
    if (value === null) return true;
    const first = this.ctx.seen.firstLine(kind, value, this.line);
    if (first === undefined) return true;
    const e = duplicateRowError(kind, this.line, first);
    this.err(e.column, e.code, e.message);
    return false;
  }
}

const DUPLICATE_CODES: Readonly<Record<MakerKeyKind, string>> = {
  cardNo: 'MAKER_DUPLICATE_CARD',
  cardIdCode: 'MAKER_DUPLICATE_ID_CODE',
  bankCardNo: 'MAKER_DUPLICATE_BANK_CARD',
};

/**
 * Line `line` repeats the value of this kind that line `first` has: the same problem whether
 * the check found it or the importer did among the rows it had already written.
 */
export function duplicateRowError(kind: MakerKeyKind, line: number, first: number): MakerFileError & { column: MakerColumn } {
  const column = C[kind];
  // The number itself is not repeated in the message (PIPL Art. 28; see check-result.ts).
  return { line, column, code: DUPLICATE_CODES[kind], message: T.duplicate({ column, first }) };
}

/** Checks one 12-field row; returns it when every field passed, else null. */
function checkRow(f: string[], line: number, ctx: RowContext, refused: ReadonlySet<number>): MakerRow | null {
  const t = new RowCheck(f, line, ctx, refused);
  const seqRaw = t.field(COL.seq);
  const seq = /^[0-9]+$/.test(seqRaw) ? Number(seqRaw) : Number.NaN;
  if (!Number.isSafeInteger(seq) || seq === 0) t.bad = true; // reported by checkSeq

  const cardNo = cardNoOf(t);
  const cardNoFirst = t.unique('cardNo', cardNo);
  const holder = holderOf(t);
  const { issueDate, expiryDate } = datesOf(t);
  const cardIdCode = t.requiredChecked(C.cardIdCode, COL.cardIdCode, checkCardIdentificationCode);
  t.unique('cardIdCode', cardIdCode);
  const resetCode = t.requiredChecked(C.resetCode, COL.resetCode, checkResetCode);
  const personalAccount = account(t, C.personalAccount, COL.personalAccount);
  const bankCardNo = t.requiredChecked(C.bankCardNo, COL.bankCardNo, (v) => checkBankCardNumber(v, { exemptBins: ctx.exemptBins }));
  t.unique('bankCardNo', bankCardNo);
  const bankAccount = account(t, C.bankAccount, COL.bankAccount);
  const box = boxOf(t);

  if (t.bad || !cardNoFirst || cardNo === null || cardIdCode === null || resetCode === null || bankCardNo === null || box === null) {
    return null;
  }
  return { line, seq, cardNo, ...holder, issueDate, expiryDate, cardIdCode, resetCode, personalAccount, bankCardNo, bankAccount, ...box };
}

function cardNoOf(t: RowCheck): string | null {
  const cardNo = t.requiredChecked(C.cardNo, COL.cardNo, checkSocialSecurityCardNumber);
  if (cardNo !== null && t.ctx.kind === 'finished' && cardNo.startsWith('*')) {
    // card-codes.ts: `*` is the province system's placeholder for prefab numbers; a
    // personalised card carries its real number on the face.
    t.err(C.cardNo, 'MAKER_CARD_PLACEHOLDER', T.cardPlaceholder);
    return null;
  }
  return cardNo;
}

function holderOf(t: RowCheck): { idNumber: string | null; name: string | null } {
  if (t.ctx.kind === 'finished') {
    const id = t.requiredChecked(C.idNumber, COL.idNumber, (v) => checkResidentId(v, t.ctx.today));
    const segments = t.requiredChecked(C.name, COL.name, parseName);
    return { idNumber: id?.number ?? null, name: segments === null ? null : formatName(segments) };
  }
  // A blank has no holder (DOMAIN.md; GD Annex 9 一(二): the prefab card carries no
  // name and no social security number, and the 一(四) sample row leaves both empty).
  // Holder data in a prefab file means a wrong or mixed-up file, so it is refused.
  for (const [column, i] of [
    [C.idNumber, COL.idNumber],
    [C.name, COL.name],
  ] as const) {
    if (t.field(i) !== '' && t.usable(i)) t.err(column, 'MAKER_PREFAB_HOLDER', T.prefabHolder(column));
  }
  return { idNumber: null, name: null };
}

/**
 * Prefab blanks have no validity period on them (GD Annex 9 一(二)), so the dates are
 * optional there; when given they are still checked.
 */
function datesOf(t: RowCheck): { issueDate: string | null; expiryDate: string | null } {
  const dateOf = (column: MakerColumn, i: number): string | null => {
    if (!t.usable(i)) return null;
    const v = t.field(i);
    if (t.ctx.kind === 'finished' ? !t.required(column, v) : v === '') return null;
    const iso = parseFileDate(v);
    if (iso === null) t.err(column, 'MAKER_DATE', T.date(column));
    return iso;
  };
  const issueDate = dateOf(C.issueDate, COL.issueDate);
  const expiryDate = dateOf(C.expiryDate, COL.expiryDate);
  if (issueDate !== null && issueDate > t.ctx.today) {
    t.err(C.issueDate, 'MAKER_DATE_FUTURE', T.dateFuture({ column: C.issueDate, date: issueDate, today: t.ctx.today }));
  }
  if (issueDate !== null && expiryDate !== null && expiryDate <= issueDate) {
    // HB Art. 2 gives finished cards 10 years; only the order is enforced, because the
    // period is a province rule and a card near a leap day may be off by one.
    const order = { expiryColumn: C.expiryDate, expiry: expiryDate, issueColumn: C.issueDate, issue: issueDate };
    t.err(C.expiryDate, 'MAKER_DATE_ORDER', T.dateOrder(order));
  }
  return { issueDate, expiryDate };
}

/** 装箱位置 and the box it names. */
function boxOf(t: RowCheck): { boxPosition: string; boxLabel: string } | null {
  if (!t.usable(COL.boxPosition)) return null;
  const pos = t.field(COL.boxPosition).normalize('NFKC').trim();
  if (!t.required(C.boxPosition, pos, T.boxPositionWhy)) return null;
  const boxLabel = makerBoxLabel(pos);
  if (boxLabel === '') {
    t.err(C.boxPosition, 'MAKER_BOX_POSITION', T.boxPosition);
    return null;
  }
  return { boxPosition: pos, boxLabel };
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
function account(t: RowCheck, column: MakerColumn, i: number): string | null {
  if (!t.usable(i)) return null;
  const v = t.field(i).normalize('NFKC').replace(/[\s-]+/gu, '');
  if (v === '') return null;
  if (!/^[0-9A-Za-z]{1,40}$/.test(v)) {
    t.err(column, 'MAKER_ACCOUNT', T.account(column));
    return null;
  }
  return v;
}
