import { useMemo, useRef, useState } from 'react';
import { authenticate } from '../../workflows/authenticate.ts';
import { type Actor } from '../../domain/actor.ts';
import { demoAccounts, type DemoAccount } from '../../workflows/demo-accounts.ts';
import { isSbkError } from '../../domain/errors.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';

export type LoginForm = {
  login: string;
  pin: string;
  focus: 0 | 1;
  error: string | null;
  busy: boolean;
  demo: DemoAccount[];
  setLogin: (v: string) => void;
  setPin: (v: string) => void;
  nextField: () => void;
  submitLogin: (value: string) => void;
  submitPin: (value: string) => void;
};

export function useLoginForm(onLoggedIn: (actor: Actor) => void): LoginForm {
  const { ledger } = useServices();
  const [login, setLogin] = useState('');
  const [pin, setPin] = useState('');
  const [focus, setFocus] = useState<0 | 1>(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const demo = useMemo(() => demoAccounts(ledger), [ledger]);

  // Values come from the fields' onSubmit, not from state: a scanner or a pasted line delivers
  // the text and Enter in one read, before React has re-rendered with the new state.
  const loginRef = useRef('');
  const attempt = (pinValue: string) => {
    const login = loginRef.current;
    if (!login.trim() || !pinValue) {
      setError(zh.login.empty);
      return;
    }
    setBusy(true);
    // Checking a PIN takes ~0.15 s of scrypt: let "正在核对…" reach the screen first.
    setTimeout(() => {
      try {
        onLoggedIn(authenticate(ledger, login, pinValue));
      } catch (e) {
        setError(isSbkError(e) ? e.message : zh.errors.internal);
        setPin('');
        setBusy(false);
      }
    }, 0);
  };

  return {
    login,
    pin,
    focus,
    error,
    busy,
    demo,
    setLogin: (v) => {
      loginRef.current = v;
      setLogin(v);
      setError(null);
    },
    setPin: (v) => {
      setPin(v);
      setError(null);
    },
    nextField: () => setFocus((f) => (f === 0 ? 1 : 0)),
    // Enter in the 工号 field moves on (a badge scanner ends with Enter), in 密码 it logs in.
    submitLogin: (value) => {
      loginRef.current = value;
      if (value.trim()) setFocus(1);
      else setError(zh.login.empty);
    },
    submitPin: (value) => attempt(value),
  };
}
