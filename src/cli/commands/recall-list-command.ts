/**
 * `sbk recall list`: recalled cards wherever they are, with the recall's date and reason and the
 * second-issuance deadline; `--stranded` is the city's 逾期且滞留 list (GD Art. 32 二), the cards
 * `sbk cancellations` then names for cancelling.
 */
import type { Argv } from 'yargs';
import { recalledList, type RecalledRow } from '../../workflows/recalled-list.ts';
import { textTable } from '../../text/text-table.ts';
import { recallText } from '../../i18n/cli/recall.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { dateCheck } from '../args.ts';
import { maxOf } from '../../text/max-of.ts';

const t = recallText.list;

function recalledText(rows: readonly RecalledRow[], stranded: boolean): string {
  if (rows.length === 0) return stranded ? t.noneStranded : t.none;
  return [
    (stranded ? t.headStranded : t.head)({ cards: rows.length, stranded: rows.filter((r) => r.stranded).length }),
    '',
    ...textTable(
      [
        { header: cliCommon.columns.cardNo, min: maxOf(rows, (r) => r.cardNo.length) },
        { header: cliCommon.columns.holder },
        { header: cliCommon.columns.site },
        { header: cliCommon.columns.state },
        { header: t.recalledOn, min: 10 },
        { header: t.secondIssueBy, min: 10 },
        { header: cliCommon.columns.reason },
      ],
      rows.map((r) => [
        r.cardNo,
        r.holderName ?? '-',
        r.place ? `${r.site.name}/${r.place}` : r.site.name,
        r.stranded ? t.strandedState({ state: r.stateLabel }) : r.stateLabel,
        r.recalledOn,
        r.secondIssueBy ?? t.noSecondIssue,
        r.reason ?? '-',
      ]),
      110,
    ),
  ].join('\n');
}

export function recallListSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'list',
    t.describe,
    (c) =>
      c
        .option('stranded', { type: 'boolean', default: false, describe: t.stranded })
        .option('site', { type: 'string', describe: cliCommon.options.siteScope })
        .option('as-of', { type: 'string', describe: cliCommon.options.asOf })
        .check(dateCheck('as-of')),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = recalledList(ledger, actor, { siteCode: argv.site, asOf: argv['as-of'], strandedOnly: argv.stranded });
        emit(out(), rows, () => recalledText(rows, argv.stranded));
      }),
  );
}
