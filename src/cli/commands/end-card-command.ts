/**
 * The end of a recalled card (GD Art. 33; HB Art. 17): `sbk cancellations` (the cards due to be
 * cancelled or sealed) and `sbk cancel` / `sbk seal` with a second supervisor's approval (PIN
 * from $SBK_APPROVER_PIN or a prompt).
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { cancellationList, endCards, type CancellationRow } from '../../workflows/recall.ts';
import { textTable } from '../../text/text-table.ts';
import { recallText } from '../../i18n/cli/recall.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { approverFor, withActor, type GlobalArgs } from '../cli-context.ts';
import { dateCheck, list } from '../args.ts';
import { maxOf } from '../../text/max-of.ts';

const t = recallText;

/** `sbk cancel` or `sbk seal`: the same command but for the word and the end state. */
export function endCardCommand(action: 'cancel' | 'seal', y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  const word = t.end.words[action];
  return y.command(
    `${action} <cardnos..>`,
    t.end.describe({ word, hubeiOnly: action === 'seal' }),
    (c) =>
      c
        .positional('cardnos', { type: 'string', array: true, demandOption: true, describe: cliCommon.options.cardNos })
        .option('reason', { type: 'string', demandOption: true, describe: t.end.reason({ word }) })
        .option('approver', { type: 'string', demandOption: true, describe: cliCommon.options.approver }),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const approver = await approverFor(ledger, actor, argv.approver, cliCommon.pins.reviewer({ login: argv.approver }));
        const cardNos = list(argv.cardnos);
        const r = endCards(ledger, actor, approver, { operationId: randomUUID(), cardNos, reason: argv.reason, action });
        emit(out(), { action, ended: r.ended, cards: cardNos, approver: approver.login, replayed: r.replayed }, () => t.end.done({ word, ended: r.ended, approver: approver.name }));
      }),
  );
}

function cancellationsText(rows: readonly CancellationRow[]): string {
  if (rows.length === 0) return t.cancellations.none;
  return [
    t.cancellations.head({ cards: rows.length }),
    '',
    ...textTable(
      [
        { header: cliCommon.columns.cardNo, min: maxOf(rows, (r) => r.cardNo.length) },
        { header: cliCommon.columns.holder },
        { header: cliCommon.columns.siteCode },
        { header: cliCommon.columns.state },
        { header: t.cancellations.recalledOn, min: 10 },
        { header: cliCommon.columns.reason },
      ],
      rows.map((r) => [r.cardNo, r.holderName ?? '-', r.site.code, r.stateLabel, r.recalledOn ?? '-', r.label]),
      100,
    ),
  ].join('\n');
}

export function cancellationsCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'cancellations',
    t.cancellations.describe,
    (c) => c.option('site', { type: 'string', describe: cliCommon.options.siteScope }).option('as-of', { type: 'string', describe: cliCommon.options.asOf }).check(dateCheck('as-of')),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = cancellationList(ledger, actor, { siteCode: argv.site, asOf: argv['as-of'] });
        emit(out(), rows, () => cancellationsText(rows));
      }),
  );
}
