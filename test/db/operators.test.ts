import { describe, expect, it } from 'vitest';
import { authenticate, authenticateApprover } from '../../src/workflows/authenticate.ts';
import { addOperator, changePin, operatorList, unlock } from '../../src/workflows/operators.ts';
import { ADMIN, freshLedger } from '../helpers/temp-ledger.ts';

function withStaff() {
  const f = freshLedger();
  const admin = authenticate(f.ledger, ADMIN.login, ADMIN.pin);
  addOperator(f.ledger, admin, { login: 'lijuan', name: '李娟', role: 'supervisor', siteCode: '420100', pin: '246801' });
  addOperator(f.ledger, admin, { login: 'zhangwei', name: '张伟', role: 'clerk', siteCode: '420102-01', pin: '357902' });
  return { ...f, admin };
}

describe('operators', () => {
  it('stores no PIN in clear and logs in with the right one', () => {
    const { ledger } = withStaff();
    const dump = JSON.stringify(ledger.sqlite.prepare('SELECT * FROM operators').all());
    expect(dump).not.toContain('357902');
    expect(dump).toContain('scrypt$');
    expect(authenticate(ledger, 'zhangwei', '357902')).toMatchObject({ name: '张伟', role: 'clerk', siteCode: '420102-01' });
  });

  it('locks after 5 wrong PINs, even the right PIN is then refused, until a supervisor unlocks', () => {
    const { ledger, admin } = withStaff();
    // No count of tries left in the answer: a login that does not exist would show none.
    for (let i = 1; i <= 4; i++) expect(() => authenticate(ledger, 'zhangwei', '000001')).toThrow(/工号或密码不正确/);
    expect(() => authenticate(ledger, 'zhangwei', '000001')).toThrow(/已锁定/);
    expect(() => authenticate(ledger, 'zhangwei', '357902')).toThrow(/已被锁定/);
    const clerk2 = authenticate(ledger, 'lijuan', '246801');
    unlock(ledger, clerk2, 'zhangwei');
    expect(authenticate(ledger, 'zhangwei', '357902').name).toBe('张伟');
    const events = ledger.sqlite.prepare('SELECT type FROM audit_events ORDER BY id').all() as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['login_failed', 'locked', 'unlocked']));
    expect(admin.role).toBe('admin');
  });

  it('a good login resets the failure count', () => {
    const { ledger } = withStaff();
    for (let i = 0; i < 4; i++) expect(() => authenticate(ledger, 'zhangwei', '000001')).toThrow();
    authenticate(ledger, 'zhangwei', '357902');
    for (let i = 0; i < 4; i++) expect(() => authenticate(ledger, 'zhangwei', '000001')).toThrow(/工号或密码不正确/);
    expect(authenticate(ledger, 'zhangwei', '357902').name).toBe('张伟');
  });

  it('checks roles: a clerk cannot add operators, list them or unlock', () => {
    const { ledger } = withStaff();
    const clerk = authenticate(ledger, 'zhangwei', '357902');
    expect(() => addOperator(ledger, clerk, { login: 'x1', name: '某某', role: 'clerk', siteCode: '420100', pin: '135799' })).toThrow(/ROLE_REQUIRED|权限/);
    expect(() => operatorList(ledger, clerk)).toThrow(/权限/);
    expect(() => unlock(ledger, clerk, 'lijuan')).toThrow(/权限/);
  });

  it('refuses duplicate logins, weak PINs and sites outside the ledger', () => {
    const { ledger, admin } = withStaff();
    expect(() => addOperator(ledger, admin, { login: 'lijuan', name: '李娟', role: 'clerk', siteCode: '420100', pin: '135799' })).toThrow(/已存在/);
    expect(() => addOperator(ledger, admin, { login: 'x2', name: '某某', role: 'clerk', siteCode: '420100', pin: '111111' })).toThrow(/过于简单/);
    expect(() => addOperator(ledger, admin, { login: 'x3', name: '某某', role: 'clerk', siteCode: '420100', pin: '12a' })).toThrow(/6 至 12 位数字/);
    expect(() => addOperator(ledger, admin, { login: 'x4', name: '某某', role: 'clerk', siteCode: '420000', pin: '135799' })).toThrow(/管辖/);
  });

  it('a county admin cannot reset the city admin PIN, nor a county supervisor unlock a city account', () => {
    const { ledger, admin } = withStaff();
    addOperator(ledger, admin, { login: 'jiangan_admin', name: '江岸管理员', role: 'admin', siteCode: '420102-01', pin: '482913' });
    addOperator(ledger, admin, { login: 'jiangan_sup', name: '江岸主管', role: 'supervisor', siteCode: '420102-01', pin: '482915' });
    const county = authenticate(ledger, 'jiangan_admin', '482913');
    expect(() => changePin(ledger, county, { login: 'admin', newPin: '771355' })).toThrow(/OPERATOR_OUT_OF_SCOPE|不在您管理的范围/);
    for (let i = 0; i < 5; i++) expect(() => authenticate(ledger, 'lijuan', '000001')).toThrow();
    const countySup = authenticate(ledger, 'jiangan_sup', '482915');
    expect(() => unlock(ledger, countySup, 'lijuan')).toThrow(/不在您管理的范围/);
    unlock(ledger, admin, 'lijuan');
    // Within scope and rank it works: the county admin resets the county clerk's PIN.
    changePin(ledger, county, { login: 'zhangwei', newPin: '771355' });
    expect(authenticate(ledger, 'zhangwei', '771355').name).toBe('张伟');
  });

  it('a second operator must be another supervisor', () => {
    const { ledger } = withStaff();
    const clerk = authenticate(ledger, 'zhangwei', '357902');
    const sup = authenticate(ledger, 'lijuan', '246801');
    expect(() => authenticateApprover(ledger, sup, 'lijuan', '246801')).toThrow(/SECOND_OPERATOR_SAME|不能是经办人本人/);
    expect(() => authenticateApprover(ledger, sup, 'zhangwei', '357902')).toThrow(/不是主管/);
    expect(authenticateApprover(ledger, clerk, 'lijuan', '246801').name).toBe('李娟');
  });

  it('changes a PIN only with the old one; an admin may reset another', () => {
    const { ledger, admin } = withStaff();
    const clerk = authenticate(ledger, 'zhangwei', '357902');
    expect(() => changePin(ledger, clerk, { oldPin: '999990', newPin: '482913' })).toThrow(/原密码不正确/);
    changePin(ledger, clerk, { oldPin: '357902', newPin: '482913' });
    expect(authenticate(ledger, 'zhangwei', '482913').name).toBe('张伟');
    expect(() => changePin(ledger, clerk, { login: 'lijuan', newPin: '482914' })).toThrow(/权限/);
    changePin(ledger, admin, { login: 'lijuan', newPin: '482914' });
    expect(authenticate(ledger, 'lijuan', '482914').name).toBe('李娟');
  });
});
