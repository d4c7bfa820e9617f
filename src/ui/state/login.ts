/**
 * The login form's state (操作员登录): 工号 and 密码, which field has focus, the error, and whether
 * the PIN is being checked. Pure: the hook checks the PIN.
 */
import { zh } from '../../i18n/zh-CN.ts';

export type LoginField = 0 | 1;

export type LoginState = {
  readonly login: string;
  readonly pin: string;
  readonly focus: LoginField;
  readonly error: string | null;
  /** While the PIN is checked: the fields take no keys. */
  readonly busy: boolean;
};

export type LoginAction =
  | { type: 'login'; value: string }
  | { type: 'pin'; value: string }
  | { type: 'next-field' }
  | { type: 'login-done'; value: string }
  | { type: 'pin-done'; value: string }
  | { type: 'failed'; error: string };

export function initialLoginState(): LoginState {
  return { login: '', pin: '', focus: 0, error: null, busy: false };
}

export function loginReducer(s: LoginState, a: LoginAction): LoginState {
  switch (a.type) {
    case 'login':
      return { ...s, login: a.value, error: null };
    case 'pin':
      return { ...s, pin: a.value, error: null };
    case 'next-field':
      return { ...s, focus: s.focus === 0 ? 1 : 0 };
    // Enter in the 工号 field moves on (a badge scanner ends with Enter).
    case 'login-done':
      return a.value.trim() ? { ...s, login: a.value, focus: 1 } : { ...s, login: a.value, error: zh.login.empty };
    // Enter in 密码 logs in: the check starts (`busy`) only with both filled in.
    case 'pin-done':
      if (s.busy) return s;
      return !s.login.trim() || !a.value ? { ...s, error: zh.login.empty } : { ...s, busy: true };
    case 'failed':
      return { ...s, error: a.error, pin: '', busy: false };
  }
}
