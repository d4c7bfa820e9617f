import { useMemo, useRef, useState } from 'react';
import { randomUUID } from 'node:crypto';
import { cancellationList, endCards, overdueList, recallCards, recallStatistics, type CancellationRow, type OverdueRow, type RecallStats } from '../../workflows/recall.ts';
import { listOpenPickups, type OpenPickup } from '../../workflows/agent-pickup.ts';
import { ledgerProfile } from '../../workflows/issue-card.ts';
import { authenticateApprover } from '../../workflows/authenticate.ts';
import { type Actor } from '../../domain/actor.ts';
import { RECALL_REASONS, recallReasonForCategory } from '../../domain/recall-reasons.ts';
import type { EndAction } from '../../domain/rule-profiles.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { OverdueTab } from './use-navigation.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type OverdueMode = 'list' | 'recall' | 'end' | 'stats' | 'leave';
export type EndFocus = 'reason' | 'login' | 'pin';
export type Notice = { level: 'ok' | 'error'; text: string };

type Lists = { due: OverdueRow[]; warn: OverdueRow[]; pickups: OpenPickup[]; cancel: CancellationRow[]; error: string | null };

const O = zh.overdue;
const END_FOCUS: readonly EndFocus[] = ['reason', 'login', 'pin'];
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

function load(read: () => Omit<Lists, 'error'>): Lists {
  try {
    return { ...read(), error: null };
  } catch (e) {
    return { due: [], warn: [], pickups: [], cancel: [], error: errorText(e) };
  }
}

/** The most common category among the chosen cards (the first one's on a tie). */
function mainCategory(rows: readonly OverdueRow[]): OverdueRow['category'] {
  const n = new Map<OverdueRow['category'], number>();
  for (const r of rows) n.set(r.category, (n.get(r.category) ?? 0) + 1);
  let best = rows[0]?.category ?? 'unclaimed';
  for (const [c, k] of n) if (k > (n.get(best) ?? 0)) best = c;
  return best;
}

/**
 * 逾期与回收 (GD Art. 32-33; HB Art. 17): the cards due for recall with their deadlines, those
 * about to be, the open collective pickups and the cards to cancel or seal. On 应回收 cards are
 * chosen and recalled with a reason category; on 待注销 they are cancelled or sealed with a
 * second supervisor's 工号 and PIN. Each write has its operation id chosen when its dialog
 * opens; after it the lists are read again.
 */
