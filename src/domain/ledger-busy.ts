/**
 * "database is locked": another process holds the ledger's write lock (a long import, a count
 * being closed). That is a reason to wait and then try again later, not a program error.
 */
import { SbkError } from './errors.ts';

/** How long a writer waits for the lock: `SBK_BUSY_TIMEOUT_MS`, else 30 s. */
export function busyLimitMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SBK_BUSY_TIMEOUT_MS;
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 30_000;
}

/** SQLite's SQLITE_BUSY (and its extended codes) as better-sqlite3 raises them. */
export function isSqliteBusy(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
  return /database is locked/.test(e.message) || (e.cause !== undefined && isSqliteBusy(e.cause));
}

export function ledgerBusy(waitedMs: number): SbkError {
  return new SbkError('LEDGER_BUSY', { seconds: Math.round(waitedMs / 100) / 10 });
}

/** A raw "database is locked" becomes LEDGER_BUSY; anything else is passed on as it is. */
export function asLedgerBusy(e: unknown, waitedMs = busyLimitMs()): unknown {
  return isSqliteBusy(e) ? ledgerBusy(waitedMs) : e;
}

export function isLedgerBusy(e: unknown): boolean {
  return e instanceof SbkError && e.code === 'LEDGER_BUSY';
}
