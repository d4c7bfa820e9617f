import type { Ledger, LedgerDb } from './open-ledger.ts';
import { useConnection } from './bulk-sql.ts';
import { useClock } from './ledger-clock.ts';
import { busyLimitMs, isSqliteBusy, ledgerBusy } from '../src/domain/ledger-busy.ts';

/** SQLite waits this long for the lock on the first try (then the wait is told), then on each later one. */
const FIRST_SLICE_MS = 250;
const BUSY_SLICE_MS = 1000;
const BACKOFF_MIN_MS = 25;
const BACKOFF_MAX_MS = 1000;

const waitNotices = new WeakMap<Ledger, () => void>();

/** `notice` runs once per transaction that has to wait for another process's write. */
export function onLedgerWait(ledger: Ledger, notice: () => void): void {
  waitNotices.set(ledger, notice);
}

/**
 * Every write goes through here: synchronous, and started IMMEDIATE so that several operators'
 * processes never meet "database is locked" on a read-then-write upgrade (ENGINEERING.md §2).
 * Never call device I/O inside `fn`.
 *
 * While another process holds the write lock (a long import), the transaction is retried with
 * a growing pause up to `SBK_BUSY_TIMEOUT_MS` (30 s by default), then refused as LEDGER_BUSY
 * (nothing written; try again later). Only the start is retried: `fn` never runs twice.
 */
export function writeTx<T>(ledger: Ledger, fn: (tx: LedgerDb) => T): T {
  const limit = busyLimitMs();
  const t0 = performance.now();
  let pause = BACKOFF_MIN_MS;
  let told = false;
  for (;;) {
    let started = false;
    const left = Math.max(0, Math.floor(limit - (performance.now() - t0)));
    ledger.sqlite.pragma(`busy_timeout = ${Math.min(told ? BUSY_SLICE_MS : FIRST_SLICE_MS, left)}`);
    try {
      return ledger.db.transaction(
        (tx) => {
          started = true;
          useConnection(tx, ledger.sqlite);
          useClock(tx, ledger.now);
          return fn(tx);
        },
        { behavior: 'immediate' },
      );
    } catch (e) {
      if (!isSqliteBusy(e)) throw e;
      const waited = performance.now() - t0;
      if (started || waited >= limit) throw ledgerBusy(waited);
      if (!told) waitNotices.get(ledger)?.();
      told = true;
      sleep(Math.ceil(Math.min(pause, limit - waited)));
      pause = Math.min(pause * 2, BACKOFF_MAX_MS);
    } finally {
      ledger.sqlite.pragma(`busy_timeout = ${limit}`);
    }
  }
}

function sleep(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
