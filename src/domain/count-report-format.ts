/**
 * The daily count of prefab blanks on paper (预制卡盘点, GD Art. 36 一(四): 每天盘点数量): the
 * result of one submitted count, and the reconciliation report over a period (one row per day
 * and bank) as printable text and as a spreadsheet file. Pure: no fs, no SQL, no Ink.
 *
 * The shapes below are what the count workflow (src/workflows/stock-count.ts) returns; they are
 * restated here so this module stays free of the ledger.
 */
import { displayWidth, fitWidth } from '../text/display-width.ts';
import { TEXT_WIDTH, itemLines, spreadsheetCsv, textTable, wrapText } from '../text/text-table.ts';

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
};

export const REPORT_TITLE = '预制卡盘点对账表';

/** How the figures relate, one equation a line (each fits the page whole). */
export const BALANCE_RULE = ['期初 + 入库 - 使用 - 作废 - 调出 = 期末；', '实点 = 期末 - 缺少 + 多出；差异 = 缺少 + 多出（单位：张）。'] as const;

export const DAILY_RULE = '预制卡须每天盘点数量（GD 第三十六条）；⚠ 为工作日没有已结束的盘点。';

const WARN = '⚠';

/** `卡盒:制卡机1-卡盒1` (how the workflow keys a hopper) as an operator reads it. */
export function boxLabel(key: string): string {
  return key.startsWith('卡盒:') ? `卡盒 ${key.slice(3)}` : `箱 ${key}`;
}

/** 中国工商银行 → 工商银行: the report's bank column has little room; a short name stays whole. */
export function shortBank(bank: string): string {
  return bank.startsWith('中国') && [...bank].length >= 6 ? bank.slice(2) : bank;
}

const FIGURES = [
  ['期初', 'opening'],
  ['入库', 'received'],
  ['使用', 'consumed'],
  ['作废', 'spoiled'],
  ['调出', 'movedOut'],
  ['期末', 'closing'],
  ['实点', 'counted'],
  ['差异', 'differences'],
] as const satisfies readonly (readonly [string, keyof CountReportRow])[];

const num = (n: number | null): string => (n === null ? '-' : String(n));

/** A row with no figures: ⚠ and the warning on a working day, a quiet note on a day off. */
function noFigures(r: CountReportRow): string {
  return r.warning !== null ? `${WARN} ${r.warning}` : '无盘点（非工作日）';
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
  const headers = ['日期', '银行', ...FIGURES.map(([h]) => h), '盘点人', '复核人'];
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
  const period = meta.from === meta.to ? meta.from : `${meta.from} 至 ${meta.to}`;
  const lines = [
    fitWidth(REPORT_TITLE, TEXT_WIDTH, 'center').trimEnd(),
    heavy,
    ...wrapText(`网点：${meta.site.code} ${meta.site.name}`, TEXT_WIDTH),
    `期间：${period}`,
    ...(printed ? [`打印：${printed}`] : []),
    light,
    ...(rows.length === 0 ? ['本网点在此期间没有预制卡。'] : reportTable(rows, TEXT_WIDTH)),
    light,
    ...(warnings.length === 0
      ? [`共 ${days} 天、${rows.length} 行；每个工作日都有已结束的盘点。`]
      : [`共 ${days} 天、${rows.length} 行；${WARN} ${warnings.length} 行是工作日没有已结束的盘点：`, ...itemLines('  ', [...new Set(warnings.map((w) => w.date))])]),
    ...BALANCE_RULE,
    ...wrapText(DAILY_RULE, TEXT_WIDTH),
  ];
  return `${lines.join('\n')}\n`;
}

/** The same report as a CSV for Excel or WPS (BOM, CRLF): empty cells where a day has no figures. */
export function formatCountReportCsv(rows: readonly CountReportRow[], meta: CountReportMeta): string {
  const cell = (n: number | null): string | number => (n === null ? '' : n);
  return spreadsheetCsv([
    [REPORT_TITLE],
    ['网点编码', meta.site.code],
    ['网点', meta.site.name],
    ['起始日期', meta.from],
    ['截止日期', meta.to],
    ...(meta.printedAt ? [['打印时间', meta.printedAt]] : []),
    ...(meta.printedBy ? [['打印人', meta.printedBy]] : []),
    [],
    ['日期', '银行', ...FIGURES.map(([h]) => h), '盘点人', '复核人', '提示'],
    ...rows.map((r) => [r.date, r.bank, ...FIGURES.map(([, k]) => cell(r[k] as number | null)), r.countedBy ?? '', r.approvedBy ?? '', isEmptyRow(r) ? noFigures(r).replace(`${WARN} `, '') : '']),
  ]);
}

