/**
 * The counting screen's state (预制卡盘点), blind: only what the operator has counted is shown —
 * each box's and hopper's quantity as entered, the cards scanned one by one, the running total —
 * never what the ledger expects. Every entry is written at once by the hook (a lost link loses
 * nothing); this module decides what an entry is and what the screen shows after it. Pure.
 */
import type { CountEntry, CountStatus } from '../../workflows/stock-count.ts';
import { parseBoxCount, parseScanCode, resolveBox, type ScanCode } from '../../domain/box-label.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { errorFlag, okFlag, pushFlag, warnFlag } from './flags.ts';
import type { Message } from '../screens/shared/message.ts';
import { clampIndex } from './list-index.ts';
import { errorText } from './error-text.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type CountScanMode = 'scan' | 'qty' | 'hopper' | 'submit' | 'leave' | 'closed';
/** One line of the running progress: a box or hopper with the quantity the operator gave (the last one given). */
export type ProgressRow = { readonly kind: 'box' | 'hopper'; readonly code: string; readonly counted: number };
/** The box or hopper whose quantity is asked for. */
export type Pending = { readonly kind: 'box' | 'hopper'; readonly code: string };
/** The question before something typed is dropped: where No goes back to, and what Yes does. */
export type LeaveQuestion = { readonly back: CountScanMode; readonly then: 'cancel-entry' | 'leave' };
/** What the site has to count: its boxes (`批次/箱号`) and printer hoppers. */
export type CountPlaces = { readonly boxes: readonly string[]; readonly hoppers: readonly string[] };

/** The count as found in the ledger when the screen opens (a resumed count has its scans). */
export type CountScanStart = {
  readonly status: CountStatus | null;
  readonly error: string | null;
  readonly progress: readonly ProgressRow[];
  readonly cards: ReadonlySet<string>;
  readonly scans: number;
  readonly counted: number;
};

export type CountScanState = {
  readonly mode: CountScanMode;
  readonly input: string;
  readonly pending: Pending | null;
  readonly hopperIndex: number;
  readonly flags: readonly Message[];
  readonly progress: readonly ProgressRow[];
  /** Cards scanned one by one: a repeat is not recorded again. */
  readonly cards: ReadonlySet<string>;
  readonly scans: number;
  /** The blind running total the ledger returned with the last entry. */
  readonly counted: number;
  readonly leave: LeaveQuestion | null;
  /**
   * The ledger ids of the lines this screen wrote and has not taken back, oldest first: Ctrl+Z
   * takes back this console's last entry, never one a colleague scanned into the same count.
   */
  readonly own: readonly number[];
};

export type CountScanAction =
  | { type: 'input'; value: string }
  | { type: 'flag'; flag: Message }
  | { type: 'ask'; pending: Pending }
  | { type: 'recorded'; scan: ScanCode; scans: number; counted: number; ids: readonly number[] }
  /** Ctrl+Z was written: the reversed entry (its line's id), and the count as the ledger now has it. */
  | { type: 'undone'; entry: CountEntry; view: EntriesView; scans: number; counted: number; scanId: number }
  /** Ctrl+Z while a quantity is asked for: the box or hopper scan that asked is dropped (nothing was written). */
  | { type: 'drop-pending' }
  | { type: 'entry-done' }
  | { type: 'open-hopper'; hoppers: readonly string[] }
  | { type: 'move-hopper'; delta: number; count: number }
  | { type: 'ask-submit' }
  | { type: 'submit-failed'; error: string }
  | { type: 'cancel-question' }
  | { type: 'confirm-leave' }
  | { type: 'back' };

/** What Enter in the field comes to: an action at once, or an entry to write first. */
export type CountScanStep = { readonly act: CountScanAction } | { readonly record: ScanCode; readonly endsEntry: boolean };

const O = zh.count.outcome;
const U = zh.scanUndo;

/** What the operator has entered, as the screen lists it: each box's and hopper's last quantity, the cards. */
export type EntriesView = { readonly progress: readonly ProgressRow[]; readonly cards: ReadonlySet<string> };

/** The progress and cards of `entries` in order (`boxOf` names a box label by its `批次/箱号`). */
export function entriesView(entries: readonly CountEntry[], boxOf: (code: string) => string): EntriesView {
  let progress: ProgressRow[] = [];
  const cards = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'card') cards.add(e.code);
    else progress = withEntry(progress, e.kind, e.kind === 'box' ? boxOf(e.code) : e.code, e.quantity ?? 0);
  }
  return { progress, cards };
}

