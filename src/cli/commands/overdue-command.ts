/**
 * `sbk overdue`: the cards due for recall (GD Art. 32 一(一)-(三); HB Art. 17): unclaimed at
 * the office, sleeping with a unit's agent, or of a holder reported dead, with the day the
 * recall is due (10 working days after the system's reminder). `--warnings` adds those in the
 * warning period. Text, JSON, or a CSV for Excel/WPS; ID numbers are always masked (HB Art. 42).
 */
import type { Argv } from 'yargs';
import { overdueList, type OverdueRow } from '../../workflows/recall.ts';
import { workingCalendar } from '../../workflows/calendar-source.ts';
import { STATE_LABELS, type CardState } from '../../domain/card-states.ts';
import { todayInChina } from '../../domain/china-dates.ts';
import { spreadsheetCsv, textTable } from '../../text/text-table.ts';
import { overdueText as t } from '../../i18n/cli/overdue.ts';
import { cliCommon } from '../../i18n/cli/common.ts';
import { emit, printDocument, type Out } from '../cli-io.ts';
import { withActor, type GlobalArgs } from '../cli-context.ts';
import { dateCheck } from '../args.ts';
import { maxOf } from '../../text/max-of.ts';

const stateLabel = (s: string) => STATE_LABELS[s as CardState] ?? s;

/** The deadline, `（估）` when the holiday schedule it rests on is not official, ⚠ when it has passed. */
function dueCell(r: OverdueRow): string {
  return `${r.recallDueBy}${r.recallDueBasis !== 'official' ? cliCommon.estimated : ''}${r.late ? ' ⚠' : ''}`;
}

function categoryCell(r: OverdueRow): string {
  const category = t.categories[r.category];
  return r.phase === 'warning' ? t.warningCategory({ category }) : category;
}

export function formatOverdueText(rows: readonly OverdueRow[], asOf: string): string {
  if (rows.length === 0) return t.none({ asOf });
  const late = rows.filter((r) => r.late).length;
  const overdue = rows.filter((r) => r.phase === 'overdue').length;
  return [
    t.head({ asOf, overdue, late, warning: rows.length - overdue }),
    '',
    ...textTable(
      [
        { header: cliCommon.columns.cardNo, min: maxOf(rows, (r) => r.cardNo.length) },
        { header: cliCommon.columns.holder },
        { header: cliCommon.columns.site },
        { header: cliCommon.columns.category },
        { header: t.columns.overdueFrom, min: 10 },
        { header: t.columns.dueBy, min: 12 },
        { header: t.columns.days, align: 'right' },
      ],
      rows.map((r) => [r.cardNo, r.holderName ?? '-', r.site.name, categoryCell(r), r.overdueFrom, dueCell(r), String(r.daysOverdue)]),
      100,
    ),
  ].join('\n');
}

export function formatOverdueCsv(rows: readonly OverdueRow[]): string {
  return spreadsheetCsv([
    t.csvHeader,
    ...rows.map((r) => [
      r.cardNo,
      r.holderName ?? '',
      r.holderIdMasked ?? '',
      r.site.code,
      r.site.name,
      r.batch ?? '',
      stateLabel(r.state),
      r.receivedOn ?? '',
      t.categories[r.category],
      t.phases[r.phase],
      r.overdueFrom,
      r.recallDueBy,
      t.bases[r.recallDueBasis] ?? r.recallDueBasis,
      r.daysOverdue,
      r.late ? t.yes : t.no,
    ]),
  ]);
}

export function overdueCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'overdue',
    t.describe,
    (c) =>
      c
        .option('site', { type: 'string', describe: cliCommon.options.siteScope })
        .option('as-of', { type: 'string', describe: cliCommon.options.asOf })
        .option('warnings', { type: 'boolean', default: false, describe: t.warnings })
        .option('csv', { type: 'boolean', default: false, describe: t.csv })
        .option('out', { type: 'string', describe: cliCommon.options.outPrivate })
        .check(dateCheck('as-of')),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const rows = overdueList(ledger, actor, workingCalendar(), { siteCode: argv.site, asOf: argv['as-of'], includeWarnings: argv.warnings });
        const asOf = argv['as-of'] ?? todayInChina(ledger.now());
        const o = out();
        const format = argv.csv ? 'csv' : 'text';
        if (!argv.csv && !argv.out) return emit(o, rows, () => formatOverdueText(rows, asOf));
        const text = argv.csv ? formatOverdueCsv(rows) : `${formatOverdueText(rows, asOf)}\n`;
        printDocument(o, { text, path: argv.out, json: () => ({ format, rows: rows.length, text }), saved: (path) => ({ data: { format, rows: rows.length, path }, text: t.saved({ rows: rows.length, path }) }) });
      }),
  );
}
