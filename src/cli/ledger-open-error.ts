/**
 * `--db` at a folder or at a file that is not a ledger: SQLite says so in English
 * ("unable to open database file", "file is not a database"), which would reach the operator as
 * 内部错误. Here such an error becomes LEDGER_NOT_A_DATABASE, naming the path, exit 1.
 *
 * An empty file SQLite takes for a new database and would quietly turn into an empty ledger (no
 * sites, no operators): a command that needs an existing ledger refuses it first
 * (`refuseEmptyLedgerFile`). `init` and `demo` may still make a ledger in it.
 */
import { statSync } from 'node:fs';
import { SbkError } from '../domain/errors.ts';

function sqliteCode(e: unknown): string | undefined {
  if (!(e instanceof Error) || e.name !== 'SqliteError') return undefined;
  const { code } = e as Error & { code?: unknown };
  return typeof code === 'string' ? code : undefined;
}

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Throws LEDGER_NOT_A_DATABASE.empty when `ledgerPath` is an existing file of 0 bytes. */
export function refuseEmptyLedgerFile(ledgerPath: string): void {
  if (isEmptyFile(ledgerPath)) throw new SbkError('LEDGER_NOT_A_DATABASE.empty', { path: ledgerPath });
}

/** True for an existing regular file of 0 bytes (no ledger was ever written into it). */
export function isEmptyFile(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isFile() && st.size === 0;
  } catch {
    return false;
  }
}

/** `e` as an operator error when SQLite could not open `ledgerPath` as a database; else `e` itself. */
export function ledgerOpenError(e: unknown, ledgerPath: string): unknown {
  const code = sqliteCode(e);
  if (code === 'SQLITE_NOTADB') return new SbkError('LEDGER_NOT_A_DATABASE.file', { path: ledgerPath });
  if (code === 'SQLITE_CANTOPEN') {
    return isFolder(ledgerPath) ? new SbkError('LEDGER_NOT_A_DATABASE.folder', { path: ledgerPath }) : new SbkError('LEDGER_NOT_A_DATABASE.unopenable', { path: ledgerPath });
  }
  return e;
}
