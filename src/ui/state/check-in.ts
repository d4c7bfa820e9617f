/**
 * The check-in screen's state (清点入库): one batch counted in box by box. A scanner types a card
 * number or a box label and Enter; a box label asks for the box's count; Ctrl+B records the last
 * card as damaged; Ctrl+Z takes back the last scan (again for the one before); an empty Enter
 * asks to confirm. Pure: the counting itself is the domain's
 * check-in session, the hook reads and writes the ledger and dispatches what came of it.
 */
import {
  confirmBoxCount,
  markDamaged,
  scanCard,
  startCheckIn,
  type CheckInSession,
  type ExpectedCard,
  type ScanOutcome,
  type ScanResult,
} from '../../domain/check-in-session.ts';
import { popTaken, takenOf, type Taken } from './scan-undo.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { parseBoxCount, resolveBox } from '../../domain/box-label.ts';
import type { ConfirmSummary } from '../../workflows/check-in.ts';
import { errorFlag, pushFlag, warnFlag } from './flags.ts';
import type { Message } from '../screens/shared/message.ts';
import { clampIndex, cycleIndex } from './list-index.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type CheckInMode = 'pick' | 'scan' | 'box-count' | 'damage-reason' | 'confirm' | 'leave' | 'done';

export type CheckInState = {
  readonly mode: CheckInMode;
  /** The batch under the marker on the pick list. */
  readonly picked: number;
  readonly batch: string | null;
  readonly session: CheckInSession | null;
  /** Chosen when the count starts: confirming twice (a retry after a lost reply) acts once. */
  readonly operationId: string;
  readonly input: string;
  readonly pendingBox: string | null;
  readonly lastCard: string | null;
  /** The scans of this count that changed it, oldest first: Ctrl+Z takes back the last. */
  readonly history: readonly Taken[];
  readonly flags: readonly Message[];
  readonly placeIndex: number;
  /** Who answers for the cards once in the place (GD Art. 12): the site's operators, the operator first. */
  readonly custodianIndex: number;
  readonly summary: ConfirmSummary | null;
};

export type CheckInAction =
  | { type: 'move-pick'; delta: number; count: number }
  | { type: 'opened'; batch: string; cards: readonly ExpectedCard[]; operationId: string }
  | { type: 'failed'; error: string }
  | { type: 'input'; value: string }
  | { type: 'submitted'; raw: string }
  | { type: 'damaged' }
  | { type: 'undo' }
  | { type: 'next-place'; count: number }
  | { type: 'next-custodian'; count: number }
  | { type: 'cancel-confirm' }
  | { type: 'back' }
  | { type: 'confirmed'; summary: ConfirmSummary }
  | { type: 'confirm-failed'; error: string };

const O = zh.checkin.outcome;
const U = zh.scanUndo;
const FLAGS_KEPT = 4;

export function initialCheckInState(): CheckInState {
  return { mode: 'pick', picked: 0, batch: null, session: null, operationId: '', input: '', pendingBox: null, lastCard: null, history: [], flags: [], placeIndex: 0, custodianIndex: 0, summary: null };
}

/** What the operator reads for an outcome of the count. */
export function describeOutcome(o: ScanOutcome): Message {
  switch (o.kind) {
    case 'counted':
      return { level: 'ok', text: O.counted(o.cardNo, o.box) };
    case 'duplicate':
      return { level: 'warn', text: O.duplicate(o.cardNo) };
    case 'unlisted':
      return { level: 'error', text: O.unlisted(o.cardNo) };
    case 'box-complete':
      return { level: 'ok', text: O.boxComplete(o.box, o.count) };
    case 'box-short':
      return { level: 'error', text: O.boxShort(o.box, o.expected, o.count) };
    case 'box-over':
      return { level: 'error', text: O.boxOver(o.box, o.expected, o.count) };
    case 'unknown-box':
      return { level: 'error', text: O.unknownBox(o.box) };
    case 'damaged':
      return { level: 'warn', text: O.damaged(o.cardNo) };
    case 'not-counted':
      return { level: 'error', text: O.notCounted(o.cardNo) };
  }
}

const flag = (s: CheckInState, f: Message): CheckInState => ({ ...s, flags: pushFlag(s.flags, f, FLAGS_KEPT) });
/** A scan's result, kept to be taken back; `s.lastCard` is already the card this scan makes the last. */
function apply(s: CheckInState, r: ScanResult, lastBefore: string | null): CheckInState {
  const taken = takenOf(r.step, lastBefore);
  return flag({ ...s, session: r.session, history: taken ? [...s.history, taken] : s.history }, describeOutcome(r.outcome));
}

