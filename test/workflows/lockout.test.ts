import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { authenticate, authenticateApprover } from '../../src/workflows/authenticate.ts';
import { addOperator, unlock } from '../../src/workflows/operators.ts';
import { recoverOperator } from '../../src/workflows/recover-operator.ts';
import { ADMIN, freshLedger, tempDir } from '../helpers/temp-ledger.ts';
import { runCli } from '../helpers/run-cli.ts';
import type { Ledger } from '../../db/open-ledger.ts';

// Wrong PINs pause; small here so the tests stay quick.
const before = process.env.SBK_AUTH_DELAY_MS;
beforeAll(() => void (process.env.SBK_AUTH_DELAY_MS = '5'));
afterAll(() => void (before === undefined ? delete process.env.SBK_AUTH_DELAY_MS : (process.env.SBK_AUTH_DELAY_MS = before)));

function withStaff() {
  const f = freshLedger();
  const admin = authenticate(f.ledger, ADMIN.login, ADMIN.pin);
  addOperator(f.ledger, admin, { login: 'lijuan', name: '李娟', role: 'supervisor', siteCode: '420100', pin: '246801' });
  addOperator(f.ledger, admin, { login: 'zhangwei', name: '张伟', role: 'clerk', siteCode: '420102-01', pin: '357902' });
  addOperator(f.ledger, admin, { login: 'jiangan_sup', name: '江岸主管', role: 'supervisor', siteCode: '420102-01', pin: '482915' });
  return { ...f, admin };
}

const lockedAt = (ledger: Ledger, login: string) =>
  (ledger.sqlite.prepare('SELECT locked_at AS l, failed_attempts AS n FROM operators WHERE login = ?').get(login) as { l: string | null; n: number });

describe('wrong approver PINs lock the requester, never the approver', () => {
  it('five wrong approver PINs by a clerk leave the supervisor and the admin unlocked and lock the clerk', () => {
    const { ledger } = withStaff();
    const clerk = authenticate(ledger, 'zhangwei', '357902');
    for (let i = 1; i <= 4; i++) expect(() => authenticateApprover(ledger, clerk, 'lijuan', '000001')).toThrow(expect.objectContaining({ code: 'AUTH_FAILED' }));
    expect(() => authenticateApprover(ledger, clerk, 'admin', '000001')).toThrow(expect.objectContaining({ code: 'OPERATOR_LOCKED', key: 'OPERATOR_LOCKED.approvals' }));
    expect(lockedAt(ledger, 'lijuan')).toEqual({ l: null, n: 0 });
    expect(lockedAt(ledger, 'admin')).toEqual({ l: null, n: 0 });
    expect(lockedAt(ledger, 'zhangwei').l).not.toBeNull();
    // The supervisor and the admin still log in; the clerk is out, even with the right PINs.
    expect(authenticate(ledger, 'lijuan', '246801').role).toBe('supervisor');
    expect(authenticate(ledger, 'admin', ADMIN.pin).role).toBe('admin');
    expect(() => authenticateApprover(ledger, clerk, 'lijuan', '246801')).toThrow(expect.objectContaining({ code: 'OPERATOR_LOCKED' }));
    expect(() => authenticate(ledger, 'zhangwei', '357902')).toThrow(expect.objectContaining({ code: 'OPERATOR_LOCKED' }));
    const events = ledger.sqlite.prepare("SELECT type, operator_id AS op, subject_operator_id AS subj FROM audit_events WHERE type IN ('approval_failed', 'locked')").all();
    expect(events.filter((e) => (e as { type: string }).type === 'approval_failed')).toHaveLength(5);
    expect(events.filter((e) => (e as { type: string }).type === 'locked')).toEqual([{ type: 'locked', op: null, subj: clerk.id }]);
  });

  it('a right approver PIN takes its attempt back; an unlock starts the count again', () => {
    const { ledger, admin } = withStaff();
    const clerk = authenticate(ledger, 'zhangwei', '357902');
    for (let i = 0; i < 4; i++) expect(() => authenticateApprover(ledger, clerk, 'lijuan', '000001')).toThrow();
    expect(authenticateApprover(ledger, clerk, 'lijuan', '246801').login).toBe('lijuan');
    expect(() => authenticateApprover(ledger, clerk, 'lijuan', '000001')).toThrow(expect.objectContaining({ code: 'OPERATOR_LOCKED' }));
    unlock(ledger, admin, 'zhangwei');
    for (let i = 0; i < 4; i++) expect(() => authenticateApprover(ledger, clerk, 'lijuan', '000001')).toThrow(expect.objectContaining({ code: 'AUTH_FAILED' }));
  });

  it('an unknown approver login gets the same answer as a wrong PIN and counts the same', () => {
    const { ledger } = withStaff();
    const clerk = authenticate(ledger, 'zhangwei', '357902');
    const msg = (login: string) => {
      try {
        authenticateApprover(ledger, clerk, login, '000001');
      } catch (e) {
        return `${(e as { code: string }).code} ${(e as Error).message}`;
      }
      return 'passed';
    };
    expect(msg('nobody')).toBe(msg('lijuan'));
  });

  it('the pause after a wrong PIN grows with the requester\'s failures', () => {
    const { ledger } = withStaff();
    const clerk = authenticate(ledger, 'zhangwei', '357902');
    process.env.SBK_AUTH_DELAY_MS = '40';
    try {
      const took = () => {
        const t0 = performance.now();
        expect(() => authenticateApprover(ledger, clerk, 'lijuan', '000001')).toThrow();
        return performance.now() - t0;
      };
      expect(took()).toBeGreaterThanOrEqual(39);
      took();
      expect(took()).toBeGreaterThanOrEqual(119);
    } finally {
      process.env.SBK_AUTH_DELAY_MS = '5';
    }
  });
});

