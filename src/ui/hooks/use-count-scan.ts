import { useMemo, useRef } from 'react';
import { countEntries, countProgress, countView, recordScans, submitCount, undoLastScan, type CountStatus, type ScanCode, type SubmitResult } from '../../workflows/stock-count.ts';
import { boxLabelsAt, hoppersAt } from '../../workflows/prefab-stock.ts';
import { resolveBox } from '../../domain/box-label.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { useServices } from '../console-services.ts';
import {
  countScanReducer,
  entriesView,
  handlesBack,
  undoWrites,
  undoTarget,
  initialCountScanState,
  submitStep,
  type CountPlaces,
  type CountScanAction,
  type CountScanStart,
  type CountScanState,
} from '../state/count-scan.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

export type { CountScanMode, ProgressRow } from '../state/count-scan.ts';

/** The count as the ledger has it when the screen opens, and what the site has to count. */
type Loaded = CountScanStart & CountPlaces & { readonly bank: string | null };

function load(ledger: Ledger, actor: Actor, id: number): Loaded {
  try {
    const view = countView(ledger, actor, id);
    const boxes = boxLabelsAt(ledger, actor, view.bank);
    // A resumed count: what was entered before the link dropped is in the ledger.
    const { progress, cards } = entriesView(countEntries(ledger, actor, id), boxOf(boxes));
    // Recording nothing returns the blind running total (the units counted so far) without a write.
    const counted = view.status === 'counting' ? countProgress(ledger, actor, id) : 0;
    return { bank: view.bank, status: view.status, error: null, boxes, hoppers: hoppersAt(ledger, actor), progress, cards, scans: view.scans, counted };
  } catch (e) {
    return { bank: null, status: null, error: errorText(e), boxes: [], hoppers: [], progress: [], cards: new Set(), scans: 0, counted: 0 };
  }
}

/** A box label as the progress names it: its `批次/箱号` when the label is one of the site's boxes. */
const boxOf = (boxes: readonly string[]) => (code: string): string => {
  const r = resolveBox(boxes, code);
  return r && 'box' in r ? r.box : code;
};

type Send = (a: CountScanAction) => void;

/** Ctrl+Z: a reversing line for the last entry (nothing is deleted), then the count as the ledger has it. */
function undo(ledger: Ledger, actor: Actor, countId: number, scanId: number | undefined, boxes: readonly string[], send: Send): void {
  try {
    const r = undoLastScan(ledger, actor, countId, scanId === undefined ? {} : { scanId });
    const view = entriesView(countEntries(ledger, actor, countId), boxOf(boxes));
    send({ type: 'undone', entry: r.undone, view, scans: r.scans, counted: r.countedSoFar, scanId: r.scanId });
  } catch (e) {
    send({ type: 'flag', flag: { level: 'warn', text: errorText(e) } });
  }
}

/** Writes one entry at once: a crash or a lost link loses nothing. */
function record(ledger: Ledger, actor: Actor, countId: number, scan: ScanCode, send: Send): void {
  try {
    const r = recordScans(ledger, actor, countId, [scan]);
    send({ type: 'recorded', scan, scans: r.scans, counted: r.countedSoFar, ids: r.ids });
  } catch (e) {
    send({ type: 'flag', flag: { level: 'error', text: errorText(e) } });
  }
}

export type CountScanActions = {
  readonly setInput: (value: string) => void;
  /** Enter in the field: a scan, or the quantity asked for. */
  readonly submit: (raw: string) => void;
  /** Ctrl+Z: the last entry taken back (a reversing line), or the quantity asked for dropped. */
  readonly undo: () => void;
  readonly openHopper: () => void;
  readonly moveHopper: (delta: number) => void;
  readonly pickHopper: () => void;
  /** Ctrl+S: ask first (nothing can be scanned after). */
  readonly askSubmit: () => void;
  readonly confirmSubmit: () => void;
  readonly cancelQuestion: () => void;
  readonly confirmLeave: () => void;
  /** Esc: one level back; asks before dropping what was typed. False = leave the screen (nothing to lose). */
  readonly back: () => boolean;
};

export type CountScan = CountScanState &
  CountScanActions & { readonly latest: () => CountScanState; readonly bank: string | null; readonly status: CountStatus | null; readonly error: string | null; readonly hoppers: readonly string[] };

export type CountScanExits = { readonly onSubmitted: (result: SubmitResult) => void; readonly onLeave: () => void };

/**
 * Counting the prefab blanks (src/ui/state/count-scan.ts), blind. Every Enter is written at
 * once, so a crash or a lost SSH link loses nothing: the count is resumed with its scans.
 */
export function useCountScan(actor: Actor, countId: number, exits: CountScanExits): CountScan {
  const { ledger } = useServices();
  const loaded = useMemo(() => load(ledger, actor, countId), [ledger, actor, countId]);
  const { state, dispatch, latest } = useLatestReducer(countScanReducer, () => initialCountScanState(loaded));
  // The screen's exits as of the last render: the actions below are made once.
  const exitsRef = useRef(exits);
  exitsRef.current = exits;
  const actions = useMemo((): CountScanActions => {
    const { hoppers } = loaded;
    return {
      setInput: (value) => void dispatch({ type: 'input', value }),
      submit: (raw) => {
        dispatch({ type: 'input', value: '' });
        const step = submitStep(latest(), loaded, raw);
        if (step && 'act' in step) dispatch(step.act);
        if (step && 'record' in step) record(ledger, actor, countId, step.record, dispatch);
        if (step && 'record' in step && step.endsEntry) dispatch({ type: 'entry-done' });
      },
      undo: () => {
        if (undoWrites(latest())) undo(ledger, actor, countId, undoTarget(latest()), loaded.boxes, dispatch);
        else dispatch({ type: 'drop-pending' });
      },
      openHopper: () => void dispatch({ type: 'open-hopper', hoppers }),
      moveHopper: (delta) => void dispatch({ type: 'move-hopper', delta, count: hoppers.length }),
      pickHopper: () => {
        const name = hoppers[latest().hopperIndex];
        if (name) dispatch({ type: 'ask', pending: { kind: 'hopper', code: name } });
      },
      askSubmit: () => void dispatch({ type: 'ask-submit' }),
      confirmSubmit: () => {
        try {
          exitsRef.current.onSubmitted(submitCount(ledger, actor, countId));
        } catch (e) {
          dispatch({ type: 'submit-failed', error: errorText(e) });
        }
      },
      cancelQuestion: () => void dispatch({ type: 'cancel-question' }),
      confirmLeave: () => {
        const then = latest().leave?.then;
        dispatch({ type: 'confirm-leave' });
        if (then === 'leave') exitsRef.current.onLeave();
      },
      back: () => handlesBack(latest()) && (dispatch({ type: 'back' }), true),
    };
  }, [ledger, actor, countId, loaded, dispatch, latest]);
  return { ...state, ...actions, latest, bank: loaded.bank, status: loaded.status, error: loaded.error, hoppers: loaded.hoppers };
}
