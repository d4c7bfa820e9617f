import type { ColumnSpec } from '../../components/table.tsx';
import type { ContactScreenData } from '../../hooks/use-contact.ts';
import type { ContactRow } from '../../../workflows/contact-list.ts';
import { formatLocalTime } from '../../../domain/china-dates.ts';
import { blankUnprintable } from '../../../text/printable-text.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type Row = { cardNo: string; holder: string; phone: string; unit: string; dueBy: string; contacted: string; overdue: boolean };

const T = zh.contact;
const H = T.columns;
export const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'cardNo', header: H.cardNo, width: 10 },
  { key: 'holder', header: H.holder, width: 8, min: 4 },
  { key: 'phone', header: H.phone, width: 12, min: 8 },
  { key: 'dueBy', header: H.dueBy, width: 12, min: 10 },
  { key: 'contacted', header: H.contacted, width: 12, min: 6, drop: 2 },
  { key: 'unit', header: H.unit, width: 14, min: 4, drop: 1 },
];

function toRow(r: ContactRow): Row {
  return {
    cardNo: r.cardNo,
    holder: blankUnprintable(r.holderName ?? '-'),
    phone: r.phoneMasked ?? '-',
    unit: blankUnprintable(r.unitName ?? '-'),
    dueBy: `${r.dueBy}${r.overdue ? ' ⚠' : ''}`,
    contacted: r.lastChannel && r.lastContactAt ? `${T.channels[r.lastChannel]} ${formatLocalTime(r.lastContactAt).slice(5, 10)}` : T.notContacted,
    overdue: r.overdue,
  };
}

export type ContactView = {
  readonly title: string;
  readonly rows: Row[];
  readonly selected: number | undefined;
  readonly emptyText: string;
  readonly detail: string;
  readonly lines: readonly string[];
  readonly linesColor: string | undefined;
};

/** Two lines under the table: the opened phone of the marked card, or the notice. */
export function contactView(c: ContactScreenData): ContactView {
  const cur = c.current;
  const opened = c.opened && cur && c.opened.cardNo === cur.cardNo ? c.opened.lines : null;
  const lines = opened ?? c.notice?.lines ?? [];
  return {
    title: c.overdueOnly ? T.titleOverdue(c.rows.length) : T.title(c.rows.length, c.overdue),
    rows: c.rows.map(toRow),
    selected: c.rows.length ? c.selected : undefined,
    emptyText: c.error ?? (c.overdueOnly ? T.noneOverdue : T.none),
    detail: cur ? blankUnprintable(T.detail(cur.holderIdMasked ?? '-', cur.formCode ?? '-', cur.receivedOn)) : '',
    lines: [0, 1].map((i) => blankUnprintable(lines[i] ?? '')),
    linesColor: opened ? undefined : c.notice?.level === 'error' ? 'red' : c.notice ? 'green' : undefined,
  };
}
