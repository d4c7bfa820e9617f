/**
 * The 库内移交 page's state (src/workflows/transfer.ts, transfer-desk.ts). Two modes:
 *   places   – cards by number, boxes by label and/or every card of one place (整库位移出) go to
 *              the destination place (移入); the custodian stays (GD Art. 12 保管地点);
 *   handOver – 交接班: everything the operator holds goes to a receiver of the same site, who
 *              types their own PIN (GD Art. 12 确保责任到人).
 * Rows are walked with Tab; ←→ change a choice row; the scan row is a text field (a wedge
 * scanner types into it), Ctrl+Z takes back the last scan, Ctrl+S writes. Pure.
 */
import { normalizeCardInput } from '../../domain/card-input.ts';
import { normalizeLabelInput } from '../../domain/box-label.ts';
import type { TransferChoices, TransferDone, TransferPlace } from '../../workflows/transfer-desk.ts';
import type { TransferInput } from '../../workflows/transfer.ts';
import type { SiteOperator } from '../../workflows/operators.ts';
import type { Message } from '../screens/shared/message.ts';
import { cycleIndex } from './list-index.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type TransferMode = 'places' | 'handOver';
export type TransferFocus = 'mode' | 'scan' | 'from' | 'to' | 'receiver' | 'pin';
export type TransferStep = 'form' | 'leave' | 'done';
/** A scanned card or box; `cards`: how many cards it moves, as the ledger said when it was scanned. */
export type TransferItem = { readonly kind: 'card' | 'box'; readonly value: string; readonly cards?: number };
export type TransferDoneView = Pick<TransferDone, 'mode' | 'cards' | 'ref' | 'giver' | 'receiver' | 'toPlace' | 'sheetPath'>;

export type TransferState = {
  readonly step: TransferStep;
  readonly mode: TransferMode;
  readonly focus: TransferFocus;
  readonly input: string;
  readonly pin: string;
  readonly items: readonly TransferItem[];
  readonly places: readonly TransferPlace[];
  readonly receivers: readonly SiteOperator[];
  readonly held: number;
  /** 0: no whole place; i: places[i - 1]. */
  readonly fromIndex: number;
  readonly toIndex: number;
  readonly receiverIndex: number;
  readonly message: Message | null;
  readonly done: TransferDoneView | null;
};

export type TransferAction =
  | { readonly type: 'loaded'; readonly choices: TransferChoices }
  | { readonly type: 'focus'; readonly delta: number }
  /** ←→ on the focused choice row. */
  | { readonly type: 'pick'; readonly delta: number }
  | { readonly type: 'input'; readonly value: string }
  | { readonly type: 'pin'; readonly value: string }
  /** `cards`: the ledger's count for it (absent: not checked, e.g. a test of the reducer alone). */
  | { readonly type: 'scanned'; readonly raw: string; readonly cards?: number }
  /** The ledger refused the scan (not here, not movable, an unknown box): not added. */
  | { readonly type: 'scan-refused'; readonly text: string }
  | { readonly type: 'undo' }
  | { readonly type: 'message'; readonly message: Message | null }
  /** The receiver's PIN was refused or the workflow refused: the PIN is cleared, nothing was written. */
  | { readonly type: 'failed'; readonly message: Message }
  | { readonly type: 'done'; readonly done: TransferDoneView }
  | { readonly type: 'ask-leave' }
  | { readonly type: 'cancel-leave' }
  /** Another transfer after one is done, with the site's places and counts as they are now. */
  | { readonly type: 'again'; readonly choices: TransferChoices };

const T = zh.transfer;

export const FOCUS_ORDER: Readonly<Record<TransferMode, readonly TransferFocus[]>> = {
  places: ['mode', 'scan', 'from', 'to'],
  handOver: ['mode', 'receiver', 'pin'],
};

/** The morning's move is vault → counter: the counter (柜台) is the first destination offered. */
function defaultTo(places: readonly TransferPlace[]): number {
  const counter = places.findIndex((p) => p.kind === 'cabinet');
  return counter >= 0 ? counter : 0;
}

export function initialTransferState(): TransferState {
  return { step: 'form', mode: 'places', focus: 'scan', input: '', pin: '', items: [], places: [], receivers: [], held: 0, fromIndex: 0, toIndex: 0, receiverIndex: 0, message: null, done: null };
}

function loaded(s: TransferState, c: TransferChoices): TransferState {
  return { ...s, places: c.places, receivers: c.receivers, held: c.held, fromIndex: 0, toIndex: defaultTo(c.places), receiverIndex: 0 };
}

export const itemText = (i: TransferItem): string => (i.kind === 'box' ? T.boxItem(i.value, i.cards) : T.cardItem(i.value));

/** A scan: `批次/箱号` is a box, anything else a card number (a bare box label needs its batch here). */
export function readItem(raw: string): TransferItem | null {
  const label = normalizeLabelInput(raw);
  if (!label) return null;
  return label.includes('/') ? { kind: 'box', value: label } : { kind: 'card', value: normalizeCardInput(raw) };
}

