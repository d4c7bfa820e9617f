/**
 * The variance review of a submitted count (预制卡盘点): a reason for each difference (↑↓ between
 * them, Ctrl+A gives the rest the current reason), then a second person's 工号 and PIN — any other
 * operator for a clean count, a supervisor over the site for one with differences. The PIN is
 * never kept after a failed attempt. Pure: the hook checks the PIN and closes the count.
 */
import type { CountLine, SubmitResult } from '../../workflows/stock-count.ts';
import { clampIndex, cycleIndex } from './list-index.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type ReviewFocus = 'reason' | 'login' | 'pin';
export type ReviewMode = 'review' | 'leave' | 'done' | 'failed';
export type Difference = { readonly cardNo: string; readonly kind: 'missing' | 'unexpected'; readonly where: string };

/** The submitted count as the review shows it. */
export type Review = {
  readonly lines: readonly CountLine[];
  /** Per box and hopper; only known right after the submission (a resumed review has none). */
  readonly boxes: SubmitResult['boxes'] | null;
  readonly diffs: readonly Difference[];
  readonly clean: boolean;
  readonly error: string | null;
};

export type CountReviewState = {
  readonly mode: ReviewMode;
  readonly diffs: readonly Difference[];
  readonly clean: boolean;
  /** The difference under the marker. */
  readonly sel: number;
  readonly focus: ReviewFocus;
  readonly reasons: Readonly<Record<string, string>>;
  readonly login: string;
  readonly pin: string;
  /** Set while the PIN is checked: keys typed ahead meanwhile must not start a second attempt. */
  readonly checking: boolean;
  readonly error: string | null;
  readonly notice: string | null;
  readonly done: string | null;
};

/** Why closing failed: the message, its code, and the cards it names (a reason still missing). */
export type CloseFailure = { readonly error: string; readonly code: string; readonly cards: readonly string[] };

export type CountReviewAction =
  | { type: 'reason'; value: string }
  | { type: 'login'; value: string }
  | { type: 'pin'; value: string }
  | { type: 'move-diff'; delta: number }
  | { type: 'reason-done'; value: string }
  | { type: 'apply-to-rest' }
  | { type: 'next-field'; delta: number }
  | { type: 'field-done'; field: 'login' | 'pin'; value: string }
  | { type: 'closed'; done: string }
  | { type: 'close-failed'; failure: CloseFailure }
  | { type: 'back' }
  | { type: 'cancel-leave' };

const C = zh.count;
// Not an acceptable second person: another 工号.
const NEEDS_ANOTHER_PERSON = new Set(['SECOND_OPERATOR_SAME', 'SECOND_OPERATOR_SCOPE', 'OPERATOR_LOCKED']);

export function initialCountReviewState(review: Review): CountReviewState {
  return {
    mode: review.error ? 'failed' : 'review',
    diffs: review.diffs,
    clean: review.clean,
    sel: 0,
    focus: review.clean ? 'login' : 'reason',
    reasons: {},
    login: '',
    pin: '',
    checking: false,
    error: null,
    notice: null,
    done: null,
  };
}

export const currentDiff = (s: CountReviewState): Difference | undefined => s.diffs[s.sel];
const missingReason = (s: CountReviewState, cardNo: string): boolean => !s.reasons[cardNo]?.trim();
const withReason = (s: CountReviewState, cardNo: string, value: string): CountReviewState => ({ ...s, reasons: { ...s.reasons, [cardNo]: value } });

/** Something typed that leaving would drop: a reason, a 工号 or a PIN. */
export function hasTyped(s: CountReviewState): boolean {
  return Object.values(s.reasons).some((r) => r.trim() !== '') || s.login.trim() !== '' || s.pin !== '';
}

/** Esc asks before dropping what was typed; false = leave at once (the count stays submitted). */
export function asksBeforeLeaving(s: CountReviewState): boolean {
  return s.mode === 'review' && hasTyped(s);
}

