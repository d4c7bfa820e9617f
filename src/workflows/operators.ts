/** Operator accounts: add, list, unlock, change PIN. Shared by the CLI and the console. */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import {
  insertOperator,
  listOperators,
  operatorByLogin,
  operatorsAtSite,
  setOperatorPin,
  unlockOperator,
  type OperatorListRow,
  type Role,
} from '../../db/operators-repo.ts';
import { requireSite, subtreeIds } from '../../db/sites-repo.ts';
import { logAudit } from '../../db/audit-log.ts';
import { hashPin, checkPinFormat, verifyPin } from '../security/pin-hash.ts';
import { readPepper } from '../security/pepper-file.ts';
import { SbkError } from '../domain/errors.ts';
import { requireRole, type Actor } from './authenticate.ts';

export const ROLES: readonly Role[] = ['clerk', 'supervisor', 'admin'];

const RANK: Record<Role, number> = { clerk: 1, supervisor: 2, admin: 3 };

/**
 * Acting on another operator's account (unlock, PIN reset) is for someone over them: at their
 * site or above it, and of at least their rank. Otherwise a county admin could reset the city
 * admin's PIN and act in their name (real-name attribution, HB Art. 4).
 */
function requireOver(ledger: Ledger, actor: Actor, target: { siteId: number; role: Role; name: string }): void {
  if (!subtreeIds(ledger.db, actor.siteId).includes(target.siteId) || RANK[target.role] > RANK[actor.role]) {
    throw new SbkError('OPERATOR_OUT_OF_SCOPE', { name: target.name });
  }
}

export type NewOperator = { login: string; name: string; role: Role; siteCode: string; pin: string };

export function addOperator(ledger: Ledger, actor: Actor, o: NewOperator): number {
  requireRole(actor, 'admin');
  if (!ROLES.includes(o.role)) throw new SbkError('ROLE_UNKNOWN');
  const login = o.login.trim();
  const name = o.name.trim();
  if (!/^[A-Za-z0-9_.-]{2,32}$/.test(login)) throw new SbkError('LOGIN_FORMAT');
  if (!name) throw new SbkError('NAME_REQUIRED.operator');
  checkPinFormat(o.pin);
  const site = requireSite(ledger.db, o.siteCode);
  if (!site.inScope || !subtreeIds(ledger.db, actor.siteId).includes(site.id)) {
    throw new SbkError('SITE_OUT_OF_SCOPE.custody', { site: o.siteCode });
  }
  if (site.retiredAt) throw new SbkError('SITE_RETIRED', { code: site.code });
  if (operatorByLogin(ledger.db, login)) throw new SbkError('LOGIN_TAKEN', { login });
  const pinHash = hashPin(o.pin, readPepper(ledger.path));
  return writeTx(ledger, (tx) => {
    const id = insertOperator(tx, { login, name, role: o.role, siteId: site.id, pinHash });
    logAudit(tx, { type: 'operator_added', operatorId: actor.id, subjectOperatorId: id, siteId: site.id, detail: o.role });
    return id;
  });
}

export function operatorList(ledger: Ledger, actor: Actor): Omit<OperatorListRow, 'demoPin'>[] {
  requireRole(actor, 'supervisor');
  return listOperators(ledger.db).map(({ demoPin: _demoPin, ...rest }) => rest);
}

export function unlock(ledger: Ledger, actor: Actor, login: string): void {
  requireRole(actor, 'supervisor');
  const target = operatorByLogin(ledger.db, login.trim());
  if (!target) throw new SbkError('OPERATOR_NOT_FOUND', { login });
  if (target.id === actor.id) throw new SbkError('SECOND_OPERATOR_SAME.unlockSelf');
  requireOver(ledger, actor, target);
  writeTx(ledger, (tx) => {
    unlockOperator(tx, target.id);
    logAudit(tx, { type: 'unlocked', operatorId: actor.id, subjectOperatorId: target.id, siteId: target.siteId });
  });
}

/** Own PIN: the old one is checked again. Another operator's PIN: admin only (a reset). */
export function changePin(ledger: Ledger, actor: Actor, p: { login?: string; oldPin?: string; newPin: string }): void {
  const pepper = readPepper(ledger.path);
  const targetLogin = p.login?.trim() || actor.login;
  const target = operatorByLogin(ledger.db, targetLogin);
  if (!target) throw new SbkError('OPERATOR_NOT_FOUND', { login: targetLogin });
  if (target.id === actor.id) {
    if (!p.oldPin || !verifyPin(p.oldPin, target.pinHash, pepper)) throw new SbkError('AUTH_FAILED.oldPin');
  } else {
    requireRole(actor, 'admin');
    requireOver(ledger, actor, target);
  }
  checkPinFormat(p.newPin);
  const pinHash = hashPin(p.newPin, pepper);
  writeTx(ledger, (tx) => {
    setOperatorPin(tx, target.id, pinHash);
    logAudit(tx, { type: 'pin_changed', operatorId: actor.id, subjectOperatorId: target.id, siteId: target.siteId });
  });
}

/** Who may sign for cards or answer for them at a site: one of its operators. */
export type SiteOperator = { readonly login: string; readonly name: string };

export type SiteRole = 'signer' | 'custodian';

/**
 * The site's active operators (accounts at the site, not locked), the people who may sign for
 * cards there (签收人) or answer for them in a storage place (保管人/责任人): GD Art. 12 records
 * both at every hand-over, and operators are real-name accounts (HB Art. 4), so the card's
 * history names a person the ledger knows.
 */
export function siteOperators(db: LedgerDb, siteId: number): SiteOperator[] {
  return operatorsAtSite(db, siteId)
    .filter((o) => !o.lockedAt)
    .map((o) => ({ login: o.login, name: o.name }));
}

/** The operator's own site's active operators, the operator first (the console's choice lists). */
export function operatorsHere(ledger: Ledger, actor: Actor): SiteOperator[] {
  const all = siteOperators(ledger.db, actor.siteId);
  const me = all.find((o) => o.login === actor.login) ?? { login: actor.login, name: actor.name };
  return [me, ...all.filter((o) => o.login !== actor.login)];
}

/**
 * The operator `who` names, by 工号 or by name, among the site's active operators; a name typed
 * freely ("张") or someone from another site is refused, and a name two operators share needs
 * the 工号.
 */
export function requireSiteOperator(db: LedgerDb, siteId: number, who: string, role: SiteRole): SiteOperator {
  const typed = who.normalize('NFKC').trim();
  const all = operatorsAtSite(db, siteId);
  const byLogin = all.find((o) => o.login.toLowerCase() === typed.toLowerCase());
  const byName = all.filter((o) => o.name === typed);
  const found = byLogin ?? (byName.length === 1 ? byName[0] : undefined);
  if (byName.length > 1 && !byLogin) throw new SbkError(`NOT_SITE_OPERATOR.${role}Ambiguous`, { who: typed, logins: byName.map((o) => o.login) });
  if (!found) throw new SbkError(`NOT_SITE_OPERATOR.${role}`, { who: typed, available: siteOperators(db, siteId) });
  if (found.lockedAt) throw new SbkError(`NOT_SITE_OPERATOR.${role}Locked`, { name: found.name, login: found.login });
  return { login: found.login, name: found.name };
}
