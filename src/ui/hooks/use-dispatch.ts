import { useMemo } from 'react';
import { dispatchDestinations, dispatchShipment, type Destination } from '../../workflows/shipment-dispatch.ts';
import { readDispatchScan, scannedSelection } from '../../workflows/dispatch-scan.ts';
import { saveHandoverSheet } from '../../workflows/shipment-export.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { WorkingCalendar } from '../../domain/calendar.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { backTarget, dispatchMethod, dispatchReducer, initialDispatchState, listedCardIds, type DispatchAction, type DispatchDone, type DispatchState } from '../state/dispatch.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

export type { Addition, DetailsFocus, DispatchStep } from '../state/dispatch.ts';

type Send = (a: DispatchAction) => void;

function scan(ledger: Ledger, actor: Actor, raw: string, s: DispatchState, send: Send): void {
  try {
    send({ type: 'scanned', scan: readDispatchScan(ledger, actor, raw, listedCardIds(s)) });
  } catch (e) {
    send({ type: 'scan-failed', error: errorText(e) });
  }
}

/** The hand-over sheet beside the ledger; the shipment is sent even when the sheet cannot be saved. */
function saveSheet(ledger: Ledger, actor: Actor, number: string, calendar: WorkingCalendar): Pick<DispatchDone, 'sheet' | 'sheetError'> {
  try {
    const saved = saveHandoverSheet(ledger, actor, number, calendar);
    return { sheet: [saved.textPath, saved.csvPath], sheetError: null };
  } catch (e) {
    return { sheet: [], sheetError: isSbkError(e) ? e.message : zh.shipments.saveFailed(e instanceof Error ? e.message : String(e)) };
  }
}

function send(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, s: DispatchState, dispatch: Send): void {
  if (!s.dest || s.step !== 'confirm') return;
  try {
    const input = { toSiteCode: s.dest.code, select: scannedSelection(s.additions), method: dispatchMethod(s), trackingNo: s.trackingNo, senderName: s.senderName };
    const r = dispatchShipment(ledger, actor, input);
    dispatch({ type: 'sent', done: { number: r.number, cards: r.cards, ...saveSheet(ledger, actor, r.number, calendar) } });
  } catch (e) {
    dispatch({ type: 'send-failed', error: errorText(e) });
  }
}

export type DispatchActions = {
  readonly setInput: (value: string) => void;
  readonly setTrackingNo: (value: string) => void;
  readonly setSenderName: (value: string) => void;
  readonly moveDest: (delta: number) => void;
  readonly pickDest: () => void;
  readonly submitScan: (raw: string) => void;
  readonly undo: () => void;
  readonly cycleMethod: (delta: number) => void;
  readonly nextField: (delta: number) => void;
  readonly toConfirm: () => void;
  readonly confirm: () => void;
  /** Drop the scanned list (after the operator agreed) and choose the destination again. */
  readonly dropList: () => void;
  /** Esc: one step back; false = leave the screen. */
  readonly back: () => boolean;
};

export type DispatchForm = DispatchState & DispatchActions & { readonly latest: () => DispatchState; readonly destinations: readonly Destination[] };

/**
 * A new shipment from the operator's site (src/ui/state/dispatch.ts). Nothing is written before
 * the confirmation; then the shipment is created and sent in one transaction and its hand-over
 * sheet saved. The destinations are read once per visit; the actions act on the latest state, so
 * they are made once.
 */
export function useDispatch(actor: Actor): DispatchForm {
  const { ledger, calendar } = useServices();
  const destinations = useMemo<Destination[]>(() => dispatchDestinations(ledger, actor), [ledger, actor]);
  const { state, dispatch, latest } = useLatestReducer(dispatchReducer, () => initialDispatchState(actor.name));
  const actions = useMemo(
    (): DispatchActions => ({
      setInput: (value) => void dispatch({ type: 'input', value }),
      setTrackingNo: (value) => void dispatch({ type: 'tracking', value }),
      setSenderName: (value) => void dispatch({ type: 'sender', value }),
      moveDest: (delta) => void dispatch({ type: 'move-dest', delta, count: destinations.length }),
      pickDest: () => {
        const dest = destinations[latest().destIndex];
        if (dest) dispatch({ type: 'pick-dest', dest });
      },
      submitScan: (raw) => {
        dispatch({ type: 'input', value: '' });
        if (raw.trim()) scan(ledger, actor, raw, latest(), dispatch);
        else dispatch({ type: 'list-done' });
      },
      undo: () => void dispatch({ type: 'undo' }),
      cycleMethod: (delta) => void dispatch({ type: 'cycle-method', delta }),
      nextField: (delta) => void dispatch({ type: 'next-field', delta }),
      toConfirm: () => void dispatch({ type: 'to-confirm' }),
      confirm: () => send(ledger, actor, calendar, latest(), dispatch),
      dropList: () => void dispatch({ type: 'drop-list' }),
      back: () => backTarget(latest()) !== null && (dispatch({ type: 'back' }), true),
    }),
    [ledger, actor, destinations, dispatch, latest],
  );
  return { ...state, ...actions, latest, destinations };
}
