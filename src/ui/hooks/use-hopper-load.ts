import { useEffect } from 'react';
import { randomUUID } from 'node:crypto';
import type { Ledger } from '../../../db/open-ledger.ts';
import { checkSameKind, loadableBlank, loadHopperAtCounter, storagePlacesAt, unloadHopperAtCounter } from '../../workflows/hopper-loading.ts';
import { instantStations } from '../../workflows/instant-stations.ts';
import { interruptedJobs } from '../../workflows/instant-recovery.ts';
import type { SiteDevices } from '../../workflows/site-devices.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { chosenStation, hopperLoadReducer, initialHopperLoadState, kindOf, recordRefusal, unloadRefusal, type HopperLoadAction, type HopperLoadState } from '../state/hopper-load.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { whyNoPrinter } from '../state/instant-devices.ts';

export { kindOf, type DoneView, type HopperLoadStep } from '../state/hopper-load.ts';

type Dispatch = (a: HopperLoadAction) => void;
type Ctx = { ledger: Ledger; actor: Actor };

const H = zh.hopperLoad;
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);
const refused = (e: unknown): HopperLoadAction => ({ type: 'message', message: { level: 'error', text: H.refused(errorText(e)) } });

/** Opens the counter's devices and lists the printers' hoppers, or says why there is none to load. */
async function open(c: Ctx, dispatch: Dispatch, devicesFor: ((site: { id: number; code: string }) => Promise<SiteDevices>) | undefined, live: () => boolean): Promise<void> {
  if (!devicesFor) return dispatch({ type: 'off', reason: zh.instant.noService });
  let d: SiteDevices;
  try {
    d = await devicesFor({ id: c.actor.siteId, code: c.actor.siteCode });
  } catch (e) {
    if (live()) dispatch({ type: 'off', reason: errorText(e) });
    return;
  }
  if (!live()) return;
  const why = whyNoPrinter(d);
  dispatch(why ? { type: 'off', reason: why } : { type: 'opened', devices: d, stations: instantStations(c.ledger, c.actor, d) });
}

/** One scanned or typed card number: checked and added to the end of the list, or refused. */
function scan(c: Ctx, s: HopperLoadState, raw: string): HopperLoadAction | null {
  const st = chosenStation(s);
  if (!st) return null;
  const no = normalizeCardInput(raw);
  if (!no) return { type: 'message', message: { level: 'warn', text: H.emptyEnter } };
  const at = s.cards.findIndex((x) => x.cardNo === no);
  if (at >= 0) return { type: 'message', message: { level: 'error', text: H.duplicate(no, at + 1) } };
  try {
    const blank = loadableBlank(c.ledger, c.actor, no);
    checkSameKind(blank, kindOf(st) ?? s.cards[0] ?? null);
    return { type: 'added', blank };
  } catch (e) {
    return refused(e);
  }
}

const stationsNow = (c: Ctx, s: HopperLoadState) => (s.devices ? instantStations(c.ledger, c.actor, s.devices) : []);

/** Ctrl+S: the scanned blanks into the hopper, in order, in one transaction (or nothing, and why). */
function record(c: Ctx, s: HopperLoadState): HopperLoadAction | null {
  const st = chosenStation(s);
  if (!st || s.step !== 'scan') return null;
  const refusal = recordRefusal(s);
  if (refusal) return { type: 'message', message: refusal };
  try {
    const r = loadHopperAtCounter(c.ledger, c.actor, s.devices, { operationId: randomUUID(), hopper: st.hopperName, cardNos: s.cards.map((x) => x.cardNo) });
    return { type: 'recorded', count: r.loaded, stations: stationsNow(c, s) };
  } catch (e) {
    // One transaction: nothing was recorded. The list stays to be corrected.
    return refused(e);
  }
}

