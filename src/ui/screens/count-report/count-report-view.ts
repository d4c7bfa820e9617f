import type { ColumnSpec } from '../../components/table.tsx';
import type { CountReport } from '../../hooks/use-count-report.ts';
import { shortBank } from '../../../domain/count-report-format.ts';
import type { ReportRow } from '../../../workflows/stock-count.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const FIGURES = ['opening', 'received', 'consumed', 'spoiled', 'movedOut', 'closing', 'counted', 'differences'] as const;
type Figure = (typeof FIGURES)[number];
export type Row = { mark: string; date: string; bank: string; countedBy: string; approvedBy: string; warn: boolean } & Record<Figure, string>;

const C = zh.count;
const H = C.reportColumns;
export const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'mark', header: '', width: 1 },
  { key: 'date', header: H.date, width: 10 },
  { key: 'bank', header: H.bank, width: 8, min: 4 },
  ...FIGURES.map((k): ColumnSpec<Row> => ({ key: k, header: H[k], width: 4, align: 'right' })),
  { key: 'countedBy', header: H.countedBy, width: 6, drop: 2 },
  { key: 'approvedBy', header: H.approvedBy, width: 6, drop: 1 },
];
const WARN = '⚠';

function toRow(r: ReportRow): Row {
  const figures = Object.fromEntries(FIGURES.map((k) => [k, r[k] === null ? '-' : String(r[k])])) as Record<Figure, string>;
  return { mark: r.warning ? WARN : '', date: r.date, bank: shortBank(r.bank), ...figures, countedBy: r.countedBy ?? '', approvedBy: r.approvedBy ?? '', warn: r.warning !== null };
}

/** The report page worked out from the hook: the screen only lays it out. */
export type CountReportView = {
  readonly title: string;
  readonly rows: Row[];
  readonly selected: number | undefined;
  readonly emptyText: string;
  /** The marked row's day: its warning, no count on a day off, or who counted and approved. */
  readonly detail: { readonly text: string; readonly warn: boolean };
  readonly summary: { readonly text: string; readonly color: string };
  readonly notice: readonly string[];
  readonly noticeColor: string | undefined;
};

function detailOf(c: ReportRow | null): string {
  if (!c) return '';
  if (c.warning) return `${WARN} ${c.date} ${c.warning}`;
  return c.countedBy === null ? `${c.date} ${C.reportDayOff}` : `${c.date} ${C.reportNames(c.countedBy, c.approvedBy ?? '-')}`;
}

export function countReportView(r: CountReport, siteName: string): CountReportView {
  const c = r.current;
  const summary = r.rows.length === 0 ? '' : r.warnings ? C.reportWarnings(r.warnings) : C.reportAllCounted;
  return {
    title: `${C.reportTitle(r.period.from, r.period.to)}  ${siteName}`,
    rows: r.rows.map(toRow),
    selected: r.rows.length ? r.selected : undefined,
    emptyText: r.error ?? C.reportNone,
    detail: { text: detailOf(c), warn: Boolean(c?.warning) },
    summary: { text: summary, color: r.warnings ? 'yellow' : 'green' },
    notice: [0, 1, 2].map((i) => r.notice?.lines[i] ?? ''),
    noticeColor: r.notice?.level === 'error' ? 'red' : r.notice ? 'green' : undefined,
  };
}
