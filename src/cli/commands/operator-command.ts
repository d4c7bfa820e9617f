import type { Argv } from 'yargs';
import { addOperator, changePin, operatorList, unlock, ROLES } from '../../workflows/operators.ts';
import { ROLE_LABELS } from '../../workflows/authenticate.ts';
import type { Role } from '../../../db/operators-repo.ts';
import { adminText } from '../../i18n/cli/admin.ts';
import { readPin } from '../read-pin.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withLedger, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { recoverableAdmin, recoverOperator, requireLedgerOwner } from '../../workflows/recover-operator.ts';
import { printableValue as v } from '../../text/printable-text.ts';

const t = adminText.operator;

function addSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'add',
    t.add.describe,
    (c) =>
      c
        .option('id', { type: 'string', demandOption: true, describe: t.add.id })
        .option('name', { type: 'string', demandOption: true, describe: t.add.name })
        .option('role', { choices: ROLES, demandOption: true, describe: t.add.role })
        .option('site', { type: 'string', demandOption: true, describe: t.add.site }),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const pin = await readPin(t.add.pinPrompt({ login: argv.id }), 'SBK_NEW_PIN');
        const id = addOperator(ledger, actor, { login: argv.id, name: argv.name, role: argv.role as Role, siteCode: argv.site, pin });
        emit(out(), { id, login: argv.id, name: argv.name, role: argv.role, site: argv.site }, () => t.add.done({ name: v(argv.name), login: v(argv.id), role: ROLE_LABELS[argv.role as Role] }));
      }),
  );
}

function listSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'list',
    t.list.describe,
    (c) => c,
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = operatorList(ledger, actor).map((r) => ({ ...r, locked: r.lockedAt != null }));
        emit(out(), rows, () => rows.map((r) => `${v(r.login).padEnd(12)} ${v(r.name)}\t${ROLE_LABELS[r.role]}\t${r.siteCode} ${v(r.siteName)}${r.locked ? `\t${t.list.locked}` : ''}`).join('\n'));
      }),
  );
}

function unlockSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'unlock <id>',
    t.unlock.describe,
    (c) => c.positional('id', { type: 'string', demandOption: true }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        unlock(ledger, actor, argv.id);
        emit(out(), { unlocked: argv.id }, () => t.unlock.done({ login: v(argv.id) }));
      }),
  );
}

/** No login: the ledger file's owner (the service account) only, checked before the PIN prompt. */
function recoverSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'recover <id>',
    t.recover.describe,
    (c) => c.positional('id', { type: 'string', demandOption: true }),
    (argv) =>
      withLedger(argv, async (ledger) => {
        requireLedgerOwner(ledger);
        const login = recoverableAdmin(ledger, argv.id).login;
        const pin = await readPin(t.recover.newPin({ login }), 'SBK_NEW_PIN');
        recoverOperator(ledger, login, pin);
        emit(out(), { recovered: login }, () => t.recover.done({ login }));
      }),
  );
}

function passwdSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'passwd [id]',
    t.passwd.describe,
    (c) => c.positional('id', { type: 'string' }),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const self = !argv.id || argv.id === actor.login;
        const newPin = await readPin(t.passwd.newPin, 'SBK_NEW_PIN');
        // The actor just typed the current PIN to log in: that is the old PIN for a self-change.
        const oldPin = self ? await readPin(t.passwd.oldPin) : undefined;
        changePin(ledger, actor, { login: argv.id, oldPin, newPin });
        const login = argv.id ?? actor.login;
        emit(out(), { changed: login }, () => t.passwd.done({ login }));
      }),
  );
}

export function operatorCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('operator', t.describe, (c) => withSubcommands(c, out, [addSubcommand, listSubcommand, unlockSubcommand, passwdSubcommand, recoverSubcommand]).demandCommand(1, t.demand));
}
