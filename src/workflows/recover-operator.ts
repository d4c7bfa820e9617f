/**
 * `sbk operator recover`: when every admin who could unlock an admin is locked out (or has
 * forgotten the PIN), the service account that owns the ledger file resets the admin's lock
 * and PIN without logging in. Whoever owns the file can already read and write every row of it,
 * so this grants nothing new; it only spares them sqlite3, and it is written to the audit log.
 */
import { statSync } from 'node:fs';
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { operatorByLogin, setOperatorPin, unlockOperator, type OperatorRow } from '../../db/operators-repo.ts';
import { logAudit } from '../../db/audit-log.ts';
import { checkPinFormat, hashPin } from '../security/pin-hash.ts';
import { readPepper } from '../security/pepper-file.ts';
import { SbkError } from '../domain/errors.ts';

export type OwnerCheck = {
  /** The uid owning a file (default: fs.statSync). Tests, running as one user, pass their own. */
  readonly ownerOf?: (path: string) => number;
  /** This process's uid (default: process.getuid()). */
  readonly uid?: number;
};

/** Refuses unless this process runs as the ledger file's owner (the service account). */
export function requireLedgerOwner(ledger: Ledger, check: OwnerCheck = {}): number {
  const uid = check.uid ?? process.getuid?.();
  const owner = (check.ownerOf ?? ((p: string) => statSync(p).uid))(ledger.path);
  if (uid === undefined || owner !== uid) throw new SbkError('RECOVER_NOT_OWNER', { path: ledger.path });
  return uid;
}

/** The admin account `login` names (only admins are recovered: an admin unlocks everyone else). */
export function recoverableAdmin(ledger: Ledger, login: string): OperatorRow {
  const target = operatorByLogin(ledger.db, login.trim());
  if (!target) throw new SbkError('OPERATOR_NOT_FOUND', { login });
  if (target.role !== 'admin') throw new SbkError('RECOVER_ADMIN_ONLY', { login: target.login });
  return target;
}

/** Unlocks the admin and gives them `newPin`; logged as `recovered` with the file owner's uid. */
export function recoverOperator(ledger: Ledger, login: string, newPin: string, check: OwnerCheck = {}): void {
  const uid = requireLedgerOwner(ledger, check);
  const target = recoverableAdmin(ledger, login);
  checkPinFormat(newPin);
  const pinHash = hashPin(newPin, readPepper(ledger.path));
  writeTx(ledger, (tx) => {
    unlockOperator(tx, target.id);
    setOperatorPin(tx, target.id, pinHash);
    logAudit(tx, { type: 'recovered', subjectOperatorId: target.id, siteId: target.siteId, detail: `uid=${uid}` });
  });
}
