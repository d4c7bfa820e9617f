import { useMemo } from 'react';
import { randomUUID } from 'node:crypto';
import type { Ledger } from '../../../db/open-ledger.ts';
import { cancellationList, endCards, overdueList, recallCards, recallStatistics, type CancellationRow, type OverdueRow } from '../../workflows/recall.ts';
import { listOpenPickups, type OpenPickup } from '../../workflows/agent-pickup.ts';
import { mailDelivered, mailList, mailReturned, type MailedCard } from '../../workflows/mail-delivery.ts';
import { ledgerProfile } from '../../workflows/issue-card.ts';
import { authenticateApprover } from '../../workflows/authenticate.ts';
import type { WorkingCalendar } from '../../domain/calendar.ts';
import type { Actor } from '../../domain/actor.ts';
import { RECALL_REASONS, recallReasonForCategory } from '../../domain/recall-reasons.ts';
import type { EndAction } from '../../domain/rule-profiles.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { OverdueTab } from './use-navigation.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { endRefusal, indexOn, initialOverdueState, mainCategory, nextEmptyEndField, overdueReducer, reasonOf, type EndFocus, type LeaveTarget, type MailOutcome, type OverdueAction, type OverdueState } from '../state/overdue.ts';
import { useLatestReducer } from './use-latest-reducer.ts';

export type { EndFocus, LeaveTarget, MailOutcome, Notice, OverdueMode } from '../state/overdue.ts';

export type OverdueLists = { due: OverdueRow[]; warn: OverdueRow[]; pickups: OpenPickup[]; cancel: CancellationRow[]; mail: MailedCard[]; error: string | null };
/** What the hook's actions need: the ledger, the lists as read, the state as the last key left it. */
type Ctx = { ledger: Ledger; actor: Actor; tab: OverdueTab; lists: OverdueLists; dispatch: (a: OverdueAction) => void; latest: () => OverdueState };

const O = zh.overdue;
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);
const word = (a: EndAction): string => (a === 'seal' ? O.seal : O.cancel);

/** The four lists, or why they cannot be read. */
function readLists(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, now: Date): OverdueLists {
  try {
    const all = overdueList(ledger, actor, calendar, { includeWarnings: true }, now);
    return {
      due: all.filter((r) => r.phase === 'overdue'),
      warn: all.filter((r) => r.phase === 'warning'),
      pickups: listOpenPickups(ledger, actor),
      cancel: cancellationList(ledger, actor, {}, now),
      mail: mailList(ledger, actor, {}, now),
      error: null,
    };
  } catch (e) {
    return { due: [], warn: [], pickups: [], cancel: [], mail: [], error: errorText(e) };
  }
}

const chosenOf = <T extends { cardNo: string }>(rows: readonly T[], set: ReadonlySet<string>): T[] => rows.filter((r) => set.has(r.cardNo));

/** R: the recall dialog for the chosen cards (or the one under the marker), the reason preset from their category. */
function openRecall(c: Ctx): void {
  const s = c.latest();
  const chosen = chosenOf(c.lists.due, s.chosen.due);
  const under = c.lists.due[indexOn(s, 'due', c.lists.due.length)];
  const rows = chosen.length ? chosen : under ? [under] : [];
  if (rows.length === 0) return c.dispatch({ type: 'notice', notice: { level: 'error', text: O.nothingChosen } });
  const code = recallReasonForCategory(mainCategory(rows));
  const reasonIndex = Math.max(0, RECALL_REASONS.findIndex((r) => r.code === code));
  c.dispatch({ type: 'open-recall', only: chosen.length ? null : rows[0]!.cardNo, reasonIndex, operationId: randomUUID() });
}

function confirmRecall(c: Ctx): void {
  const s = c.latest();
  const cardNos = chosenOf(c.lists.due, s.chosen.due).map((r) => r.cardNo);
  const reason = reasonOf(s);
  try {
    // The note is asked for (and shown) only with 其他; a note typed there and left behind is not kept.
    const note = reason.code === 'other' ? s.note.trim() || null : null;
    const r = recallCards(c.ledger, c.actor, { operationId: s.operationId, cardNos, reason: reason.code, note });
    c.dispatch({ type: 'recalled', text: O.recalled(r.replayed ? cardNos.length : r.recalled, reason.label) });
  } catch (e) {
    c.dispatch({ type: 'dialog-error', text: errorText(e) });
  }
}

