/**
 * `sbk discrepancy`: what a sign-in or a count found missing, extra or damaged: list them, close
 * one with a reason, sign a missing card in once found, or declare it lost before a second
 * supervisor.
 */
import type { Argv } from 'yargs';
import { closeDiscrepancy, openDiscrepancies } from '../../workflows/check-in.ts';
import { resolveFound, declareLost } from '../../workflows/discrepancy-resolve.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { intakeText } from '../../i18n/cli/intake.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { approverFor, withActor, withSubcommands, type GlobalArgs } from '../cli-context.ts';

const t = intakeText.discrepancy;
const KIND: Readonly<Record<string, string>> = cliCommon.differences;

type Discrepancy = ReturnType<typeof openDiscrepancies>[number];

function rowText(d: Discrepancy): string {
  return t.list.row({
    id: String(d.id).padStart(5),
    kind: KIND[d.kind] ?? d.kind,
    cardNo: d.cardNo,
    box: d.box ?? '-',
    at: formatLocalTime(d.openedAt),
    by: d.openedBy,
    note: d.note ?? '',
    closed: d.closedAt ? String(d.closeReason) : null,
  });
}

function listSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'list',
    t.list.describe,
    (c) => c.option('all', { type: 'boolean', default: false }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = openDiscrepancies(ledger, actor, argv.all);
        emit(out(), rows, () => (rows.length === 0 ? t.list.none : rows.map(rowText).join('\n')));
      }),
  );
}

function closeSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'close <id>',
    t.close.describe,
    (c) => c.positional('id', { type: 'number', demandOption: true }).option('reason', { type: 'string', demandOption: true }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        closeDiscrepancy(ledger, actor, argv.id, argv.reason);
        emit(out(), { closed: argv.id }, () => t.close.done({ id: argv.id }));
      }),
  );
}

function foundSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'found <id>',
    t.found.describe,
    (c) =>
      c
        .positional('id', { type: 'number', demandOption: true })
        .option('place', { type: 'string', describe: cliCommon.options.place })
        .option('custodian', { type: 'string', describe: cliCommon.options.custodian }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = resolveFound(ledger, actor, argv.id, { placeName: argv.place ?? null, custodian: argv.custodian ?? null });
        emit(out(), { found: argv.id, cardNo: r.cardNo }, () => t.found.done({ id: argv.id, cardNo: r.cardNo }));
      }),
  );
}

function lostSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'lost <id>',
    t.lost.describe,
    (c) =>
      c
        .positional('id', { type: 'number', demandOption: true })
        .option('reason', { type: 'string', demandOption: true, describe: t.lost.reason })
        .option('approver', { type: 'string', demandOption: true, describe: t.lost.approver }),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const approver = await approverFor(ledger, actor, argv.approver, cliCommon.pins.reviewer({ login: argv.approver }));
        const r = declareLost(ledger, actor, approver, argv.id, argv.reason);
        emit(out(), { lost: argv.id, cardNo: r.cardNo, approver: approver.login }, () => t.lost.done({ id: argv.id, cardNo: r.cardNo, approver: approver.name }));
      }),
  );
}

export function discrepancyCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('discrepancy', t.describe, (c) => withSubcommands(c, out, [listSubcommand, closeSubcommand, foundSubcommand, lostSubcommand]).demandCommand(1, t.demand));
}
