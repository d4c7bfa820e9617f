/**
 * The sign-in screen's state (逐级签收, GD Art. 12), counted blind: the expected number is never
 * shown until the operator submits the count (Ctrl+S); that first count is kept as the blind
 * count. A box scan asks for the box's count and only says it was recorded. Then the result, the
 * signer, custodian and storage place, and the choice to close or sign in part. Pure: the hook
 * reads the shipment and signs it and dispatches the results.
 */
import { checkInResult, confirmBoxCount, markDamaged, scanCard, startCheckIn, type CheckInSession, type ExpectedCard } from '../../domain/check-in-session.ts';
import { popTaken, takenOf, type Taken } from './scan-undo.ts';
import { blindTally } from '../../domain/blind-tally.ts';
import { parseBoxCount, resolveBox } from '../../domain/box-label.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import type { SignInSummary } from '../../workflows/shipment-sign-in.ts';
import { errorFlag, okFlag, pushFlag, warnFlag } from './flags.ts';
import type { Message } from '../screens/shared/message.ts';
import { clampIndex, cycleIndex } from './list-index.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type SignInMode = 'scan' | 'box-count' | 'damage-reason' | 'leave' | 'result' | 'done' | 'failed';
export type ResultFocus = 'place' | 'signer' | 'custodian';

export type SignInState = {
  readonly mode: SignInMode;
  /** Chosen when the sign-in starts: submitting twice (a retry after a lost reply) acts once. */
  readonly operationId: string;
  readonly session: CheckInSession;
  /** Every box the operator gave a count for, with that count (matched or not). */
  readonly declared: ReadonlyMap<string, number>;
  /** Cards scanned one by one: a repeat is flagged only against these, never against a box
   *  counted whole (that would tell the operator the box's count matched the list). */
  readonly scanned: ReadonlySet<string>;
  readonly repeats: number;
  readonly input: string;
  readonly pendingBox: string | null;
  readonly lastCard: string | null;
  /** The scans of this count, oldest first: Ctrl+Z takes back the last (see SignInTaken). */
  readonly history: readonly SignInTaken[];
  readonly flags: readonly Message[];
  /**
   * A message of the result page (a card scanned there, a sign-in refused), not of the count's
   * log: it belongs to the step it was shown in, so the next action or leaving the page drops it.
   */
  readonly notice: Message | null;
  /** The tally when the count was first submitted, whatever follows. */
  readonly blindCount: number | null;
  readonly focus: ResultFocus;
  /** 签收人 and 保管人: 工号 of operators of this site, chosen from their list (never typed freely). */
  readonly signer: string;
  readonly custodian: string;
  readonly placeIndex: number;
  readonly missingSel: number;
  readonly summary: SignInSummary | null;
};

/**
 * A sign-in scan as it can be taken back: besides the session, a card scanned one by one is in
 * `scanned` (or counted a repeat), and a box count is in `declared` with what it replaced.
 */
export type SignInTaken = Taken & {
  readonly scannedCard: string | null;
  readonly repeat: boolean;
  readonly declared: { readonly box: string; readonly before: number | null } | null;
};

export type SignInAction =
  | { type: 'input'; value: string }
  | { type: 'pick-person'; delta: number; logins: readonly string[] }
  | { type: 'submitted'; raw: string }
  | { type: 'damaged' }
  | { type: 'undo' }
  | { type: 'submit-count' }
  | { type: 'next-field'; delta: number }
  | { type: 'field-done' }
  | { type: 'cycle-place'; delta: number; count: number }
  | { type: 'move-missing'; delta: number }
  | { type: 'signed'; summary: SignInSummary }
  | { type: 'sign-failed'; error: string }
  | { type: 'cancel-leave' }
  | { type: 'stray-scan' }
  | { type: 'back' };

/** `signer`: the 工号 of the operator signing in, the first choice for 签收人 and 保管人. */
export type SignInStartInput = { readonly expected: readonly ExpectedCard[] | null; readonly signer: string; readonly operationId: string };

const O = zh.signIn.outcome;
const U = zh.scanUndo;
const FOCUS_ORDER: readonly ResultFocus[] = ['place', 'signer', 'custodian'];
const FLAGS_KEPT = 6;

/** A sign-in of the shipment's expected cards; without them (the shipment could not be read) it has failed. */
export function initialSignInState({ expected, signer, operationId }: SignInStartInput): SignInState {
  return {
    mode: expected ? 'scan' : 'failed',
    operationId,
    session: startCheckIn(expected ?? []),
    declared: new Map(),
    scanned: new Set(),
    repeats: 0,
    input: '',
    pendingBox: null,
    lastCard: null,
    history: [],
    flags: [],
    notice: null,
    blindCount: null,
    focus: 'place',
    signer,
    custodian: signer,
    placeIndex: 0,
    missingSel: 0,
    summary: null,
  };
}

