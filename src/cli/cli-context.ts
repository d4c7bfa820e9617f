import { openLedger, closeLedger, type Ledger } from '../../db/open-ledger.ts';
import { authenticate } from '../workflows/authenticate.ts';
import { type Actor } from '../domain/actor.ts';
import { resolveLedgerPath } from '../workflows/ledger-path.ts';
import { SbkError } from '../domain/errors.ts';
import { readPin } from './read-pin.ts';
import { openSiteDevices, type SiteDevices } from '../workflows/site-devices.ts';
import { stdio, type Out } from './cli-io.ts';

export type GlobalArgs = { db?: string; json?: boolean; operator?: string };

export function outFor(argv: GlobalArgs): Out {
  return stdio(Boolean(argv.json));
}

/** Opens the existing ledger named by --db / $SBK_DB, runs `fn`, always closes it. */
export async function withLedger<T>(argv: GlobalArgs, fn: (ledger: Ledger) => Promise<T> | T): Promise<T> {
  const ledger = openLedger(resolveLedgerPath(argv.db), { mustExist: true });
  try {
    return await fn(ledger);
  } finally {
    closeLedger(ledger);
  }
}

/** Non-interactive commands act as `--operator` (or $SBK_OPERATOR) with the PIN from $SBK_PIN or a prompt. */
export async function actorFor(ledger: Ledger, argv: GlobalArgs): Promise<Actor> {
  const login = argv.operator || process.env.SBK_OPERATOR;
  if (!login) {
    throw new SbkError('OPERATOR_REQUIRED', '请用 --operator 工号（或环境变量 SBK_OPERATOR）说明是谁在操作。');
  }
  const pin = await readPin(`${login} 的密码：`);
  return authenticate(ledger, login, pin);
}

/** The devices at the actor's counter for the length of one command, then closed. */
export async function withSiteDevices<T>(ledger: Ledger, actor: Actor, fn: (devices: SiteDevices) => Promise<T> | T): Promise<T> {
  const devices = await openSiteDevices(ledger, { id: actor.siteId, code: actor.siteCode });
  try {
    return await fn(devices);
  } finally {
    await devices.close();
  }
}
