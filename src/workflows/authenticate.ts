/**
 * Login and second-operator approval. Failures are written (and may lock the account) before
 * the error is thrown, so a locked account stays locked whether the attempt came from the
 * console or the CLI.
 */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { clearPinFailures, lockOperator, operatorById, operatorByLogin, recordPinFailure, type OperatorRow } from '../../db/operators-repo.ts';
import { siteById, subtreeIds } from '../../db/sites-repo.ts';
import { countAuditEvents, lastAuditAbout, logAudit } from '../../db/audit-log.ts';
import { dbNow } from '../../db/ledger-clock.ts';
import { authDelayMs, pauseAfterFailure } from './auth-delay.ts';
import { readPepper } from '../security/pepper-file.ts';
import { verifyPin } from '../security/pin-hash.ts';
import { SbkError } from '../domain/errors.ts';
import { hasRole, type Actor, type Role } from '../domain/actor.ts';
import { loginText } from '../i18n/workflows/login.ts';

export { hasRole, type Actor };

/**
 * Hubei and Guangdong rules want real-name operators; 5 wrong PINs lock until a supervisor unlocks
 * (5 wrong approver PINs lock the operator who asked for the approval).
 */
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

/**
 * Checked in place of a PIN for a login that does not exist: the same scrypt work, so the time
 * taken does not tell a guesser which logins are real. No PIN matches it.
 */
const NO_SUCH_LOGIN_HASH = 'scrypt$16$8$1$c2JrLW5vLXN1Y2gtbG9naW4=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Wrong approver PINs count against the requester over this window (and since their last unlock). */
export const APPROVAL_WINDOW_MS = 15 * 60 * 1000;

export function authenticate(ledger: Ledger, login: string, pin: string): Actor {
  const op = operatorByLogin(ledger.db, login.trim());
  const pepper = readPepper(ledger.path);
  if (!op) {
    // The same answer, work and pause as a wrong PIN for a real login.
    verifyPin(pin, NO_SUCH_LOGIN_HASH, pepper);
    writeTx(ledger, (tx) => logAudit(tx, { type: 'login_failed', detail: loginText.unknownLogin }));
    pauseAfterFailure(authDelayMs(1));
    throw new SbkError('AUTH_FAILED.login');
  }
  const locked = () => new SbkError('OPERATOR_LOCKED.locked', { login: op.login });
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
    pauseAfterFailure(authDelayMs(1));
    if (failures >= LOCK_AFTER_FAILURES) {
      throw new SbkError('OPERATOR_LOCKED.justNow', { failures: LOCK_AFTER_FAILURES, login: op.login }, { login: op.login });
    }
    // No count of tries left: a login that does not exist would have none to show.
    throw new SbkError('AUTH_FAILED.login');
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
 * Wrong approver PINs the requester has typed lately and not made good: attempts are counted
 * before the PIN is checked (as logins are), a passed check takes one back.
 */
function approvalFailures(tx: LedgerDb, actor: Actor): number {
  const windowStart = new Date(Date.parse(dbNow(tx)) - APPROVAL_WINDOW_MS).toISOString();
  const lastUnlock = lastAuditAbout(tx, { types: ['unlocked', 'recovered'], subjectOperatorId: actor.id });
  const since = lastUnlock && lastUnlock > windowStart ? lastUnlock : windowStart;
  const tried = countAuditEvents(tx, { type: 'approval_attempt', operatorId: actor.id, since });
  const passed = countAuditEvents(tx, { type: 'approval_passed', operatorId: actor.id, since });
  return tried - passed;
}

/**
 * A second operator confirms a sensitive action: a supervisor (or admin), never the actor.
 * A wrong approver PIN counts against the requester, never the approver: a clerk typing wrong
 * PINs for a supervisor locks the clerk (after LOCK_AFTER_FAILURES), not the supervisor, so no
 * clerk can lock the top of the hierarchy out. An unknown approver login gets the same answer
 * and pause as a wrong PIN.
 */
export function authenticateApprover(ledger: Ledger, actor: Actor, login: string, pin: string): Actor {
  const approver = authenticateSecondPerson(ledger, actor, login, pin);
  checkApprover(ledger, actor, approver);
  return approver;
}

/**
 * Another operator's PIN typed for `actor`'s action (an approver, a count's confirmer, the
 * receiver of a hand-over): counted against `actor` as above, never against the one named.
 */
export function authenticateSecondPerson(ledger: Ledger, actor: Actor, login: string, pin: string): Actor {
  const approver = operatorByLogin(ledger.db, login.trim());
  const pepper = readPepper(ledger.path);
  const requesterLocked = () => new SbkError('OPERATOR_LOCKED.locked', { login: actor.login });
  const open = writeTx(ledger, (tx) => {
    if (operatorById(tx, actor.id)?.lockedAt || approvalFailures(tx, actor) >= LOCK_AFTER_FAILURES) return false;
    logAudit(tx, { type: 'approval_attempt', operatorId: actor.id, subjectOperatorId: approver?.id ?? null, siteId: actor.siteId });
    return true;
  });
  if (!open) throw requesterLocked();
  const good = verifyPin(pin, approver?.pinHash ?? NO_SUCH_LOGIN_HASH, pepper);
  if (!approver || !good) {
    const failures = writeTx(ledger, (tx) => {
      logAudit(tx, { type: 'approval_failed', operatorId: actor.id, subjectOperatorId: approver?.id ?? null, siteId: actor.siteId });
      const n = approvalFailures(tx, actor);
      if (n >= LOCK_AFTER_FAILURES && !operatorById(tx, actor.id)!.lockedAt) {
        lockOperator(tx, actor.id);
        logAudit(tx, { type: 'locked', subjectOperatorId: actor.id, siteId: actor.siteId, detail: loginText.lockedByApprovals });
      }
      return n;
    });
    pauseAfterFailure(authDelayMs(failures));
    if (failures >= LOCK_AFTER_FAILURES) {
      throw new SbkError('OPERATOR_LOCKED.approvals', { failures: LOCK_AFTER_FAILURES, login: actor.login }, { login: actor.login });
    }
    throw new SbkError('AUTH_FAILED.approver');
  }
  writeTx(ledger, (tx) => logAudit(tx, { type: 'approval_passed', operatorId: actor.id, subjectOperatorId: approver.id, siteId: actor.siteId }));
  // The right PIN of a locked account: the approver knows it is theirs, nothing leaks.
  if (operatorById(ledger.db, approver.id)?.lockedAt) throw new SbkError('OPERATOR_LOCKED.locked', { login: approver.login });
  return toActor(ledger, approver);
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