/** What the operator reads when `e` was taken back. */
export function undoneText(e: CountEntry): string {
  if (e.kind === 'card') return U.card(e.code);
  return e.kind === 'box' ? U.boxQty(e.code, e.quantity ?? 0) : U.hopperQty(e.code, e.quantity ?? 0);
}

/** The line Ctrl+Z takes back: this screen's last entry; none written here (a resumed count): the operator's own last one. */
export function undoTarget(s: CountScanState): number | undefined {
  return s.own.at(-1);
}

/** Whether Ctrl+Z writes a reversing line (while scanning), rather than dropping the quantity asked for. */
export function undoWrites(s: CountScanState): boolean {
  return s.mode === 'scan';
}

function dropPending(s: CountScanState): CountScanState {
  if (s.mode !== 'qty' || !s.pending) return s;
  const text = s.pending.kind === 'box' ? U.pendingBox(s.pending.code) : U.pendingHopper(s.pending.code);
  return { ...s, input: '', pending: null, mode: 'scan', flags: pushFlag(s.flags, warnFlag(text), FLAGS_KEPT) };
}
const FLAGS_KEPT = 6;

export function initialCountScanState(start: CountScanStart): CountScanState {
  const open = !start.error && start.status === 'counting';
  return {
    mode: open ? 'scan' : 'closed',
    input: '',
    pending: null,
    hopperIndex: 0,
    flags: open && start.scans > 0 ? [okFlag(O.resumed(start.scans))] : [],
    progress: start.progress,
    cards: start.cards,
    scans: start.scans,
    counted: start.counted,
    leave: null,
    own: [],
  };
}

/** The progress with `code`'s quantity set (a box counted again keeps its place in the list). */
export function withEntry(rows: readonly ProgressRow[], kind: ProgressRow['kind'], code: string, counted: number): ProgressRow[] {
  const at = rows.findIndex((r) => r.kind === kind && r.code === code);
  if (at < 0) return [...rows, { kind, code, counted }];
  return rows.map((r, i) => (i === at ? { ...r, counted } : r));
}

const flag = (f: Message): CountScanStep => ({ act: { type: 'flag', flag: f } });
const ask = (kind: Pending['kind'], code: string): CountScanStep => ({ act: { type: 'ask', pending: { kind, code } } });
const record = (kind: ScanCode['kind'], code: string, quantity: number | null): CountScanStep => ({ record: { kind, code, quantity }, endsEntry: false });

/** The command line's forms, typed by hand: `箱号=张数`, `@卡盒名=张数`; null when it names a card after all. */
function typedQuantity(places: CountPlaces, value: string): CountScanStep | null {
  let code: ScanCode;
  try {
    code = parseScanCode(value);
  } catch (e) {
    return flag(errorFlag(errorText(e)));
  }
  if (code.kind === 'hopper') return places.hoppers.includes(code.code) ? record('hopper', code.code, code.quantity ?? 0) : flag(errorFlag(O.unknownHopper(code.code)));
  if (code.kind !== 'box') return null;
  const r = resolveBox(places.boxes, code.code);
  if (r && 'box' in r) return record('box', r.box, code.quantity ?? 0);
  if (r && 'ambiguous' in r) return flag(errorFlag(O.ambiguousBox(code.code, r.ambiguous)));
  return flag(errorFlag(O.unknownBox(code.code)));
}

/** A scan: a hopper's name asks for its quantity, a box label for the box's, a card is recorded (once). */
function scanStep(s: CountScanState, places: CountPlaces, raw: string): CountScanStep {
  const value = raw.normalize('NFKC').trim();
  if (!value) return flag(warnFlag(O.submitHint));
  const hopperName = value.startsWith('@') && !value.includes('=') ? value.slice(1).trim() : value;
  if (places.hoppers.includes(hopperName)) return ask('hopper', hopperName);
  const typed = value.includes('=') ? typedQuantity(places, value) : null;
  if (typed) return typed;
  const box = resolveBox(places.boxes, value);
  if (box && 'box' in box) return ask('box', box.box);
  if (box && 'ambiguous' in box) return flag(errorFlag(O.ambiguousBox(value, box.ambiguous)));
  if (box) return flag(errorFlag(O.unknownBox(value)));
  const cardNo = normalizeCardInput(value);
  if (s.cards.has(cardNo)) return flag(warnFlag(O.duplicate(cardNo)));
  return record('card', cardNo, null);
}

/** Enter in the field: the quantity asked for, or a scan. */
export function submitStep(s: CountScanState, places: CountPlaces, raw: string): CountScanStep | null {
  if (s.mode === 'qty' && s.pending) {
    const quantity = parseBoxCount(raw);
    if (quantity === null) return flag(errorFlag(O.badQuantity));
    return { record: { kind: s.pending.kind, code: s.pending.code, quantity }, endsEntry: true };
  }
  return s.mode === 'scan' ? scanStep(s, places, raw) : null;
}