describe('who unlocks whom', () => {
  it('an admin above unlocks a locked supervisor; a district supervisor cannot', () => {
    const { ledger, admin } = withStaff();
    for (let i = 0; i < 5; i++) expect(() => authenticate(ledger, 'lijuan', '000001')).toThrow();
    expect(lockedAt(ledger, 'lijuan').l).not.toBeNull();
    const district = authenticate(ledger, 'jiangan_sup', '482915');
    expect(() => unlock(ledger, district, 'lijuan')).toThrow(expect.objectContaining({ code: 'OPERATOR_OUT_OF_SCOPE' }));
    expect(lockedAt(ledger, 'lijuan').l).not.toBeNull();
    unlock(ledger, admin, 'lijuan');
    expect(authenticate(ledger, 'lijuan', '246801').login).toBe('lijuan');
  });
});

describe('operator recover: the ledger file owner resets a locked admin', () => {
  it('works for the file owner, is logged, and is refused when someone else owns the file', () => {
    const { ledger } = withStaff();
    for (let i = 0; i < 5; i++) expect(() => authenticate(ledger, 'admin', '000001')).toThrow();
    const someoneElse = { ownerOf: () => 4242, uid: 1000 };
    expect(() => recoverOperator(ledger, 'admin', '771355', someoneElse)).toThrow(expect.objectContaining({ code: 'RECOVER_NOT_OWNER' }));
    expect(lockedAt(ledger, 'admin').l).not.toBeNull();
    const owner = { ownerOf: () => 1000, uid: 1000 };
    expect(() => recoverOperator(ledger, 'lijuan', '771355', owner)).toThrow(expect.objectContaining({ code: 'RECOVER_ADMIN_ONLY' }));
    recoverOperator(ledger, 'admin', '771355', owner);
    expect(authenticate(ledger, 'admin', '771355').role).toBe('admin');
    const ev = ledger.sqlite.prepare("SELECT detail FROM audit_events WHERE type = 'recovered'").all();
    expect(ev).toEqual([{ detail: 'uid=1000' }]);
  });
});

describe('through the real CLI', () => {
  it('unknown and known logins give byte-identical errors; recover works for the file owner', () => {
    const db = join(tempDir(), 'lock.db');
    const env = { SBK_AUTH_DELAY_MS: '5' };
    expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { ...env, SBK_PIN: '135790' }).code).toBe(0);
    for (const json of [[], ['--json']]) {
      const known = runCli(['stock', '--db', db, ...json], { ...env, SBK_OPERATOR: 'boss', SBK_PIN: '975310' });
      const unknown = runCli(['stock', '--db', db, ...json], { ...env, SBK_OPERATOR: 'nosuch', SBK_PIN: '975310' });
      expect(known.code).toBe(1);
      expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([known.code, known.stdout, known.stderr]);
    }
    for (let i = 0; i < 3; i++) runCli(['stock', '--db', db], { ...env, SBK_OPERATOR: 'boss', SBK_PIN: '975310' });
    expect(runCli(['stock', '--db', db, '--json'], { ...env, SBK_OPERATOR: 'boss', SBK_PIN: '135790' }).json().error.code).toBe('OPERATOR_LOCKED');
    const r = runCli(['operator', 'recover', 'boss', '--db', db, '--json'], { ...env, SBK_NEW_PIN: '771355' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.json()).toEqual({ recovered: 'boss' });
    expect(runCli(['stock', '--db', db, '--json'], { ...env, SBK_OPERATOR: 'boss', SBK_PIN: '771355' }).code).toBe(0);
  });

  it('the issue: five `sbk cancel --approver lijuan` with wrong PINs lock the clerk, not the supervisor or the admin', () => {
    const db = join(tempDir(), 'cancel.db');
    const env = { SBK_AUTH_DELAY_MS: '5' };
    const boss = { ...env, SBK_OPERATOR: 'boss', SBK_PIN: '135790' };
    expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], boss).code).toBe(0);
    const add = (id: string, role: string, site: string, pin: string) =>
      expect(runCli(['operator', 'add', '--db', db, '--id', id, '--name', '某某', '--role', role, '--site', site], { ...boss, SBK_NEW_PIN: pin }).code).toBe(0);
    add('lijuan', 'supervisor', '420100', '246801');
    add('zhangwei', 'clerk', '420102-01', '357902');
    const clerk = { ...env, SBK_OPERATOR: 'zhangwei', SBK_PIN: '357902', SBK_APPROVER_PIN: '000001' };
    const codes = ['lijuan', 'lijuan', 'lijuan', 'boss', 'boss'].map(
      (approver) => runCli(['cancel', 'A10000017', '--reason', '测试', '--approver', approver, '--db', db, '--json'], clerk).json().error.code,
    );
    expect(codes).toEqual(['AUTH_FAILED', 'AUTH_FAILED', 'AUTH_FAILED', 'AUTH_FAILED', 'OPERATOR_LOCKED']);
    expect(runCli(['stock', '--db', db, '--json'], { ...env, SBK_OPERATOR: 'lijuan', SBK_PIN: '246801' }).code).toBe(0);
    const list = runCli(['operator', 'list', '--db', db, '--json'], boss);
    expect(list.json().map((o: { login: string; locked: boolean }) => [o.login, o.locked])).toEqual([['boss', false], ['lijuan', false], ['zhangwei', true]]);
  });
});
