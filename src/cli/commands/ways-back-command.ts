/**
 * The ways back on the command line: `sbk remake list` (defective cards to be re-made, HB Art. 16)
 * and `sbk destroy` (the destruction hand-over to the service bank, counted, approved by a
 * supervisor's PIN from $SBK_APPROVER_PIN or a prompt, with a 销毁移交单; GD Art. 32 二, HB Art. 33).
 * `sbk card take-back` is in card-command.ts.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { refuseSymlink, writeFileSafely } from '../../security/safe-write.ts';
import { join } from 'node:path';
import { remakeCsv, remakeList, type RemakeRow } from '../../workflows/remake-list.ts';
import { orderRemakes } from '../../workflows/remake-order.ts';
import { handOverForDestruction, saveDestructionSheet } from '../../workflows/destruction-handover.ts';
import { exportsDir } from '../../workflows/shipment-export.ts';
import { todayInChina } from '../../domain/china-dates.ts';
import { textTable } from '../../text/text-table.ts';
import { waysBackCliText as t } from '../../i18n/cli/ways-back.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { approverFor, withActor, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { list, usageCheck } from '../args.ts';
import { maxOf } from '../../text/max-of.ts';

function remakeText(rows: readonly RemakeRow[]): string {
  if (rows.length === 0) return t.remake.none;
  const c = t.remake.columns;
  return [
    t.remake.head({ cards: rows.length }),
    '',
    ...textTable(
      [
        { header: cliCommon.columns.cardNo, min: maxOf(rows, (r) => r.cardNo.length) },
        { header: cliCommon.columns.holder },
        { header: cliCommon.columns.idNumber },
        { header: cliCommon.columns.state },
        { header: c.place },
        { header: c.reason },
        { header: c.at },
        { header: c.newer },
        { header: c.ordered, min: 21 },
      ],
      rows.map((r) => [r.cardNo, r.holderName ?? '-', r.holderIdMasked ?? '-', r.stateLabel, `${r.site.name}${r.place ? ` ${r.place}` : ''}`, r.reason ?? '-', r.markedAt ?? '-', r.newerCardNo ?? t.remake.newerNone, r.orderedAt ? `${r.orderedAt.slice(0, 10)}${r.orderRef ? ` ${r.orderRef}` : ''}` : t.remake.notOrdered]),
      140,
    ),
  ].join('\n');
}

function remakeListSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'list',
    t.remake.list.describe,
    (c) =>
      c
        .option('site', { type: 'string', describe: cliCommon.options.siteScope })
        .option('pending', { type: 'boolean', default: false, describe: t.remake.list.pending })
        .option('csv', { type: 'string', describe: t.remake.list.csv }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = remakeList(ledger, actor, { siteCode: argv.site, pending: argv.pending });
        let csvPath: string | null = null;
        if (argv.csv !== undefined) {
          if (argv.csv.trim()) csvPath = argv.csv.trim();
          else {
            refuseSymlink(exportsDir(ledger));
            mkdirSync(exportsDir(ledger), { recursive: true, mode: 0o700 });
            csvPath = join(exportsDir(ledger), t.remake.csvFile({ date: todayInChina(ledger.now()) }));
          }
          // Holders' names (HB Art. 42): readable by the owner only, never through a planted link.
          writeFileSafely(csvPath, remakeCsv(rows));
        }
        emit(out(), csvPath ? { cards: rows, csvPath } : rows, () => [remakeText(rows), ...(csvPath ? [t.remake.csvSaved({ path: csvPath })] : [])].join('\n'));
      }),
  );
}

function remakeOrderSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'order <cards..>',
    t.remake.order.describe,
    (c) => c.positional('cards', { type: 'string', array: true, demandOption: true, describe: t.remake.order.cards }).option('ref', { type: 'string', describe: t.remake.order.ref }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = orderRemakes(ledger, actor, { cardNos: list(argv.cards), ref: argv.ref ?? null });
        const lines = [t.remake.order.done({ cards: r.ordered.length, ref: r.ref }), ...(r.orderedBefore.length > 0 ? [t.remake.order.already({ cards: r.orderedBefore })] : [])];
        emit(out(), r, () => lines.join('\n'));
      }),
  );
}

export function remakeCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('remake', t.remake.describe, (c) => withSubcommands(c, out, [remakeListSubcommand, remakeOrderSubcommand]).demandCommand(1, t.remake.demand), () => undefined);
}

type DestroyArgs = { card?: string[]; 'cards-file'?: string; 'all-ended'?: boolean };

/** The card numbers of a file, one a line; blank lines and `#` comments left out. */
function cardsOfFile(path: string | undefined): string[] {
  if (!path) return [];
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const picked = (a: DestroyArgs): boolean => list(a.card).length > 0 || Boolean(a['cards-file']?.trim());

export function destroyCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'destroy',
    t.destroy.describe,
    (c) =>
      c
        .option('card', { type: 'array', string: true, describe: cliCommon.options.cards })
        .option('cards-file', { type: 'string', describe: t.destroy.cardsFile })
        .option('all-ended', { type: 'boolean', describe: t.destroy.allEnded })
        .option('bank-receiver', { type: 'string', demandOption: true, describe: t.destroy.bankReceiver })
        .option('count', { type: 'number', demandOption: true, describe: t.destroy.count })
        .option('approver', { type: 'string', demandOption: true, describe: cliCommon.options.approver })
        .option('reason', { type: 'string', demandOption: true, describe: t.destroy.reason })
        .check(usageCheck(t.destroy.selectionRequired, (a: DestroyArgs) => picked(a) || Boolean(a['all-ended'])))
        .check(usageCheck(t.destroy.oneSelection, (a: DestroyArgs) => !(picked(a) && a['all-ended'])))
        .check(usageCheck(t.destroy.countInvalid, (a: { count?: unknown }) => Number.isInteger(a.count) && (a.count as number) >= 0)),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const approver = await approverFor(ledger, actor, argv.approver, cliCommon.pins.reviewer({ login: argv.approver }));
        const r = handOverForDestruction(ledger, actor, approver, {
          operationId: randomUUID(),
          cardNos: [...list(argv.card), ...cardsOfFile(argv['cards-file'])],
          allEnded: Boolean(argv['all-ended']),
          counted: argv.count,
          bankReceiver: argv['bank-receiver'],
          reason: argv.reason,
        });
        const sheetPath = r.sheet ? saveDestructionSheet(ledger, r.sheet) : null;
        const { sheet, ...data } = r;
        emit(out(), { ...data, approver: approver.login, cardNos: sheet?.cards.map((c) => c.cardNo) ?? [], sheetPath }, () =>
          [r.replayed ? t.destroy.replayed(r) : t.destroy.done(r), ...(sheetPath ? [t.destroy.sheetSaved({ path: sheetPath })] : [])].join('\n'),
        );
      }),
  );
}
