/**
 * `sbk count report`: the reconciliation report of the daily counts (one row a day and bank,
 * ⚠ on a working day without a closed count), as text for `| lp`, CSV, or a file; `--yesterday`
 * for the daily cron job.
 */
import type { Argv } from 'yargs';
import { ledgerHeadOf } from '../../../db/seal-chain.ts';
import { reconciliationReport } from '../../workflows/stock-count.ts';
import { workingCalendar } from '../../workflows/calendar-source.ts';
import { addCalendarDays } from '../../domain/calendar.ts';
import { formatLocalTime, todayInChina } from '../../domain/china-dates.ts';
import { formatCountReportCsv, formatCountReportText } from '../../domain/count-report-format.ts';
import { countText as t } from '../../i18n/cli/count.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { printDocument, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { dateCheck, usageCheck } from '../args.ts';

type Period = { from?: string; to?: string; yesterday?: boolean };

const periodCheck = usageCheck(t.report.periodRequired, (a: Period) => Boolean(a.yesterday) || (a.from !== undefined && a.to !== undefined));

export function countReportCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'report',
    t.report.describe,
    (c) =>
      c
        .option('from', { type: 'string', describe: cliCommon.options.from })
        .option('to', { type: 'string', describe: t.report.to })
        .option('yesterday', { type: 'boolean', describe: t.report.yesterday })
        .option('csv', { type: 'boolean', default: false, describe: cliCommon.options.csv })
        .option('out', { type: 'string', describe: cliCommon.options.out })
        .conflicts('yesterday', ['from', 'to'])
        .check(dateCheck('from'))
        .check(dateCheck('to'))
        .check(periodCheck),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const now = ledger.now();
        const yesterday = addCalendarDays(todayInChina(now), -1);
        const from = argv.yesterday ? yesterday : argv.from!;
        const to = argv.yesterday ? yesterday : argv.to!;
        const rows = reconciliationReport(ledger, actor, workingCalendar(), { from, to });
        const meta = {
          site: { code: actor.siteCode, name: actor.siteName },
          from,
          to,
          printedAt: formatLocalTime(now.toISOString()),
          printedBy: actor.name,
          ledgerHead: ledgerHeadOf(ledger.sqlite),
        };
        const format = argv.csv ? 'csv' : 'text';
        const text = argv.csv ? formatCountReportCsv(rows, meta) : formatCountReportText(rows, meta);
        const warnings = rows.filter((r) => r.warning !== null).length;
        printDocument(out(), {
          text,
          path: argv.out,
          json: () => (argv.csv ? { format, from, to, rows: rows.length, warnings, text } : { site: meta.site, from, to, rows }),
          saved: (path) => ({ data: { format, from, to, rows: rows.length, warnings, path }, text: t.report.saved({ from, to, rows: rows.length, path }) }),
        });
      }),
  );
}