/** Why a scan is not added before the ledger is asked: nothing scanned, or already on the list. */
export function scanRefusal(s: TransferState, raw: string): Message | null {
  const item = readItem(raw);
  if (!item) return { level: 'warn', text: T.emptyEnter };
  const same = (x: TransferItem) => x.kind === item.kind && x.value.toUpperCase() === item.value.toUpperCase();
  return s.items.some(same) ? { level: 'error', text: T.duplicate(itemText(item)) } : null;
}

function scanned(s: TransferState, raw: string, cards: number | undefined): TransferState {
  const refusal = scanRefusal(s, raw);
  if (refusal) return { ...s, input: '', message: refusal };
  const read = readItem(raw)!;
  const item = cards === undefined ? read : { ...read, cards };
  const items = [...s.items, item];
  return { ...s, input: '', items, message: { level: 'ok', text: T.added(items.length, itemText(item)) } };
}

function undo(s: TransferState): TransferState {
  const last = s.items.at(-1);
  if (!last) return { ...s, message: { level: 'warn', text: T.nothingToRemove } };
  return { ...s, items: s.items.slice(0, -1), message: { level: 'warn', text: T.removed(itemText(last)) } };
}

function pick(s: TransferState, delta: number): TransferState {
  switch (s.focus) {
    case 'mode': {
      const mode: TransferMode = s.mode === 'places' ? 'handOver' : 'places';
      return { ...s, mode, pin: '', message: null };
    }
    case 'from':
      return { ...s, fromIndex: cycleIndex(s.fromIndex, delta, s.places.length + 1), message: null };
    case 'to':
      return { ...s, toIndex: cycleIndex(s.toIndex, delta, s.places.length), message: null };
    case 'receiver':
      return { ...s, receiverIndex: cycleIndex(s.receiverIndex, delta, s.receivers.length), pin: '', message: null };
    default:
      return s;
  }
}

function moveFocus(s: TransferState, delta: number): TransferState {
  const order = FOCUS_ORDER[s.mode];
  return { ...s, focus: order[cycleIndex(Math.max(0, order.indexOf(s.focus)), delta, order.length)]! };
}

/** Whether leaving would drop something the operator typed or scanned. */
export function hasWork(s: TransferState): boolean {
  return s.step === 'form' && (s.items.length > 0 || s.input.trim() !== '' || s.pin !== '' || s.fromIndex > 0);
}

export const fromPlace = (s: TransferState): TransferPlace | null => (s.fromIndex > 0 ? s.places[s.fromIndex - 1] ?? null : null);
export const toPlace = (s: TransferState): TransferPlace | null => s.places[s.toIndex] ?? null;
export const receiver = (s: TransferState): SiteOperator | null => s.receivers[s.receiverIndex] ?? null;

/** Why Ctrl+S writes nothing yet; null when the transfer can be tried. */
export function submitRefusal(s: TransferState): Message | null {
  if (s.mode === 'handOver') {
    if (!receiver(s)) return { level: 'error', text: T.noReceivers };
    if (s.held === 0) return { level: 'warn', text: T.holdNothing };
    if (!s.pin) return { level: 'warn', text: T.pinRequired };
    return null;
  }
  if (s.places.length === 0) return { level: 'error', text: T.noPlaces };
  if (s.input.trim()) return { level: 'warn', text: T.pendingInput };
  const from = fromPlace(s);
  if (s.items.length === 0 && !from) return { level: 'warn', text: T.nothingChosen };
  if (from && from.name === toPlace(s)?.name) return { level: 'warn', text: T.sameFromTo(from.name) };
  return null;
}

/** What `transferCards` is asked to do. */
export function transferInput(s: TransferState, operationId: string): TransferInput {
  if (s.mode === 'handOver') return { operationId, handOver: true };
  const from = fromPlace(s);
  return {
    operationId,
    cards: s.items.filter((i) => i.kind === 'card').map((i) => i.value),
    boxes: s.items.filter((i) => i.kind === 'box').map((i) => i.value),
    fromPlaces: from ? [from.name] : [],
    toPlace: toPlace(s)?.name ?? null,
  };
}

export function transferReducer(s: TransferState, a: TransferAction): TransferState {
  switch (a.type) {
    case 'loaded':
      return loaded(s, a.choices);
    case 'focus':
      return moveFocus(s, a.delta);
    case 'pick':
      return pick(s, a.delta);
    case 'input':
      return { ...s, input: a.value, message: a.value ? null : s.message };
    case 'pin':
      return { ...s, pin: a.value };
    case 'scanned':
      return s.mode === 'places' && s.step === 'form' ? scanned(s, a.raw, a.cards) : s;
    case 'scan-refused':
      return { ...s, input: '', message: { level: 'error', text: T.scanRefused(a.text) } };
    case 'undo':
      return s.mode === 'places' ? undo(s) : s;
    case 'message':
      return { ...s, message: a.message };
    case 'failed':
      return { ...s, pin: '', message: a.message };
    case 'done':
      return { ...s, step: 'done', done: a.done, items: [], input: '', pin: '', fromIndex: 0, message: null };
    case 'ask-leave':
      return s.step === 'form' ? { ...s, step: 'leave' } : s;
    case 'cancel-leave':
      return s.step === 'leave' ? { ...s, step: 'form' } : s;
    case 'again':
      return { ...loaded({ ...s, step: 'form', done: null, message: null, focus: s.mode === 'places' ? 'scan' : 'receiver' }, a.choices), mode: s.mode };
  }
}
