import { useMemo } from 'react';
import { authenticate } from '../../workflows/authenticate.ts';
import { type Actor } from '../../domain/actor.ts';
import { demoAccounts, type DemoAccount } from '../../workflows/demo-accounts.ts';
import { useServices } from '../console-services.ts';
import { initialLoginState, loginReducer, type LoginState } from '../state/login.ts';
import { useLatestReducer } from './use-latest-reducer.ts';
import { errorText } from '../state/error-text.ts';

export type LoginActions = {
  readonly setLogin: (v: string) => void;
  readonly setPin: (v: string) => void;
  readonly nextField: () => void;
  readonly submitLogin: (value: string) => void;
  readonly submitPin: (value: string) => void;
};

export type LoginForm = LoginState & LoginActions & { readonly latest: () => LoginState; readonly demo: readonly DemoAccount[] };

/**
 * The login form (src/ui/state/login.ts). Values come from the fields' onSubmit and the reducer's
 * latest state, not from the last render: a scanner or a pasted line delivers the text and Enter
 * in one read, before React has re-rendered.
 */
export function useLoginForm(onLoggedIn: (actor: Actor) => void): LoginForm {
  const { ledger } = useServices();
  const demo = useMemo(() => demoAccounts(ledger), [ledger]);
  const { state, dispatch, latest } = useLatestReducer(loginReducer, initialLoginState);
  const actions = useMemo(
    (): LoginActions => ({
      setLogin: (value) => void dispatch({ type: 'login', value }),
      setPin: (value) => void dispatch({ type: 'pin', value }),
      nextField: () => void dispatch({ type: 'next-field' }),
      submitLogin: (value) => void dispatch({ type: 'login-done', value }),
      submitPin: (value) => {
        const was = latest().busy;
        dispatch({ type: 'pin-done', value });
        const s = latest();
        if (was || !s.busy) return;
        // Checking a PIN takes ~0.15 s of scrypt: let "正在核对…" reach the screen first.
        setTimeout(() => {
          try {
            onLoggedIn(authenticate(ledger, s.login, value));
          } catch (e) {
            dispatch({ type: 'failed', error: errorText(e) });
          }
        }, 0);
      },
    }),
    [ledger, onLoggedIn, dispatch, latest],
  );
  return { ...state, ...actions, latest, demo };
}
