/**
 * The hand-over sheet (交接单, GD Art. 12) as printed paper and as a spreadsheet file. The paper
 * copy is what the sender and the receiver sign; GD Art. 12 wants it to match the electronic
 * record, so both are produced from the same HandoverSheet. Pure: no fs, no SQL, no Ink.
 *
 * Also holds the small text and CSV helpers the other printable registers share (safeCell,
 * spreadsheetCsv, wrapText, textTable), so every export neutralises formulas and every printout
 * measures Chinese the same way.
 */
import { stringify } from 'csv-stringify/sync';
import { displayWidth, fitWidth } from '../ui/text-fit.ts';
import type { Align } from '../ui/text-fit.ts';
import { formatLocalTime } from './china-dates.ts';
import { METHOD_LABELS } from './shipment.ts';
import type { HandoverCard, HandoverSheet } from './shipment.ts';

/** A line of plain text must fit 80 columns: the width of a terminal and of an A4 page in a monospace font. */
export const TEXT_WIDTH = 80;

export const RULE_QUOTE = '依据《广东省社会保障卡业务经办规程》第十二条：纸质交接记录须与系统电子记录一致，至少保管5年。';

// ---------------------------------------------------------------------------------------------
// CSV for spreadsheet programs

/**
 * A cell a spreadsheet would evaluate (OWASP "CSV injection": `=`, `+`, `-`, `@`, and tab or
 * CR, which some programs skip before looking for them) gets a leading `'`, which Excel and
 * WPS show as text instead of running. A holder name or note typed by anyone must never
 * become a HYPERLINK or DDE call on the supervisor's machine.
 */
export function safeCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * Rows as a spreadsheet opens them: a UTF-8 BOM, or Excel on a Chinese Windows reads the file
 * as GBK and garbles every name; CRLF, as Windows programs expect. Strings go through safeCell;
 * numbers are our own counts and are written as numbers. An empty row is `[]`.
 */
export function spreadsheetCsv(rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : safeCell(c))));
  return stringify(cells, { bom: true, record_delimiter: 'windows' });
}

// ---------------------------------------------------------------------------------------------
// Plain text measured in display columns

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

// A tab or escape from a stored name would move the printer's or terminal's cursor.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

// Chinese typesetting never starts a line with closing punctuation (避头点); the character
// before it moves down with it.
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…,.;:?!)]}%']);

/**
 * Breaks `s` into lines of at most `width` columns. Breaks fall between graphemes (Chinese
 * needs no spaces to break), never split a wide character, keep closing punctuation off a
 * line start, and honour the line breaks already in `s`.
 */
export function wrapText(s: string, width: number): string[] {
  const w = Math.max(2, Math.floor(width));
  const out: string[] = [];
  for (const para of s.replace(/\r\n?/g, '\n').split('\n')) {
    let line: string[] = [];
    let used = 0;
    for (const { segment } of segmenter.segment(para.replace(CONTROL, ' '))) {
      const sw = displayWidth(segment);
      if (used + sw > w && line.length > 0) {
        const carry = NO_LINE_START.has(segment) && line.length > 1 ? [line.pop()!] : [];
        out.push(line.join('').trimEnd());
        line = carry;
        used = displayWidth(carry.join(''));
        if (line.length === 0 && segment === ' ') continue;
      }
      line.push(segment);
      used += sw;
    }
    out.push(line.join('').trimEnd());
  }
  return out;
}

/** `label` then `value`, continuation lines indented under the value's first column. */
export function labeledLines(label: string, value: string, width = TEXT_WIDTH, labelWidth = displayWidth(label)): string[] {
  const indent = Math.min(labelWidth, Math.floor(width / 2));
  const head = fitWidth(label, indent);
  return wrapText(value, width - indent).map((v, i) => `${i === 0 ? head : ' '.repeat(indent)}${v}`.trimEnd());
}

/**
 * Short items (`在库 20`) laid out left to right after `prefix`, a new line (indented under
 * the first item) only between items. An item wider than a whole line is wrapped on its own.
 */
