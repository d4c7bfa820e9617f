/**
 * `sbk recall` with a reason category (GD Art. 32; HB Art. 17), `sbk recall stats` (分类统计
 * by category and site) and `sbk recall list` (recall-list-command.ts). What follows a recall is in end-card-command.ts (cancel, seal, the
 * cancellation list) and holder-command.ts (a holder's death).
 */
import type { Argv } from 'yargs';
import { randomUUID } from 'node:crypto';
import { recallCards, recallStatistics, type RecallStats } from '../../workflows/recall.ts';
import { RECALL_REASONS, RECALL_REASON_CODES, recallReasonLabel, type RecallReasonCode } from '../../domain/recall-reasons.ts';
import { textTable } from '../../text/text-table.ts';
import { recallText as t } from '../../i18n/cli/recall.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { dateCheck, list, usageCheck } from '../args.ts';
import { recallListSubcommand } from './recall-list-command.ts';
import { printableValue as v } from '../../text/printable-text.ts';

function statsText(s: RecallStats, period: string): string {
  if (s.total === 0) return t.stats.none({ period });
  const bySite = textTable(
    [{ header: cliCommon.columns.siteCode }, { header: cliCommon.columns.site }, { header: cliCommon.columns.reason }, { header: cliCommon.columns.cards, align: 'right' }],
    s.bySite.map((b) => [b.siteCode, b.siteName, b.label, String(b.n)]),
    100,
  );
  return [
    t.stats.head({ period, total: s.total }),
    '',
    t.stats.byReason,
    ...s.byCategory.map((b) => t.stats.reasonLine({ label: b.label, n: b.n })),
    '',
    t.stats.bySite,
    ...bySite.map((l) => `  ${l}`),
  ].join('\n');
}

function statsSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'stats',
    t.stats.describe,
    (c) => c.option('from', { type: 'string', describe: cliCommon.options.from }).option('to', { type: 'string', describe: t.stats.to }).check(dateCheck('from')).check(dateCheck('to')),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const s = recallStatistics(ledger, actor, { from: argv.from, to: argv.to });
        emit(out(), { from: argv.from ?? null, to: argv.to ?? null, ...s }, () => statsText(s, t.stats.period({ from: argv.from, to: argv.to })));
      }),
  );
}

/** The options of `sbk recall` itself; not global: `recall stats` needs none of them. */
function recallOptions(c: Argv<GlobalArgs>) {
  return c
    .positional('cardnos', { type: 'string', array: true, demandOption: true, describe: cliCommon.options.cardNos })
    .option('reason', { choices: RECALL_REASON_CODES as unknown as RecallReasonCode[], global: false, describe: t.reason({ reasons: RECALL_REASONS }) })
    .option('note', { type: 'string', global: false, describe: t.note })
    .option('place', { type: 'string', global: false, describe: t.place })
    .check(usageCheck(t.reasonRequired, (a: { reason?: string }) => a.reason !== undefined), false);
}

export function recallCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'recall <cardnos..>',
    t.describe,
    (c) => withSubcommands(recallOptions(c), out, [statsSubcommand, recallListSubcommand]),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const reason = argv.reason!;
        const cards = list(argv.cardnos);
        const r = recallCards(ledger, actor, { operationId: randomUUID(), cardNos: cards, reason, note: argv.note ?? null, placeName: argv.place ?? null });
        emit(out(), { recalled: r.recalled, cards, reason, replayed: r.replayed }, () => t.done({ recalled: r.recalled, reason: recallReasonLabel(reason), note: argv.note === undefined ? undefined : v(argv.note) }));
      }),
  );
}
