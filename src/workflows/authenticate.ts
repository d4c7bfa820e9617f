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
import { loginText } from '../i18n/workflows/login.ts';

export { hasRole, type Actor };

/** Hubei and Guangdong rules want real-name operators; 5 wrong PINs lock until a supervisor unlocks. */
export const LOCK_AFTER_FAILURES = 5;

export const ROLE_LABELS: Record<Role, string> = loginText.roles;

export function requireRole(actor: Actor, needed: Role): void {
  if (!hasRole(actor, needed)) {
    throw new SbkError('ROLE_REQUIRED', { needed: ROLE_LABELS[needed], actor: actor.name, role: ROLE_LABELS[actor.role] }, { needed });
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
  if (!op) throw new SbkError('AUTH_FAILED.login');
  const locked = () => new SbkError('OPERATOR_LOCKED.locked', { login: op.login });
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
      logAudit(tx, { type: 'login_failed', subjectOperatorId: op.id, siteId: op.siteId, detail: loginText.failedAttempt({ n }) });
      if (n >= LOCK_AFTER_FAILURES && !operatorById(tx, op.id)!.lockedAt) {
        lockOperator(tx, op.id);
        logAudit(tx, { type: 'locked', subjectOperatorId: op.id, siteId: op.siteId });
      }
      return n;
    });
    if (failures >= LOCK_AFTER_FAILURES) {
      throw new SbkError('OPERATOR_LOCKED.justNow', { failures: LOCK_AFTER_FAILURES, login: op.login }, { login: op.login });
    }
    throw new SbkError('AUTH_FAILED.remaining', { remaining: LOCK_AFTER_FAILURES - failures });
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
  if (approver.id === actor.id) throw new SbkError('SECOND_OPERATOR_SAME.approver');
  if (!hasRole(approver, 'supervisor')) throw new SbkError('APPROVER_NOT_SUPERVISOR', { approver: approver.name });
  // Only a supervisor answerable for the actor's site (that site or one above it) may approve.
  if (!subtreeIds(ledger.db, approver.siteId).includes(actor.siteId)) {
    throw new SbkError('APPROVER_OUT_OF_SCOPE', { approver: approver.name, approverSite: approver.siteName, site: actor.siteName });
  }
}
