import type { CardView } from '../../../workflows/card-lookup.ts';
import { MOVEMENT_LABELS, STATE_LABELS, type CardState, type MovementType } from '../../../domain/card-states.ts';
import { formatLocalTime } from '../../../domain/china-dates.ts';
import { zh } from '../../../i18n/zh-CN.ts';

/** One movement in the history table. */
export type HistoryRow = { seq: string; at: string; type: string; state: string; site: string; operator: string };

const L = zh.lookup;

/** The card's five summary rows above its history: number and state, place, batch, holder, the history's title. */
export function summaryLines(card: CardView): string[] {
  const kind = card.kind === 'finished' ? L.kinds.finished : L.kinds.prefab;
  const state = STATE_LABELS[card.state as CardState] ?? card.state;
  return [
    L.cardLine(card.cardNo, kind, state, formatLocalTime(card.stateSince)),
    L.placeLine(card.site.name, card.site.code, card.place),
    L.batchLine(card.batch ?? '-', card.box ?? '-', card.boxPosition ?? '-', card.bank, card.bankCardNo ?? ''),
    L.holderLine(card.holder ? L.holderOf(card.holder.name, card.holder.idNumber) : L.noHolder),
    L.historyTitle(card.history.length),
  ];
}

export function historyRows(card: CardView): HistoryRow[] {
  return card.history.map((h) => ({
    seq: String(h.seq),
    at: formatLocalTime(h.at),
    type: MOVEMENT_LABELS[h.type as MovementType] ?? h.type,
    state: STATE_LABELS[h.toState as CardState] ?? h.toState,
    site: h.place ? `${h.to}/${h.place}` : h.to,
    operator: h.operator,
  }));
}
