import { describe, expect, it } from 'vitest';
import { initialLoginState, loginReducer, type LoginAction, type LoginState } from '../../../src/ui/state/login.ts';

const run = (actions: LoginAction[], from: LoginState = initialLoginState()): LoginState => actions.reduce(loginReducer, from);

describe('login state', () => {
  it('Enter on 工号 moves to 密码; an empty 工号 is refused', () => {
    expect(run([{ type: 'login-done', value: '' }])).toMatchObject({ focus: 0, error: '请输入工号和密码。' });
    expect(run([{ type: 'login', value: 'sunli' }, { type: 'login-done', value: 'sunli' }])).toMatchObject({ focus: 1, error: null, login: 'sunli' });
  });

  it('Enter on 密码 starts the check once, with both filled in', () => {
    expect(run([{ type: 'pin-done', value: '680135' }])).toMatchObject({ busy: false, error: '请输入工号和密码。' });
    const busy = run([{ type: 'login-done', value: 'sunli' }, { type: 'pin', value: '680135' }, { type: 'pin-done', value: '680135' }]);
    expect(busy).toMatchObject({ busy: true, login: 'sunli', pin: '680135' });
    expect(loginReducer(busy, { type: 'pin-done', value: '680135' })).toBe(busy);
  });

  it('a refused PIN is cleared with the reason; typing clears the reason', () => {
    const busy = run([{ type: 'login-done', value: 'sunli' }, { type: 'pin-done', value: '1' }]);
    const failed = loginReducer(busy, { type: 'failed', error: '工号或密码不正确' });
    expect(failed).toMatchObject({ busy: false, pin: '', error: '工号或密码不正确', focus: 1 });
    expect(loginReducer(failed, { type: 'pin', value: '6' }).error).toBeNull();
  });

  it('Tab goes between the two fields', () => {
    expect(run([{ type: 'next-field' }]).focus).toBe(1);
    expect(run([{ type: 'next-field' }, { type: 'next-field' }]).focus).toBe(0);
  });
});