/** Counted so far, as the operator sees it while counting (never the expected number). */
export const signInTally = (s: SignInState): number => blindTally(s.session, s.declared);

const flag = (s: SignInState, f: Message): SignInState => ({ ...s, flags: pushFlag(s.flags, f, FLAGS_KEPT) });

/** A card or a box scanned while counting. */
function scan(s: SignInState, raw: string): SignInState {
  const value = raw.normalize('NFKC').trim();
  if (!value) return flag(s, warnFlag(O.submitHint));
  const cardNo = normalizeCardInput(value);
  if (!s.session.boxOf.has(cardNo)) {
    const box = resolveBox(s.session.boxes.keys(), value);
    if (box && 'box' in box) return { ...s, pendingBox: box.box, mode: 'box-count' };
    if (box && 'ambiguous' in box) return flag(s, errorFlag(O.ambiguousBox(value, box.ambiguous)));
    if (box) return flag(s, errorFlag(O.unknownBox(value)));
  }
  const scanned = { ...s, lastCard: cardNo };
  if (s.scanned.has(cardNo)) {
    const taken: SignInTaken = { step: null, lastCard: s.lastCard, text: U.repeat(cardNo), scannedCard: null, repeat: true, declared: null };
    return flag({ ...scanned, repeats: s.repeats + 1, history: [...s.history, taken] }, warnFlag(O.duplicate(cardNo)));
  }
  // A listed card is ✓ even when a box count already took it in: the count stays blind.
  const listed = s.session.boxOf.has(cardNo);
  const f = listed ? okFlag(O.counted(cardNo)) : errorFlag(O.extra(cardNo));
  const r = scanCard(s.session, cardNo);
  // Taken back as the card it was to the operator (a repeat of a box's card is still "✓ card").
  const taken: SignInTaken = { step: r.step, lastCard: s.lastCard, text: listed ? U.card(cardNo) : U.extra(cardNo), scannedCard: cardNo, repeat: false, declared: null };
  return flag({ ...scanned, scanned: new Set(s.scanned).add(cardNo), session: r.session, history: [...s.history, taken] }, f);
}

function boxCount(s: SignInState, box: string, raw: string): SignInState {
  const n = parseBoxCount(raw);
  if (n === null) return flag(s, errorFlag(O.badCount));
  const r = confirmBoxCount(s.session, box, n);
  const taken: SignInTaken = { step: r.step, lastCard: s.lastCard, text: U.boxQty(box, n), scannedCard: null, repeat: false, declared: { box, before: s.declared.get(box) ?? null } };
  const next = { ...s, session: r.session, declared: new Map(s.declared).set(box, n), history: [...s.history, taken], pendingBox: null, mode: 'scan' as const };
  // Blind: whatever the outcome, only that it was recorded.
  return flag(next, okFlag(O.boxRecorded(box, n)));
}

function damageReason(s: SignInState, cardNo: string, raw: string): SignInState {
  const reason = raw.trim();
  if (!reason) return { ...s, mode: 'scan' };
  const r = markDamaged(s.session, cardNo, reason);
  const f = r.outcome.kind === 'damaged' ? warnFlag(O.damaged(cardNo)) : errorFlag(O.notCounted(cardNo));
  const t = takenOf(r.step, s.lastCard);
  const history = t ? [...s.history, { ...t, scannedCard: null, repeat: false, declared: null }] : s.history;
  return flag({ ...s, session: r.session, history, mode: 'scan' }, f);
}

function submitted(s: SignInState, raw: string): SignInState {
  if (s.mode === 'box-count' && s.pendingBox) return boxCount(s, s.pendingBox, raw);
  if (s.mode === 'damage-reason' && s.lastCard) return damageReason(s, s.lastCard, raw);
  return s.mode === 'scan' ? scan(s, raw) : s;
}

function damaged(s: SignInState): SignInState {
  if (!s.lastCard) return flag(s, errorFlag(O.noLastCard));
  if (!s.session.counted.has(s.lastCard)) return flag(s, errorFlag(O.notCounted(s.lastCard)));
  return { ...s, mode: 'damage-reason' };
}

