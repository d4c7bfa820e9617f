import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Per-user data folder: $XDG_DATA_HOME/sbk, else ~/.local/share/sbk. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'sbk');
}

/** `--db`, else $SBK_DB, else the per-user ledger. */
export function resolveLedgerPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag || env.SBK_DB || join(dataDir(env), 'ledger.db'));
}

export function demoLedgerPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag || env.SBK_DB || join(dataDir(env), 'demo.db'));
}
