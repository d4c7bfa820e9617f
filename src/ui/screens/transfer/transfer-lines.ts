/** The text rows of the 库内移交 page, from its state. Pure. */
import { displayWidth, fitWidth } from '../../../text/display-width.ts';
import { fromPlace, itemText, type TransferFocus, type TransferItem, type TransferState } from '../../state/transfer.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const T = zh.transfer;

/** The labels' column: as wide as the widest label. */
export const LABEL_WIDTH = Math.max(...[T.modeLabel, T.scanLabel, T.fromLabel, T.toLabel, T.receiverLabel, T.pinLabel].map(displayWidth));

/** `›整库位移出 ‹ 保险柜1（40 张） ›  2/3`: the marker where the focus is, the label, the choice. */
export function choiceRow(s: TransferState, row: TransferFocus, label: string, value: string, i: number, n: number): string {
  return `${s.focus === row ? '›' : ' '}${fitWidth(label, LABEL_WIDTH)} ${T.choice(value, i, n)}`;
}

export function modeRow(s: TransferState): string {
  return choiceRow(s, 'mode', T.modeLabel, T.modes[s.mode], s.mode === 'places' ? 1 : 2, 2);
}

export function fromRow(s: TransferState): string {
  const p = fromPlace(s);
  return choiceRow(s, 'from', T.fromLabel, p ? T.place(p.name, p.cards) : T.fromNone, s.fromIndex + 1, s.places.length + 1);
}

export function toRow(s: TransferState): string {
  const p = s.places[s.toIndex];
  return choiceRow(s, 'to', T.toLabel, p ? T.place(p.name, p.cards) : T.noPlaces, s.toIndex + 1, s.places.length);
}

export function receiverRow(s: TransferState): string {
  const o = s.receivers[s.receiverIndex];
  return choiceRow(s, 'receiver', T.receiverLabel, o ? T.person(o.name, o.login) : T.noReceivers, s.receiverIndex + 1, s.receivers.length);
}

export function selectionLine(s: TransferState): string {
  const cards = s.items.filter((i) => i.kind === 'card').length;
  const p = fromPlace(s);
  return T.selection(cards, s.items.length - cards) + (p ? T.plusPlace(p.name) : '');
}

/** The scanned items, numbered, the newest at the bottom of `rows` rows; the first row says how many are above. */
export function itemLines(items: readonly TransferItem[], rows: number): string[] {
  if (rows <= 0) return [];
  const all = items.map((it, i) => T.nth(i + 1, itemText(it)));
  if (all.length <= rows) return all;
  const shown = all.slice(all.length - (rows - 1));
  return [T.more(all.length - shown.length), ...shown];
}
