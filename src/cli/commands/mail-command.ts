/**
 * `sbk mail`: the cards sent by post (邮递上门, GD Art. 14; HB Art. 36; sent with `sbk issue
 * --receiver mail`): `delivered` when the holder signed with the SMS pick-up code, `returned`
 * when the post brought it back (GD Art. 32 一(一): 邮寄信息错误, a recall), `list` of those still out.
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { mailDelivered, mailList, mailReturned, type MailedCard } from '../../workflows/mail-delivery.ts';
import { textTable } from '../../text/text-table.ts';
import { mailCliText as t } from '../../i18n/cli/mail.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { maxOf } from '../../text/max-of.ts';

const cardArg = { type: 'string', demandOption: true, describe: cliCommon.options.cardNo } as const;

function deliveredSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'delivered <cardno>',
    t.delivered.describe,
    (c) => c.positional('cardno', cardArg).option('code', { type: 'string', demandOption: true, describe: t.delivered.code }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = mailDelivered(ledger, actor, { operationId: randomUUID(), cardNo: argv.cardno, code: argv.code });
        emit(out(), r, () => (r.replayed ? t.replayedOutcome(r) : t.delivered.done(r)));
      }),
  );
}

function returnedSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'returned <cardno>',
    t.returned.describe,
    (c) => c.positional('cardno', cardArg).option('note', { type: 'string', describe: t.returned.note }).option('place', { type: 'string', describe: t.returned.place }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = mailReturned(ledger, actor, { operationId: randomUUID(), cardNo: argv.cardno, note: argv.note ?? null, placeName: argv.place ?? null });
        emit(out(), r, () => (r.replayed ? t.replayedOutcome(r) : t.returned.done(r)));
      }),
  );
}

function listText(rows: readonly MailedCard[]): string {
  if (rows.length === 0) return t.list.none;
  const c = t.list.columns;
  return [
    t.list.head({ cards: rows.length }),
    '',
    ...textTable(
      [
        { header: cliCommon.columns.cardNo, min: maxOf(rows, (r) => r.cardNo.length) },
        { header: cliCommon.columns.holder },
        { header: cliCommon.columns.idNumber, min: 18 },
        { header: c.mailedOn, min: 10 },
        { header: c.days, align: 'right' },
        { header: c.carrier },
        { header: c.trackingNo, min: maxOf(rows, (r) => r.trackingNo.length) },
        { header: c.recipient },
        { header: c.address },
      ],
      rows.map((r) => [r.cardNo, r.holderName ?? '-', r.holderIdMasked ?? '-', r.mailedOn, String(r.daysOut), r.carrier, r.trackingNo, r.recipient, r.address]),
      120,
    ),
  ].join('\n');
}

function listSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'list',
    t.list.describe,
    (c) => c.option('site', { type: 'string', describe: cliCommon.options.siteScope }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = mailList(ledger, actor, { siteCode: argv.site });
        emit(out(), rows, () => listText(rows));
      }),
  );
}

export function mailCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('mail', t.describe, (c) => withSubcommands(c, out, [deliveredSubcommand, returnedSubcommand, listSubcommand]).demandCommand(1, t.demand));
}
