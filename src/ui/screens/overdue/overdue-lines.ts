import type { CancellationRow, OverdueRow, RecallStats } from '../../../workflows/recall.ts';
import type { OpenPickup } from '../../../workflows/agent-pickup.ts';
import type { MailedCard } from '../../../workflows/mail-delivery.ts';
import { blankUnprintable } from '../../../text/printable-text.ts';
import type { OverdueTab } from '../../hooks/use-navigation.ts';
import { stateLabel, type StateOrNone } from '../../../domain/card-states.ts';
import { formatLocalTime } from '../../../domain/china-dates.ts';
import { fitWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type DueRow = { sel: string; cardNo: string; name: string; site: string; category: string; from: string; due: string; late: boolean };
export type PickupRow = { ref: string; agent: string; since: string; site: string; held: string };
export type MailRow = { cardNo: string; name: string; mailedOn: string; days: string; carrier: string; tracking: string };
export type CancelRow = { sel: string; cardNo: string; name: string; site: string; state: string; recalledOn: string; reason: string };

const O = zh.overdue;
export const TABS: readonly OverdueTab[] = ['due', 'warn', 'pickups', 'cancel', 'mail'];
const MARK = '✓';
const COUNT_WIDTH = 4;

/** `逾期与回收  [应回收 10]  即将逾期 0 …`: the tabs with their counts, the current one in brackets. */
export function titleLine(tab: OverdueTab, counts: Readonly<Record<OverdueTab, number>>): string {
  const label = (t: OverdueTab) => (t === tab ? `[${O.tabs[t](counts[t])}]` : ` ${O.tabs[t](counts[t])} `);
  return `${O.title}  ${TABS.map(label).join(' ')}`;
}

export function dueRows(list: readonly OverdueRow[], chosen: (cardNo: string) => boolean): DueRow[] {
  return list.map((r) => ({
    sel: chosen(r.cardNo) ? MARK : '',
    cardNo: r.cardNo,
    name: r.holderName ?? '-',
    site: r.site.name,
    category: O.categories[r.category],
    from: r.overdueFrom,
    due: `${r.recallDueBy}${r.late ? ` ${O.late}` : ''}`,
    late: r.late,
  }));
}

/** The cards in the post (outside text: the address and tracking number are blanked of controls by the table and Line). */
export function mailRows(list: readonly MailedCard[]): MailRow[] {
  return list.map((m) => ({ cardNo: m.cardNo, name: m.holderName ?? '-', mailedOn: m.mailedOn, days: String(m.daysOut), carrier: blankUnprintable(m.carrier), tracking: blankUnprintable(m.trackingNo) }));
}

export function mailDetail(m: MailedCard): string {
  return blankUnprintable(O.mailDetail(m.holderIdMasked ?? '-', m.recipient, m.address));
}

export function dueDetail(c: OverdueRow): string {
  const since = c.receivedOn === null ? '-' : O.dueSince[c.countsFrom](c.receivedOn);
  return O.dueDetail(c.holderIdMasked ?? '-', c.batch ?? '-', stateLabel(c.state as StateOrNone), since, c.phase === 'overdue' ? c.daysOverdue : null);
}

export function pickupRows(list: readonly OpenPickup[]): PickupRow[] {
  return list.map((p) => ({ ref: p.ref, agent: p.agent, since: formatLocalTime(p.since).slice(0, 10), site: p.site, held: String(p.held) }));
}

export function cancelRows(list: readonly CancellationRow[], chosen: (cardNo: string) => boolean): CancelRow[] {
  return list.map((r) => ({ sel: chosen(r.cardNo) ? MARK : '', cardNo: r.cardNo, name: r.holderName ?? '-', site: r.site.name, state: r.stateLabel, recalledOn: r.recalledOn ?? '-', reason: r.label }));
}

/** The chosen cards by category: 逾期未领 3 张、睡眠卡 1 张. */
export function summary(rows: readonly OverdueRow[]): string {
  const n = new Map<OverdueRow['category'], number>();
  for (const r of rows) n.set(r.category, (n.get(r.category) ?? 0) + 1);
  return [...n].map(([c, k]) => O.categoryCount(O.categories[c], k)).join(O.listJoin);
}

/** The chosen cards, number and holder, in one row. */
export function preview(rows: readonly { cardNo: string; holderName: string | null }[]): string {
  return rows.map((r) => `${r.cardNo} ${r.holderName ?? ''}`).join(O.listJoin);
}

/** The statistics' rows: by category, then (when any) by site. */
export function statsLines(st: RecallStats): string[] {
  const n = (k: number) => String(k).padStart(COUNT_WIDTH);
  const bySite = st.bySite.map((x) => O.statsSite(fitWidth(x.siteName, 20), fitWidth(x.label, 30), n(x.n)));
  return [...st.byCategory.map((c) => O.statsCategory(fitWidth(c.label, 36), n(c.n))), ...(st.bySite.length ? ['', O.statsBySite, ...bySite] : [])];
}
