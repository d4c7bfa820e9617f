import type { ErrorTextTable } from '../error-text-table.ts';
import { cardLabels } from '../domain/card-labels.ts';

/**
 * Error messages raised in `src/domain/`, by key. A key is the error's code, or `CODE.variant`
 * where one code has several texts. Parameters are typed; rule figures come in as parameters.
 */

type StateName = keyof typeof cardLabels.states;
type MovementName = keyof typeof cardLabels.movements;
type KindName = keyof typeof cardLabels.kinds;

const cardRef = (cardNo: string | null): string => (cardNo ? `卡 ${cardNo}` : '该卡');
const stateName = (s: StateName | 'none'): string => (s === 'none' ? cardLabels.noState : cardLabels.states[s]);
const holidayData = (what: string): string => `节假日数据无效：${what}`;
const siteData = (what: string): string => `网点数据有误：${what}`;
const shown = (v: unknown): string => String(JSON.stringify(v));
/** Bytes in MiB with one decimal, as a file manager shows a large file. */
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** The dates calendar.ts is handed, as its messages name them. */
const CALENDAR_DATE_FIELDS = { date: '日期', from: '起算日期', start: '起始日期', end: '结束日期' } as const;
/** The dates overdue.ts is handed, as its messages name them. */
const OVERDUE_DATE_FIELDS = {
  asOf: '评估日期',
  receivedOn: '入库日期',
  pickedUpOn: '代领日期',
  deceasedOn: '持卡人死亡登记日期',
  flaggedOn: '持卡人情况登记日期',
  recalledOn: '回收日期',
} as const;
/** The reference dates a check takes as an option. */
const OPTION_DATE_FIELDS = { today: '参考日期 today ', earliestBirthDate: '最早出生日期 ' } as const;
const SITE_KINDS = { service_office: '经办网点', bank_branch: '银行网点' } as const;

