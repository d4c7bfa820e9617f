/**
 * Plain text and CSV for paper and spreadsheets, shared by every printable register (hand-over
 * sheets, receipts, count reports, batch registers) and the CLI's tables: every export
 * neutralises formulas and every printout measures Chinese the same way. Below both domain
 * and ui; pure.
 */
import { stringify } from 'csv-stringify/sync';
import { displayWidth, fitWidth, type Align } from './display-width.ts';
import { NO_LINE_START } from './line-break-rules.ts';
import { maxOf } from './max-of.ts';
import { printableValue } from './printable-text.ts';

/** A line of plain text must fit 80 columns: the width of a terminal and of an A4 page in a monospace font. */
export const TEXT_WIDTH = 80;

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
 * The one cell function of every CSV sbk writes: control characters (C0 with ESC, tab and line
 * breaks, DEL, C1, the bidi overrides) shown visibly as on the terminal (printable-text.ts: ESC
 * as ␛, U+202E as `<U+202E>`), so a stored `\e]0;…\a` or a reordering mark reaches no
 * spreadsheet or terminal that `cat`s the file; then formulas neutralised (safeCell).
 */
export function csvCell(s: string): string {
  return safeCell(printableValue(s));
}

/**
 * Rows as a spreadsheet opens them: a UTF-8 BOM, or Excel on a Chinese Windows reads the file
 * as GBK and garbles every name; CRLF, as Windows programs expect. Strings go through csvCell;
 * numbers are our own counts and are written as numbers. An empty row is `[]`.
 */
export function spreadsheetCsv(rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : csvCell(c))));
  return stringify(cells, { bom: true, record_delimiter: 'windows' });
}

// ---------------------------------------------------------------------------------------------
// Plain text measured in display columns

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

// A tab or escape from a stored name would move the printer's or terminal's cursor.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;


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
  const widthOf = cellWidths();
  // maxOf, not Math.max(...body): a spread of 125,000 rows overflows the stack (issue 18).
  const widths = columns.map((c, i) => maxOf(body, (r) => widthOf(r[i] ?? ''), displayWidth(c.header)));
  const mins = columns.map((c, i) => Math.min(widths[i] ?? 0, c.min ?? displayWidth(c.header)));
  const total = (): number => widths.reduce((a, b) => a + b, 0) + gap * (columns.length - 1);
  while (total() > width) {
    let pick = widestAbove(widths, mins);
    // Even at their minimums the columns do not fit: the line limit wins over the minimums.
    if (pick < 0) pick = widestAbove(widths, widths.map(() => 1));
    if (pick < 0) break;
    widths[pick] = (widths[pick] ?? 1) - 1;
  }
  const fits = columns.map((c, i) => cellFitter(widths[i] ?? 0, c.align ?? 'left'));
  const line = (cells: readonly string[]): string =>
    fits
      .map((fit, i) => fit(cells[i] ?? ''))
      .join(' '.repeat(gap))
      .trimEnd();
  return [line(columns.map((c) => c.header)), '-'.repeat(total()), ...body.map(line)];
}

// A table of 200,000 cards measures and fits 1.4 million cells: printable ASCII (card numbers,
// codes, dates) is one column a character, and the rest (site names, states, holders) repeats,
// so both skip string-width's grapheme segmentation where they can.
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** displayWidth: one column a character for printable ASCII, the rest remembered. */
function cellWidths(): (s: string) => number {
  const wide = memoised(displayWidth);
  return (s) => (PRINTABLE_ASCII.test(s) ? s.length : wide(s));
}

/** `f` remembering its answers for repeated values (a bounded number of them). */
function memoised<V>(f: (s: string) => V, limit = 10_000): (s: string) => V {
  const seen = new Map<string, V>();
  return (s) => {
    const hit = seen.get(s);
    if (hit !== undefined) return hit;
    const v = f(s);
    if (seen.size < limit) seen.set(s, v);
    return v;
  };
}

/** fitWidth into one column's width, the same result, quicker for ASCII and repeated cells. */
function cellFitter(width: number, align: Align): (s: string) => string {
  const slow = memoised((s: string) => fitWidth(s, width, align));
  return (s) => {
    if (width <= 0 || s.length > width || !PRINTABLE_ASCII.test(s)) return slow(s);
    const gap = width - s.length;
    if (align === 'right') return ' '.repeat(gap) + s;
    if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + s + ' '.repeat(gap - Math.floor(gap / 2));
    return s + ' '.repeat(gap);
  };
}

function widestAbove(widths: readonly number[], floors: readonly number[]): number {
  let pick = -1;
  widths.forEach((w, i) => {
    if (w > (floors[i] ?? 0) && (pick < 0 || w > (widths[pick] ?? 0))) pick = i;
  });
  return pick;
}

