/**
 * The daily count of prefab blanks on paper (预制卡盘点, GD Art. 36 一(四): 每天盘点数量): the
 * result of one submitted count, and the reconciliation report over a period (one row per day
 * and bank) as printable text and as a spreadsheet file. Pure: no fs, no SQL, no Ink.
 *
 * The shapes below are what the count workflow (src/workflows/stock-count.ts) returns; they are
 * restated here so this module stays free of the ledger.
 */
import { displayWidth, fitWidth } from '../text/display-width.ts';
import { ledgerHeadCsvRow, ledgerHeadLines, type LedgerHead } from './ledger-head.ts';
import { TEXT_WIDTH, itemLines, spreadsheetCsv, textTable, wrapText } from '../text/text-table.ts';
import { reportTexts } from '../i18n/domain/reports.ts';
import { maxOf } from '../text/max-of.ts';

const T = reportTexts.count;
const R = T.result;

/** One bank's balance in a submitted count. */
export type CountResultLine = {
  bank: string;
  opening: number;
  received: number;
  consumed: number;
  spoiled: number;
  movedOut: number;
  closing: number;
  counted: number;
  missing: number;
  unexpected: number;
};

/** A submitted count: `SubmitResult` of the count workflow. */
export type CountResult = {
  id: number;
  lines: readonly CountResultLine[];
  boxes: readonly { box: string; expected: number; counted: number }[];
  missing: readonly { cardNo: string; bank: string; box: string }[];
  unexpected: readonly { cardNo: string; bank: string | null; where: string | null }[];
  clean: boolean;
  /** The ledger's seal head after the count was written. */
  ledgerHead?: LedgerHead | null;
};

/** One day and bank of the reconciliation report: `ReportRow` of the count workflow. */
export type CountReportRow = {
  date: string;
  bank: string;
  opening: number | null;
  received: number | null;
  consumed: number | null;
  spoiled: number | null;
  movedOut: number | null;
  closing: number | null;
  counted: number | null;
  differences: number | null;
  countedBy: string | null;
  approvedBy: string | null;
  /** A working day with no closed count. */
  warning: string | null;
};

/** A day and bank without a closed count: no figures, and a warning on a working day. */
export function noCountRow(date: string, bank: string, warning: string | null): CountReportRow {
  return { date, bank, opening: null, received: null, consumed: null, spoiled: null, movedOut: null, closing: null, counted: null, differences: null, countedBy: null, approvedBy: null, warning };
}

export type CountReportMeta = {
  site: { code: string; name: string };
  from: string;
  to: string;
  /** When and by whom it was printed (already in China time), if known. */
  printedAt?: string | null;
  printedBy?: string | null;
  /** The ledger's seal head when printed: the paper's anchor against a rewrite. */
  ledgerHead?: LedgerHead | null;
};

export const REPORT_TITLE = T.reportTitle;

/** How the figures relate, one equation a line (each fits the page whole). */
export const BALANCE_RULE = T.balanceRule;

export const DAILY_RULE = T.dailyRule;

const WARN = T.warn;

/** How the count keys a hopper among the boxes it counts: `卡盒:制卡机1-卡盒1`. */
export const HOPPER_KEY_PREFIX = T.hopperKeyPrefix;

export function hopperKey(placeName: string): string {
  return `${HOPPER_KEY_PREFIX}${placeName}`;
}

/** A box or hopper key (see hopperKey) as an operator reads it. */
export function boxLabel(key: string): string {
  return key.startsWith(HOPPER_KEY_PREFIX) ? T.hopper(key.slice(HOPPER_KEY_PREFIX.length)) : T.box(key);
}

/** 中国工商银行 → 工商银行: the report's bank column has little room; a short name stays whole. */
export function shortBank(bank: string): string {
  return bank.startsWith(T.bankPrefix) && [...bank].length >= 6 ? bank.slice(T.bankPrefix.length) : bank;
}

/** The eight figures of a row, in the report's column order. */
const FIGURES = (['opening', 'received', 'consumed', 'spoiled', 'movedOut', 'closing', 'counted', 'differences'] as const).map(
  (k) => [T.figures[k], k] as const,
) satisfies readonly (readonly [string, keyof CountReportRow])[];

const num = (n: number | null): string => (n === null ? '-' : String(n));

/** A row with no figures: ⚠ and the warning on a working day, a quiet note on a day off. */
function noFigures(r: CountReportRow): string {
  return r.warning !== null ? `${WARN} ${r.warning}` : T.noCountDayOff;
}