/** `declared` as it was before a box count that gave `d`. */
function declaredBefore(declared: ReadonlyMap<string, number>, d: SignInTaken['declared']): ReadonlyMap<string, number> {
  if (!d) return declared;
  const m = new Map(declared);
  if (d.before === null) m.delete(d.box);
  else m.set(d.box, d.before);
  return m;
}

/**
 * Ctrl+Z: in a prompt, the box label or damage mark that opened it (nothing recorded yet);
 * while counting, the last scan, whatever it was (a listed card, a 多出, a box's count, a repeat,
 * a damage mark). Not after the count was submitted: the blind count is fixed then (Esc first).
 */
function undo(s: SignInState): SignInState {
  if (s.mode === 'box-count' && s.pendingBox) return { ...flag(s, warnFlag(U.pendingBox(s.pendingBox))), pendingBox: null, mode: 'scan' };
  if (s.mode === 'damage-reason' && s.lastCard) return { ...flag(s, warnFlag(U.pendingDamage(s.lastCard))), mode: 'scan' };
  if (s.mode !== 'scan') return s;
  const r = popTaken(s.session, s.history);
  if (!r) return flag(s, warnFlag(U.nothing));
  const t = r.taken;
  const scanned = t.scannedCard === null ? s.scanned : new Set([...s.scanned].filter((c) => c !== t.scannedCard));
  const back = { session: r.session, history: r.history, lastCard: t.lastCard, scanned, repeats: t.repeat ? Math.max(0, s.repeats - 1) : s.repeats };
  return flag({ ...s, ...back, declared: declaredBefore(s.declared, t.declared) }, warnFlag(t.text));
}

/** Where Esc goes: back to counting, or the question before dropping a count; null = leave the screen. */
export function backTarget(s: SignInState): SignInMode | null {
  if (s.mode === 'box-count' || s.mode === 'damage-reason' || s.mode === 'result' || s.mode === 'leave') return 'scan';
  // Counted but not signed for: leaving would drop the count, so ask first.
  if (s.mode === 'scan' && (s.session.counted.size > 0 || s.session.extras.length > 0 || s.declared.size > 0)) return 'leave';
  return null;
}

function back(s: SignInState): SignInState {
  const to = backTarget(s);
  if (to === null) return s;
  return to === 'scan' ? { ...s, mode: to, pendingBox: null } : { ...s, mode: to };
}

/** ←→ on the 签收人 or 保管人 row: the next operator of the site on the list. */
function pickPerson(s: SignInState, delta: number, logins: readonly string[]): SignInState {
  if (s.focus === 'place' || logins.length === 0) return s;
  const at = Math.max(0, logins.indexOf(s[s.focus]));
  return { ...s, [s.focus]: logins[cycleIndex(at, delta, logins.length)]! };
}

/** The actions that show the result page's notice; every other one clears it. */
const NOTICE_ACTIONS: ReadonlySet<SignInAction['type']> = new Set(['stray-scan', 'sign-failed']);

export function signInReducer(s: SignInState, a: SignInAction): SignInState {
  const next = step(s, a);
  return NOTICE_ACTIONS.has(a.type) || next.notice === null ? next : { ...next, notice: null };
}

function step(s: SignInState, a: SignInAction): SignInState {
  switch (a.type) {
    case 'input':
      return { ...s, input: a.value };
    case 'pick-person':
      return pickPerson(s, a.delta, a.logins);
    case 'submitted':
      return submitted({ ...s, input: '' }, a.raw);
    case 'damaged':
      return damaged(s);
    case 'undo':
      return undo(s);
    case 'submit-count':
      return s.mode === 'scan' ? { ...s, blindCount: s.blindCount ?? signInTally(s), focus: 'place', missingSel: 0, mode: 'result' } : s;
    case 'next-field':
      return { ...s, focus: FOCUS_ORDER[cycleIndex(FOCUS_ORDER.indexOf(s.focus), a.delta, FOCUS_ORDER.length)]! };
    case 'field-done':
      return { ...s, focus: 'place' };
    case 'cycle-place':
      return { ...s, placeIndex: cycleIndex(s.placeIndex, a.delta, a.count) };
    case 'move-missing':
      return { ...s, missingSel: clampIndex(s.missingSel, a.delta, checkInResult(s.session).missing.length) };
    case 'signed':
      return { ...s, summary: a.summary, mode: 'done' };
    case 'sign-failed':
      return { ...s, notice: errorFlag(a.error) };
    case 'cancel-leave':
      return { ...s, mode: 'scan' };
    case 'stray-scan':
      return { ...s, notice: warnFlag(O.strayScan) };
    case 'back':
      return back(s);
  }
}
