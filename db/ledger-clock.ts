import type { Clock } from '../src/domain/clock.ts';
import type { LedgerDb } from './open-ledger.ts';

/**
 * The ledger's clock for code that holds only a database handle (a transaction inside writeTx, or
 * the ledger's own `db`): every row's time comes from the clock the ledger was opened with, so a
 * test or `SBK_NOW` fixes the day for the CLI and the console alike.
 */
const clocks = new WeakMap<object, Clock>();

export function useClock(db: LedgerDb, clock: Clock): void {
  clocks.set(db, clock);
}

/** Now, as the ISO string rows store, by the clock of the ledger `db` belongs to. */
export function dbNow(db: LedgerDb): string {
  const clock = clocks.get(db);
  if (!clock) throw new Error('dbNow: this database handle was not opened through openLedger/writeTx');
  return clock().toISOString();
}