export function useOverdue(actor: Actor, tab: OverdueTab) {
  const { ledger, calendar, now } = useServices();
  const [version, setVersion] = useState(0);
  const lists = useMemo(
    () =>
      load(() => {
        const all = overdueList(ledger, actor, calendar, { includeWarnings: true }, now());
        return {
          due: all.filter((r) => r.phase === 'overdue'),
          warn: all.filter((r) => r.phase === 'warning'),
          pickups: listOpenPickups(ledger, actor),
          cancel: cancellationList(ledger, actor, {}, now()),
        };
      }),
    // `version` re-reads the ledger after a write.
    [ledger, actor, calendar, now, version],
  );
  const endActions = useMemo<readonly EndAction[]>(() => ledgerProfile(ledger).endActions, [ledger]);
  const [selected, setSelected] = useState<Record<OverdueTab, number>>({ due: 0, warn: 0, pickups: 0, cancel: 0 });
  const [chosen, setChosen] = useState<{ due: ReadonlySet<string>; cancel: ReadonlySet<string> }>({ due: new Set(), cancel: new Set() });
  const [mode, setMode] = useState<OverdueMode>('list');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  // Recall dialog.
  const [reasonIndex, setReasonIndex] = useState(0);
  const [note, setNote] = useState('');
  // Cancel / seal dialog.
  const [action, setAction] = useState<EndAction>('cancel');
  const [endReason, setEndReason] = useState('');
  const [login, setLogin] = useState('');
  const [pin, setPin] = useState('');
  const [endFocus, setEndFocus] = useState<EndFocus>('reason');
  const [checking, setChecking] = useState(false);
  const [stats, setStats] = useState<RecallStats | null>(null);
  // The question before something is dropped: what it is about, what follows a yes, where a no returns.
  const [leave, setLeave] = useState<{ what: 'selection' | 'form'; run: () => void; back: OverdueMode } | null>(null);
  const operationId = useRef('');
  const endRef = useRef({ reason: '', login: '', pin: '' });
  const noteRef = useRef('');

  const rowsOf = (t: OverdueTab): readonly unknown[] => lists[t];
  const count = rowsOf(tab).length;
  const index = Math.min(selected[tab], Math.max(0, count - 1));
  const chosenDue = lists.due.filter((r) => chosen.due.has(r.cardNo));
  const chosenCancel = lists.cancel.filter((r) => chosen.cancel.has(r.cardNo));
  const selectionSize = chosenDue.length + chosenCancel.length;

  const refresh = () => setVersion((v) => v + 1);
  const setEnd = (k: keyof typeof endRef.current, v: string) => {
    endRef.current = { ...endRef.current, [k]: v };
    if (k === 'reason') setEndReason(v);
    if (k === 'login') setLogin(v);
    if (k === 'pin') setPin(v);
    setDialogError(null);
  };
  const suggestedReason = chosenCancel[0]?.label ?? '';

  const confirmEnd = () => {
    const { reason, login: l, pin: p } = endRef.current;
    const why = reason.trim() || suggestedReason;
    if (!why) return setEndFocus('reason'), setDialogError(O.reasonRequired);
    if (!l.trim()) return setEndFocus('login'), setDialogError(O.approverRequired);
    if (!p) return setEndFocus('pin'), setDialogError(O.pinRequired);
    setChecking(true);
    setDialogError(null);
    // Checking the PIN takes a moment of scrypt: let "正在核对…" reach the screen first.
    setTimeout(() => {
      try {
        const approver = authenticateApprover(ledger, actor, l, p);
        const cardNos = chosenCancel.map((r) => r.cardNo);
        const r = endCards(ledger, actor, approver, { operationId: operationId.current, cardNos, reason: why, action });
        setNotice({ level: 'ok', text: O.ended(action === 'seal' ? O.seal : O.cancel, r.replayed ? cardNos.length : r.ended, approver.name) });
        setChosen((c) => ({ ...c, cancel: new Set() }));
        setMode('list');
        refresh();
      } catch (e) {
        // The PIN is never kept after a failed attempt.
        setDialogError(errorText(e));
        endRef.current = { ...endRef.current, pin: '' };
        setPin('');
        const code = isSbkError(e) ? e.code : '';
        // Not an acceptable approver (the actor, not a supervisor, out of scope): another 工号.
        setEndFocus(code === 'SECOND_OPERATOR_SAME' || code.startsWith('APPROVER_') ? 'login' : code === 'REASON_REQUIRED' ? 'reason' : 'pin');
      } finally {
        setChecking(false);
      }
    }, 0);
  };

  const reason = RECALL_REASONS[reasonIndex] ?? RECALL_REASONS[0]!;

  return {
    lists,
    error: lists.error,
    endActions,
    index,
    mode,
    notice,
    dialogError,
    chosenDue,
    chosenCancel,
    isChosen: (t: 'due' | 'cancel', cardNo: string) => chosen[t].has(cardNo),
    reasons: RECALL_REASONS,
    reasonIndex,
    reason,
    note,
    action,
    endReason,
    suggestedReason,
    login,
    pin,
    endFocus,
    checking,
    stats,
    leaving: leave,
    selectionSize,
    move: (delta: number) => setSelected((s) => ({ ...s, [tab]: Math.max(0, Math.min(count - 1, s[tab] + delta)) })),
    clearNotice: () => setNotice(null),
    /** Space: choose or unchoose the card under the marker. */
    toggle: () => {
      if (tab !== 'due' && tab !== 'cancel') return;
      const row = lists[tab][index];
      if (!row) return;
      setChosen((c) => {
        const next = new Set(c[tab]);
        if (next.has(row.cardNo)) next.delete(row.cardNo);
        else next.add(row.cardNo);
        return { ...c, [tab]: next };
      });
      // On to the next card, as a checklist is ticked.
      setSelected((s) => ({ ...s, [tab]: Math.min(count - 1, s[tab] + 1) }));
    },
    /** A: choose every card shown; when all are chosen already, none. */
    toggleAll: () => {
      if (tab !== 'due' && tab !== 'cancel') return;
      const all = lists[tab].map((r) => r.cardNo);
      setChosen((c) => ({ ...c, [tab]: all.every((n) => c[tab].has(n)) ? new Set() : new Set(all) }));
    },
    /** R: the recall dialog for the chosen cards (or the one under the marker), reason preset from their category. */
    openRecall: () => {
      const rows = chosenDue.length ? chosenDue : lists.due[index] ? [lists.due[index]!] : [];
      if (rows.length === 0) return setNotice({ level: 'error', text: O.nothingChosen });
      if (!chosenDue.length) setChosen((c) => ({ ...c, due: new Set([rows[0]!.cardNo]) }));
      const code = recallReasonForCategory(mainCategory(rows));
      setReasonIndex(Math.max(0, RECALL_REASONS.findIndex((r) => r.code === code)));
      noteRef.current = '';
      setNote('');
      setDialogError(null);
      operationId.current = randomUUID();
      setMode('recall');
    },
    moveReason: (delta: number) => {
      setReasonIndex((i) => Math.max(0, Math.min(RECALL_REASONS.length - 1, i + delta)));
      setDialogError(null);
    },
    setNote: (v: string) => {
      noteRef.current = v;
      setNote(v);
      setDialogError(null);
    },
    confirmRecall: (noteValue?: string) => {
      if (noteValue !== undefined) noteRef.current = noteValue;
      const cardNos = chosenDue.map((r) => r.cardNo);
      try {
        // The note is asked for (and shown) only with 其他; a note typed there and left behind is not kept.
        const note = reason.code === 'other' ? noteRef.current.trim() || null : null;
        const r = recallCards(ledger, actor, { operationId: operationId.current, cardNos, reason: reason.code, note });
        setNotice({ level: 'ok', text: O.recalled(r.replayed ? cardNos.length : r.recalled, reason.label) });
        setChosen((c) => ({ ...c, due: new Set() }));
        setMode('list');
        refresh();
      } catch (e) {
        setDialogError(errorText(e));
      }
    },
    /** C / F: the cancel or seal dialog for the chosen cards (or the one under the marker). */
    openEnd: (a: EndAction) => {
      if (!endActions.includes(a)) return setNotice({ level: 'error', text: O.actionNotInProfile(a === 'seal' ? O.seal : O.cancel) });
      const rows = chosenCancel.length ? chosenCancel : lists.cancel[index] ? [lists.cancel[index]!] : [];
      if (rows.length === 0) return setNotice({ level: 'error', text: O.nothingChosen });
      if (!chosenCancel.length) setChosen((c) => ({ ...c, cancel: new Set([rows[0]!.cardNo]) }));
      endRef.current = { reason: '', login: '', pin: '' };
      setEndReason('');
      setLogin('');
      setPin('');
      setEndFocus('reason');
      setAction(a);
      setDialogError(null);
      operationId.current = randomUUID();
      setMode('end');
    },
    setEndReason: (v: string) => setEnd('reason', v),
    setLogin: (v: string) => setEnd('login', v),
    setPin: (v: string) => setEnd('pin', v),
    nextEndField: (delta: number) => setEndFocus((f) => END_FOCUS[(END_FOCUS.indexOf(f) + delta + END_FOCUS.length) % END_FOCUS.length]!),
    /** Enter in a dialog field: on to the next empty one; with all filled, check the approver and act. */
    endFieldDone: (field: EndFocus, value: string) => {
      setEnd(field, value);
      const filled = { reason: (endRef.current.reason.trim() || suggestedReason) !== '', login: endRef.current.login.trim() !== '', pin: endRef.current.pin !== '' };
      const at = END_FOCUS.indexOf(field);
      const next = [...END_FOCUS.slice(at + 1), ...END_FOCUS.slice(0, at)].find((f) => !filled[f]);
      if (next) return setEndFocus(next);
      confirmEnd();
    },
    openStats: () => {
      try {
        setStats(recallStatistics(ledger, actor));
        setMode('stats');
      } catch (e) {
        setNotice({ level: 'error', text: errorText(e) });
      }
    },
    /** Esc in a dialog: back to the list (the chosen cards stay chosen); asks first when something was typed. */
    closeDialog: () => {
      const typed =
        (mode === 'recall' && noteRef.current.trim() !== '') ||
        (mode === 'end' && (endRef.current.reason.trim() !== '' || endRef.current.login.trim() !== '' || endRef.current.pin !== ''));
      const close = () => {
        setMode('list');
        setDialogError(null);
      };
      if (!typed) return close();
      setLeave({ what: 'form', run: close, back: mode });
      setMode('leave');
    },
    /** Before the screen is left (Esc, or opening a pickup): ask when cards are chosen. */
    guardLeave: (run: () => void) => {
      if (selectionSize === 0) return run();
      setLeave({ what: 'selection', run, back: 'list' });
      setMode('leave');
    },
    confirmLeave: () => {
      const run = leave?.run;
      setLeave(null);
      setMode('list');
      run?.();
    },
    cancelLeave: () => {
      setMode(leave?.back ?? 'list');
      setLeave(null);
    },
  };
}
