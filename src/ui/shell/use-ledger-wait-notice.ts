import { useEffect } from 'react';
import { useStdout } from 'ink';
import { useServices } from '../console-services.ts';
import { noticeLedgerWaits } from '../../workflows/ledger-wait.ts';
import { fitWidth } from '../../text/display-width.ts';
import { zh } from '../../i18n/zh-CN.ts';

/** The console's terminal (terminal/terminal-writer.ts) can paint a status row while the loop is blocked. */
type StatusLine = { showStatusNow(text: string): void };
const hasStatusLine = (s: unknown): s is StatusLine => typeof (s as Partial<StatusLine> | null)?.showStatusNow === 'function';

/**
 * "等待其他操作完成…" on the footer row while a console action waits for another process's
 * write (issue 18, busy is not an error). The wait is synchronous (db/write-tx.ts), so React
 * cannot render it: the notice goes straight to the terminal Ink renders into, over the footer,
 * before the wait; the next frame puts the footer back. Past the limit the screen's own error
 * line says LEDGER_BUSY in words (state/error-text.ts).
 */
export function useLedgerWaitNotice(width: number): void {
  const { ledger } = useServices();
  const { stdout } = useStdout();
  useEffect(() => {
    if (!hasStatusLine(stdout)) return;
    noticeLedgerWaits(ledger, (seconds) => stdout.showStatusNow(fitWidth(zh.app.waitingForLedger(seconds), width)));
    return () => noticeLedgerWaits(ledger, null);
  }, [ledger, stdout, width]);
}
