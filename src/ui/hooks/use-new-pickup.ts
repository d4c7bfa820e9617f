import { idDocTypeForTyped } from '../../domain/id-documents.ts';
import { randomUUID } from 'node:crypto';
import type { Ledger } from '../../../db/open-ledger.ts';
import { pickupCards } from '../../workflows/agent-pickup.ts';
import { pickupEntry } from '../../workflows/issue-desk.ts';
import { savePickupSheet } from '../../workflows/pickup-sheet.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { initialPickupState, pickupCardNos, pickupLeavesOnBack, pickupReducer, type PickupAction, type PickupField, type PickupState } from '../state/pickup.ts';
import { useLatestReducer } from './use-latest-reducer.ts';

export { PICKUP_FIELDS, type PickupField, type PickupStep } from '../state/pickup.ts';

const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

/** A scanned card number or batch code as the cards it adds, or why it adds none. */
function scan(ledger: Ledger, actor: Actor, raw: string): PickupAction {
  try {
    return { type: 'scanned', entry: pickupEntry(ledger, actor, raw) };
  } catch (e) {
    return { type: 'flag', flag: { level: 'error', text: errorText(e) } };
  }
}

/** Records the pickup: every card scanned goes to the agent in one transaction. */
function record(ledger: Ledger, actor: Actor, s: PickupState, now: Date): PickupAction {
  const f = s.fields;
  const cards = pickupCardNos(s);
  try {
    const r = pickupCards(ledger, actor, { operationId: s.operationId, unit: f.unit, agentName: f.agentName, agentIdNumber: f.agentId, agentIdType: idDocTypeForTyped(f.agentId) ?? undefined, authorisationRef: f.authRef, cards, papers: { unitCode: f.unitCode, contactName: f.contact, contactPhone: f.contactPhone, authFrom: f.authFrom, authTo: f.authTo } }, now);
    return { type: 'recorded', done: { ref: r.pickupRef, cards: r.replayed ? cards.length : r.cards } };
  } catch (e) {
    return { type: 'record-failed', error: errorText(e) };
  }
}

/** Saves the pickup's printable list (批量领取清单) for both sides to sign. */
function saveSheet(ledger: Ledger, actor: Actor, s: PickupState): PickupAction {
  if (!s.done) return { type: 'sheet', result: { level: 'error', text: zh.errors.internal } };
  try {
    return { type: 'sheet', result: { level: 'ok', text: zh.pickup.sheetSaved(savePickupSheet(ledger, actor, s.done.ref)) } };
  } catch (e) {
    return { type: 'sheet', result: { level: 'error', text: errorText(e) } };
  }
}

/**
 * A collective pickup (批量领取, GD Art. 15; HB Art. 17): a unit's authorised agent takes its
 * members' cards. The unit, the agent and the authorisation are recorded first, then the cards
 * are scanned (card numbers, or a batch code for all of the batch's cards in stock here) with a
 * running count, counted together with the agent; an empty Enter asks to confirm. Nothing is
 * written before the confirmation; the cards are then held by the agent until settled.
 */
export function useNewPickup(actor: Actor) {
  const { ledger, now } = useServices();
  const { state, dispatch, latest } = useLatestReducer(pickupReducer, () => initialPickupState(randomUUID()));
  return {
    ...state,
    total: pickupCardNos(state).length,
    setInput: (value: string) => dispatch({ type: 'input', value }),
    setField: (field: PickupField, value: string) => dispatch({ type: 'set-field', field, value }),
    moveFocus: (delta: number) => dispatch({ type: 'move-focus', delta }),
    /** Enter in a field: on to the next empty one; with all filled, on to the cards. */
    fieldDone: (field: PickupField, value: string) => dispatch({ type: 'field-done', field, value }),
    submitScan: (raw: string) => {
      dispatch({ type: 'input', value: '' });
      dispatch(raw.trim() ? scan(ledger, actor, raw) : { type: 'scan-empty' });
    },
    undo: () => dispatch({ type: 'undo' }),
    confirm: () => dispatch(record(ledger, actor, latest(), now())),
    cancelConfirm: () => dispatch({ type: 'cancel-confirm' }),
    /** P after the pickup: the list saved under exports/. */
    saveSheet: () => dispatch(saveSheet(ledger, actor, latest())),
    /** Esc: one step back; false = leave the screen. */
    back: (): boolean => {
      if (pickupLeavesOnBack(latest())) return false;
      dispatch({ type: 'back' });
      return true;
    },
  };
}
