import { useMemo } from 'react';
import { randomUUID } from 'node:crypto';
import { signInShipment, startSignIn, type SignInStart } from '../../workflows/shipment-sign-in.ts';
import { storagePlaces } from '../../workflows/check-in.ts';
import { operatorsHere, type SiteOperator } from '../../workflows/operators.ts';
import { checkInResult } from '../../domain/check-in-session.ts';
import type { Ledger } from '../../../db/open-ledger.ts';
import type { Actor } from '../../domain/actor.ts';
import { useServices } from '../console-services.ts';
import { backTarget, initialSignInState, signInReducer, type SignInAction, type SignInState } from '../state/sign-in.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

export type { ResultFocus, SignInMode } from '../state/sign-in.ts';

type Started = { ok: SignInStart; error: null } | { ok: null; error: string };

function start(ledger: Ledger, actor: Actor, number: string): Started {
  try {
    return { ok: startSignIn(ledger, actor, number), error: null };
  } catch (e) {
    return { ok: null, error: errorText(e) };
  }
}

type Sign = { readonly start: SignInStart | null; readonly close: boolean; readonly placeName: string | null };

/** Enter (close: what is missing becomes discrepancies) or P (partial: the rest stays in transit). */
function sign(ledger: Ledger, actor: Actor, s: SignInState, how: Sign, send: (a: SignInAction) => void): void {
  if (s.mode !== 'result' || !how.start) return;
  const result = checkInResult(s.session);
  try {
    const summary = signInShipment(ledger, actor, {
      number: how.start.number,
      operationId: s.operationId,
      received: result.received,
      damaged: result.damaged,
      extras: result.extras,
      close: how.close,
      signer: s.signer,
      custodian: s.custodian,
      placeName: how.placeName,
      countedBlind: s.blindCount,
    });
    send({ type: 'signed', summary });
  } catch (e) {
    send({ type: 'sign-failed', error: errorText(e) });
  }
}

export type SignInActions = {
  readonly setInput: (value: string) => void;
  /** ←→ on the 签收人 or 保管人 row: the next of the site's operators. */
  readonly pickPerson: (delta: number) => void;
  readonly submit: (raw: string) => void;
  readonly damaged: () => void;
  /** Ctrl+Z: the last scan taken back (or the prompt it opened). */
  readonly undo: () => void;
  /** Ctrl+S: the count so far is the blind count (kept from the first submit, whatever follows). */
  readonly submitCount: () => void;
  readonly nextField: (delta: number) => void;
  readonly fieldDone: () => void;
  readonly cyclePlace: (delta: number) => void;
  readonly moveMissing: (delta: number) => void;
  readonly sign: (close: boolean) => void;
  readonly cancelLeave: () => void;
  /** A scan arrived on the result: say how to go on counting (it is not counted). */
  readonly strayScan: () => void;
  /** Esc inside the screen: back to counting; false = leave the screen. */
  readonly back: () => boolean;
};

export type SignIn = SignInState &
  SignInActions & {
    readonly latest: () => SignInState;
    readonly start: SignInStart | null;
    readonly startError: string | null;
    readonly places: readonly { name: string }[];
    readonly place: string;
    /** Who may sign and answer for the cards here: the site's active operators. */
    readonly operators: readonly SiteOperator[];
  };

/**
 * Signing a shipment in by a blind count (src/ui/state/sign-in.ts). The shipment and the storage
 * places are read once per visit; the operation id is chosen when the sign-in starts. The actions
 * act on the latest state, so they are made once: a field's callbacks never change.
 */
export function useSignIn(actor: Actor, number: string): SignIn {
  const { ledger } = useServices();
  const places = useMemo(() => storagePlaces(ledger, actor), [ledger, actor]);
  const started = useMemo(() => start(ledger, actor, number), [ledger, actor, number]);
  const operators = useMemo(() => operatorsHere(ledger, actor), [ledger, actor]);
  const startArg = { expected: started.ok?.expected ?? null, signer: actor.login };
  const { state, dispatch, latest } = useLatestReducer(signInReducer, () => initialSignInState({ ...startArg, operationId: randomUUID() }));
  const actions = useMemo((): SignInActions => {
    const act = (a: SignInAction) => (): void => void dispatch(a);
    return {
      setInput: (value) => void dispatch({ type: 'input', value }),
      pickPerson: (delta) => void dispatch({ type: 'pick-person', delta, logins: operators.map((o) => o.login) }),
      submit: (raw) => void dispatch({ type: 'submitted', raw }),
      damaged: act({ type: 'damaged' }),
      undo: act({ type: 'undo' }),
      submitCount: act({ type: 'submit-count' }),
      nextField: (delta) => void dispatch({ type: 'next-field', delta }),
      fieldDone: act({ type: 'field-done' }),
      cyclePlace: (delta) => void dispatch({ type: 'cycle-place', delta, count: places.length }),
      moveMissing: (delta) => void dispatch({ type: 'move-missing', delta }),
      sign: (close) => sign(ledger, actor, latest(), { start: started.ok, close, placeName: places[latest().placeIndex]?.name ?? null }, dispatch),
      cancelLeave: act({ type: 'cancel-leave' }),
      strayScan: act({ type: 'stray-scan' }),
      back: () => backTarget(latest()) !== null && (dispatch({ type: 'back' }), true),
    };
  }, [ledger, actor, places, operators, started, dispatch, latest]);
  return { ...state, ...actions, latest, start: started.ok, startError: started.error, places, place: places[state.placeIndex]?.name ?? '', operators };
}