/** Blind: a card is "recorded" whatever the ledger says of it; a quantity as given, and what it replaced. */
function recorded(s: CountScanState, scan: ScanCode, scans: number, counted: number): CountScanState {
  const next = { ...s, scans: s.scans + scans, counted };
  if (scan.kind === 'card') return { ...next, cards: new Set(s.cards).add(scan.code), flags: pushFlag(s.flags, okFlag(O.card(scan.code)), FLAGS_KEPT) };
  const n = scan.quantity ?? 0;
  const before = s.progress.find((r) => r.kind === scan.kind && r.code === scan.code);
  const text = scan.kind === 'hopper' ? O.hopper(scan.code, n) : before ? O.boxAgain(scan.code, n, before.counted) : O.box(scan.code, n);
  return { ...next, progress: withEntry(s.progress, scan.kind, scan.code, n), flags: pushFlag(s.flags, okFlag(text), FLAGS_KEPT) };
}

/** H on an empty field: the hopper to count (straight to its quantity when there is one). */
function openHopper(s: CountScanState, hoppers: readonly string[]): CountScanState {
  if (hoppers.length === 0) return { ...s, flags: pushFlag(s.flags, errorFlag(O.noHopper), FLAGS_KEPT) };
  if (hoppers.length === 1) return { ...s, pending: { kind: 'hopper', code: hoppers[0]! }, mode: 'qty' };
  return { ...s, hopperIndex: 0, mode: 'hopper' };
}

/** Esc is handled here (a level back, or a question before dropping what was typed); false = leave the screen. */
export function handlesBack(s: CountScanState): boolean {
  return s.mode === 'qty' || s.mode === 'hopper' || s.mode === 'submit' || (s.mode === 'scan' && s.input.trim() !== '');
}

const cancelEntry = (s: CountScanState): CountScanState => ({ ...s, input: '', pending: null, mode: 'scan' });

function back(s: CountScanState): CountScanState {
  const typed = s.input.trim() !== '';
  if (s.mode === 'qty') return typed ? { ...s, leave: { back: 'qty', then: 'cancel-entry' }, mode: 'leave' } : cancelEntry(s);
  if (s.mode === 'hopper' || s.mode === 'submit') return { ...s, mode: 'scan' };
  if (s.mode === 'scan' && typed) return { ...s, leave: { back: 'scan', then: 'leave' }, mode: 'leave' };
  return s;
}

/** Ctrl+S asks first (nothing can be scanned after); not while something typed is not yet recorded. */
function askSubmit(s: CountScanState): CountScanState {
  if (s.mode !== 'scan') return s;
  if (s.input.trim()) return { ...s, flags: pushFlag(s.flags, warnFlag(O.pendingInput), FLAGS_KEPT) };
  return { ...s, mode: 'submit' };
}

export function countScanReducer(s: CountScanState, a: CountScanAction): CountScanState {
  switch (a.type) {
    case 'input':
      return { ...s, input: a.value };
    case 'flag':
      return { ...s, flags: pushFlag(s.flags, a.flag, FLAGS_KEPT) };
    case 'ask':
      return { ...s, pending: a.pending, mode: 'qty' };
    case 'recorded':
      return { ...recorded(s, a.scan, a.scans, a.counted), own: [...s.own, ...a.ids] };
    case 'undone':
      return { ...s, ...a.view, scans: a.scans, counted: a.counted, own: s.own.filter((id) => id !== a.scanId), flags: pushFlag(s.flags, warnFlag(undoneText(a.entry)), FLAGS_KEPT) };
    case 'drop-pending':
      return dropPending(s);
    case 'entry-done':
      return { ...s, pending: null, mode: 'scan' };
    case 'open-hopper':
      return openHopper(s, a.hoppers);
    case 'move-hopper':
      return { ...s, hopperIndex: clampIndex(s.hopperIndex, a.delta, a.count) };
    case 'ask-submit':
      return askSubmit(s);
    case 'submit-failed':
      return { ...s, mode: 'scan', flags: pushFlag(s.flags, errorFlag(a.error), FLAGS_KEPT) };
    case 'cancel-question':
      return { ...s, mode: s.leave?.back ?? 'scan', leave: null };
    case 'confirm-leave':
      return s.leave?.then === 'cancel-entry' ? { ...cancelEntry(s), leave: null } : { ...s, leave: null };
    case 'back':
      return back(s);
  }
}
