/**
 * Login and second-operator approval. Failures are written (and may lock the account) before
 * the error is thrown, so a locked account stays locked whether the attempt came from the
 * console or the CLI.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { clearPinFailures, lockOperator, operatorById, operatorByLogin, recordPinFailure, type OperatorRow } from '../../db/operators-repo.ts';
import { siteById, subtreeIds } from '../../db/sites-repo.ts';
import { logAudit } from '../../db/audit-log.ts';
import { readPepper } from '../security/pepper-file.ts';
import { verifyPin } from '../security/pin-hash.ts';
import { SbkError } from '../domain/errors.ts';
import { hasRole, type Actor, type Role } from '../domain/actor.ts';

export { hasRole, type Actor };

/** Hubei and Guangdong rules want real-name operators; 5 wrong PINs lock until a supervisor unlocks. */
export const LOCK_AFTER_FAILURES = 5;


export const ROLE_LABELS: Record<Role, string> = { clerk: '经办员', supervisor: '主管', admin: '管理员' };

export function requireRole(actor: Actor, needed: Role): void {
  if (!hasRole(actor, needed)) {
    throw new SbkError('ROLE_REQUIRED', `此操作需要“${ROLE_LABELS[needed]}”权限，${actor.name}是“${ROLE_LABELS[actor.role]}”。请有权限的同事操作。`, {
      needed,
    });
  }
}

export function toActor(ledger: Ledger, op: OperatorRow): Actor {
  const site = siteById(ledger.db, op.siteId);
  return {
    id: op.id,
    login: op.login,
    name: op.name,
    role: op.role,
    siteId: op.siteId,
    siteCode: site?.code ?? '',
    siteName: site?.name ?? '',
  };
}

export function authenticate(ledger: Ledger, login: string, pin: string): Actor {
  const op = operatorByLogin(ledger.db, login.trim());
  if (!op) {
    throw new SbkError('AUTH_FAILED', '工号或密码不正确。');
  }
  const locked = () =>
    new SbkError('OPERATOR_LOCKED', `账号 ${op.login} 因连续输错密码已被锁定，请主管用“sbk operator unlock”解锁。`, { login: op.login });
  const pepper = readPepper(ledger.path);
  // Each attempt is counted before the PIN is checked, in one IMMEDIATE transaction: guesses
  // made in parallel (several SSH sessions, a script) cannot get past the fifth.
  const attempt = writeTx(ledger, (tx) => {
    const now = operatorById(tx, op.id)!;
    if (now.lockedAt || now.failedAttempts >= LOCK_AFTER_FAILURES) return null;
    return recordPinFailure(tx, op.id, Number.POSITIVE_INFINITY);
  });
  if (attempt === null) throw locked();
  if (!verifyPin(pin, op.pinHash, pepper)) {
    const failures = writeTx(ledger, (tx) => {
      const n = operatorById(tx, op.id)!.failedAttempts;
      logAudit(tx, { type: 'login_failed', subjectOperatorId: op.id, siteId: op.siteId, detail: `第${n}次` });
      if (n >= LOCK_AFTER_FAILURES && !operatorById(tx, op.id)!.lockedAt) {
        lockOperator(tx, op.id);
        logAudit(tx, { type: 'locked', subjectOperatorId: op.id, siteId: op.siteId });
      }
      return n;
    });
    if (failures >= LOCK_AFTER_FAILURES) {
      throw new SbkError('OPERATOR_LOCKED', `密码连续输错 ${LOCK_AFTER_FAILURES} 次，账号 ${op.login} 已锁定，请主管解锁。`, {
        login: op.login,
      });
    }
    throw new SbkError('AUTH_FAILED', `工号或密码不正确。再输错 ${LOCK_AFTER_FAILURES - failures} 次账号将被锁定。`, {
      remaining: LOCK_AFTER_FAILURES - failures,
    });
  }
  const ok = writeTx(ledger, (tx) => {
    // A lock set by parallel failed attempts while this PIN was being checked still holds.
    if (operatorById(tx, op.id)!.lockedAt) return false;
    clearPinFailures(tx, op.id);
    logAudit(tx, { type: 'login', operatorId: op.id, siteId: op.siteId });
    return true;
  });
  if (!ok) throw locked();
  return toActor(ledger, op);
}

/**
 * A second operator confirms a sensitive action: a supervisor (or admin), never the actor.
 */
export function authenticateApprover(ledger: Ledger, actor: Actor, login: string, pin: string): Actor {
  const approver = authenticate(ledger, login, pin);
  checkApprover(ledger, actor, approver);
  return approver;
}

/** The rules for a second operator, also applied by the workflows that take an approver. */
export function checkApprover(ledger: Pick<Ledger, 'db'>, actor: Actor, approver: Actor): void {
  if (approver.id === actor.id) {
    throw new SbkError('SECOND_OPERATOR_SAME', '复核人不能是经办人本人，请换另一名主管复核。');
  }
  if (!hasRole(approver, 'supervisor')) {
    throw new SbkError('APPROVER_NOT_SUPERVISOR', `${approver.name}不是主管，不能复核此操作。`);
  }
  // Only a supervisor answerable for the actor's site (that site or one above it) may approve.
  if (!subtreeIds(ledger.db, approver.siteId).includes(actor.siteId)) {
    throw new SbkError('APPROVER_OUT_OF_SCOPE', `${approver.name}（${approver.siteName}）不管辖${actor.siteName}，请由本网点或上级的主管复核。`);
  }
}
