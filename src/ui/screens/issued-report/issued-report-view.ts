import type { ColumnSpec } from '../../components/table.tsx';
import type { IssuedReport } from '../../hooks/use-issued-report.ts';
import type { IssuanceLedgerRow } from '../../../workflows/issuance-ledger.ts';
import { formatLocalTime } from '../../../domain/china-dates.ts';
import { blankUnprintable } from '../../../text/printable-text.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type Row = { time: string; cardNo: string; holder: string; how: string; read: string; receipt: string; operator: string; unchecked: boolean };

const T = zh.issuedReport;
const H = T.columns;
export const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'time', header: H.time, width: 5 },
  { key: 'cardNo', header: H.cardNo, width: 10 },
  { key: 'holder', header: H.holder, width: 8, min: 4 },
  { key: 'how', header: H.how, width: 8, min: 4 },
  { key: 'read', header: H.read, width: 4, drop: 2 },
  { key: 'receipt', header: H.receipt, width: 24, min: 8 },
  { key: 'operator', header: H.operator, width: 6, min: 4, drop: 1 },
];

function toRow(r: IssuanceLedgerRow): Row {
  return {
    time: formatLocalTime(r.at).slice(11),
    cardNo: r.cardNo,
    holder: r.holderName ?? '-',
    how: r.event === 'issue' ? r.receiverLabel : r.eventLabel,
    read: T.read[r.readCheck],
    receipt: blankUnprintable(r.receiptNo),
    operator: r.operator.name,
    unchecked: r.readCheck === 'not_done',
  };
}

/** The marked entry's line: the masked ID, then the agent or the mailing (outside text, made printable). */
function detailOf(r: IssuanceLedgerRow | null): string {
  if (!r) return '';
  const id = r.holderIdMasked ?? '-';
  if (r.mail) return blankUnprintable(T.mailDetail(id, r.mail.carrier, r.mail.trackingNo, r.mail.address, r.mail.code));
  return blankUnprintable(r.agentName ? T.agentDetail(id, r.agentName) : id);
}

export type IssuedReportView = {
  readonly title: string;
  readonly rows: Row[];
  readonly selected: number | undefined;
  readonly emptyText: string;
  readonly detail: string;
  readonly summary: string;
  readonly totals: string;
  readonly notice: readonly string[];
  readonly noticeColor: string | undefined;
};

export function issuedReportView(r: IssuedReport, siteName: string): IssuedReportView {
  const l = r.ledger;
  const rows = l?.rows ?? [];
  const unchecked = rows.filter((x) => x.readCheck === 'not_done').length;
  return {
    title: `${T.title(r.day)}  ${siteName}`,
    rows: rows.map(toRow),
    selected: rows.length ? r.selected : undefined,
    emptyText: r.error ?? T.none,
    detail: detailOf(r.current),
    summary: l && rows.length ? T.summary(rows.length, l.receiptsToHold, unchecked) : '',
    totals: l && l.byOperator.length ? T.totals(l.byOperator.map((o) => `${o.name} ${o.total}`).join('  ')) : '',
    notice: [0, 1, 2].map((i) => r.notice?.lines[i] ?? ''),
    noticeColor: r.notice?.level === 'error' ? 'red' : r.notice ? 'green' : undefined,
  };
}
