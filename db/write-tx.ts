import type { Ledger, LedgerDb } from './open-ledger.ts';
import { useConnection } from './bulk-sql.ts';
import { useClock } from './ledger-clock.ts';

/**
 * Every write goes through here: synchronous, and started IMMEDIATE so that several operators'
 * processes never meet "database is locked" on a read-then-write upgrade (ENGINEERING.md §2).
 * Never call device I/O inside `fn`.
 */
export function writeTx<T>(ledger: Ledger, fn: (tx: LedgerDb) => T): T {
  return ledger.db.transaction(
    (tx) => {
      useConnection(tx, ledger.sqlite);
      useClock(tx, ledger.now);
      return fn(tx);
    },
    { behavior: 'immediate' },
  );
}
