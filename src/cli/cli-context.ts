import type { Argv } from 'yargs';
import { openLedger, closeLedger, type Ledger } from '../../db/open-ledger.ts';
import { onLedgerWait } from '../../db/write-tx.ts';
import { authenticate, authenticateApprover } from '../workflows/authenticate.ts';
import { type Actor } from '../domain/actor.ts';
import { resolveLedgerPath } from '../workflows/ledger-path.ts';
import { SbkError } from '../domain/errors.ts';
import { readPin } from './read-pin.ts';
import { openSiteDevices, type SiteDevices } from '../workflows/site-devices.ts';
import { stdio, type Out } from './cli-io.ts';
import { programText } from '../i18n/cli/program.ts';
import { refuseEmptyLedgerFile } from './ledger-open-error.ts';

export type GlobalArgs = { db?: string; json?: boolean; operator?: string };

/** One subcommand: registers itself on its parent command. */
export type Subcommand = (y: Argv<GlobalArgs>, out: () => Out) => Argv<GlobalArgs>;

/**
 * Registers `subcommands` on `y`, in order (the order `--help` lists them). `y` keeps its own
 * options' types for its own handler; a subcommand sees only the global options.
 */
export function withSubcommands<A extends GlobalArgs>(y: Argv<A>, out: () => Out, subcommands: readonly Subcommand[]): Argv<A> {
  return subcommands.reduce((acc, add) => add(acc as unknown as Argv<GlobalArgs>, out) as unknown as Argv<A>, y);
}

export function outFor(argv: GlobalArgs): Out {
  return stdio(Boolean(argv.json));
}

/** A ledger that must exist already: a missing file is LEDGER_NOT_FOUND, an empty one LEDGER_NOT_A_DATABASE. */
export function openExistingLedger(path: string): Ledger {
  refuseEmptyLedgerFile(path);
  return openLedger(path, { mustExist: true });
}

/** Opens the existing ledger named by --db / $SBK_DB, runs `fn`, always closes it. */
export async function withLedger<T>(argv: GlobalArgs, fn: (ledger: Ledger) => Promise<T> | T): Promise<T> {
  const ledger = openExistingLedger(resolveLedgerPath(argv.db));
  onLedgerWait(ledger, () => process.stderr.write(`${programText.waitingForLedger}\n`));
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
    throw new SbkError('OPERATOR_REQUIRED');
  }
  const pin = await readPin(programText.pinPrompt({ login }));
  return authenticate(ledger, login, pin);
}

/** The usual command: the ledger opened, the operator logged in, then `fn`. */
export function withActor<T>(argv: GlobalArgs, fn: (ledger: Ledger, actor: Actor) => Promise<T> | T): Promise<T> {
  return withLedger(argv, async (ledger) => fn(ledger, await actorFor(ledger, argv)));
}

/** A second person who must approve what `actor` does: PIN from $SBK_APPROVER_PIN or a prompt (`prompt`). */
export async function approverFor(ledger: Ledger, actor: Actor, login: string, prompt: string): Promise<Actor> {
  const pin = await readPin(prompt, 'SBK_APPROVER_PIN');
  return authenticateApprover(ledger, actor, login, pin);
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
