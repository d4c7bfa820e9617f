import { useMemo } from 'react';
import { randomUUID } from 'node:crypto';
import { dirname, relative } from 'node:path';
import type { Ledger } from '../../../db/open-ledger.ts';
import { remakeList, type RemakeRow } from '../../workflows/remake-list.ts';
import { takeBackCard } from '../../workflows/take-back.ts';
import { orderRemakes } from '../../workflows/remake-order.ts';
import { destroyableCard, handOverForDestruction, saveDestructionSheet } from '../../workflows/destruction-handover.ts';
import { authenticateApprover } from '../../workflows/authenticate.ts';
import type { Actor } from '../../domain/actor.ts';
import { isSbkError } from '../../domain/errors.ts';
import { waysBackText } from '../../i18n/workflows/ways-back.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import {
  DESTROY_FIELDS,
  TAKE_BACK_FIELDS,
  destroyMissing,
  initialWaysState,
  stepField,
  takeBackMissing,
  takeBackReason,
  waysReducer,
  type DestroyField,
  type TakeBackField,
  type WaysAction,
  type WaysState,
} from '../state/ways-back.ts';
import { useLatestReducer } from './use-latest-reducer.ts';

export type { DestroyField, TakeBackField, WaysState } from '../state/ways-back.ts';

const W = zh.waysBack;
const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);
const codeOf = (e: unknown): string => (isSbkError(e) ? e.code : '');

type Ctx = { ledger: Ledger; actor: Actor; dispatch: (a: WaysAction) => void; latest: () => WaysState };

/** M on the re-make list: the selected card's re-make recorded as ordered (no reference: the CLI takes one). */
function orderSelected(c: Ctx, row: RemakeRow | undefined): void {
  if (!row) return;
  try {
    const r = orderRemakes(c.ledger, c.actor, { cardNos: [row.cardNo] });
    c.dispatch({ type: 'remake-ordered', text: W.orderedNow(row.cardNo, r.orderedBefore.length > 0) });
  } catch (e) {
    c.dispatch({ type: 'notice', notice: { level: 'error', text: errorText(e) } });
  }
}

/** The re-make list, or why it cannot be read. */
function readRemake(ledger: Ledger, actor: Actor): { rows: RemakeRow[]; error: string | null } {
  try {
    return { rows: remakeList(ledger, actor), error: null };
  } catch (e) {
    return { rows: [], error: errorText(e) };
  }
}

function takeBackNow(c: Ctx): void {
  const s = c.latest();
  const f = s.takeBack;
  const missing = takeBackMissing(f);
  if (missing) return c.dispatch({ type: 'tb-failed', field: missing, text: W.takeBack.required(missing === 'cardNo' ? W.takeBack.cardNo : W.takeBack.from) });
  try {
    const r = takeBackCard(c.ledger, c.actor, { operationId: f.operationId, cardNo: f.cardNo, reason: takeBackReason(s), from: f.from });
    const reason = waysBackText.takeBack.reasons[r.reason];
    const text = r.unknown ? W.takeBack.unknown(r.cardNo, reason, r.from) : W.takeBack.done(r.cardNo, reason, r.from, r.place ?? '-');
    c.dispatch({ type: 'tb-done', text, operationId: randomUUID() });
  } catch (e) {
    c.dispatch({ type: 'tb-failed', field: codeOf(e) === 'COUNTERPART_REQUIRED' ? 'from' : 'cardNo', text: errorText(e) });
  }
}

/** Enter in a take-back field: on to the next empty one; with all filled, take the card back. */
function takeBackDone(c: Ctx, field: TakeBackField): void {
  const f = c.latest().takeBack;
  const next = TAKE_BACK_FIELDS.slice(TAKE_BACK_FIELDS.indexOf(field) + 1).find((k) => k === 'reason' || !f[k].trim());
  if (next && field !== 'from') return c.dispatch({ type: 'tb-focus', field: next });
  takeBackNow(c);
}

/** A scanned number onto the list (checked at once: here, and in a state the hand-over may end). */
function scanCard(c: Ctx, raw: string): void {
  if (!raw.trim()) return c.dispatch({ type: 'd-focus', field: 'count' });
  try {
    const card = destroyableCard(c.ledger, c.actor, raw);
    const known = c.latest().destroy.cards.some((x) => x.cardNo === card.cardNo);
    c.dispatch({ type: 'd-add', card, text: known ? W.destroy.already(card.cardNo) : W.destroy.added(card.cardNo, card.stateLabel) });
  } catch (e) {
    c.dispatch({ type: 'd-set', field: 'scan', value: '' });
    c.dispatch({ type: 'd-failed', field: 'scan', text: errorText(e) });
  }
}

