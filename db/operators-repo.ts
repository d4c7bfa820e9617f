import { asc, eq, sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { operators, sites } from './schema.ts';

import type { Role } from '../src/domain/actor.ts';
import { dbNow } from './ledger-clock.ts';

export type { Role };
export type OperatorRow = typeof operators.$inferSelect;

export function insertOperator(
  tx: LedgerDb,
  o: { login: string; name: string; role: Role; siteId: number; pinHash: string; demoPin?: string | null },
): number {
  return tx
    .insert(operators)
    .values({ ...o, demoPin: o.demoPin ?? null, createdAt: dbNow(tx) })
    .returning({ id: operators.id })
    .get().id;
}

export function operatorByLogin(db: LedgerDb, login: string): OperatorRow | undefined {
  return db.select().from(operators).where(eq(operators.login, login)).get();
}

export function operatorById(db: LedgerDb, id: number): OperatorRow | undefined {
  return db.select().from(operators).where(eq(operators.id, id)).get();
}

export type OperatorListRow = Pick<OperatorRow, 'id' | 'login' | 'name' | 'role' | 'lockedAt' | 'failedAttempts' | 'demoPin'> & {
  siteCode: string;
  siteName: string;
};

export function listOperators(db: LedgerDb): OperatorListRow[] {
  return db
    .select({
      id: operators.id,
      login: operators.login,
      name: operators.name,
      role: operators.role,
      lockedAt: operators.lockedAt,
      failedAttempts: operators.failedAttempts,
      demoPin: operators.demoPin,
      siteCode: sites.code,
      siteName: sites.name,
    })
    .from(operators)
    .innerJoin(sites, eq(sites.id, operators.siteId))
    .orderBy(asc(operators.id))
    .all();
}

/** Counts one more attempt; locks the account when the count reaches `lockAfter`. Returns the count. */
export function recordPinFailure(tx: LedgerDb, id: number, lockAfter: number): number {
  const row = tx
    .update(operators)
    .set({ failedAttempts: sql`${operators.failedAttempts} + 1` })
    .where(eq(operators.id, id))
    .returning({ n: operators.failedAttempts })
    .get();
  if (row && row.n >= lockAfter) lockOperator(tx, id);
  return row?.n ?? 0;
}

export function lockOperator(tx: LedgerDb, id: number): void {
  tx.update(operators).set({ lockedAt: dbNow(tx) }).where(eq(operators.id, id)).run();
}

export function clearPinFailures(tx: LedgerDb, id: number): void {
  tx.update(operators).set({ failedAttempts: 0 }).where(eq(operators.id, id)).run();
}

export function unlockOperator(tx: LedgerDb, id: number): void {
  tx.update(operators).set({ failedAttempts: 0, lockedAt: null }).where(eq(operators.id, id)).run();
}

export function setOperatorPin(tx: LedgerDb, id: number, pinHash: string): void {
  tx.update(operators).set({ pinHash, demoPin: null }).where(eq(operators.id, id)).run();
}

export type SiteOperatorRow = Pick<OperatorRow, 'id' | 'login' | 'name' | 'lockedAt'>;

/** The accounts of one site, in the order they were made. */
export function operatorsAtSite(db: LedgerDb, siteId: number): SiteOperatorRow[] {
  return db
    .select({ id: operators.id, login: operators.login, name: operators.name, lockedAt: operators.lockedAt })
    .from(operators)
    .where(eq(operators.siteId, siteId))
    .orderBy(asc(operators.id))
    .all();
}
