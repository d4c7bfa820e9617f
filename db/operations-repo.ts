import { eq } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { operations } from './schema.ts';

export function operationExists(db: LedgerDb, id: string): boolean {
  return db.select({ id: operations.id }).from(operations).where(eq(operations.id, id)).get() !== undefined;
}

/** An operation that moved no card (a count where everything was missing or extra): the discrepancies it opened still need one. */
export function recordEmptyOperation(tx: LedgerDb, id: string, kind: string, operatorId: number): void {
  tx.insert(operations).values({ id, kind, operatorId, requestSha256: '', at: new Date().toISOString(), movementCount: 0 }).run();
}
