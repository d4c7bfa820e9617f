import type { Ledger, LedgerDb } from './open-ledger.ts';
import { useConnection } from './bulk-sql.ts';
import { useClock } from './ledger-clock.ts';
import { busyLimitMs, isSqliteBusy, ledgerBusy } from '../src/domain/ledger-busy.ts';
import { beginSealedTx, endSealedTx, sealChanges } from './seal-chain.ts';
import { chainKeyFor, type ChainKey } from '../src/security/chain-key.ts';

/** SQLite waits this long for the lock on the first try (then the wait is told), then on each later one. */
const FIRST_SLICE_MS = 250;
const BUSY_SLICE_MS = 1000;
const BACKOFF_MIN_MS = 25;
const BACKOFF_MAX_MS = 1000;

const waitNotices = new WeakMap<Ledger, () => void>();
const chainKeys = new WeakMap<Ledger, ChainKey | null>();

/** Read once per opened ledger: every seal this process writes is linked under it. */
function chainKeyOf(ledger: Ledger): ChainKey | null {
  if (!chainKeys.has(ledger)) chainKeys.set(ledger, chainKeyFor(ledger.path));
  return chainKeys.get(ledger)!;
}

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
 *
 * Before it commits, the transaction's row changes are sealed (db/seal-chain.ts): one seal per
 * write, in the same transaction, so a write and its seal land together or not at all.
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
    let committed = false;
    try {
      const result = ledger.db.transaction(
        (tx) => {
          started = true;
          beginSealedTx(ledger.sqlite);
          useConnection(tx, ledger.sqlite);
          useClock(tx, ledger.now);
          const r = fn(tx);
          sealChanges(ledger.sqlite, chainKeyOf(ledger), ledger.now().toISOString());
          return r;
        },
        { behavior: 'immediate' },
      );
      committed = true;
      return result;
    } catch (e) {
      if (!isSqliteBusy(e)) throw e;
      const waited = performance.now() - t0;
      if (started || waited >= limit) throw ledgerBusy(waited);
      if (!told) waitNotices.get(ledger)?.();
      told = true;
      sleep(Math.ceil(Math.min(pause, limit - waited)));
      pause = Math.min(pause * 2, BACKOFF_MAX_MS);
    } finally {
      if (started) endSealedTx(ledger.sqlite, committed);
      ledger.sqlite.pragma(`busy_timeout = ${limit}`);
    }
  }
}

function sleep(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