/** C / F: the cancel or seal dialog for the chosen cards (or the one under the marker). */
function openEnd(c: Ctx, endActions: readonly EndAction[], action: EndAction): void {
  if (!endActions.includes(action)) return c.dispatch({ type: 'notice', notice: { level: 'error', text: O.actionNotInProfile(word(action)) } });
  const s = c.latest();
  const chosen = chosenOf(c.lists.cancel, s.chosen.cancel);
  const under = c.lists.cancel[indexOn(s, 'cancel', c.lists.cancel.length)];
  if (!chosen.length && !under) return c.dispatch({ type: 'notice', notice: { level: 'error', text: O.nothingChosen } });
  c.dispatch({ type: 'open-end', action, only: chosen.length ? null : under!.cardNo, operationId: randomUUID() });
}

/** The approver's 工号 and PIN checked, then the chosen cards cancelled or sealed. */
function endNow(c: Ctx, suggested: string): void {
  const s = c.latest();
  const cardNos = chosenOf(c.lists.cancel, s.chosen.cancel).map((r) => r.cardNo);
  try {
    const approver = authenticateApprover(c.ledger, c.actor, s.end.login, s.end.pin);
    const r = endCards(c.ledger, c.actor, approver, { operationId: s.operationId, cardNos, reason: s.end.reason.trim() || suggested, action: s.action });
    c.dispatch({ type: 'ended', text: O.ended(word(s.action), r.replayed ? cardNos.length : r.ended, approver.name) });
  } catch (e) {
    const code = isSbkError(e) ? e.code : '';
    // Not an acceptable approver (the actor, not a supervisor, out of scope): another 工号.
    const field: EndFocus = code === 'SECOND_OPERATOR_SAME' || code.startsWith('APPROVER_') ? 'login' : code === 'REASON_REQUIRED' ? 'reason' : 'pin';
    c.dispatch({ type: 'end-failed', field, text: errorText(e) });
  } finally {
    c.dispatch({ type: 'checking', on: false });
  }
}

function confirmEnd(c: Ctx, suggested: string): void {
  const refusal = endRefusal(c.latest(), suggested);
  if (refusal) return c.dispatch({ type: 'end-refused', ...refusal });
  c.dispatch({ type: 'checking', on: true });
  // Checking the PIN takes a moment of scrypt: let "正在核对…" reach the screen first.
  setTimeout(() => endNow(c, suggested), 0);
}

/** D / T on 邮寄中: the dialog for the card under the marker. */
function openMail(c: Ctx, outcome: MailOutcome): void {
  const m = c.lists.mail[indexOn(c.latest(), 'mail', c.lists.mail.length)];
  if (!m) return c.dispatch({ type: 'notice', notice: { level: 'error', text: O.nothingChosen } });
  c.dispatch({ type: 'open-mail', outcome, cardNo: m.cardNo, operationId: randomUUID() });
}

/** Enter in the 邮寄中 dialog: delivered with the SMS code (issued), or returned (in stock, a recall). */
function confirmMail(c: Ctx): void {
  const s = c.latest();
  const { outcome, cardNo, text } = s.mail;
  try {
    if (outcome === 'delivered') mailDelivered(c.ledger, c.actor, { operationId: s.operationId, cardNo, code: text });
    else mailReturned(c.ledger, c.actor, { operationId: s.operationId, cardNo, note: text });
    c.dispatch({ type: 'mail-done', text: O.mailDone[outcome](cardNo) });
  } catch (e) {
    c.dispatch({ type: 'dialog-error', text: errorText(e) });
  }
}

function openStats(c: Ctx): void {
  try {
    c.dispatch({ type: 'stats', stats: recallStatistics(c.ledger, c.actor) });
  } catch (e) {
    c.dispatch({ type: 'notice', notice: { level: 'error', text: errorText(e) } });
  }
}