function isEmptyRow(r: CountReportRow): boolean {
  return r.warning !== null || FIGURES.every(([, k]) => r[k] === null);
}

/**
 * The report table: 日期, 银行, the eight figures, 盘点人, 复核人, one space between columns. When
 * the names or the bank are too long for the page they are cut (never a date or a figure). A
 * row without figures prints its warning (or the day-off note) where the figures would be.
 */
function reportTable(rows: readonly CountReportRow[], width: number): string[] {
  const gap = 1;
  const c = T.columns;
  const headers = [c.date, c.bank, ...FIGURES.map(([h]) => h), c.countedBy, c.approvedBy];
  const full = rows.filter((r) => !isEmptyRow(r));
  const cells = (r: CountReportRow): string[] => [r.date, shortBank(r.bank), ...FIGURES.map(([, k]) => num(r[k] as number | null)), r.countedBy ?? '-', r.approvedBy ?? '-'];
  const widths = headers.map((h) => displayWidth(h));
  for (const r of full) cells(r).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  for (const r of rows) {
    widths[0] = Math.max(widths[0] ?? 0, displayWidth(r.date));
    widths[1] = Math.max(widths[1] ?? 0, displayWidth(shortBank(r.bank)));
  }
  const shrinkable = [1, headers.length - 2, headers.length - 1];
  const total = (): number => widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
  while (total() > width) {
    const pick = shrinkable.filter((i) => (widths[i] ?? 0) > 4).sort((a, b) => (widths[b] ?? 0) - (widths[a] ?? 0))[0];
    if (pick === undefined) break;
    widths[pick] = (widths[pick] ?? 0) - 1;
  }
  const align = (i: number) => (i >= 2 && i < 2 + FIGURES.length ? 'right' : 'left');
  const line = (cs: readonly string[]): string =>
    cs
      .map((c, i) => fitWidth(c, widths[i] ?? 0, align(i)))
      .join(' '.repeat(gap))
      .trimEnd();
  const lead = (widths[0] ?? 0) + gap + (widths[1] ?? 0) + gap;
  const out = [line(headers), '-'.repeat(Math.min(width, total()))];
  for (const r of rows) {
    if (!isEmptyRow(r)) {
      out.push(line(cells(r)));
      continue;
    }
    const head = `${fitWidth(r.date, widths[0] ?? 0)}${' '.repeat(gap)}${fitWidth(shortBank(r.bank), widths[1] ?? 0)}${' '.repeat(gap)}`;
    wrapText(noFigures(r), Math.max(8, width - lead)).forEach((piece, i) => out.push(`${i === 0 ? head : ' '.repeat(lead)}${piece}`.trimEnd()));
  }
  return out;
}

/** The reconciliation report as printable text (80 columns), for the desk or `| lp` from cron. */
export function formatCountReportText(rows: readonly CountReportRow[], meta: CountReportMeta): string {
  const heavy = '='.repeat(TEXT_WIDTH);
  const light = '-'.repeat(TEXT_WIDTH);
  const warnings = rows.filter((r) => r.warning !== null);
  const days = new Set(rows.map((r) => r.date)).size;
  const printed = [meta.printedAt, meta.printedBy].filter((s): s is string => Boolean(s)).join(' ');
  const lines = [
    fitWidth(REPORT_TITLE, TEXT_WIDTH, 'center').trimEnd(),
    heavy,
    ...wrapText(T.site(meta.site), TEXT_WIDTH),
    T.period(meta),
    ...(printed ? [T.printed(printed)] : []),
    light,
    ...(rows.length === 0 ? [T.noPrefab] : reportTable(rows, TEXT_WIDTH)),
    light,
    ...(warnings.length === 0
      ? [T.allCounted({ days, rows: rows.length })]
      : [T.someMissing({ days, rows: rows.length, warnings: warnings.length }), ...itemLines('  ', [...new Set(warnings.map((w) => w.date))])]),
    ...BALANCE_RULE,
    ...wrapText(DAILY_RULE, TEXT_WIDTH),
    ...ledgerHeadLines(meta.ledgerHead),
  ];
  return `${lines.join('\n')}\n`;
}

