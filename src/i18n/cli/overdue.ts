/**
 * `sbk overdue`: the cards due for recall (GD Art. 32 一(一)-(三); HB Art. 17): help texts, the
 * table, and the CSV's column names.
 */
import { cliCommon } from './common.ts';

const PHASES = { warning: '预警', overdue: '逾期' } as const;

export const overdueText = {
  describe: '须回收的卡：逾期未领、睡眠卡、持卡人死亡，附回收期限（本网点及下级；--warnings 含预警期内的；--csv 表格文件）',
  warnings: '同时列出预警期内、尚未逾期的卡',
  csv: 'CSV（带 BOM，Excel/WPS 可直接打开；证件号已脱敏）',
  categories: { unclaimed: '逾期未领', sleeping: '睡眠卡（代领未发）', deceased: '持卡人死亡', emigrated: '出境定居', missing: '持卡人失踪', undeliverable: '无法投递（滞留）' },
  phases: PHASES,
  /** What a deadline rests on: the official holiday schedule, or an estimate. */
  bases: { official: '官方节假日安排', provisional: '节假日安排未正式公布（估）', 'no-data': '无节假日数据（估）' } as Readonly<Record<string, string>>,
  /** A category in the warning period: `预警·逾期未领`. */
  warningCategory: (p: { category: string }) => `${PHASES.warning}·${p.category}`,
  none: (p: { asOf: string }) => `截至 ${p.asOf}，没有须回收的卡。`,
  head: (p: { asOf: string; overdue: number; late: number; warning: number }) =>
    `截至 ${p.asOf}：逾期须回收 ${p.overdue} 张${p.late > 0 ? `，其中 ${p.late} 张已过回收期限（⚠）` : ''}${p.warning > 0 ? `；预警 ${p.warning} 张` : ''}。`,
  columns: { overdueFrom: '逾期起', dueBy: '回收期限', days: '逾期天数' },
  saved: (p: { rows: number; path: string }) => `须回收的卡（${p.rows} 张）已保存到 ${p.path}`,
  csvHeader: [
    cliCommon.columns.cardNo,
    cliCommon.columns.holder,
    '证件号码（脱敏）',
    cliCommon.columns.siteCode,
    cliCommon.columns.site,
    cliCommon.columns.batch,
    cliCommon.columns.state,
    '起算日期（接收、代领或制卡）',
    cliCommon.columns.category,
    '阶段',
    '逾期起始日',
    '回收期限',
    '期限依据',
    '逾期天数',
    '已过回收期限',
  ],
  yes: '是',
  no: '否',
} as const;
