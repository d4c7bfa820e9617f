/**
 * The console's door to db/write-tx.ts's wait notice (the CLI's is src/cli/cli-context.ts): a
 * write that meets another process's write lock (a long import, a count being closed) waits,
 * synchronously, up to SBK_BUSY_TIMEOUT_MS; `notice` runs once, just before such a wait.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { onLedgerWait } from '../../db/write-tx.ts';
import { busyLimitMs } from '../domain/ledger-busy.ts';

/** `notice(limitSeconds)` before each write that has to wait; `null` stops the notices. */
export function noticeLedgerWaits(ledger: Ledger, notice: ((limitSeconds: number) => void) | null): void {
  onLedgerWait(ledger, notice ? () => notice(Math.round(busyLimitMs() / 1000)) : () => undefined);
}
