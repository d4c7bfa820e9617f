/**
 * `sbk province stock|overdue|recalls|counts --from URL [--city C] [--json|--csv]` (issue 21
 * item 4): one view of every city's ledger replicated to PostgreSQL. Needs no ledger and no
 * operator: it connects with the URL given, meant for the read-only province role (README:
 * Province view), and writes nothing. Reports are aggregates: no holder and no ID number.
 */
import type { Argv } from 'yargs';
import { withProvince } from '../../workflows/province-source.ts';
import { provinceStock } from '../../workflows/province-stock.ts';
import { provinceOverdue } from '../../workflows/province-overdue.ts';
import { provinceRecalls } from '../../workflows/province-recalls.ts';
import { provinceCounts } from '../../workflows/province-counts.ts';
import { workingCalendar } from '../../workflows/calendar-source.ts';
import { countsSheet, overdueSheet, recallsSheet, stockSheet, type Sheet } from '../../domain/province-report.ts';
import { addCalendarDays } from '../../domain/calendar.ts';
import { todayInChina } from '../../domain/china-dates.ts';
import { clockFromEnv } from '../../domain/clock.ts';
import { spreadsheetCsv, textTable } from '../../text/text-table.ts';
import { provinceCliText as t } from '../../i18n/cli/province.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, printDocument, type Out } from '../cli-io.ts';
import type { GlobalArgs } from '../cli-context.ts';
import { dateCheck } from '../args.ts';
import { replicaUrl } from './replicate-command.ts';

const REPORTS = ['stock', 'overdue', 'recalls', 'counts'] as const;
type Report = (typeof REPORTS)[number];

function sheetText(s: Sheet): string {
  const columns = s.headers.map((header, i) => ({ header, align: s.numeric[i] ? ('right' as const) : ('left' as const) }));
  const lines = textTable(columns, s.rows.map((r) => r.map(String)));
  return [...lines, s.summary].join('\n');
}

export function provinceCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'province <report>',
    t.describe,
    (c) =>
      c
        .positional('report', { type: 'string', choices: REPORTS, demandOption: true, describe: t.report })
        .option('from', { type: 'string', describe: t.from })
        .option('city', { type: 'string', describe: t.city })
        .option('as-of', { type: 'string', describe: cliCommon.options.asOf })
        .option('start', { type: 'string', describe: t.start })
        .option('end', { type: 'string', describe: t.end })
        .option('csv', { type: 'boolean', default: false, describe: t.csv })
        .option('out', { type: 'string', describe: cliCommon.options.outPrivate })
        .check(dateCheck('as-of'))
        .check(dateCheck('start'))
        .check(dateCheck('end')),
    async (argv) => {
      const report = argv.report as Report;
      const today = todayInChina(clockFromEnv(process.env.SBK_NOW)()); // as a ledger's clock: SBK_NOW or the system's
      const { data, sheet } = await withProvince(replicaUrl(argv.from), argv.city, async (c, cities) => {
        switch (report) {
          case 'stock': {
            const rows = await provinceStock(c, cities);
            return { data: { cities: cities.map((x) => ({ ledgerId: x.ledgerId, city: x.city })), rows }, sheet: stockSheet(rows, cities.length) };
          }
          case 'overdue': {
            const r = await provinceOverdue(c, cities, workingCalendar(), argv['as-of'] ?? today);
            return { data: r, sheet: overdueSheet(r, !argv.csv) };
          }
          case 'recalls': {
            const r = await provinceRecalls(c, cities, { from: argv.start, to: argv.end });
            return { data: r, sheet: recallsSheet(r) };
          }
          case 'counts': {
            const r = await provinceCounts(c, cities, workingCalendar(), { from: argv.start ?? addCalendarDays(today, -7), to: argv.end ?? addCalendarDays(today, -1) });
            return { data: r, sheet: countsSheet(r) };
          }
        }
      });
      const o = out();
      if (!argv.csv && !argv.out) return emit(o, data, () => sheetText(sheet));
      const format = argv.csv ? 'csv' : 'text';
      const text = argv.csv ? spreadsheetCsv([sheet.headers, ...sheet.rows]) : `${sheetText(sheet)}\n`;
      printDocument(o, { text, path: argv.out, json: () => ({ format, rows: sheet.rows.length, text }), saved: (path) => ({ data: { format, rows: sheet.rows.length, path }, text: t.saved({ rows: sheet.rows.length, path }) }) });
    },
  );
}