/** Space on the card under the marker; A for all of them (again: none). */
function toggler(c: Ctx, all: boolean): void {
  const tab = c.tab;
  if (tab !== 'due' && tab !== 'cancel') return;
  const rows: readonly { cardNo: string }[] = c.lists[tab];
  if (all) return c.dispatch({ type: 'toggle-all', tab, cardNos: rows.map((r) => r.cardNo) });
  const row = rows[indexOn(c.latest(), tab, rows.length)];
  if (row) c.dispatch({ type: 'toggle', tab, cardNo: row.cardNo, count: rows.length });
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
  const { state, dispatch, latest } = useLatestReducer(overdueReducer, initialOverdueState);
  // The lists are a query, read again after a write (`version`).
  const lists = useMemo(() => readLists(ledger, actor, calendar, now()), [ledger, actor, calendar, now, state.version]);
  const endActions = useMemo<readonly EndAction[]>(() => ledgerProfile(ledger).endActions, [ledger]);
  const c: Ctx = { ledger, actor, tab, lists, dispatch, latest };
  const chosenDue = chosenOf(lists.due, state.chosen.due);
  const chosenCancel = chosenOf(lists.cancel, state.chosen.cancel);
  const suggestedReason = chosenCancel[0]?.label ?? '';
  const count = (lists[tab] as readonly unknown[]).length;
  return {
    ...state,
    latest,
    lists,
    error: lists.error,
    endActions,
    index: indexOn(state, tab, count),
    chosenDue,
    chosenCancel,
    selectionSize: chosenDue.length + chosenCancel.length,
    isChosen: (t: 'due' | 'cancel', cardNo: string) => state.chosen[t].has(cardNo),
    reasons: RECALL_REASONS,
    reason: reasonOf(state),
    suggestedReason,
    move: (delta: number) => dispatch({ type: 'move', tab, delta, count }),
    clearNotice: () => dispatch({ type: 'notice', notice: null }),
    toggle: () => toggler(c, false),
    toggleAll: () => toggler(c, true),
    openRecall: () => openRecall(c),
    moveReason: (delta: number) => dispatch({ type: 'move-reason', delta }),
    setNote: (value: string) => dispatch({ type: 'set-note', value }),
    /** Enter: the chosen cards recalled (`note`: the 其他 field's text as submitted). */
    confirmRecall: (note?: string) => {
      if (note !== undefined) dispatch({ type: 'set-note', value: note });
      confirmRecall(c);
    },
    openEnd: (a: EndAction) => openEnd(c, endActions, a),
    setEnd: (field: EndFocus, value: string) => dispatch({ type: 'set-end', field, value }),
    nextEndField: (delta: number) => dispatch({ type: 'next-end-field', delta }),
    /** Enter in a dialog field: on to the next empty one; with all filled, check the approver and act. */
    endFieldDone: (field: EndFocus, value: string) => {
      dispatch({ type: 'set-end', field, value });
      const next = nextEmptyEndField(latest(), field, suggestedReason);
      if (next) dispatch({ type: 'end-focus', field: next });
      else confirmEnd(c, suggestedReason);
    },
    openStats: () => openStats(c),
    openMail: (outcome: MailOutcome) => openMail(c, outcome),
    setMailText: (value: string) => dispatch({ type: 'set-mail-text', value }),
    /** Enter in the 邮寄中 dialog (`text`: the field as submitted). */
    confirmMail: (text?: string) => {
      if (text !== undefined) dispatch({ type: 'set-mail-text', value: text });
      confirmMail(c);
    },
    /** Esc in a dialog: back to the list (the chosen cards stay chosen); asks first when something was typed. */
    closeDialog: () => dispatch({ type: 'close-dialog' }),
    /** Before the screen is left (Esc, or opening a pickup): true when it may go now; else it asks first. */
    guardLeave: (target: LeaveTarget): boolean => (chosenDue.length + chosenCancel.length === 0 ? true : (dispatch({ type: 'ask-leave', target }), false)),
    /** Y: where to go now that the chosen cards may be dropped (none after a dialog's question). */
    confirmLeave: (): LeaveTarget | null => {
      const leaving = latest().leaving;
      dispatch({ type: 'confirm-leave' });
      return leaving?.what === 'selection' ? leaving.target : null;
    },
    cancelLeave: () => dispatch({ type: 'cancel-leave' }),
  };
}
