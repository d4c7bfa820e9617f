/**
 * The shipment lists' state (发运与签收): the row under the marker on each tab, and the notice
 * under the list (where a hand-over sheet was saved, or why it was not). Pure.
 */
import type { ShipmentsTab } from '../hooks/use-navigation.ts';
import { clampIndex } from './list-index.ts';

export type Notice = { readonly level: 'ok' | 'error'; readonly lines: readonly string[] };

export type ShipmentsState = {
  readonly selected: Readonly<Record<ShipmentsTab, number>>;
  readonly notice: Notice | null;
};

export type ShipmentsAction =
  | { type: 'move'; tab: ShipmentsTab; delta: number; count: number }
  | { type: 'notice'; notice: Notice | null };

export function initialShipmentsState(): ShipmentsState {
  return { selected: { inbound: 0, outbound: 0 }, notice: null };
}

/** The marked row of a tab, kept on its list (the list is read afresh on each visit). */
export function selectedOn(s: ShipmentsState, tab: ShipmentsTab, count: number): number {
  return Math.min(s.selected[tab], Math.max(0, count - 1));
}

export function shipmentsReducer(s: ShipmentsState, a: ShipmentsAction): ShipmentsState {
  switch (a.type) {
    case 'move':
      return { ...s, selected: { ...s.selected, [a.tab]: clampIndex(s.selected[a.tab], a.delta, a.count) } };
    case 'notice':
      return { ...s, notice: a.notice };
  }
}
