/**
 * `sbk ship`: shipments (交接单, GD Art. 12 逐级分发与回退) from a script or a terminal without the
 * console: create and send, cancel a draft, sign in (all at once or card by card, with damaged
 * and extra cards); list, show and the hand-over sheet are in ship-list-command.ts.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { cancelShipment, createShipment, dispatchShipment, sendShipment } from '../../workflows/shipment-dispatch.ts';
import { signInShipment, startSignIn, type SignInSummary } from '../../workflows/shipment-sign-in.ts';
import { CHOOSABLE_METHODS, METHOD_LABELS, type ShipmentMethod } from '../../domain/shipment.ts';
import { shipText as t } from '../../i18n/cli/ship.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { cardReasonsCheck, list, parseCardReason, usageCheck } from '../args.ts';
import { listSubcommand, sheetSubcommand, showSubcommand } from './ship-list-command.ts';

const numberArg = { type: 'string', demandOption: true, describe: t.number } as const;

function summaryText(r: SignInSummary): string {
  const lines = [t.receive.summary(r)];
  if (r.missing > 0) lines.push(t.receive.closedMissing(r));
  else if (r.outstanding > 0) lines.push(t.receive.outstanding(r));
  else if (!r.replayed) lines.push(t.receive.complete);
  if (r.damaged + r.extras + r.missing > 0) lines.push(t.receive.differences);
  return lines.join('\n');
}

function createSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'create',
    t.create.describe,
    (c) =>
      c
        .option('to', { type: 'string', demandOption: true, describe: t.create.to })
        .option('batch', { type: 'array', string: true, describe: t.create.batch })
        .option('box', { type: 'array', string: true, describe: t.create.box })
        .option('card', { type: 'array', string: true, describe: cliCommon.options.cards })
        .option('method', { choices: CHOOSABLE_METHODS as ShipmentMethod[], default: 'staff' as ShipmentMethod, describe: t.create.method })
        .option('tracking', { type: 'string', describe: t.create.tracking })
        .option('sender', { type: 'string', describe: t.create.sender })
        .option('note', { type: 'string', describe: t.create.note })
        .option('send', { type: 'boolean', default: false, describe: t.create.send }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const input = {
          toSiteCode: argv.to,
          select: { batches: list(argv.batch), boxes: list(argv.box), cards: list(argv.card) },
          method: argv.method,
          trackingNo: argv.tracking ?? null,
          senderName: argv.sender ?? null,
          note: argv.note ?? null,
        };
        const r = argv.send ? dispatchShipment(ledger, actor, input) : createShipment(ledger, actor, input);
        emit(out(), { number: r.number, cards: r.cards, to: argv.to, method: argv.method, sent: argv.send }, () =>
          argv.send ? t.create.sent({ number: r.number, cards: r.cards, method: METHOD_LABELS[argv.method], to: argv.to }) : t.create.created({ number: r.number, cards: r.cards, to: argv.to }),
        );
      }),
  );
}

function sendSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'send <id>',
    t.send.describe,
    (c) => c.positional('id', numberArg),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = sendShipment(ledger, actor, argv.id);
        emit(out(), r, () => (r.replayed ? t.send.replayed(r) : t.send.sent(r)));
      }),
  );
}

function cancelSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'cancel <id>',
    t.cancel.describe,
    (c) => c.positional('id', numberArg).option('reason', { type: 'string', demandOption: true, describe: t.cancel.reason }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        cancelShipment(ledger, actor, argv.id, argv.reason);
        const number = argv.id.trim();
        emit(out(), { cancelled: number }, () => t.cancel.done({ number }));
      }),
  );
}

function receiveSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'receive <id>',
    t.receive.describe,
    (c) =>
      c
        .positional('id', numberArg)
        .option('card', { type: 'array', string: true, describe: t.receive.card })
        .option('all', { type: 'boolean', default: false, describe: t.receive.all })
        .option('damaged', { type: 'array', string: true, describe: t.receive.damaged })
        .option('extra', { type: 'array', string: true, describe: t.receive.extra })
        .option('close', { type: 'boolean', default: false, describe: t.receive.close })
        .option('signer', { type: 'string', demandOption: true, describe: t.receive.signer })
        .option('custodian', { type: 'string', describe: t.receive.custodian })
        .option('place', { type: 'string', describe: cliCommon.options.place })
        .check(usageCheck(t.receive.cardsRequired, (a: { all?: boolean; card?: unknown[] }) => Boolean(a.all) || list(a.card as string[]).length > 0))
        .check(cardReasonsCheck('damaged', t.receive.damagedInvalid)),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const cards = list(argv.card);
        const received = argv.all ? [...new Set([...cards, ...startSignIn(ledger, actor, argv.id).expected.map((e) => e.cardNo)])] : cards;
        const r = signInShipment(ledger, actor, {
          number: argv.id,
          operationId: randomUUID(),
          received,
          damaged: list(argv.damaged).map((d) => parseCardReason(d)!),
          extras: list(argv.extra),
          close: argv.close,
          signer: argv.signer,
          custodian: argv.custodian ?? null,
          placeName: argv.place ?? null,
        });
        emit(out(), r, () => summaryText(r));
      }),
  );
}

export function shipCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('ship', t.describe, (c) =>
    withSubcommands(c, out, [createSubcommand, sendSubcommand, cancelSubcommand, receiveSubcommand, listSubcommand, showSubcommand, sheetSubcommand]).demandCommand(1, t.demand),
  );
}