export function itemLines(prefix: string, items: readonly string[], width = TEXT_WIDTH, gap = '  '): string[] {
  const indent = Math.min(displayWidth(prefix), Math.floor(width / 2));
  const avail = width - indent;
  const out: string[] = [];
  let line = fitWidth(prefix, indent);
  let used = 0;
  const flush = (): void => {
    out.push(line.trimEnd());
    line = ' '.repeat(indent);
    used = 0;
  };
  for (const item of items) {
    for (const piece of wrapText(item, avail)) {
      const pw = displayWidth(piece);
      const need = used === 0 ? pw : displayWidth(gap) + pw;
      if (used > 0 && used + need > avail) flush();
      line += used === 0 ? piece : gap + piece;
      used += used === 0 ? pw : displayWidth(gap) + pw;
    }
  }
  if (used > 0 || out.length === 0) flush();
  return out;
}

export type TextColumn = {
  header: string;
  align?: Align;
  /** Never cut below this many columns (default: the header's width). Card and ID numbers set it to their full width. */
  min?: number;
};

/**
 * A header, a rule and the rows, each column as wide as its widest cell. When that is wider
 * than `width`, the widest column that may still shrink loses a column at a time, so a long
 * name is cut before a batch code, and numbers never are (their `min` is their width).
 */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], width = TEXT_WIDTH, gap = 2): string[] {
  const clean = (s: string): string => s.replace(CONTROL, ' ').replace(/[\n\r]/g, ' ');
  const body = rows.map((r) => columns.map((_, i) => clean(r[i] ?? '')));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...body.map((r) => displayWidth(r[i] ?? ''))));
  const mins = columns.map((c, i) => Math.min(widths[i] ?? 0, c.min ?? displayWidth(c.header)));
  const total = (): number => widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  while (total() > width) {
    let pick = widestAbove(widths, mins);
    // Even at their minimums the columns do not fit: the line limit wins over the minimums.
    if (pick < 0) pick = widestAbove(widths, widths.map(() => 1));
    if (pick < 0) break;
    widths[pick] = (widths[pick] ?? 1) - 1;
  }
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => fitWidth(cells[i] ?? '', widths[i] ?? 0, c.align ?? 'left'))
      .join(' '.repeat(gap))
      .trimEnd();
  return [line(columns.map((c) => c.header)), '-'.repeat(total()), ...body.map(line)];
}

function widestAbove(widths: readonly number[], floors: readonly number[]): number {
  let pick = -1;
  widths.forEach((w, i) => {
    if (w > (floors[i] ?? 0) && (pick < 0 || w > (widths[pick] ?? 0))) pick = i;
  });
  return pick;
}

// ---------------------------------------------------------------------------------------------
// The hand-over sheet

const DRAFT_TIME = '未发出（草稿）';
const NO_TRACKING = '—';

function site(s: { code: string; name: string }): string {
  return `${s.code} ${s.name}`;
}

function sentTime(sheet: HandoverSheet): string {
  return sheet.sentAt === null ? DRAFT_TIME : formatLocalTime(sheet.sentAt);
}

function nameCell(c: HandoverCard): string {
  if (c.holderName !== null && c.holderName !== '') return c.holderName;
  return c.kind === 'prefab' ? '（预制卡）' : '-';
}

const SIGNATURES = ['发出人签字：', '接收单位签收人签字：', '保管人（责任人）签字：'] as const;
const SIGN_BLANK = '________________';
const DATE_BLANK = '日期：____年__月__日';

/** Lines a pen can fill in: labels padded to one width so the blanks line up on paper. */
function signatureLines(labels: readonly string[]): string[] {
  const lw = Math.max(...labels.map(displayWidth));
  return labels.flatMap((l, i) => [...(i > 0 ? [''] : []), `${fitWidth(l, lw)}${SIGN_BLANK}  ${DATE_BLANK}`]);
}

function countList(items: readonly { label: string; count: number }[]): string[] {
  const cw = Math.max(1, ...items.map((i) => String(i.count).length));
  const unit = ' 张';
  const lw = Math.min(Math.max(0, ...items.map((i) => displayWidth(i.label))), TEXT_WIDTH - 2 - 2 - cw - displayWidth(unit));
  return items.map((i) => `  ${fitWidth(i.label, lw)}  ${String(i.count).padStart(cw)}${unit}`);
}