export const domainErrors = {
  // card-states.ts
  TRANSITION_NOT_FOR_KIND: (p: { cardNo: string | null; kind: KindName; type: MovementName }) =>
    `${cardRef(p.cardNo)}是${cardLabels.kinds[p.kind]}，不能做“${cardLabels.movements[p.type]}”操作。`,
  TRANSITION_ILLEGAL: (p: { cardNo: string | null; from: StateName | 'none'; type: MovementName }) =>
    `${cardRef(p.cardNo)}当前状态为“${stateName(p.from)}”，不能做“${cardLabels.movements[p.type]}”。请先查询该卡的流转记录。`,
  SECOND_OPERATOR_REQUIRED: (p: { type: MovementName }) => `“${cardLabels.movements[p.type]}”需要另一名主管复核确认。`,
  SECOND_OPERATOR_SAME: () => '复核人不能是经办人本人，请换另一名主管复核。',
  COUNTERPART_REQUIRED: (p: { type: MovementName }) => `“${cardLabels.movements[p.type]}”必须登记对方姓名（签收人/领取人/代领人）。`,
  'REASON_REQUIRED.movement': (p: { type: MovementName }) => `“${cardLabels.movements[p.type]}”必须填写原因。`,

  // recall-reasons.ts
  'REASON_REQUIRED.recallOther': () => '回收原因选“其他”时必须写明具体原因。',
  RECALL_REASON_UNKNOWN: (p: { code: string; choices: readonly { code: string; label: string }[] }) =>
    `回收原因“${p.code}”无法识别，可选：${p.choices.map((r) => `${r.code}（${r.label}）`).join('、')}。`,

  // overdue.ts
  'DATE_INVALID.overdue': (p: { field: keyof typeof OVERDUE_DATE_FIELDS; value: unknown }) =>
    `${OVERDUE_DATE_FIELDS[p.field]}“${String(p.value)}”不是有效日期，应为 YYYY-MM-DD。`,
  WARNING_DAYS_INVALID: (p: { warningDays: number }) => `预警天数 ${p.warningDays} 必须是不小于 0 的整数。`,
  RECALL_DATE_MISSING: () =>
    `该卡状态为“${cardLabels.states.recalled}”，但台账中没有回收日期，无法判断二次发放期限。请查询该卡的流转记录。`,

  // rule-profiles.ts
  RULE_PROFILE_UNKNOWN: (p: { code: string; known: readonly { code: string; label: string }[] }) =>
    `台账的业务规程“${p.code}”无法识别，可用的有：${p.known.map((k) => `${k.code}（${k.label}）`).join('、')}。请检查台账设置或升级本程序。`,

  // calendar.ts: the holiday data files
  'CALENDAR_DATA_INVALID.notObject': () => holidayData('年度数据必须是一个 JSON 对象。'),
  'CALENDAR_DATA_INVALID.unknownField': (p: { field: string }) => holidayData(`不认识的字段「${p.field}」。`),
  'CALENDAR_DATA_INVALID.year': (p: { value: unknown }) => holidayData(`year 应为四位年份，实际为 ${shown(p.value)}。`),
  'CALENDAR_DATA_INVALID.source': (p: { year: number }) =>
    holidayData(`${p.year} 年缺少 source（数据出处，如国务院办公厅通知的文号）。`),
  'CALENDAR_DATA_INVALID.status': (p: { year: number; value: unknown }) =>
    holidayData(`${p.year} 年的 status 应为 official 或 provisional，实际为 ${shown(p.value)}。`),
  'CALENDAR_DATA_INVALID.notes': (p: { year: number }) => holidayData(`${p.year} 年的 notes 必须是文本。`),
  'CALENDAR_DATA_INVALID.list': (p: { year: number; field: string }) => holidayData(`${p.year} 年缺少 ${p.field} 列表。`),
  'CALENDAR_DATA_INVALID.listDate': (p: { year: number; field: string; index: number; value: unknown }) =>
    holidayData(`${p.year} 年 ${p.field} 第 ${p.index + 1} 项「${typeof p.value === 'string' ? p.value : shown(p.value)}」不是有效日期（YYYY-MM-DD）。`),
  'CALENDAR_DATA_INVALID.listYear': (p: { year: number; field: string; value: string }) =>
    holidayData(`${p.year} 年 ${p.field} 中的 ${p.value} 不在 ${p.year} 年内。`),
  'CALENDAR_DATA_INVALID.listDuplicate': (p: { year: number; field: string; value: string }) =>
    holidayData(`${p.year} 年 ${p.field} 中的 ${p.value} 重复列出。`),
  'CALENDAR_DATA_INVALID.workdayNotWeekend': (p: { year: number; value: string }) =>
    holidayData(`${p.year} 年 workdays 中的 ${p.value} 不是星期六或星期日，调休上班日只能是周末。`),
  'CALENDAR_DATA_INVALID.holidayAndWorkday': (p: { year: number; value: string }) =>
    holidayData(`${p.value} 同时出现在 ${p.year} 年的 holidays 和 workdays 中。`),
  'CALENDAR_DATA_INVALID.yearTwice': (p: { year: number }) => holidayData(`${p.year} 年的数据出现了两次。`),

  // calendar.ts: arguments
  'CALENDAR_ARGUMENT_INVALID.date': (p: { field: keyof typeof CALENDAR_DATE_FIELDS; value: unknown }) =>
    `${CALENDAR_DATE_FIELDS[p.field]}「${String(p.value)}」不是有效日期，应为 YYYY-MM-DD。`,
  'CALENDAR_ARGUMENT_INVALID.days': (p: { days: number }) => `天数 ${p.days} 必须是整数。`,
  'CALENDAR_ARGUMENT_INVALID.months': (p: { months: number }) => `月数 ${p.months} 必须是整数。`,
  'CALENDAR_ARGUMENT_INVALID.monthsRange': (p: { date: string; months: number }) =>
    `${p.date} 加 ${p.months} 个月超出可表示的年份。`,
  'CALENDAR_ARGUMENT_INVALID.workingDays': (p: { n: number; max: number }) =>
    `工作日数 ${p.n} 必须是绝对值不超过 ${p.max} 的整数。`,
  'CALENDAR_ARGUMENT_INVALID.span': (p: { a: string; b: string }) => `${p.a} 与 ${p.b} 相隔太远，无法逐日计算。`,

  // resident-id.ts, maker-file.ts: reference dates passed in by the caller
  'INVALID_DATE.option': (p: { field: keyof typeof OPTION_DATE_FIELDS; value: string }) =>
    `${OPTION_DATE_FIELDS[p.field]}必须是 YYYY-MM-DD 格式的有效日期。`,
  'ID_FORMAT.checkChar': () => '计算校验码需要恰好17位数字。',

  // luhn.ts
  'LUHN.checkDigit': () => '计算 Luhn 校验位需要非空的纯数字串。',
  CONFIG_EXEMPT_BIN: () => '免 Luhn 校验的卡号前缀配置有误：每个前缀必须是非空的纯数字串。',

  // csv.ts
  'CSV_INVALID.quoteInField': (p: { line: number }) =>
    `CSV 第 ${p.line} 行：引号只能出现在字段开头（字段内的引号须写成两个引号 ""）。`,
  'CSV_INVALID.afterQuote': (p: { line: number }) => `CSV 第 ${p.line} 行：引号字段结束后只能跟逗号或换行。`,
  'CSV_INVALID.unclosedQuote': (p: { line: number }) => `CSV 第 ${p.line} 行：引号没有闭合，文件可能被截断。`,
  'CSV_INVALID.header': (p: { file: string; expected: readonly string[]; actual: readonly string[] | null }) =>
    `${p.file} 的表头应为「${p.expected.join(',')}」，实际为「${p.actual?.join(',') ?? '（空文件）'}」。`,
  'CSV_INVALID.fieldCount': (p: { file: string; record: number; fields: number; expected: number }) =>
    `${p.file} 第 ${p.record} 条记录有 ${p.fields} 个字段，应为 ${p.expected} 个。`,

  // maker-file-writer.ts (fixtures and tests: a bug in the caller)
  MAKER_FILE_TOO_LARGE: (p: { size: number; max: number; path?: string }) =>
    `${p.path ? `文件 ${p.path} ` : '该文件'}有 ${mib(p.size)} MB，超过回盘文件的上限 ${mib(p.max)} MB（足够约 150 万张卡）：这不像一个回盘文件，也可能是几个批次被拼在了一起。请核对文件；确是回盘文件的，请卡商按批次拆分后重新提供。`,
  'MAKER_WRITE.nameParts': () => '回盘文件名的各段不能为空，也不能含有下划线或路径分隔符。',
  'MAKER_WRITE.fieldChars': () => '回盘文件的字段中不能含有逗号或换行（该格式没有引号转义）。',
  'MAKER_WRITE.cardPrefix': () => '卡号前缀应为1至8位大写字母或数字，且剩余位数要容得下行号。',
  'MAKER_WRITE.boxSize': () => '每箱张数应为正整数，BIN 应为1至10位数字。',

  // card-face.ts
  FACE_RARE_NAME: (p: { name: string }) =>
    `姓名“${p.name}”含生僻字：请把中括号及拼音换成该字本身后再制卡（广东省社保卡业务经办规程附件9：去除姓名中的半角中括号的生僻字表述，输入恰当的生僻字）。`,
  FACE_PHOTO_MISSING: () => '没有申请人相片，不能印制卡面：请先采集或导入相片。',

  // site-hierarchy.ts: the site fixtures
  'SITE_DATA_INVALID.seq': (p: { file: string; value: string }) => siteData(`${p.file} 的序号「${p.value}」不是正整数。`),
  'SITE_DATA_INVALID.regionCode': (p: { file: string; seq: number | string; value: string }) =>
    siteData(`${p.file} 第 ${p.seq} 条的行政区划代码「${p.value}」不是 6 位数字。`),
  'SITE_DATA_INVALID.level': (p: { file: string; code: string; level: string }) =>
    siteData(`${p.file} 中 ${p.code} 的级别「${p.level}」应为 province、city 或 county。`),
  'SITE_DATA_INVALID.noName': (p: { file: string; code: string }) => siteData(`${p.file} 中 ${p.code} 没有名称。`),
  'SITE_DATA_INVALID.regionCodeFormat': (p: { code: string }) => siteData(`行政区划代码「${p.code}」不是 6 位数字。`),
  'SITE_DATA_INVALID.regionDuplicate': (p: { code: string }) => siteData(`行政区划代码 ${p.code} 重复。`),
  'SITE_DATA_INVALID.parentRegionMissing': (p: { code: string; name: string; parentCode: string }) =>
    siteData(`${p.code} ${p.name} 的上级区划 ${p.parentCode} 不在区划表中。`),
  'SITE_DATA_INVALID.parentRegionLevel': (p: { code: string; name: string; parentCode: string; wanted: string; level: string }) =>
    siteData(`${p.code} ${p.name} 的上级 ${p.parentCode} 应为 ${p.wanted} 级，实际为 ${p.level} 级。`),
  'SITE_DATA_INVALID.serialOverflow': (p: { regionCode: string; siteKind: keyof typeof SITE_KINDS }) =>
    siteData(`区划 ${p.regionCode} 下的${SITE_KINDS[p.siteKind]}超过 99 个，两位序号不够用。`),
  'SITE_DATA_INVALID.unknownRegion': (p: { regionCode: string; siteKind: keyof typeof SITE_KINDS; seq: number }) =>
    siteData(`${SITE_KINDS[p.siteKind]}第 ${p.seq} 条的区划 ${p.regionCode} 不在区划表中。`),
  'SITE_DATA_INVALID.siteDuplicate': (p: { code: string }) => siteData(`网点编码 ${p.code} 重复。`),
  'SITE_DATA_INVALID.orphan': () => siteData('有网点挂在不存在的上级下。'),
  'SITE_DATA_INVALID.parentNotListed': (p: { code: string; parentCode: string }) =>
    siteData(`网点 ${p.code} 的上级 ${p.parentCode} 不在网点列表中。`),
  'SITE_DATA_INVALID.cycle': (p: { code: string }) => siteData(`网点 ${p.code} 的上级关系成环。`),
  'SITE_NOT_FOUND.inSeeds': (p: { code: string }) => `没有编码为 ${p.code} 的网点。`,
  // site-codes.ts: sites an administrator adds
  SITE_REGION_INVALID: (p: { region: string }) => `“${p.region}”不是 6 位行政区划代码（如 440100）。`,
  SITE_PARENT_KIND: (p: { parent: string; kind: string }) => `网点 ${p.parent} 下不能设此类网点（${p.kind}）：银行网点和乡镇/社区服务点下不再设网点，县区设在市卡管中心下。`,
  SITE_REGION_OUTSIDE: (p: { region: string; parent: string }) => `行政区划 ${p.region} 不在上级网点 ${p.parent} 的辖区内。`,
  SITE_CODE_TAKEN: (p: { code: string }) => `网点编码 ${p.code} 已被使用。`,
  SITE_SERIALS_FULL: (p: { region: string; kind: string }) => `行政区划 ${p.region} 下此类网点（${p.kind}）的编号 01-99 已用完。`,
  SITE_CODE_FORMAT: (p: { code: string; kind: string; region: string }) =>
    `网点编码 ${p.code} 不符合规则：县区用行政区划代码；经办网点为 ${p.region}-NN，银行网点为 ${p.region}-BNN，乡镇/社区服务点为 ${p.region}-SNN（${p.kind}）。`,

  // box-label.ts: what a scan or a count entry names
  SCAN_EMPTY: () => '扫描内容为空。',
  BOX_COUNT_INVALID: (p: { entry: string; count: string }) =>
    `“${p.entry}”未记录：张数“${p.count}”不是数字。张数只能写数字，如 01=500 或 YZ2026110003/01=500。`,
  BOX_LABEL_INVALID: (p: { entry: string }) => `“${p.entry}”未记录：等号前应是箱号，写作“批次/箱号”或箱号，如 YZ2026110003/01=500。`,
  'BOX_LABEL_INVALID.hopper': (p: { entry: string }) => `“${p.entry}”未记录：@ 后应是卡盒名称，如 @制卡机1-卡盒1=10。`,
} as const satisfies ErrorTextTable;
