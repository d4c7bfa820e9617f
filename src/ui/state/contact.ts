/**
 * The 待联系 screen's state (HB Art. 14: 三个工作日内联系申请单位或个人领取): the row under the marker,
 * whether only the overdue cards are listed, the card whose phone was opened (audited), and the
 * notice under the table. Pure.
 */
import { clampIndex } from './list-index.ts';

export type ContactNotice = { readonly level: 'ok' | 'error'; readonly lines: readonly string[] };

/** A phone opened in full for one card: what the workflow returned, shown until the marker moves. */
export type OpenedPhone = { readonly cardNo: string; readonly lines: readonly string[] };

export type ContactState = {
  readonly selected: number;
  readonly overdueOnly: boolean;
  readonly opened: OpenedPhone | null;
  readonly notice: ContactNotice | null;
  /** Bumped after a contact is recorded, so the list is read again. */
  readonly version: number;
};

export type ContactAction =
  | { type: 'move'; delta: number; count: number }
  | { type: 'toggle-overdue' }
  | { type: 'opened'; opened: OpenedPhone }
  | { type: 'recorded'; notice: ContactNotice }
  | { type: 'notice'; notice: ContactNotice };

export function initialContactState(): ContactState {
  return { selected: 0, overdueOnly: false, opened: null, notice: null, version: 0 };
}

export const selectedContactRow = (s: ContactState, count: number): number => Math.min(s.selected, Math.max(0, count - 1));

export function contactReducer(s: ContactState, a: ContactAction): ContactState {
  switch (a.type) {
    case 'move': {
      const selected = clampIndex(selectedContactRow(s, a.count), a.delta, a.count);
      return selected === s.selected ? s : { ...s, selected, opened: null, notice: null };
    }
    case 'toggle-overdue':
      return { ...s, overdueOnly: !s.overdueOnly, selected: 0, opened: null, notice: null };
    case 'opened':
      return { ...s, opened: a.opened, notice: null };
    case 'recorded':
      return { ...s, opened: null, notice: a.notice, version: s.version + 1 };
    case 'notice':
      return { ...s, notice: a.notice };
  }
}
