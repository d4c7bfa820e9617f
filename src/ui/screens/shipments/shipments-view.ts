import type { ColumnSpec } from '../../components/table.tsx';
import type { ShipmentsTab } from '../../hooks/use-navigation.ts';
import type { Shipments } from '../../hooks/use-shipments.ts';
import { formatLocalTime } from '../../../domain/china-dates.ts';
import { blindInbound, type ShipmentSummary } from '../../../workflows/shipment-list.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type Row = { number: string; party: string; method: string; status: string; cards: string; age: string };

const S = zh.shipments;

function columns(tab: ShipmentsTab): ColumnSpec<Row>[] {
  const all: ColumnSpec<Row>[] = [
    { key: 'number', header: S.columns.number, width: 22 },
    { key: 'party', header: tab === 'inbound' ? S.columns.from : S.columns.to, width: 18, min: 8 },
    { key: 'method', header: S.columns.method, width: 10, drop: 1 },
    { key: 'status', header: S.columns.status, width: 8, drop: 3 },
    { key: 'cards', header: S.columns.cards, width: 4, align: 'right', drop: 2 },
    { key: 'age', header: S.columns.age, width: 10, align: 'right' },
  ];
  // Sign-in is counted blind (blindInbound): the 待签收 list has no card count to show.
  return tab === 'inbound' ? all.filter((c) => c.key !== 'cards') : all;
}
export const COLUMNS: Record<ShipmentsTab, ColumnSpec<Row>[]> = { inbound: columns('inbound'), outbound: columns('outbound') };

function toRow(s: ShipmentSummary, tab: ShipmentsTab): Row {
  return {
    number: s.number,
    party: tab === 'inbound' ? s.from.name : s.to.name,
    method: s.methodLabel,
    status: s.statusLabel,
    cards: tab === 'inbound' ? String(blindInbound(s).cards ?? '') : String(s.cards),
    age: s.ageWorkingDays === null ? '-' : `${s.ageWorkingDays}${s.late ? ` ${S.late}` : '  '}`,
  };
}

/** The lists page worked out from the hook: the screen only lays it out. */
export type ShipmentsView = { title: string; rows: Row[]; detail: string; emptyText: string; noticeColor: string | undefined };

export function shipmentsView(s: Shipments, tab: ShipmentsTab): ShipmentsView {
  const label = (active: boolean, text: string) => (active ? `[${text}]` : ` ${text} `);
  const c = s.current;
  return {
    title: `${S.title}    ${label(tab === 'inbound', S.tabInbound(s.inbound.length))}  ${label(tab === 'outbound', S.tabOutbound(s.outbound.length))}`,
    rows: s.rows.map((x) => toRow(x, tab)),
    detail: c ? S.detail(c.trackingNo, c.senderName, c.sentAt ? formatLocalTime(c.sentAt) : null) : '',
    emptyText: tab === 'inbound' ? S.noneInbound : S.noneOutbound,
    noticeColor: s.notice?.level === 'error' ? 'red' : s.notice ? 'green' : undefined,
  };
}