/** Enter on a reason: on to the next difference still without one, then to the second person. */
function reasonDone(s: CountReviewState, value: string): CountReviewState {
  const current = currentDiff(s);
  if (!current) return s;
  const next = withReason(s, current.cardNo, value);
  if (missingReason(next, current.cardNo)) return next; // nothing written yet: stay on it
  const todo = [...s.diffs.slice(s.sel + 1), ...s.diffs.slice(0, s.sel)].find((d) => missingReason(next, d.cardNo));
  if (todo) return { ...next, sel: s.diffs.indexOf(todo) };
  return { ...next, focus: next.login.trim() ? 'pin' : 'login' };
}

/** Ctrl+A: the reason under the marker for every difference still without one. */
function applyToRest(s: CountReviewState): CountReviewState {
  const current = currentDiff(s);
  const text = current ? (s.reasons[current.cardNo] ?? '').trim() : '';
  if (!text) return { ...s, error: C.nothingToApply };
  const rest = s.diffs.filter((d) => d !== current && missingReason(s, d.cardNo));
  const reasons = { ...s.reasons };
  for (const d of rest) reasons[d.cardNo] = text;
  return { ...s, reasons, error: null, notice: C.appliedToRest(rest.length) };
}

function setLogin(s: CountReviewState, value: string): CountReviewState {
  return s.checking ? s : { ...s, login: value, error: null };
}

function setPin(s: CountReviewState, value: string): CountReviewState {
  return s.checking && value !== '' ? s : { ...s, pin: value, error: null };
}

/** With both 工号 and PIN, the check starts (`checking`); the hook then closes the count. */
function close(s: CountReviewState): CountReviewState {
  if (s.checking) return s;
  if (!s.login.trim()) return { ...s, focus: 'login', error: C.loginRequired };
  if (!s.pin) return { ...s, focus: 'pin', error: C.pinRequired };
  return { ...s, checking: true, error: null, notice: null };
}

/** Enter in 工号 or 密码: on to the other one while it is empty; with both, close the count. */
function fieldDone(s: CountReviewState, field: 'login' | 'pin', value: string): CountReviewState {
  const next = field === 'login' ? setLogin(s, value) : setPin(s, value);
  if (!next.login.trim()) return { ...next, focus: 'login' };
  if (!next.pin) return { ...next, focus: 'pin' };
  return close(next);
}

/** The PIN is dropped; the focus goes where the problem is. */
function closeFailed(s: CountReviewState, f: CloseFailure): CountReviewState {
  const next = { ...s, pin: '', error: f.error, checking: false };
  if (f.code === 'COUNT_REASON_REQUIRED') {
    const at = s.diffs.findIndex((d) => d.cardNo === f.cards[0]);
    return { ...next, sel: at >= 0 ? at : s.sel, focus: 'reason' };
  }
  if (NEEDS_ANOTHER_PERSON.has(f.code) || f.code.startsWith('APPROVER_')) return { ...next, focus: 'login' };
  return { ...next, focus: 'pin' };
}

export function countReviewReducer(s: CountReviewState, a: CountReviewAction): CountReviewState {
  const current = currentDiff(s);
  switch (a.type) {
    case 'reason':
      return current ? { ...withReason(s, current.cardNo, a.value), error: null } : s;
    case 'login':
      return setLogin(s, a.value);
    case 'pin':
      return setPin(s, a.value);
    case 'move-diff':
      return s.diffs.length === 0 ? s : { ...s, sel: clampIndex(s.sel, a.delta, s.diffs.length), focus: 'reason' };
    case 'reason-done':
      return reasonDone(s, a.value);
    case 'apply-to-rest':
      return applyToRest(s);
    case 'next-field': {
      const order: readonly ReviewFocus[] = s.clean ? ['login', 'pin'] : ['reason', 'login', 'pin'];
      return { ...s, focus: order[cycleIndex(order.indexOf(s.focus), a.delta, order.length)]! };
    }
    case 'field-done':
      return fieldDone(s, a.field, a.value);
    case 'closed':
      return { ...s, done: a.done, mode: 'done', checking: false };
    case 'close-failed':
      return closeFailed(s, a.failure);
    case 'back':
      return asksBeforeLeaving(s) ? { ...s, mode: 'leave' } : s;
    case 'cancel-leave':
      return { ...s, mode: 'review' };
  }
}
