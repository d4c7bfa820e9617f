import type { RemakeRow } from '../../../workflows/remake-list.ts';
import type { OverdueTab, WaysTab } from '../../hooks/use-navigation.ts';
import { TABS } from './overdue-lines.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const W = zh.waysBack;
export const WAYS_TABS: readonly WaysTab[] = ['remake', 'takeback', 'destroy'];
/** Tab goes round every page of the screen: the recall lists, then the ways back. */
export const ALL_TABS: readonly (OverdueTab | WaysTab)[] = [...TABS, ...WAYS_TABS];

export const isWaysTab = (t: OverdueTab | WaysTab): t is WaysTab => (WAYS_TABS as readonly string[]).includes(t);

export function nextTab(tab: OverdueTab | WaysTab, delta: number): OverdueTab | WaysTab {
  return ALL_TABS[(ALL_TABS.indexOf(tab) + delta + ALL_TABS.length) % ALL_TABS.length]!;
}

/** `退回与销毁  [重制清单 1]  收回旧卡  销毁移交`: the current tab in brackets. */
export function waysTitleLine(tab: WaysTab, remakeCount: number): string {
  const text = (t: WaysTab) => (t === 'remake' ? W.tabs.remake(remakeCount) : W.tabs[t]());
  return `${W.title}  ${WAYS_TABS.map((t) => (t === tab ? `[${text(t)}]` : ` ${text(t)} `)).join(' ')}`;
}

export type RemakeLine = { cardNo: string; name: string; state: string; where: string; reason: string; newer: string; ordered: string };

export function remakeLines(rows: readonly RemakeRow[]): RemakeLine[] {
  return rows.map((r) => ({ cardNo: r.cardNo, name: r.holderName ?? '-', state: r.stateLabel, where: `${r.site.name}${r.place ? ` ${r.place}` : ''}`, reason: r.reason ?? '-', newer: r.newerCardNo ?? '-', ordered: r.orderedAt ? W.ordered : W.notOrdered }));
}

export function remakeDetail(r: RemakeRow): string {
  return W.remakeDetail(r.holderIdMasked ?? '-', r.markedAt ?? '-', r.newerCardNo, r.orderedAt ? `${r.orderedAt}${r.orderRef ? ` ${r.orderRef}` : ''}` : null);
}

/** The last few scanned numbers that fit, newest last. */
export function scannedTail(cardNos: readonly string[], room: number): string {
  const out: string[] = [];
  let used = 0;
  for (let i = cardNos.length - 1; i >= 0; i--) {
    const n = cardNos[i]!;
    if (used + n.length + 1 > room) break;
    out.unshift(n);
    used += n.length + 1;
  }
  return (out.length < cardNos.length ? '… ' : '') + out.join(' ');
}