/** The same report as a CSV for Excel or WPS (BOM, CRLF): empty cells where a day has no figures. */
export function formatCountReportCsv(rows: readonly CountReportRow[], meta: CountReportMeta): string {
  const cell = (n: number | null): string | number => (n === null ? '' : n);
  const { csv, columns: c } = T;
  return spreadsheetCsv([
    [REPORT_TITLE],
    [csv.siteCode, meta.site.code],
    [csv.site, meta.site.name],
    [csv.from, meta.from],
    [csv.to, meta.to],
    ...(meta.printedAt ? [[csv.printedAt, meta.printedAt]] : []),
    ...(meta.printedBy ? [[csv.printedBy, meta.printedBy]] : []),
    ...ledgerHeadCsvRow(meta.ledgerHead),
    [],
    [c.date, c.bank, ...FIGURES.map(([h]) => h), c.countedBy, c.approvedBy, c.hint],
    ...rows.map((r) => [r.date, r.bank, ...FIGURES.map(([, k]) => cell(r[k] as number | null)), r.countedBy ?? '', r.approvedBy ?? '', isEmptyRow(r) ? noFigures(r).replace(`${WARN} `, '') : '']),
  ]);
}

function holds(l: CountResultLine): boolean {
  return l.opening + l.received - l.consumed - l.spoiled - l.movedOut === l.closing && l.counted === l.closing - l.missing + l.unexpected;
}

/** One bank's line with its balance written out: the bank, then the two equations (indented). */
export function balanceLines(l: CountResultLine): string[] {
  const wrapped = (s: string) => wrapText(s, TEXT_WIDTH - 2).map((x) => `  ${x}`.trimEnd());
  return [l.bank, ...wrapped(R.balance(l)), ...wrapped(R.counted(l)), ...(holds(l) ? [] : wrapped(R.unbalanced))];
}


const indent = (ls: readonly string[], by = 2): string[] => ls.map((l) => `${' '.repeat(by)}${l}`.trimEnd());

/** The boxes and hoppers of a count: expected, counted, and the difference with its sign. */
function boxLines(boxes: CountResult['boxes']): string[] {
  if (boxes.length === 0) return [];
  const c = R.boxColumns;
  const table = textTable(
    [{ header: c.box }, { header: c.expected, align: 'right' }, { header: c.counted, align: 'right' }, { header: c.difference, align: 'right' }],
    boxes.map((b) => {
      const d = b.counted - b.expected;
      return [boxLabel(b.box), String(b.expected), String(b.counted), d === 0 ? '0' : `${d > 0 ? '+' : ''}${d}`];
    }),
    TEXT_WIDTH - 2,
  );
  return ['', R.boxesTitle, ...indent(table)];
}

function missingLines(missing: CountResult['missing']): string[] {
  if (missing.length === 0) return [];
  const c = R.cardColumns;
  const table = textTable(
    [{ header: c.cardNo, min: maxOf(missing, (m) => displayWidth(m.cardNo)) }, { header: c.bank }, { header: c.box }],
    missing.map((m) => [m.cardNo, m.bank || '-', boxLabel(m.box)]),
    TEXT_WIDTH - 2,
  );
  return ['', R.missingTitle(missing.length), ...indent(table)];
}

function unexpectedLines(unexpected: CountResult['unexpected']): string[] {
  if (unexpected.length === 0) return [];
  const c = R.cardColumns;
  const table = textTable(
    [{ header: c.cardNo, min: maxOf(unexpected, (u) => displayWidth(u.cardNo)) }, { header: c.bank }, { header: c.where }],
    unexpected.map((u) => [u.cardNo, u.bank ?? '-', u.where ?? (u.bank === null ? R.notOnBooks : '-')]),
    TEXT_WIDTH - 2,
  );
  return ['', R.unexpectedTitle(unexpected.length), ...indent(table)];
}

/** A submitted count as the operator reads it: the balance per bank written out, boxes, and every missing or unexpected card. */
export function formatCountResultText(result: CountResult): string {
  const head = result.clean
    ? R.clean(result.id)
    : R.differences({ id: result.id, missing: result.missing.length, unexpected: result.unexpected.length });
  const lines: string[] = [
    ...wrapText(head, TEXT_WIDTH),
    '-'.repeat(TEXT_WIDTH),
    ...(result.lines.length === 0 ? [R.noPrefab] : []),
    ...result.lines.flatMap((l) => balanceLines(l)),
    ...boxLines(result.boxes),
    ...missingLines(result.missing),
    ...unexpectedLines(result.unexpected),
    '',
    ...BALANCE_RULE,
    ...ledgerHeadLines(result.ledgerHead),
  ];
  return `${lines.join('\n')}\n`;
}