/** Which field an error from the hand-over sends the operator back to. */
function fieldOf(code: string): DestroyField {
  if (code === 'DESTROY_COUNT_MISMATCH') return 'count';
  if (code === 'SECOND_OPERATOR_SAME' || code.startsWith('APPROVER_') || code === 'OPERATOR_NOT_FOUND') return 'login';
  if (code === 'COUNTERPART_REQUIRED') return 'receiver';
  if (code === 'REASON_REQUIRED') return 'reason';
  if (code === 'AUTH_FAILED' || code === 'AUTH_LOCKED') return 'pin';
  return 'scan';
}

function handOverNow(c: Ctx): void {
  const f = c.latest().destroy;
  const missing = destroyMissing(f);
  if (missing) {
    const label = { scan: '', count: W.destroy.count, receiver: W.destroy.receiver, reason: W.destroy.reason, login: W.destroy.login, pin: W.destroy.pin }[missing];
    return c.dispatch({ type: 'd-failed', field: missing, text: missing === 'scan' ? W.destroy.empty : W.destroy.required(label) });
  }
  if (!/^\d+$/.test(f.count.trim())) return c.dispatch({ type: 'd-failed', field: 'count', text: W.destroy.countInvalid });
  try {
    const approver = authenticateApprover(c.ledger, c.actor, f.login.trim(), f.pin);
    const input = { operationId: f.operationId, cardNos: f.cards.map((x) => x.cardNo), counted: Number(f.count.trim()), bankReceiver: f.receiver, reason: f.reason };
    const r = handOverForDestruction(c.ledger, c.actor, approver, input);
    const saved = r.sheet ? saveDestructionSheet(c.ledger, r.sheet) : null;
    // Beside the ledger: exports/销毁移交单-….txt fits the line where the full path would not.
    const path = saved ? relative(dirname(c.ledger.path), saved) : null;
    c.dispatch({ type: 'd-done', text: W.destroy.done(r.ref, r.cards, r.approver, r.bankReceiver), sheetPath: path, operationId: randomUUID() });
  } catch (e) {
    c.dispatch({ type: 'd-failed', field: fieldOf(codeOf(e)), text: errorText(e) });
  }
}

/** Enter in a hand-over field: on to the next empty one; with all filled, hand the cards over. */
function destroyDone(c: Ctx, field: DestroyField, value: string): void {
  if (field === 'scan') return scanCard(c, value);
  c.dispatch({ type: 'd-set', field, value });
  const next = destroyMissing(c.latest().destroy);
  if (next && next !== field) return c.dispatch({ type: 'd-focus', field: next });
  handOverNow(c);
}

/**
 * 退回与销毁 (HB Art. 16, 33; GD Art. 32): the re-make list, taking back an old card at the
 * counter, and the destruction hand-over to the service bank with the approver's 工号 and PIN.
 */
export function useWaysBack(actor: Actor) {
  const { ledger } = useServices();
  const { state, dispatch, latest } = useLatestReducer(waysReducer, () => initialWaysState(randomUUID(), randomUUID()));
  const remake = useMemo(() => readRemake(ledger, actor), [ledger, actor, state.version]);
  const c: Ctx = { ledger, actor, dispatch, latest };
  const count = remake.rows.length;
  return {
    ...state,
    latest,
    remake,
    remakeIndex: Math.min(state.remakeIndex, Math.max(0, count - 1)),
    reason: takeBackReason(state),
    move: (delta: number) => dispatch({ type: 'move-remake', delta, count }),
    orderSelected: () => orderSelected(c, remake.rows[Math.min(latest().remakeIndex, Math.max(0, count - 1))]),
    clearNotice: () => dispatch({ type: 'notice', notice: null }),
    askLeave: () => dispatch({ type: 'ask-leave' }),
    cancelLeave: () => dispatch({ type: 'cancel-leave' }),
    setTakeBack: (field: 'cardNo' | 'from', value: string) => dispatch({ type: 'tb-set', field, value }),
    takeBackField: (delta: number) => dispatch({ type: 'tb-focus', field: stepField(TAKE_BACK_FIELDS, latest().takeBack.focus, delta) }),
    moveReason: (delta: number) => dispatch({ type: 'tb-reason', delta }),
    takeBackDone: (field: TakeBackField, value?: string) => {
      if (value !== undefined && field !== 'reason') dispatch({ type: 'tb-set', field, value });
      takeBackDone(c, field);
    },
    setDestroy: (field: DestroyField, value: string) => dispatch({ type: 'd-set', field, value }),
    destroyField: (delta: number) => dispatch({ type: 'd-focus', field: stepField(DESTROY_FIELDS, latest().destroy.focus, delta) }),
    destroyDone: (field: DestroyField, value: string) => destroyDone(c, field, value),
    undoScan: () => {
      const last = latest().destroy.cards.at(-1);
      dispatch(last ? { type: 'd-undo', text: W.destroy.undone(last.cardNo) } : { type: 'notice', notice: { level: 'error', text: W.destroy.nothingToUndo } });
    },
  };
}
