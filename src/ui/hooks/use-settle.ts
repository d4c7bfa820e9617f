import { useMemo } from 'react';
import { randomUUID } from 'node:crypto';
import type { Ledger } from '../../../db/open-ledger.ts';
import { listOpenPickups, pickupCardList, settlePickup, type OpenPickup } from '../../workflows/agent-pickup.ts';
import { isSbkError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { initialSettleState, marked, settleIndex, settleLeavesOnBack, settleReducer, type Mark, type SettleAction, type SettleState } from '../state/settle.ts';
import { useLatestReducer } from './use-latest-reducer.ts';

export type { Mark, SettleStep } from '../state/settle.ts';
export type SettleCard = ReturnType<typeof pickupCardList>[number];
type PickupData = { pickup: OpenPickup | null; cards: SettleCard[]; error: string | null };

const errorText = (e: unknown): string => (isSbkError(e) ? e.message : zh.errors.internal);

/** The pickup and the cards its agent still holds, or why they cannot be read. */
function readPickup(ledger: Ledger, actor: Actor, ref: string): PickupData {
  try {
    return { pickup: listOpenPickups(ledger, actor).find((p) => p.ref === ref) ?? null, cards: pickupCardList(ledger, actor, ref), error: null };
  } catch (e) {
    return { pickup: null, cards: [], error: errorText(e) };
  }
}

/** Writes the marks as one settlement; the action says what it did or why not. */
function settle(ledger: Ledger, actor: Actor, ref: string, s: SettleState): SettleAction {
  const delivered = marked(s, 'delivered');
  const unitSigned = marked(s, 'unit_signed');
  const returned = marked(s, 'returned');
  try {
    const r = settlePickup(ledger, actor, { operationId: s.operationId, pickupRef: ref, delivered, unitSigned, returned });
    // Both kinds of signature hand the card over (issued); the screen counts them together.
    const handed = r.replayed ? delivered.length + unitSigned.length : r.delivered + r.unitSigned;
    return { type: 'settled', done: { delivered: handed, returned: r.replayed ? returned.length : r.returned, stillHeld: r.stillHeld } };
  } catch (e) {
    return { type: 'failed', error: errorText(e) };
  }
}

/**
 * Settling a collective pickup (GD Art. 15): for each card the unit's agent still holds, the
 * operator marks whether the unit handed it to its holder (已转交, then issued) or the agent
 * brought it back (退回, into stock again); cards left unmarked stay with the agent. Nothing is
 * written until the operator confirms; the operation id is chosen when the screen opens.
 */
export function useSettle(actor: Actor, ref: string) {
  const { ledger } = useServices();
  const { state, dispatch, latest } = useLatestReducer(settleReducer, () => initialSettleState(randomUUID()));
  // The list is a query, read again after the settlement is written (`version`).
  const data = useMemo(() => readPickup(ledger, actor, ref), [ledger, actor, ref, state.version]);
  const cards = data.cards;
  const count = cards.length;
  return {
    pickup: data.pickup,
    cards,
    loadError: data.error,
    index: settleIndex(state, count),
    marks: state.marks,
    step: state.step,
    error: state.error,
    done: state.done,
    delivered: marked(state, 'delivered').length + marked(state, 'unit_signed').length,
    returned: marked(state, 'returned').length,
    move: (delta: number) => dispatch({ type: 'move', delta, count }),
    /** D / U / R: mark the card under the marker (again: unmark), then on to the next card. */
    mark: (mark: Mark) => {
      const c = cards[settleIndex(latest(), count)];
      if (c) dispatch({ type: 'mark', mark, cardNo: c.cardNo, count });
    },
    toConfirm: () => dispatch({ type: 'ask-confirm' }),
    confirm: () => dispatch(settle(ledger, actor, ref, latest())),
    cancelConfirm: () => dispatch({ type: 'cancel-confirm' }),
    dropMarks: () => dispatch({ type: 'drop-marks' }),
    /** Esc: false = leave the screen. */
    back: (): boolean => {
      if (settleLeavesOnBack(latest())) return false;
      dispatch({ type: 'back' });
      return true;
    },
  };
}
