import type { BlankKind, LoadableBlank } from '../../workflows/hopper-loading.ts';
import type { StationChoice } from '../../workflows/instant-stations.ts';
import type { SiteDevices } from '../../workflows/site-devices.ts';
import type { Message } from '../screens/shared/message.ts';
import { zh } from '../../i18n/zh-CN.ts';

/**
 * The steps of 装入卡盒:
 *   loading – the counter's devices are being opened;
 *   off     – no printer hopper to load (the page says why);
 *   pick    – choose the hopper (←→); Enter or the first scan starts; U unloads it;
 *   scan    – the numbered list grows scan by scan, each blank checked at once;
 *   leave   – Esc with cards scanned: drop them?
 *   unload  – take every blank out of the hopper: where to, and Y/N;
 *   done    – recorded: put them in in the same order.
 */
export type HopperLoadStep = 'loading' | 'off' | 'pick' | 'scan' | 'leave' | 'unload' | 'done';
export type DoneView = { readonly count: number; readonly hopper: string; readonly prior: number; readonly cards: readonly LoadableBlank[] };

export type HopperLoadState = {
  readonly step: HopperLoadStep;
  readonly offReason: string | null;
  readonly devices: SiteDevices | null;
  readonly stations: readonly StationChoice[];
  readonly index: number;
  readonly input: string;
  /** The blanks scanned, in the order the hopper will feed them. */
  readonly cards: readonly LoadableBlank[];
  readonly message: Message | null;
  /** Where an unloaded hopper's blanks may go, and the one chosen. */
  readonly places: readonly string[];
  readonly placeIndex: number;
  readonly done: DoneView | null;
};

export type HopperLoadAction =
  | { readonly type: 'off'; readonly reason: string }
  | { readonly type: 'opened'; readonly devices: SiteDevices; readonly stations: readonly StationChoice[] }
  | { readonly type: 'stations'; readonly stations: readonly StationChoice[] }
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'start-scan' }
  /** The field as typed: typing clears the last message. */
  | { readonly type: 'input'; readonly value: string }
  | { readonly type: 'message'; readonly message: Message | null }
  | { readonly type: 'added'; readonly blank: LoadableBlank }
  | { readonly type: 'undo' }
  | { readonly type: 'recorded'; readonly count: number; readonly stations: readonly StationChoice[] }
  | { readonly type: 'back-from-scan' }
  | { readonly type: 'confirm-leave' }
  | { readonly type: 'cancel-leave' }
  | { readonly type: 'unload-asked'; readonly places: readonly string[]; readonly placeIndex: number }
  | { readonly type: 'move-place'; readonly delta: number }
  | { readonly type: 'unloaded'; readonly message: Message; readonly stations: readonly StationChoice[] }
  | { readonly type: 'cancel-unload' };

const H = zh.hopperLoad;

export function initialHopperLoadState(): HopperLoadState {
  return { step: 'loading', offReason: null, devices: null, stations: [], index: 0, input: '', cards: [], message: null, places: [], placeIndex: 0, done: null };
}

/** What the hopper holds in the ledger, as a bank and maker; null when it is empty. */
export function kindOf(s: StationChoice): BlankKind | null {
  return s.bank && s.remaining > 0 ? { bank: s.bank, maker: s.maker ?? '' } : null;
}

export function chosenStation(s: HopperLoadState): StationChoice | undefined {
  return s.stations[s.index];
}

/** Why Ctrl+S records nothing yet: text still in the field, or no card scanned. */
export function recordRefusal(s: HopperLoadState): Message | null {
  if (s.input.trim()) return { level: 'warn', text: H.pendingInput };
  if (s.cards.length === 0) return { level: 'warn', text: H.nothingScanned };
  return null;
}

/** Why U cannot unload the hopper, as far as the hopper's own record tells. */
export function unloadRefusal(st: StationChoice): Message | null {
  if (!st.inLedger) return { level: 'error', text: H.hopperMissing(st.hopperName) };
  if (st.remaining === 0) return { level: 'warn', text: H.unloadEmpty(st.hopperName) };
  return null;
}

const cycle = (i: number, delta: number, n: number): number => (i + delta + n) % n;
const withStations = (s: HopperLoadState, stations: readonly StationChoice[]): HopperLoadState => ({ ...s, stations, index: s.index >= stations.length ? 0 : s.index });

function startScan(s: HopperLoadState): HopperLoadState {
  const st = chosenStation(s);
  if (!st || s.step !== 'pick') return s;
  if (!st.inLedger) return { ...s, message: { level: 'error', text: H.hopperMissing(st.hopperName) } };
  return { ...s, message: null, input: '', step: 'scan' };
}

function recorded(s: HopperLoadState, count: number, stations: readonly StationChoice[]): HopperLoadState {
  const st = chosenStation(s);
  const done: DoneView = { count, hopper: st?.hopperName ?? '', prior: st?.remaining ?? 0, cards: s.cards };
  return { ...withStations(s, stations), done, cards: [], message: null, step: 'done' };
}

function undo(s: HopperLoadState): HopperLoadState {
  const last = s.cards.at(-1);
  if (!last) return { ...s, message: { level: 'warn', text: H.nothingToRemove } };
  return { ...s, cards: s.cards.slice(0, -1), message: { level: 'warn', text: H.removed(s.cards.length, last.cardNo) } };
}

function backFromScan(s: HopperLoadState): HopperLoadState {
  // Esc on the "放弃？" question itself (typed ahead of the screen) is its "no": keep the list.
  if (s.step === 'leave') return { ...s, step: 'scan' };
  if (s.cards.length > 0 || s.input.trim()) return { ...s, step: 'leave' };
  return { ...s, input: '', message: null, step: 'pick' };
}

export function hopperLoadReducer(s: HopperLoadState, a: HopperLoadAction): HopperLoadState {
  switch (a.type) {
    case 'off':
      return { ...s, offReason: a.reason, step: 'off' };
    case 'opened':
      if (a.stations.length === 0) return { ...withStations(s, a.stations), devices: a.devices, offReason: H.noHoppers, step: 'off' };
      return { ...withStations(s, a.stations), devices: a.devices, step: 'pick' };
    case 'stations':
      return withStations(s, a.stations);
    case 'move':
      return s.stations.length === 0 ? s : { ...s, index: cycle(s.index, a.delta, s.stations.length), message: null };
    case 'start-scan':
      return startScan(s);
    case 'input':
      return { ...s, input: a.value, message: a.value ? null : s.message };
    case 'message':
      return { ...s, message: a.message };
    case 'added':
      return { ...s, cards: [...s.cards, a.blank], message: { level: 'ok', text: H.added(s.cards.length + 1, a.blank.cardNo) } };
    case 'undo':
      return undo(s);
    case 'recorded':
      return recorded(s, a.count, a.stations);
    case 'back-from-scan':
      return backFromScan(s);
    case 'confirm-leave':
      return { ...s, cards: [], input: '', message: null, step: 'pick' };
    case 'cancel-leave':
      return { ...s, step: 'scan' };
    case 'unload-asked':
      return { ...s, places: a.places, placeIndex: a.placeIndex, message: null, step: 'unload' };
    case 'move-place':
      return { ...s, placeIndex: s.places.length ? cycle(s.placeIndex, a.delta, s.places.length) : 0 };
    case 'unloaded':
      return { ...withStations(s, a.stations), message: a.message, step: 'pick' };
    case 'cancel-unload':
      return { ...s, message: null, step: 'pick' };
  }
}