/** U: where the blanks may go back to (the place that keeps most of them first), or why not. */
function askUnload(c: Ctx, s: HopperLoadState): HopperLoadAction | null {
  const st = chosenStation(s);
  if (!st || s.step !== 'pick') return null;
  const refusal = unloadRefusal(st);
  if (refusal) return { type: 'message', message: refusal };
  // A card an interrupted job left at the reader is still this hopper's in the ledger.
  if (interruptedJobs(c.ledger, c.actor).some((j) => j.printerId === st.printerId)) return { type: 'message', message: { level: 'error', text: H.jobPending(st.printerId) } };
  const options = storagePlacesAt(c.ledger, c.actor);
  if (options.length === 0) return { type: 'message', message: { level: 'error', text: H.noPlaces } };
  const most = options.reduce((best, p, i) => (p.blanks > options[best]!.blanks ? i : best), 0);
  return { type: 'unload-asked', places: options.map((p) => p.name), placeIndex: most };
}

/** Y: every blank out of the hopper into the chosen place. */
function unload(c: Ctx, s: HopperLoadState): HopperLoadAction | null {
  const st = chosenStation(s);
  const place = s.places[s.placeIndex];
  if (!st || !place || s.step !== 'unload') return null;
  let message;
  try {
    const r = unloadHopperAtCounter(c.ledger, c.actor, s.devices, { operationId: randomUUID(), hopper: st.hopperName, toPlace: place });
    message = { level: 'ok', text: H.unloaded(r.unloaded, st.hopperName, place) } as const;
  } catch (e) {
    message = { level: 'error', text: H.refused(errorText(e)) } as const;
  }
  return { type: 'unloaded', message, stations: stationsNow(c, s) };
}

/**
 * 装入卡盒 at the counter (GD Annex 9 二(二)): the blanks are scanned in the order the hopper
 * will feed them and listed as 第 n 张; each is checked as it is scanned (a prefab blank in stock
 * here, not already in the list, the same bank and maker as the hopper or the first card), and
 * Ctrl+S records them all in one transaction (loadHopperAtCounter). U unloads the hopper into a
 * storage place (unloadHopperAtCounter). The ledger is written only by those workflows.
 */
export function useHopperLoad(actor: Actor) {
  const { ledger, devicesFor } = useServices();
  const { state, dispatch, latest } = useLatestReducer(hopperLoadReducer, initialHopperLoadState);
  const c: Ctx = { ledger, actor };
  const act = (a: HopperLoadAction | null) => a && dispatch(a);
  useEffect(() => {
    let live = true;
    void open(c, dispatch, devicesFor, () => live);
    return () => {
      live = false;
    };
  }, []);
  const startScan = (): boolean => (dispatch({ type: 'start-scan' }), latest().step === 'scan');
  return {
    ...state,
    station: chosenStation(state),
    setInput: (value: string) => dispatch({ type: 'input', value }),
    move: (delta: number) => dispatch({ type: 'move', delta }),
    startScan: () => void startScan(),
    /** A scan while the hopper is being chosen: the chosen hopper, and this card first. */
    scanFromPick: (code: string) => {
      if (latest().step === 'pick' && startScan()) act(scan(c, latest(), code));
    },
    askUnload: () => act(askUnload(c, latest())),
    /** Enter in the scan field. */
    submit: (raw: string) => {
      dispatch({ type: 'input', value: '' });
      if (latest().step === 'scan') act(scan(c, latest(), raw));
    },
    /** Ctrl+Z: the last card off the list. */
    undo: () => dispatch({ type: 'undo' }),
    record: () => act(record(c, latest())),
    /** Esc while scanning: back to the hoppers, asking first when cards would be dropped. */
    backFromScan: () => dispatch({ type: 'back-from-scan' }),
    confirmLeave: () => dispatch({ type: 'confirm-leave' }),
    cancelLeave: () => dispatch({ type: 'cancel-leave' }),
    movePlace: (delta: number) => dispatch({ type: 'move-place', delta }),
    confirmUnload: () => act(unload(c, latest())),
    cancelUnload: () => dispatch({ type: 'cancel-unload' }),
  };
}
