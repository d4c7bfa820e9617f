import { useEffect, useMemo } from 'react';
import { randomUUID } from 'node:crypto';
import { operatorsHere, type SiteOperator } from '../../workflows/operators.ts';
import { batchesAwaitingCheckIn, confirmCheckIn, expectedCards, storagePlaces, type CheckInBatch } from '../../workflows/check-in.ts';
import { checkInResult } from '../../domain/check-in-session.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { useServices } from '../console-services.ts';
import { backTarget, checkInReducer, initialCheckInState, type CheckInAction, type CheckInMode, type CheckInState } from '../state/check-in.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

export type { CheckInMode };

type Send = (a: CheckInAction) => void;

function open(ledger: Ledger, actor: Actor, batch: string, send: Send): void {
  try {
    send({ type: 'opened', batch, cards: expectedCards(ledger, actor, batch), operationId: randomUUID() });
  } catch (e) {
    send({ type: 'failed', error: errorText(e) });
  }
}

function confirm(ledger: Ledger, actor: Actor, s: CheckInState, placeName: string | undefined, custodian: SiteOperator | undefined, send: Send): void {
  if (!s.session || !s.batch) return;
  try {
    const input = { operationId: s.operationId, batchCode: s.batch, placeName, result: checkInResult(s.session), ...(custodian ? { custodian: custodian.login } : {}) };
    send({ type: 'confirmed', summary: confirmCheckIn(ledger, actor, input) });
  } catch (e) {
    send({ type: 'confirm-failed', error: errorText(e) });
  }
}

export type CheckInActions = {
  readonly setInput: (value: string) => void;
  readonly movePick: (delta: number) => void;
  readonly pick: () => void;
  readonly nextPlace: () => void;
  readonly nextCustodian: () => void;
  readonly submit: (raw: string) => void;
  readonly damaged: () => void;
  /** Ctrl+Z: the last scan taken back (or the prompt it opened). */
  readonly undo: () => void;
  readonly cancelConfirm: () => void;
  /** Esc inside a prompt returns to scanning; false = leave the screen. */
  readonly back: () => boolean;
  readonly confirm: () => void;
};

export type CheckIn = CheckInState &
  CheckInActions & { readonly latest: () => CheckInState; readonly batches: readonly CheckInBatch[]; readonly place: string; readonly custodian: string };

/**
 * Counting one batch in (src/ui/state/check-in.ts). Nothing is written until the operator
 * confirms. The batches waiting and the storage places are read once per visit; the actions act
 * on the latest state, so they are made once.
 */
export function useCheckIn(actor: Actor, initialBatch: string | null): CheckIn {
  const { ledger } = useServices();
  const batches = useMemo<CheckInBatch[]>(() => batchesAwaitingCheckIn(ledger, actor), [ledger, actor]);
  const places = useMemo(() => storagePlaces(ledger, actor), [ledger, actor]);
  const custodians = useMemo(() => operatorsHere(ledger, actor), [ledger, actor]);
  const { state, dispatch, latest } = useLatestReducer(checkInReducer, initialCheckInState);
  useEffect(() => {
    if (initialBatch) open(ledger, actor, initialBatch, dispatch);
    // Only on arrival from the intake screen.
  }, []);
  const actions = useMemo(
    (): CheckInActions => ({
      setInput: (value) => void dispatch({ type: 'input', value }),
      movePick: (delta) => void dispatch({ type: 'move-pick', delta, count: batches.length }),
      pick: () => {
        const b = batches[latest().picked];
        if (b) open(ledger, actor, b.code, dispatch);
      },
      nextPlace: () => void dispatch({ type: 'next-place', count: places.length }),
      nextCustodian: () => void dispatch({ type: 'next-custodian', count: custodians.length }),
      submit: (raw) => void dispatch({ type: 'submitted', raw }),
      damaged: () => void dispatch({ type: 'damaged' }),
      undo: () => void dispatch({ type: 'undo' }),
      cancelConfirm: () => void dispatch({ type: 'cancel-confirm' }),
      back: () => backTarget(latest()) !== null && (dispatch({ type: 'back' }), true),
      confirm: () => confirm(ledger, actor, latest(), places[latest().placeIndex]?.name, custodians[latest().custodianIndex], dispatch),
    }),
    [ledger, actor, batches, places, custodians, dispatch, latest],
  );
  return { ...state, ...actions, latest, batches, place: places[state.placeIndex]?.name ?? '', custodian: custodians[state.custodianIndex]?.name ?? actor.name };
}
