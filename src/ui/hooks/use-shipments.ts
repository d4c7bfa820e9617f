import { useMemo } from 'react';
import { listShipments, type ShipmentSummary } from '../../workflows/shipment-list.ts';
import { saveHandoverSheet } from '../../workflows/shipment-export.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { WorkingCalendar } from '../../domain/calendar.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ShipmentsTab } from './use-navigation.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { initialShipmentsState, selectedOn, shipmentsReducer, type Notice } from '../state/shipments.ts';
import { useLatestReducer } from './use-latest-reducer.ts';

export type { Notice };

/** Writes the hand-over sheet of a shipment as text and CSV: where it went, or why it did not. */
function saveSheet(ledger: Ledger, actor: Actor, number: string, calendar: WorkingCalendar): Notice {
  try {
    const saved = saveHandoverSheet(ledger, actor, number, calendar);
    return { level: 'ok', lines: [zh.shipments.sheetSaved(number), saved.textPath, saved.csvPath] };
  } catch (e) {
    return { level: 'error', lines: [isSbkError(e) ? e.message : zh.shipments.saveFailed(e instanceof Error ? e.message : String(e))] };
  }
}

export type Shipments = {
  readonly inbound: readonly ShipmentSummary[];
  readonly outbound: readonly ShipmentSummary[];
  /** The shipments of the tab shown. */
  readonly rows: readonly ShipmentSummary[];
  readonly selected: number;
  readonly current: ShipmentSummary | null;
  /** The marked shipment as the last key left it. */
  readonly currentNow: () => ShipmentSummary | null;
  readonly notice: Notice | null;
  readonly move: (delta: number) => void;
  readonly clearNotice: () => void;
  /** Writes the hand-over sheet of the selected outbound shipment as text and CSV. */
  readonly saveSheet: () => void;
};

/**
 * The two shipment lists of the operator's site: 待签收 (addressed here, still on the way) and
 * 本网点发出 (sent from here, not yet fully signed for). Read once per visit: the screen is
 * mounted afresh when the operator comes back from a sign-in or a dispatch, so it is current.
 */
export function useShipments(actor: Actor, tab: ShipmentsTab): Shipments {
  const { ledger, calendar, now } = useServices();
  const lists = useMemo(
    () => ({
      inbound: listShipments(ledger, actor, { direction: 'inbound' }, calendar, now()),
      outbound: listShipments(ledger, actor, { direction: 'outbound' }, calendar, now()),
    }),
    [ledger, actor, calendar, now],
  );
  const { state, dispatch, latest } = useLatestReducer(shipmentsReducer, initialShipmentsState);
  const rows = lists[tab];
  const actions = useMemo(() => {
    const currentNow = (): ShipmentSummary | null => rows[selectedOn(latest(), tab, rows.length)] ?? null;
    return {
      currentNow,
      move: (delta: number) => void dispatch({ type: 'move', tab, delta, count: rows.length }),
      clearNotice: () => void dispatch({ type: 'notice', notice: null }),
      saveSheet: () => {
        const c = currentNow();
        if (tab === 'outbound' && c) dispatch({ type: 'notice', notice: saveSheet(ledger, actor, c.number, calendar) });
      },
    };
  }, [ledger, actor, rows, tab, dispatch, latest]);
  const index = selectedOn(state, tab, rows.length);
  return { ...lists, ...actions, rows, selected: index, current: rows[index] ?? null, notice: state.notice };
}
