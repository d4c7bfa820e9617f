import { useMemo } from 'react';
import { closeCount, countView, type CountLine, type SubmitResult } from '../../workflows/stock-count.ts';
import { authenticateApprover, authenticateSecondPerson } from '../../workflows/authenticate.ts';
import { boxLabel, shortBank } from '../../domain/count-report-format.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { asksBeforeLeaving, countReviewReducer, currentDiff, initialCountReviewState, type CloseFailure, type CountReviewAction, type CountReviewState, type Difference, type Review } from '../state/count-review.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorCode, errorText } from '../state/error-text.ts';

export type { Difference, ReviewFocus, ReviewMode } from '../state/count-review.ts';

const C = zh.count;

function fromResult(r: SubmitResult): Review {
  const missing = r.missing.map((m): Difference => ({ cardNo: m.cardNo, kind: 'missing', where: boxLabel(m.box) }));
  const unexpected = r.unexpected.map((u): Difference => ({ cardNo: u.cardNo, kind: 'unexpected', where: u.where ?? (u.bank ? shortBank(u.bank) : C.notOnBooks) }));
  return { lines: r.lines, boxes: r.boxes, diffs: [...missing, ...unexpected], clean: r.clean, error: null };
}

/** The submitted count: from the submission itself, or read back when the review is resumed. */
function load(ledger: Ledger, actor: Actor, id: number, result: SubmitResult | null): Review {
  if (result) return fromResult(result);
  try {
    const v = countView(ledger, actor, id);
    if (v.status !== 'submitted') return { lines: v.lines ?? [], boxes: null, diffs: [], clean: true, error: C.notOpen(C.status[v.status]) };
    const diffs = (v.variances ?? []).map((x): Difference => ({
      cardNo: x.cardNo,
      kind: x.kind === 'missing' ? 'missing' : 'unexpected',
      where: x.kind === 'missing' ? (x.box ? boxLabel(x.box) : '-') : x.bank ? shortBank(x.bank) : C.notOnBooks,
    }));
    return { lines: v.lines ?? [], boxes: null, diffs, clean: diffs.length === 0, error: null };
  } catch (e) {
    return { lines: [], boxes: null, diffs: [], clean: true, error: errorText(e) };
  }
}

function failure(e: unknown): CloseFailure {
  const cards = isSbkError(e) && Array.isArray(e.details.cards) ? (e.details.cards as string[]) : [];
  return { error: errorText(e), code: errorCode(e), cards };
}

/** Checks the second person's PIN and closes the count (a clean one confirmed, one with differences approved). */
function close(ledger: Ledger, actor: Actor, countId: number, login: string, s: CountReviewState): CountReviewAction {
  try {
    if (s.clean) {
      const confirmer = authenticateSecondPerson(ledger, actor, login, s.pin);
      closeCount(ledger, actor, countId, { confirmer });
      return { type: 'closed', done: C.closedClean(countId, confirmer.name) };
    }
    const reasons = Object.fromEntries(Object.entries(s.reasons).map(([k, v]) => [k, v.trim()]));
    const approver = authenticateApprover(ledger, actor, login, s.pin);
    const r = closeCount(ledger, actor, countId, { reasons, approver });
    return { type: 'closed', done: C.closedDiff(countId, r.variances, approver.name) };
  } catch (e) {
    return { type: 'close-failed', failure: failure(e) };
  }
}

export type CountReviewActions = {
  readonly setReason: (value: string) => void;
  readonly setLogin: (value: string) => void;
  readonly setPin: (value: string) => void;
  readonly moveDiff: (delta: number) => void;
  /** Enter on a reason: on to the next difference still without one, then to the supervisor. */
  readonly reasonDone: (value: string) => void;
  /** Ctrl+A: the reason of the difference under the marker for every one still without a reason. */
  readonly applyToRest: () => void;
  readonly nextField: (delta: number) => void;
  readonly loginDone: (value: string) => void;
  readonly pinDone: (value: string) => void;
  /** Esc: leave (the count stays submitted); asks first when something was typed. False = nothing to lose. */
  readonly back: () => boolean;
  readonly cancelLeave: () => void;
};

export type CountReview = CountReviewState &
  CountReviewActions & { readonly latest: () => CountReviewState; readonly lines: readonly CountLine[]; readonly boxes: Review['boxes']; readonly loadError: string | null; readonly current: Difference | undefined };

/**
 * The variance review of a submitted count (src/ui/state/count-review.ts). Leaving keeps the
 * count submitted: it is resumed from the count page.
 */
export function useCountReview(actor: Actor, countId: number, result: SubmitResult | null): CountReview {
  const { ledger } = useServices();
  const review = useMemo(() => load(ledger, actor, countId, result), [ledger, actor, countId, result]);
  const { state, dispatch, latest } = useLatestReducer(countReviewReducer, () => initialCountReviewState(review));
  const actions = useMemo((): CountReviewActions => {
    const fieldDone = (field: 'login' | 'pin', value: string): void => {
      const was = latest().checking;
      dispatch({ type: 'field-done', field, value });
      const next = latest();
      const login = next.login.trim();
      // Checking the PIN takes a moment of scrypt: let "正在核对……" reach the screen first.
      if (!was && next.checking) setTimeout(() => dispatch(close(ledger, actor, countId, login, latest())), 0);
    };
    return {
      setReason: (value) => void dispatch({ type: 'reason', value }),
      setLogin: (value) => void dispatch({ type: 'login', value }),
      setPin: (value) => void dispatch({ type: 'pin', value }),
      moveDiff: (delta) => void dispatch({ type: 'move-diff', delta }),
      reasonDone: (value) => void dispatch({ type: 'reason-done', value }),
      applyToRest: () => void dispatch({ type: 'apply-to-rest' }),
      nextField: (delta) => void dispatch({ type: 'next-field', delta }),
      loginDone: (value) => fieldDone('login', value),
      pinDone: (value) => fieldDone('pin', value),
      back: () => asksBeforeLeaving(latest()) && (dispatch({ type: 'back' }), true),
      cancelLeave: () => void dispatch({ type: 'cancel-leave' }),
    };
  }, [ledger, actor, countId, dispatch, latest]);
  return { ...state, ...actions, latest, lines: review.lines, boxes: review.boxes, loadError: review.error, current: currentDiff(state) };
}
