import { useRef, useState } from 'react';
import { closeCount, countView, type CountLine, type SubmitResult } from '../../workflows/stock-count.ts';
import { authenticate, authenticateApprover } from '../../workflows/authenticate.ts';
import { type Actor } from '../../domain/actor.ts';
import { boxLabel, shortBank } from '../../domain/count-report-format.ts';
import { isSbkError } from '../../domain/errors.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type ReviewFocus = 'reason' | 'login' | 'pin';
export type ReviewMode = 'review' | 'leave' | 'done' | 'failed';
export type Difference = { cardNo: string; kind: 'missing' | 'unexpected'; where: string };

type Review = {
  lines: CountLine[];
  /** Per box and hopper; only known right after the submission (a resumed review has none). */
  boxes: SubmitResult['boxes'] | null;
  diffs: Difference[];
  clean: boolean;
  error: string | null;
};

const C = zh.count;
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

function fromResult(r: SubmitResult): Review {
  return {
    lines: r.lines,
    boxes: r.boxes,
    diffs: [
      ...r.missing.map((m) => ({ cardNo: m.cardNo, kind: 'missing' as const, where: boxLabel(m.box) })),
      ...r.unexpected.map((u) => ({ cardNo: u.cardNo, kind: 'unexpected' as const, where: u.where ?? (u.bank ? shortBank(u.bank) : C.notOnBooks) })),
    ],
    clean: r.clean,
    error: null,
  };
}

function load(ledger: Parameters<typeof countView>[0], actor: Actor, id: number, result: SubmitResult | null): Review {
  if (result) return fromResult(result);
  try {
    const v = countView(ledger, actor, id);
    if (v.status !== 'submitted') return { lines: v.lines ?? [], boxes: null, diffs: [], clean: true, error: C.notOpen(C.status[v.status]) };
    const diffs = (v.variances ?? []).map((x) => ({
      cardNo: x.cardNo,
      kind: x.kind === 'missing' ? ('missing' as const) : ('unexpected' as const),
      where: x.kind === 'missing' ? (x.box ? boxLabel(x.box) : '-') : x.bank ? shortBank(x.bank) : C.notOnBooks,
    }));
    return { lines: v.lines ?? [], boxes: null, diffs, clean: diffs.length === 0, error: null };
  } catch (e) {
    return { lines: [], boxes: null, diffs: [], clean: true, error: errorText(e) };
  }
}

/**
 * The variance review of a submitted count (预制卡盘点): per bank the balance and what was
 * counted, per box expected against counted, every missing and unexpected card. A clean count
 * is closed with a second person's 工号 and PIN (another operator at the site or above); one
 * with differences needs a reason for each (↑↓ between them, Ctrl+A gives the rest the current
 * reason) and a supervisor over the site. The PIN is never kept after a failed attempt. Leaving
 * keeps the count submitted: it is resumed from the count page.
 */
