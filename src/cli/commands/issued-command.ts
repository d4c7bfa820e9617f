/**
 * `sbk issued --from D --to D`: the issuance ledger (发放管理台账, GD Art. 12 一(三), Art. 14 一(二))
 * of a period, to reconcile the signed receipts against: as text for `| lp`, CSV, JSON or a file.
 */
import type { Argv } from 'yargs';
import { issuanceLedger } from '../../workflows/issuance-ledger.ts';
import { formatIssuanceLedgerCsv, formatIssuanceLedgerText } from '../../domain/issuance-ledger-format.ts';
import { formatLocalTime } from '../../domain/china-dates.ts';
import { issuedText as t } from '../../i18n/cli/issued.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { printDocument, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { dateCheck } from '../args.ts';

export function issuedCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'issued',
    t.describe,
    (c) =>
      c
        .option('from', { type: 'string', demandOption: t.periodRequired, describe: t.from })
        .option('to', { type: 'string', demandOption: t.periodRequired, describe: t.to })
        .option('site', { type: 'string', describe: cliCommon.options.siteScope })
        .option('csv', { type: 'boolean', default: false, describe: cliCommon.options.csv })
        .option('out', { type: 'string', describe: cliCommon.options.outPrivate })
        .check(dateCheck('from'))
        .check(dateCheck('to')),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const l = issuanceLedger(ledger, actor, { from: argv.from, to: argv.to, siteCode: argv.site });
        const meta = { printedAt: formatLocalTime(ledger.now().toISOString()), printedBy: actor.name };
        const text = argv.csv ? formatIssuanceLedgerCsv(l, meta) : formatIssuanceLedgerText(l, meta);
        printDocument(out(), {
          text,
          path: argv.out,
          json: () => l,
          saved: (path) => ({ data: { from: l.from, to: l.to, rows: l.rows.length, receiptsToHold: l.receiptsToHold, path }, text: t.saved({ from: l.from, to: l.to, rows: l.rows.length, path }) }),
        });
      }),
  );
}