/** The sheet as plain text for printing and signing; every line at most 80 columns. */
export function formatHandoverText(sheet: HandoverSheet): string {
  const heavy = '='.repeat(TEXT_WIDTH);
  const light = '-'.repeat(TEXT_WIDTH);
  const fields: [string, string][] = [
    ['交接单号：', sheet.number],
    ['发出单位：', site(sheet.from)],
    ['接收单位：', site(sheet.to)],
    ['发放方式：', METHOD_LABELS[sheet.method]],
    ['运单号：', sheet.trackingNo ?? NO_TRACKING],
    ['发出人：', sheet.senderName],
    ['制单人：', sheet.createdBy],
    ['发出时间：', sentTime(sheet)],
  ];
  const labelWidth = Math.max(...fields.map(([l]) => displayWidth(l)));
  const cardRows = sheet.cards.map((c, i) => [String(i + 1), c.cardNo, c.batch, c.box ?? '-', nameCell(c)]);
  const cardNoWidth = Math.max(0, ...sheet.cards.map((c) => displayWidth(c.cardNo)));
  const lines = [
    fitWidth('社会保障卡交接单', TEXT_WIDTH, 'center').trimEnd(),
    heavy,
    ...fields.flatMap(([l, v]) => labeledLines(l, v, TEXT_WIDTH, labelWidth)),
    light,
    `批次（共 ${sheet.batches.length} 个）：`,
    ...countList(sheet.batches.map((b) => ({ label: b.code, count: b.count }))),
    `箱（共 ${sheet.boxes.length} 个）：`,
    ...countList(sheet.boxes.map((b) => ({ label: b.key, count: b.count }))),
    `卡片总数：${sheet.cards.length} 张`,
    light,
    '卡片清单：',
    ...textTable(
      [{ header: '序号', align: 'right' }, { header: '社保卡号', min: cardNoWidth }, { header: '批次', min: 8 }, { header: '箱号' }, { header: '姓名' }],
      cardRows,
    ),
    light,
    ...(sheet.note !== null && sheet.note.trim() !== '' ? [...labeledLines('备注：', sheet.note.trim()), light] : []),
    '',
    ...signatureLines(SIGNATURES),
    '',
    light,
    ...wrapText(RULE_QUOTE, TEXT_WIDTH),
  ];
  return `${lines.join('\n')}\n`;
}

/** `420100-2026-1120×24；420100-2026-1121×1`: one cell a spreadsheet keeps as text. */
function countCell(items: readonly { label: string; count: number }[]): string {
  return items.map((i) => `${i.label}×${i.count}`).join('；');
}

/** The sheet as a CSV for Excel or WPS: details, the card list, then signature cells. */
export function formatHandoverCsv(sheet: HandoverSheet): string {
  const rows: (string | number)[][] = [
    ['交接单号', sheet.number],
    ['发出单位', site(sheet.from)],
    ['接收单位', site(sheet.to)],
    ['发放方式', METHOD_LABELS[sheet.method]],
    ['运单号', sheet.trackingNo ?? ''],
    ['发出人', sheet.senderName],
    ['制单人', sheet.createdBy],
    ['发出时间', sentTime(sheet)],
    ['批次', countCell(sheet.batches.map((b) => ({ label: b.code, count: b.count })))],
    ['箱', countCell(sheet.boxes.map((b) => ({ label: b.key, count: b.count })))],
    ['卡片总数', sheet.cards.length],
    ...(sheet.note !== null && sheet.note.trim() !== '' ? [['备注', sheet.note.trim()]] : []),
    [],
    ['序号', '社保卡号', '批次', '箱号', '姓名'],
    ...sheet.cards.map((c, i) => [i + 1, c.cardNo, c.batch, c.box ?? '', c.holderName ?? '']),
    [],
    ['发出人签字', ''],
    ['签收人签字', ''],
    ['保管人签字', ''],
    ['签收日期', ''],
  ];
  return spreadsheetCsv(rows);
}
