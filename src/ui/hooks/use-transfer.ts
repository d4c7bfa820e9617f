import { useEffect } from 'react';
import { randomUUID } from 'node:crypto';
import type { Ledger } from '../../../db/open-ledger.ts';
import { transferChoices, transferWithSheet } from '../../workflows/transfer-desk.ts';
import { transferSelection } from '../../workflows/transfer.ts';
import type { Actor } from '../../domain/actor.ts';
import { useServices } from '../console-services.ts';
import { errorText } from '../state/error-text.ts';
import { readItem, receiver, scanRefusal, submitRefusal, transferInput, transferReducer, initialTransferState, type TransferAction, type TransferState } from '../state/transfer.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { zh } from '../../i18n/zh-CN.ts';

const T = zh.transfer;

/**
 * Ctrl+S (or Enter on the receiver's PIN): the transfer in one operation and its 库内移交单 saved
 * (transfer-desk.ts); a refusal, a wrong PIN above all, writes nothing and says why.
 */
function submit(ledger: Ledger, actor: Actor, s: TransferState): TransferAction | null {
  if (s.step !== 'form') return null;
  const refusal = submitRefusal(s);
  if (refusal) return { type: 'message', message: refusal };
  const taker = s.mode === 'handOver' ? receiver(s) : null;
  try {
    const r = transferWithSheet(ledger, actor, transferInput(s, randomUUID()), taker ? { login: taker.login, pin: s.pin } : null);
    return { type: 'done', done: { mode: r.mode, cards: r.cards, ref: r.ref, giver: r.giver, receiver: r.receiver, toPlace: r.toPlace, sheetPath: r.sheetPath } };
  } catch (e) {
    const text = taker ? T.receiverRefused(taker.name, errorText(e)) : T.refused(errorText(e));
    return { type: 'failed', message: { level: 'error', text } };
  }
}

/** A scan checked against the ledger at once (transferSelection): added with its card count, or refused and why. */
function scan(ledger: Ledger, actor: Actor, s: TransferState, raw: string): TransferAction {
  const item = readItem(raw);
  if (s.mode !== 'places' || !item || scanRefusal(s, raw)) return { type: 'scanned', raw };
  try {
    const one = item.kind === 'box' ? { boxes: [item.value] } : { cards: [item.value] };
    return { type: 'scanned', raw, cards: transferSelection(ledger.db, actor, { operationId: '', ...one }) };
  } catch (e) {
    return { type: 'scan-refused', text: errorText(e) };
  }
}

/** 库内移交 (src/ui/state/transfer.ts): the page's state wired to the ledger. */
export function useTransfer(actor: Actor) {
  const { ledger } = useServices();
  const { state, dispatch, latest } = useLatestReducer(transferReducer, initialTransferState);
  useEffect(() => {
    dispatch({ type: 'loaded', choices: transferChoices(ledger, actor) });
  }, []);
  return {
    ...state,
    latest,
    setInput: (value: string) => dispatch({ type: 'input', value }),
    setPin: (value: string) => dispatch({ type: 'pin', value }),
    /** Enter in the scan field, or a scan while a choice row has focus. */
    scan: (raw: string) => dispatch(scan(ledger, actor, latest(), raw)),
    undo: () => dispatch({ type: 'undo' }),
    moveFocus: (delta: number) => dispatch({ type: 'focus', delta }),
    pick: (delta: number) => dispatch({ type: 'pick', delta }),
    submit: () => {
      const a = submit(ledger, actor, latest());
      if (a) dispatch(a);
    },
    askLeave: () => dispatch({ type: 'ask-leave' }),
    cancelLeave: () => dispatch({ type: 'cancel-leave' }),
    again: () => dispatch({ type: 'again', choices: transferChoices(ledger, actor) }),
  };
}