/**
 * Ctrl+Z: in a prompt, the box label or damage mark that opened it (nothing was recorded yet);
 * otherwise the last scan that changed the count, with the card it was about.
 */
function undo(s: CheckInState, session: CheckInSession): CheckInState {
  if (s.mode === 'box-count' && s.pendingBox) return { ...flag(s, warnFlag(U.pendingBox(s.pendingBox))), pendingBox: null, mode: 'scan' };
  if (s.mode === 'damage-reason' && s.lastCard) return { ...flag(s, warnFlag(U.pendingDamage(s.lastCard))), mode: 'scan' };
  if (s.mode !== 'scan') return s;
  const r = popTaken(session, s.history);
  if (!r) return flag(s, warnFlag(U.nothing));
  return flag({ ...s, session: r.session, history: r.history, lastCard: r.taken.lastCard }, warnFlag(r.taken.text));
}

/** Where Esc goes: back to scanning from a prompt, or the question before dropping a count; null = leave the screen. */
export function backTarget(s: CheckInState): CheckInMode | null {
  if (s.mode === 'box-count' || s.mode === 'damage-reason' || s.mode === 'confirm' || s.mode === 'leave') return 'scan';
  // Counted but not confirmed: leaving would drop the count, so ask first.
  if (s.mode === 'scan' && s.session && (s.session.counted.size > 0 || s.session.extras.length > 0)) return 'leave';
  return null;
}

/** Enter in the field: a box's count, a damage reason, a card or box label, or (empty) the confirmation. */
function submitted(s: CheckInState, session: CheckInSession, raw: string): CheckInState {
  const value = raw.trim();
  if (s.mode === 'box-count' && s.pendingBox) {
    const count = parseBoxCount(value);
    if (count === null) return flag(s, errorFlag(O.badCount));
    return { ...apply(s, confirmBoxCount(session, s.pendingBox, count), s.lastCard), pendingBox: null, mode: 'scan' };
  }
  if (s.mode === 'damage-reason' && s.lastCard) {
    return { ...(value ? apply(s, markDamaged(session, s.lastCard, value), s.lastCard) : s), mode: 'scan' };
  }
  if (!value) return { ...s, mode: 'confirm' };
  const cardNo = normalizeCardInput(value);
  // The session's boxes are this batch's bare labels: `批次/箱号` of this batch names one of them too.
  const box = session.boxOf.has(cardNo) ? null : resolveBox(session.boxes.keys(), value, s.batch);
  if (box && 'box' in box) return { ...s, pendingBox: box.box, mode: 'box-count' };
  if (box && 'unknown' in box) return apply(s, { session, outcome: { kind: 'unknown-box', box: box.unknown }, step: null }, s.lastCard);
  if (box) return flag(s, errorFlag(O.ambiguousBox(value, box.ambiguous)));
  return apply({ ...s, lastCard: cardNo }, scanCard(session, cardNo), s.lastCard);
}

export function checkInReducer(s: CheckInState, a: CheckInAction): CheckInState {
  switch (a.type) {
    case 'move-pick':
      return { ...s, picked: clampIndex(s.picked, a.delta, a.count) };
    case 'opened':
      return { ...s, session: startCheckIn(a.cards), batch: a.batch, mode: 'scan', flags: [], history: [], lastCard: null, operationId: a.operationId };
    case 'failed':
      return flag(s, errorFlag(a.error));
    case 'input':
      return { ...s, input: a.value };
    case 'submitted':
      return s.session ? submitted({ ...s, input: '' }, s.session, a.raw) : s;
    case 'damaged':
      return s.lastCard ? { ...s, mode: 'damage-reason' } : flag(s, errorFlag(O.noLastCard));
    case 'undo':
      return s.session ? undo(s, s.session) : s;
    case 'next-place':
      return { ...s, placeIndex: cycleIndex(s.placeIndex, 1, a.count) };
    case 'next-custodian':
      return { ...s, custodianIndex: cycleIndex(s.custodianIndex, 1, a.count) };
    case 'cancel-confirm':
      return { ...s, mode: 'scan' };
    case 'back': {
      const to = backTarget(s);
      return to === null ? s : { ...s, mode: to, pendingBox: to === 'scan' ? null : s.pendingBox };
    }
    case 'confirmed':
      return { ...s, summary: a.summary, mode: 'done' };
    case 'confirm-failed':
      return { ...flag(s, errorFlag(a.error)), mode: 'scan' };
  }
}