export function useCountReview(actor: Actor, countId: number, result: SubmitResult | null) {
  const { ledger } = useServices();
  const [review] = useState<Review>(() => load(ledger, actor, countId, result));
  const [mode, setMode] = useState<ReviewMode>(review.error ? 'failed' : 'review');
  const [sel, setSel] = useState(0);
  const [focus, setFocus] = useState<ReviewFocus>(review.clean ? 'login' : 'reason');
  const [reasons, setReasonsState] = useState<Record<string, string>>({});
  const [login, setLoginState] = useState('');
  const [pin, setPinState] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Values as typed, ahead of React's re-render: a scanned 工号 arrives with its Enter in one read.
  const reasonsRef = useRef<Record<string, string>>({});
  const loginRef = useRef('');
  const pinRef = useRef('');
  // Set before the PIN is checked: keys typed ahead meanwhile must not start a second attempt.
  const checkingRef = useRef(false);
  const diffs = review.diffs;
  const order: readonly ReviewFocus[] = review.clean ? ['login', 'pin'] : ['reason', 'login', 'pin'];

  const setReasons = (next: Record<string, string>) => {
    reasonsRef.current = next;
    setReasonsState(next);
  };
  const setLogin = (v: string) => {
    if (checkingRef.current) return;
    loginRef.current = v;
    setLoginState(v);
    setError(null);
  };
  const setPin = (v: string) => {
    if (checkingRef.current && v !== '') return;
    pinRef.current = v;
    setPinState(v);
    setError(null);
  };
  const missingReason = (cardNo: string) => !reasonsRef.current[cardNo]?.trim();

  const close = () => {
    if (checkingRef.current) return;
    const l = loginRef.current.trim();
    if (!l) return setFocus('login'), setError(C.loginRequired);
    if (!pinRef.current) return setFocus('pin'), setError(C.pinRequired);
    checkingRef.current = true;
    setChecking(true);
    setError(null);
    setNotice(null);
    // Checking the PIN takes a moment of scrypt: let "正在核对……" reach the screen first.
    setTimeout(() => {
      try {
        const reasons = Object.fromEntries(Object.entries(reasonsRef.current).map(([k, v]) => [k, v.trim()]));
        if (review.clean) {
          const confirmer = authenticate(ledger, l, pinRef.current);
          closeCount(ledger, actor, countId, { confirmer });
          setDone(C.closedClean(countId, confirmer.name));
        } else {
          const approver = authenticateApprover(ledger, actor, l, pinRef.current);
          const r = closeCount(ledger, actor, countId, { reasons, approver });
          setDone(C.closedDiff(countId, r.variances, approver.name));
        }
        setMode('done');
      } catch (e) {
        setPin('');
        setError(errorText(e));
        const code = isSbkError(e) ? e.code : '';
        if (code === 'COUNT_REASON_REQUIRED') {
          const cards = isSbkError(e) && Array.isArray(e.details.cards) ? (e.details.cards as string[]) : [];
          const at = diffs.findIndex((d) => d.cardNo === cards[0]);
          if (at >= 0) setSel(at);
          setFocus('reason');
        } else if (code === 'SECOND_OPERATOR_SAME' || code === 'SECOND_OPERATOR_SCOPE' || code === 'OPERATOR_LOCKED' || code.startsWith('APPROVER_')) {
          // Not an acceptable second person: another 工号.
          setFocus('login');
        } else {
          setFocus('pin');
        }
      } finally {
        checkingRef.current = false;
        setChecking(false);
      }
    }, 0);
  };

  const current = diffs[sel];
  return {
    mode,
    lines: review.lines,
    boxes: review.boxes,
    diffs,
    clean: review.clean,
    loadError: review.error,
    sel,
    focus,
    reasons,
    reason: current ? (reasons[current.cardNo] ?? '') : '',
    current,
    login,
    pin,
    checking,
    error,
    notice,
    done,
    setReason: (v: string) => {
      if (!current) return;
      setReasons({ ...reasonsRef.current, [current.cardNo]: v });
      setError(null);
    },
    setLogin,
    setPin,
    moveDiff: (delta: number) => {
      if (diffs.length === 0) return;
      setSel((i) => Math.max(0, Math.min(diffs.length - 1, i + delta)));
      setFocus('reason');
    },
    /** Enter on a reason: on to the next difference still without one, then to the supervisor. */
    reasonDone: (v: string) => {
      if (!current) return;
      setReasons({ ...reasonsRef.current, [current.cardNo]: v });
      if (missingReason(current.cardNo)) return; // nothing written yet: stay on it
      const next = [...diffs.slice(sel + 1), ...diffs.slice(0, sel)].find((d) => missingReason(d.cardNo));
      if (next) return setSel(diffs.indexOf(next));
      setFocus(loginRef.current.trim() ? 'pin' : 'login');
    },
    /** Ctrl+A: the reason of the difference under the marker for every one still without a reason. */
    applyToRest: () => {
      const text = current ? (reasonsRef.current[current.cardNo] ?? '').trim() : '';
      if (!text) return setError(C.nothingToApply);
      const rest = diffs.filter((d) => d !== current && missingReason(d.cardNo));
      const next = { ...reasonsRef.current };
      for (const d of rest) next[d.cardNo] = text;
      setReasons(next);
      setError(null);
      setNotice(C.appliedToRest(rest.length));
    },
    nextField: (delta: number) => setFocus((f) => order[(order.indexOf(f) + delta + order.length) % order.length]!),
    /** Enter in 工号 or 密码: on to the other one while it is empty; with both, close the count. */
    fieldDone: (field: 'login' | 'pin', v: string) => {
      if (field === 'login') setLogin(v);
      else setPin(v);
      if (!loginRef.current.trim()) return setFocus('login');
      if (!pinRef.current) return setFocus('pin');
      close();
    },
    /** Esc: leave (the count stays submitted); asks first when something was typed. False = nothing to lose. */
    back: (): boolean => {
      if (mode !== 'review') return false;
      const typed = Object.values(reasonsRef.current).some((r) => r.trim() !== '') || loginRef.current.trim() !== '' || pinRef.current !== '';
      if (!typed) return false;
      setMode('leave');
      return true;
    },
    cancelLeave: () => setMode('review'),
  };
}
