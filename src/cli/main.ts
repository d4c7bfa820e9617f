/**
 * The `sbk` command line. Every command is a thin shell over a workflow that the console uses
 * too; this file only wires them to yargs and turns errors into exit codes.
 */
import yargs, { type Argv } from 'yargs';
import { outFor, type GlobalArgs } from './cli-context.ts';
import { reportError, stdio, type Out } from './cli-io.ts';
import { asLedgerBusy, isLedgerBusy } from '../domain/ledger-busy.ts';
import { printableJson } from '../text/printable-text.ts';
import { ledgerOpenError } from './ledger-open-error.ts';
import { resolveLedgerPath } from '../workflows/ledger-path.ts';
import { programText } from '../i18n/cli/program.ts';
import { initCommand } from './commands/init-command.ts';
import { demoCommand } from './commands/demo-command.ts';
import { placeCommand, siteCommand } from './commands/site-command.ts';
import { operatorCommand } from './commands/operator-command.ts';
import { stockCommand } from './commands/stock-command.ts';
import { cardCommand } from './commands/card-command.ts';
import { verifyCommand } from './commands/verify-command.ts';
import { consoleCommand } from './commands/console-command.ts';
import { importCommand } from './commands/import-command.ts';
import { applicationsCommand } from './commands/applications-command.ts';
import { contactCommand } from './commands/contact-command.ts';
import { discrepancyCommand } from './commands/discrepancy-command.ts';
import { shipCommand } from './commands/ship-command.ts';
import { registerCommand } from './commands/register-command.ts';
import { settingsCommand } from './commands/settings-command.ts';
import { issueCommand } from './commands/issue-command.ts';
import { issuedCommand } from './commands/issued-command.ts';
import { mailCommand } from './commands/mail-command.ts';
import { findCommand } from './commands/find-command.ts';
import { pickupCommand } from './commands/pickup-command.ts';
import { transferCommand } from './commands/transfer-command.ts';
import { overdueCommand } from './commands/overdue-command.ts';
import { recallCommand } from './commands/recall-command.ts';
import { cancellationsCommand, endCardCommand } from './commands/end-card-command.ts';
import { holderCommand } from './commands/holder-command.ts';
import { countCommand } from './commands/count-command.ts';
import { prefabCommand } from './commands/prefab-command.ts';
import { instantCommand } from './commands/instant-command.ts';
import { devicesCommand } from './commands/devices-command.ts';
import { destroyCommand, remakeCommand } from './commands/ways-back-command.ts';
import { replicateCommand } from './commands/replicate-command.ts';
import { provinceCommand } from './commands/province-command.ts';
import { restoreCommand } from './commands/restore-command.ts';

const quietStreams = new WeakSet<NodeJS.WritableStream>();

/**
 * `sbk … | head -1`: the reader has gone, and what is left to print is not wanted. The command
 * finishes (its work is already done or about to be) and ends with its own exit code, without
 * Node's "Unhandled 'error' event" stack trace. Any other write error is still thrown.
 */
function quietOnClosedPipe(stream: NodeJS.WritableStream): void {
  if (quietStreams.has(stream)) return;
  quietStreams.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
    throw e;
  });
}

export async function main(args: string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  let exitCode = 0;
  let json = args.includes('--json');
  let db: string | undefined;
  const out = () => stdio(json);
  const parser: Argv<GlobalArgs> = yargs(args)
    .scriptName('sbk')
    .locale('zh_CN')
    .usage(programText.usage)
    .option('db', { type: 'string', global: true, describe: programText.options.db })
    .option('json', { type: 'boolean', global: true, describe: programText.options.json })
    .option('operator', { type: 'string', global: true, describe: programText.options.operator })
    .middleware((argv) => {
      json = Boolean(argv.json);
      db = argv.db;
    })
    .strict()
    .help('help')
    .alias('help', 'h')
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 80))
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
  registerCommands(parser, out, (c) => (exitCode = c));
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) {
      const o = outFor({ json });
      if (json) o.write(printableJson({ error: { code: 'USAGE', message: e.message } }));
      else o.error(programText.usageError({ message: e.message }));
      return 2;
    }
    return reportFailure(out(), e, db);
  }
  return exitCode;
}

/**
 * A command's failure said to the operator, and its exit code. Another process holding the ledger
 * is a temporary failure (75, EX_TEMPFAIL), not a bug; a --db that is no ledger at all is the
 * operator's to fix, in words they can act on.
 */
function reportFailure(o: Out, e: unknown, db: string | undefined): number {
  const err = asLedgerBusy(ledgerOpenError(e, resolveLedgerPath(db)));
  const code = reportError(o, err);
  return isLedgerBusy(err) ? 75 : code;
}

/** Every command of `sbk`, in the order `--help` lists them. */
function registerCommands(parser: Argv<GlobalArgs>, out: () => Out, setExit: (code: number) => void): void {
  consoleCommand(parser);
  initCommand(parser, out);
  demoCommand(parser, out);
  siteCommand(parser, out);
  placeCommand(parser, out);
  operatorCommand(parser, out);
  stockCommand(parser, out);
  cardCommand(parser, out);
  verifyCommand(parser, out, setExit);
  importCommand(parser, out, setExit);
  applicationsCommand(parser, out, setExit);
  contactCommand(parser, out);
  discrepancyCommand(parser, out);
  shipCommand(parser, out);
  registerCommand(parser, out);
  settingsCommand(parser, out);
  issueCommand(parser, out, setExit);
  issuedCommand(parser, out);
  mailCommand(parser, out);
  findCommand(parser, out);
  pickupCommand(parser, out);
  transferCommand(parser, out);
  overdueCommand(parser, out);
  recallCommand(parser, out);
  endCardCommand('cancel', parser, out);
  endCardCommand('seal', parser, out);
  cancellationsCommand(parser, out);
  holderCommand(parser, out);
  countCommand(parser, out);
  prefabCommand(parser, out);
  instantCommand(parser, out, setExit);
  devicesCommand(parser, out);
  remakeCommand(parser, out);
  destroyCommand(parser, out);
  replicateCommand(parser, out);
  restoreCommand(parser, out, setExit);
  provinceCommand(parser, out);
}

class UsageError extends Error {}
