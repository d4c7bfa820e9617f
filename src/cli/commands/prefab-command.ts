/**
 * `sbk prefab`: the blanks themselves (Annex 9): stock by bank, maker, batch and box or hopper,
 * loading a hopper (never mixing banks or makers), spoiling one, and destroying spoiled ones
 * before two people.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { destroySpoiled } from '../../workflows/stock-count.ts';
import { prefabStock, consumeBlank, spoilBlank } from '../../workflows/prefab-stock.ts';
import { loadHopperAtCounter, unloadHopperAtCounter } from '../../workflows/hopper-loading.ts';
import { normalizeCardInput } from '../../domain/card-input.ts';
import { textTable } from '../../text/text-table.ts';
import { prefabText as t } from '../../i18n/cli/prefab.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { approverFor, withActor, withSiteDevices, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { list } from '../args.ts';

function stockSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'stock',
    t.stock.describe,
    (c) => c,
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = prefabStock(ledger, actor);
        const columns = [
          { header: t.stock.columns.bank },
          { header: t.stock.columns.maker },
          { header: cliCommon.columns.batch, min: 8 },
          { header: t.stock.columns.where },
          { header: cliCommon.columns.onHand, align: 'right' as const },
          { header: t.stock.columns.loaded, align: 'right' as const },
        ];
        const inStock = rows.reduce((a, r) => a + r.inStock, 0);
        const loaded = rows.reduce((a, r) => a + r.loaded, 0);
        emit(out(), rows, () =>
          rows.length === 0
            ? t.stock.none({ site: actor.siteName })
            : [
                t.stock.head({ site: actor.siteName, code: actor.siteCode, inStock, loaded }),
                '',
                ...textTable(columns, rows.map((r) => [r.bank, r.maker, r.batch ?? '-', r.where, String(r.inStock), String(r.loaded)])),
              ].join('\n'),
        );
      }),
  );
}

function loadSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'load <cardnos..>',
    t.load.describe,
    (c) =>
      c
        .positional('cardnos', { type: 'string', array: true, demandOption: true, describe: t.load.cardNos })
        .option('hopper', { type: 'string', demandOption: true, describe: t.load.hopper }),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const r = await withSiteDevices(ledger, actor, (devices) =>
          loadHopperAtCounter(ledger, actor, devices, { operationId: randomUUID(), hopper: argv.hopper, cardNos: list(argv.cardnos) }),
        );
        const hopper = argv.hopper.trim();
        emit(out(), { ...r, hopper }, () => t.load.done({ loaded: r.loaded, hopper }));
      }),
  );
}

function unloadSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'unload',
    t.unload.describe,
    (c) =>
      c
        .option('hopper', { type: 'string', demandOption: true, describe: t.unload.hopper })
        .option('to', { type: 'string', demandOption: true, describe: t.unload.to }),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const r = await withSiteDevices(ledger, actor, (devices) =>
          unloadHopperAtCounter(ledger, actor, devices, { operationId: randomUUID(), hopper: argv.hopper, toPlace: argv.to }),
        );
        const hopper = argv.hopper.trim();
        emit(out(), { ...r, hopper }, () => t.unload.done({ hopper, unloaded: r.unloaded, to: argv.to.trim() }));
      }),
  );
}

function spoilSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'spoil <cardno>',
    t.spoil.describe,
    (c) =>
      c
        .positional('cardno', { type: 'string', demandOption: true, describe: t.spoil.cardNo })
        .option('reason', { type: 'string', demandOption: true, describe: t.spoil.reason }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        spoilBlank(ledger, actor, { operationId: randomUUID(), cardNo: argv.cardno, reason: argv.reason });
        const cardNo = normalizeCardInput(argv.cardno);
        const reason = argv.reason.trim();
        emit(out(), { spoiled: cardNo, reason }, () => t.spoil.done({ cardNo, reason }));
      }),
  );
}

function consumeSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'consume <cardno>',
    t.consume.describe,
    (c) =>
      c
        .positional('cardno', { type: 'string', demandOption: true, describe: t.consume.cardNo })
        .option('card', { type: 'string', demandOption: true, describe: t.consume.card })
        .option('holder-name', { type: 'string', demandOption: true, describe: t.consume.holderName })
        .option('holder-id', { type: 'string', demandOption: true, describe: cliCommon.options.holderId }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        consumeBlank(ledger, actor, { operationId: randomUUID(), blankNo: argv.cardno, becameCardNo: argv.card, holderName: argv['holder-name'], holderIdNumber: argv['holder-id'] });
        const cardNo = normalizeCardInput(argv.cardno);
        const card = normalizeCardInput(argv.card);
        emit(out(), { consumed: cardNo, card }, () => t.consume.done({ cardNo, card }));
      }),
  );
}

function destroySubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'destroy <cardnos..>',
    t.destroy.describe,
    (c) =>
      c
        .positional('cardnos', { type: 'string', array: true, demandOption: true, describe: t.destroy.cardNos })
        .option('reason', { type: 'string', demandOption: true, describe: t.destroy.reason })
        .option('approver', { type: 'string', demandOption: true, describe: t.destroy.approver }),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const approver = await approverFor(ledger, actor, argv.approver, cliCommon.pins.supervisor({ login: argv.approver }));
        const cardNos = list(argv.cardnos).map(normalizeCardInput);
        const r = destroySpoiled(ledger, actor, approver, { operationId: randomUUID(), cardNos, reason: argv.reason });
        emit(out(), { ...r, cards: cardNos, approver: approver.login }, () => t.destroy.done({ destroyed: r.destroyed, approver: approver.name }));
      }),
  );
}

export function prefabCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('prefab', t.describe, (c) =>
    withSubcommands(c, out, [stockSubcommand, loadSubcommand, unloadSubcommand, spoilSubcommand, consumeSubcommand, destroySubcommand]).demandCommand(1, t.demand),
  );
}
