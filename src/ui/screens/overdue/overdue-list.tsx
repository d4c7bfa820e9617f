import type { ReactNode } from 'react';
import { Table, type ColumnSpec } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { Question } from '../shared/question.tsx';
import { cancelRows, dueDetail, dueRows, mailDetail, mailRows, pickupRows, type CancelRow, type DueRow, type MailRow, type PickupRow } from './overdue-lines.ts';
import type { useOverdue } from '../../hooks/use-overdue.ts';
import type { OverdueTab } from '../../hooks/use-navigation.ts';
import { zh } from '../../../i18n/zh-CN.ts';

type Overdue = ReturnType<typeof useOverdue>;

const O = zh.overdue;
const DUE_COLUMNS: ColumnSpec<DueRow>[] = [
  { key: 'sel', header: '', width: 1 },
  { key: 'cardNo', header: O.columns.cardNo, width: 10 },
  { key: 'name', header: O.columns.name, width: 10, min: 6 },
  { key: 'site', header: O.columns.site, width: 18, min: 8, drop: 2 },
  { key: 'category', header: O.columns.category, width: 10 },
  { key: 'from', header: O.columns.from, width: 10, drop: 1 },
  { key: 'due', header: O.columns.due, width: 12 },
];
const PICKUP_COLUMNS: ColumnSpec<PickupRow>[] = [
  { key: 'ref', header: O.columns.pickupRef, width: 24 },
  { key: 'agent', header: O.columns.agent, width: 26, min: 12 },
  { key: 'since', header: O.columns.since, width: 10, drop: 1 },
  { key: 'site', header: O.columns.site, width: 8, drop: 2 },
  { key: 'held', header: O.columns.held, width: 4, align: 'right' },
];
const CANCEL_COLUMNS: ColumnSpec<CancelRow>[] = [
  { key: 'sel', header: '', width: 1 },
  { key: 'cardNo', header: O.columns.cardNo, width: 10 },
  { key: 'name', header: O.columns.name, width: 10, min: 6 },
  { key: 'site', header: O.columns.site, width: 14, min: 8, drop: 2 },
  { key: 'state', header: O.columns.state, width: 6 },
  { key: 'recalledOn', header: O.columns.recalled, width: 10, drop: 1 },
  { key: 'reason', header: O.columns.reason, width: 20, min: 8 },
];
const MAIL_COLUMNS: ColumnSpec<MailRow>[] = [
  { key: 'cardNo', header: O.mailColumns.cardNo, width: 10 },
  { key: 'name', header: O.mailColumns.name, width: 8, min: 4 },
  { key: 'mailedOn', header: O.mailColumns.mailedOn, width: 10, drop: 1 },
  { key: 'days', header: O.mailColumns.days, width: 4, align: 'right' },
  { key: 'carrier', header: O.mailColumns.carrier, width: 12, min: 4, drop: 2 },
  { key: 'tracking', header: O.mailColumns.tracking, width: 18, min: 8 },
];
const lateColor = (row: DueRow): string | undefined => (row.late ? 'red' : undefined);

/** A tab's table and the line under it (the selected row's detail; red when late, else dimmed). */
type TabView = { table: ReactNode; detail: string; detailColor: string | undefined };

function dueView(o: Overdue, tab: 'due' | 'warn', rows: number, width: number): TabView {
  const list = o.lists[tab];
  const data = dueRows(list, (n) => tab === 'due' && o.isChosen('due', n));
  const selected = data.length ? o.index : undefined;
  const table = <Table data={data} columns={DUE_COLUMNS} width={width} height={rows} selectedIndex={selected} emptyText={tab === 'due' ? O.noneDue : O.noneWarn} rowColor={lateColor} />;
  const c = list[o.index];
  return { table, detail: c ? dueDetail(c) : '', detailColor: c?.late ? 'red' : undefined };
}

function pickupView(o: Overdue, rows: number, width: number): TabView {
  const data = pickupRows(o.lists.pickups);
  const selected = data.length ? o.index : undefined;
  const table = <Table data={data} columns={PICKUP_COLUMNS} width={width} height={rows} selectedIndex={selected} emptyText={O.nonePickups} />;
  return { table, detail: o.lists.pickups[o.index]?.authorisation ?? '', detailColor: undefined };
}

/** 邮寄中: the cards in the post, the oldest mailing first (GD Art. 14 邮递上门). */
function mailView(o: Overdue, rows: number, width: number): TabView {
  const data = mailRows(o.lists.mail);
  const selected = data.length ? o.index : undefined;
  const table = <Table data={data} columns={MAIL_COLUMNS} width={width} height={rows} selectedIndex={selected} emptyText={O.noneMail} />;
  const m = o.lists.mail[o.index];
  return { table, detail: m ? mailDetail(m) : '', detailColor: undefined };
}

function cancelView(o: Overdue, rows: number, width: number): TabView {
  const data = cancelRows(o.lists.cancel, (n) => o.isChosen('cancel', n));
  const selected = data.length ? o.index : undefined;
  const table = <Table data={data} columns={CANCEL_COLUMNS} width={width} height={rows} selectedIndex={selected} emptyText={O.noneCancel} />;
  const r = o.lists.cancel[o.index];
  return { table, detail: r ? `${r.holderIdMasked ?? '-'}  ${r.label}` : '', detailColor: undefined };
}

/** Under the table: what is chosen and which key acts on it, or (on 待注销 without sealing) that only 注销 is possible. */
function chosenLine(o: Overdue, tab: OverdueTab, canSeal: boolean): string {
  const n = tab === 'due' ? o.chosenDue.length : tab === 'cancel' ? o.chosenCancel.length : 0;
  if (n) return O.chosen(n, tab === 'due' ? O.recallVerb : O.endVerb(canSeal));
  return tab === 'cancel' && !canSeal ? O.noSeal : '';
}

export type OverdueListProps = { o: Overdue; tab: OverdueTab; canSeal: boolean; asking: boolean; rows: number; width: number };

/** The current tab's list, the selected row's detail, and the notice (or the question before leaving). */
export function OverdueList({ o, tab, canSeal, asking, rows, width }: OverdueListProps) {
  const v = tab === 'due' || tab === 'warn' ? dueView(o, tab, rows, width) : tab === 'pickups' ? pickupView(o, rows, width) : tab === 'mail' ? mailView(o, rows, width) : cancelView(o, rows, width);
  const notice = o.notice ? { text: o.notice.text, color: o.notice.level === 'error' ? 'red' : 'green' } : { text: o.error ?? '', color: 'red' };
  const chosen = chosenLine(o, tab, canSeal);
  const leaveTitle = O.leaveTitle(o.selectionSize);
  return (
    <>
      {v.table}
      <Line text={v.detail} width={width} color={v.detailColor} dim={v.detailColor === undefined} />
      {asking ? <Question title={leaveTitle} body={O.leaveBody} width={width} /> : null}
      {asking ? null : <Line text={notice.text} width={width} color={notice.color} />}
      {asking ? null : <Line text={chosen} width={width} dim />}
    </>
  );
}