function holds(l: CountResultLine): boolean {
  return l.opening + l.received - l.consumed - l.spoiled - l.movedOut === l.closing && l.counted === l.closing - l.missing + l.unexpected;
}

/** One bank's line with its balance written out: the bank, then the two equations (indented). */
export function balanceLines(l: CountResultLine): string[] {
  const wrapped = (s: string) => wrapText(s, TEXT_WIDTH - 2).map((x) => `  ${x}`.trimEnd());
  return [
    l.bank,
    ...wrapped(`期初 ${l.opening} + 入库 ${l.received} - 使用 ${l.consumed} - 作废 ${l.spoiled} - 调出 ${l.movedOut} = 期末 ${l.closing}`),
    ...wrapped(`实点 ${l.counted} = 期末 ${l.closing} - 缺少 ${l.missing} + 多出 ${l.unexpected}`),
    ...(holds(l) ? [] : wrapped(`${WARN} 账目不平：请运行 sbk verify 并联系管理员。`)),
  ];
}

/** A submitted count as the operator reads it: the balance per bank written out, boxes, and every missing or unexpected card. */
export function formatCountResultText(result: CountResult): string {
  const light = '-'.repeat(TEXT_WIDTH);
  const indent = (ls: readonly string[], by = 2) => ls.map((l) => `${' '.repeat(by)}${l}`.trimEnd());
  const missing = result.missing.length;
  const unexpected = result.unexpected.length;
  const head = result.clean
    ? `盘点 ${result.id} 已提交：账实相符，没有差异。`
    : `盘点 ${result.id} 已提交：有差异，缺少 ${missing} 张，多出 ${unexpected} 张。`;
  const lines: string[] = [...wrapText(head, TEXT_WIDTH), light];
  if (result.lines.length === 0) lines.push('本网点没有预制卡。');
  for (const l of result.lines) lines.push(...balanceLines(l));
  if (result.boxes.length > 0) {
    lines.push(
      '',
      '箱与卡盒：',
      ...indent(
        textTable(
          [{ header: '箱或卡盒' }, { header: '应有', align: 'right' }, { header: '实点', align: 'right' }, { header: '差异', align: 'right' }],
          result.boxes.map((b) => {
            const d = b.counted - b.expected;
            return [boxLabel(b.box), String(b.expected), String(b.counted), d === 0 ? '0' : `${d > 0 ? '+' : ''}${d}`];
          }),
          TEXT_WIDTH - 2,
        ),
      ),
    );
  }
  if (missing > 0) {
    lines.push(
      '',
      `缺少的卡（${missing} 张，台账有、未点到）：`,
      ...indent(
        textTable(
          [{ header: '卡号', min: Math.max(...result.missing.map((m) => displayWidth(m.cardNo))) }, { header: '银行' }, { header: '箱或卡盒' }],
          result.missing.map((m) => [m.cardNo, m.bank || '-', boxLabel(m.box)]),
          TEXT_WIDTH - 2,
        ),
      ),
    );
  }
  if (unexpected > 0) {
    lines.push(
      '',
      `多出的卡（${unexpected} 张，点到了、台账不在本网点）：`,
      ...indent(
        textTable(
          [{ header: '卡号', min: Math.max(...result.unexpected.map((u) => displayWidth(u.cardNo))) }, { header: '银行' }, { header: '台账所在' }],
          result.unexpected.map((u) => [u.cardNo, u.bank ?? '-', u.where ?? (u.bank === null ? '台账中无此卡' : '-')]),
          TEXT_WIDTH - 2,
        ),
      ),
    );
  }
  lines.push('', ...BALANCE_RULE);
  return `${lines.join('\n')}\n`;
}
