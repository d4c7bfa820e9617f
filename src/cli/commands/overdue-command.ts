/**
 * `sbk overdue`: the cards due for recall (GD Art. 32 一(一)-(三); HB Art. 17): unclaimed at
 * the office, sleeping with a unit's agent, or of a holder reported dead, with the day the
 * recall is due (10 working days after the system's reminder). `--warnings` adds those in the
 * warning period. Text, JSON, or a CSV for Excel/WPS; ID numbers are always masked (HB Art. 42).
 */
import type { Argv } from 'yargs';
import { writeFileSync } from 'node:fs';
import { overdueList, type OverdueRow } from '../../workflows/recall.ts';
import { workingCalendar } from '../../workflows/calendar-source.ts';
import { STATE_LABELS, type CardState } from '../../domain/card-states.ts';
import { isIsoDate, todayInChina } from '../../domain/china-dates.ts';
import { spreadsheetCsv, textTable } from '../../text/text-table.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, type GlobalArgs } from '../cli-context.ts';
import { usageCheck } from './ship-command.ts';

export const CATEGORY_LABELS: Record<OverdueRow['category'], string> = {
  unclaimed: '逾期未领',
  sleeping: '睡眠卡（代领未发）',
  deceased: '持卡人死亡',
};

const PHASE_LABELS: Record<OverdueRow['phase'], string> = { warning: '预警', overdue: '逾期' };

const BASIS_LABELS: Record<string, string> = { official: '官方节假日安排', provisional: '节假日安排未正式公布（估）', 'no-data': '无节假日数据（估）' };

const stateLabel = (s: string) => STATE_LABELS[s as CardState] ?? s;

/** The deadline, `（估）` when the holiday schedule it rests on is not official, ⚠ when it has passed. */
function dueCell(r: OverdueRow): string {
  return `${r.recallDueBy}${r.recallDueBasis !== 'official' ? '（估）' : ''}${r.late ? ' ⚠' : ''}`;
}

export function formatOverdueText(rows: readonly OverdueRow[], asOf: string): string {
  if (rows.length === 0) return `截至 ${asOf}，没有须回收的卡。`;
  const late = rows.filter((r) => r.late).length;
  const overdue = rows.filter((r) => r.phase === 'overdue').length;
  return [
    `截至 ${asOf}：逾期须回收 ${overdue} 张${late > 0 ? `，其中 ${late} 张已过回收期限（⚠）` : ''}${rows.length > overdue ? `；预警 ${rows.length - overdue} 张` : ''}。`,
    '',
    ...textTable(
      [
        { header: '社保卡号', min: Math.max(...rows.map((r) => r.cardNo.length)) },
        { header: '持卡人' },
        { header: '网点' },
        { header: '类别' },
        { header: '逾期起', min: 10 },
        { header: '回收期限', min: 12 },
        { header: '逾期天数', align: 'right' },
      ],
      rows.map((r) => [r.cardNo, r.holderName ?? '-', r.site.name, r.phase === 'warning' ? `${PHASE_LABELS.warning}·${CATEGORY_LABELS[r.category]}` : CATEGORY_LABELS[r.category], r.overdueFrom, dueCell(r), String(r.daysOverdue)]),
      100,
    ),
  ].join('\n');
}

export function formatOverdueCsv(rows: readonly OverdueRow[]): string {
  return spreadsheetCsv([
    ['社保卡号', '持卡人', '证件号码（脱敏）', '网点编码', '网点', '批次', '状态', '接收或代领日期', '类别', '阶段', '逾期起始日', '回收期限', '期限依据', '逾期天数', '已过回收期限'],
    ...rows.map((r) => [
      r.cardNo,
      r.holderName ?? '',
      r.holderIdMasked ?? '',
      r.site.code,
      r.site.name,
      r.batch ?? '',
      stateLabel(r.state),
      r.receivedOn ?? '',
      CATEGORY_LABELS[r.category],
      PHASE_LABELS[r.phase],
      r.overdueFrom,
      r.recallDueBy,
      BASIS_LABELS[r.recallDueBasis] ?? r.recallDueBasis,
      r.daysOverdue,
      r.late ? '是' : '否',
    ]),
  ]);
}

export function overdueCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'overdue',
    '须回收的卡：逾期未领、睡眠卡、持卡人死亡，附回收期限（本网点及下级；--warnings 含预警期内的；--csv 表格文件）',
    (c) =>
      c
        .option('site', { type: 'string', describe: '只看此网点及其下级（网点编码）' })
        .option('as-of', { type: 'string', describe: '按此日期评估（YYYY-MM-DD，默认今天）' })
        .option('warnings', { type: 'boolean', default: false, describe: '同时列出预警期内、尚未逾期的卡' })
        .option('csv', { type: 'boolean', default: false, describe: 'CSV（带 BOM，Excel/WPS 可直接打开；证件号已脱敏）' })
        .option('out', { type: 'string', describe: '写入此文件（仅本人可读），而不是输出到屏幕' })
        .check(usageCheck('--as-of 须是有效日期，格式 YYYY-MM-DD。', (a: { 'as-of'?: string }) => a['as-of'] === undefined || isIsoDate(a['as-of']))),
    (argv) =>
      withLedger(argv, async (ledger) => {
        const actor = await actorFor(ledger, argv);
        const rows = overdueList(ledger, actor, workingCalendar(), { siteCode: argv.site, asOf: argv['as-of'], includeWarnings: argv.warnings });
        const asOf = argv['as-of'] ?? todayInChina();
        const o = out();
        const format = argv.csv ? 'csv' : 'text';
        if (argv.out) {
          // Holders' names: readable by the owner only (HB Art. 42), as the console's exports.
          writeFileSync(argv.out, argv.csv ? formatOverdueCsv(rows) : `${formatOverdueText(rows, asOf)}\n`, { mode: 0o600 });
          emit(o, { format, rows: rows.length, path: argv.out }, () => `须回收的卡（${rows.length} 张）已保存到 ${argv.out}`);
        } else if (argv.csv) {
          const text = formatOverdueCsv(rows);
          if (o.json) emit(o, { format, rows: rows.length, text }, () => text);
          else process.stdout.write(text);
        } else emit(o, rows, () => formatOverdueText(rows, asOf));
      }),
  );
}
