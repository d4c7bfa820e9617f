import { isSbkError } from '../../domain/errors.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { asLedgerBusy } from '../../domain/ledger-busy.ts';

/** What the operator reads for a failed workflow: its catalogue message, or the internal-error line. */
export function errorText(e: unknown): string {
  // Another process holding the ledger past the limit: "try again later", not 程序出错.
  const err = asLedgerBusy(e);
  return isSbkError(err) ? err.message : zh.errors.internal;
}

/** The code of a refused workflow ('' for anything else). */
export function errorCode(e: unknown): string {
  const err = asLedgerBusy(e);
  return isSbkError(err) ? err.code : '';
}
