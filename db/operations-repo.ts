import { eq } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { movements, operations } from './schema.ts';
import { SbkError } from '../src/domain/errors.ts';
import { dbNow } from './ledger-clock.ts';

/** An operation that moved no card (a count where everything was missing or extra): the discrepancies it opened still need one. */
export function recordEmptyOperation(tx: LedgerDb, id: string, kind: string, operatorId: number): void {
  tx.insert(operations).values({ id, kind, operatorId, requestSha256: '', at: dbNow(tx), movementCount: 0 }).run();
}

/**
 * Whether a request with this operation id may be answered as a retry of the first: false when
 * the id is new; true when it was used by the same operator for the same kind of work; otherwise
 * the id belongs to something else and nothing may be answered from it.
 */
export function isRetryOf(db: LedgerDb, id: string, kinds: readonly string[], operatorId: number): boolean {
  const op = db.select({ kind: operations.kind, operatorId: operations.operatorId }).from(operations).where(eq(operations.id, id)).get();
  if (!op) return false;
  if (op.operatorId !== operatorId || !kinds.includes(op.kind)) {
    throw new SbkError('OPERATION_ID_REUSED.ledger', undefined, { operationId: id });
  }
  return true;
}

/** The movements an operation wrote: card and reference, to answer a retry the way the first call was answered. */
export function movementsOfOperation(db: LedgerDb, id: string): { cardId: number; type: string; refId: string | null }[] {
  return db.select({ cardId: movements.cardId, type: movements.type, refId: movements.refId }).from(movements).where(eq(movements.operationId, id)).all();
}
