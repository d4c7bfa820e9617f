/**
 * What the reader of the card maker's return files (src/domain/maker-file.ts,
 * maker-file-name.ts) says about a file: each problem with what to do. The file goes back to the
 * maker, so a problem in the rows ends with the action. Column and field names are the Annex's
 * own (src/domain/maker-file-format.ts) and come in as parameters.
 */
import { cardLabels } from './card-labels.ts';

const ANNEX = '广东省附件9 一(四)';
/** Every row error ends with what the office can do: the file is the maker's to fix. */
const ACTION = '请联系卡商更正回盘文件后重新提供。';

export const makerFileTexts = {
  /** Where a problem is: `第 N 行「列」：…`, `第 N 行：…`, `文件名：…`. */
  where: {
    fileName: (message: string) => `文件名：${message}`,
    line: (p: { line: number; message: string }) => `第 ${p.line} 行：${p.message}`,
    cell: (p: { line: number; column: string; message: string }) => `第 ${p.line} 行「${p.column}」：${p.message}`,
  },
  /** A shared check's message (card codes, IDs, names) with the file-level action appended. */
  withAction: (message: string) => `${message}${ACTION}`,

  // The file as a whole
  empty: `文件是空的：第1行应为记录数量，第2行为标题，第3行起为数据（${ANNEX}）。${ACTION}`,
  countMissing: `第1行应为记录数量，这里却是标题行：文件缺少数量行（${ANNEX}：第1行：数量）。${ACTION}`,
  countFormat: `第1行应为记录数量（一个整数，${ANNEX}），这里不是整数。${ACTION}`,
  headerMissing: (lastLine: number) =>
    `文件在第${lastLine}行后就结束了，缺少标题行和数据（${ANNEX}：第2行：标题，第3行起：正文）。文件可能不完整，${ACTION}`,
  noRows: `文件中没有数据行（第3行起应为每张卡一行）。${ACTION}`,
  countRows: (p: { line1: number; rows: number }) =>
    `第1行的记录数为${p.line1}，但文件实有${p.rows}行数据。文件可能不完整或有多余的行，${ACTION}`,
  nameCountRows: (p: { declared: number; rows: number }) => `文件名中的数量为${p.declared}，但文件实有${p.rows}行数据。${ACTION}`,
  nameCountLine1: (p: { declared: number; line1: number }) => `文件名中的数量为${p.declared}，但第1行的记录数为${p.line1}。${ACTION}`,

  // The header line
  headerIsData: (header: string) =>
    `标题行应为「${header}」（${ANNEX}），这里却是一行数据（第1列是序号）：文件可能缺少标题行。${ACTION}`,
  header: (p: { header: string; diffs: readonly string[]; more: number }) =>
    `标题行应为「${p.header}」（${ANNEX}）：${p.diffs.join('；')}${p.more > 0 ? `；另有${p.more}处不符` : ''}。请确认这是卡商回盘文件；${ACTION}`,
  headerDiff: {
    extra: (p: { n: number; have: string }) => `多出第${p.n}列「${p.have}」`,
    missing: (p: { n: number; want: string }) => `缺少第${p.n}列「${p.want}」`,
    wrong: (p: { n: number; want: string; have: string }) => `第${p.n}列应为「${p.want}」，实为「${p.have}」`,
  },

  // One data line
  blankLine: `这是数据中间的空行，不计入记录数。请删除空行或补全该行数据；${ACTION}`,
  encoding: `该行含有无法识别的字符：文件可能已损坏，或不是 UTF-8、GB18030 编码。${ACTION}`,
  fieldCount: (p: { have: number; want: number; header: string }) =>
    `该行有${p.have}个字段，应为${p.want}个（${p.header}，以半角逗号分隔，空字段也要保留逗号）。${ACTION}`,
  seqFormat: (empty: boolean) => `序号应为从1开始的正整数${empty ? '，这里为空' : ''}。${ACTION}`,
  seqDuplicate: (p: { n: number; first: number }) => `序号${p.n}与第${p.first}行重复。${ACTION}`,
  seqGap: (p: { expected: number; n: number }) =>
    `序号应为${p.expected}，这里是${p.n}：缺少序号${p.n - 1 === p.expected ? `${p.expected}` : `${p.expected}至${p.n - 1}`}，可能漏了数据行。${ACTION}`,
  seqOrder: (p: { n: number; expected: number }) => `序号${p.n}不在顺序位置上（此处应为${p.expected}），序号应从1起依次递增。${ACTION}`,
  required: (p: { column: string; kind: keyof typeof cardLabels.kinds; why?: string }) =>
    `${p.column}为空：${cardLabels.kinds[p.kind]}回盘文件的每一行都必须填写${p.column}${p.why ?? ''}。${ACTION}`,
  /** Why 装箱位置 is required. */
  boxPositionWhy: '（卡片按箱签收和盘点）',
  duplicate: (p: { column: string; first: number }) =>
    `${p.column}与第${p.first}行重复，同一文件中每张卡的${p.column}必须不同。${ACTION}`,
  cardPlaceholder: `成品卡的社保卡号不能以占位符“*”开头，应为卡面上的实际卡号。${ACTION}`,
  prefabHolder: (column: string) =>
    `预制卡是空白卡，没有持卡人，${column}一栏应为空（${ANNEX}）。请确认文件类型是否正确（成品卡回盘文件以 CPKCG_ 开头）；${ACTION}`,
  date: (column: string) => `${column}应为实际存在的日期，写作 YYYYMMDD 或 YYYY-MM-DD（如 20261118）。${ACTION}`,
  dateFuture: (p: { column: string; date: string; today: string }) =>
    `${p.column}${p.date}晚于今天（${p.today}），卡片不可能尚未制作就已交付。${ACTION}`,
  dateOrder: (p: { expiryColumn: string; expiry: string; issueColumn: string; issue: string }) =>
    `${p.expiryColumn}（${p.expiry}）应晚于${p.issueColumn}（${p.issue}）。${ACTION}`,
  boxPosition: `装箱位置应以箱号开头（如 01-007 表示第01箱第7张），这里“-”前没有箱号。${ACTION}`,
  /** The outer fence of every column (maker-file-fields.ts); the value itself is never repeated. */
  fieldTooLong: (p: { column: string; max: number; have: number }) =>
    `${p.column}最长${p.max}个字符，这里有${p.have}个：可能错列、少了逗号或混入了其他数据。${ACTION}`,
  fieldControl: (p: { column: string; char: string }) =>
    `${p.column}含有控制字符或不可见的格式字符（${p.char}），文件可能已损坏或混入了其他数据。${ACTION}`,
  fieldChars: (p: { column: string; allowed: string }) => `${p.column}含有不允许的字符：${p.allowed}。${ACTION}`,
  allowed: {
    boxPosition: '只能由字母、汉字、数字、空格和 - _ / . # 组成（如 01-007 表示第01箱第7张）',
  },
  account: (column: string) => `${column}只能由字母和数字组成（最长40位），请核对是否错列。${ACTION}`,

  /** The file's name (maker-file-name.ts). */
  name: {
    expected: (pattern: string) => `文件名应为 ${pattern}（${ANNEX}），成品卡回盘文件以 CPKCG_ 开头`,
    extension: (expected: string) => `回盘文件应为 .txt 文本文件；${expected}。请向卡商确认文件是否正确。`,
    prefix: (prefix: string) =>
      `无法识别的文件名前缀“${prefix}”：预制卡回盘文件以 YZKCG_ 开头，成品卡回盘文件以 CPKCG_ 开头。请确认这是卡商的回盘文件。`,
    fields: (p: { fields: readonly string[]; have: number; expected: string }) =>
      `文件名中前缀之后应有${p.fields.length}段（${p.fields.join('_')}），以下划线分隔，实有${p.have}段；${p.expected}。请卡商按规范重新命名。`,
    fieldEmpty: (p: { field: string; expected: string }) => `文件名中的“${p.field}”一段为空；${p.expected}。请卡商补全后重新提供。`,
    count: (p: { field: string; value: string }) => `文件名中的“${p.field}”应为正整数，实为“${p.value}”。请卡商更正文件名。`,
    bankCode: (p: { field: string; value: string }) => `文件名中的“${p.field}”只能由字母和数字组成，实为“${p.value}”。请卡商更正文件名。`,
    time: (p: { field: string; value: string }) =>
      `文件名中的“${p.field}”应为 YYYYMMDDHHmmss 形式的实际日期时间（如 20261120093000），实为“${p.value}”。请卡商更正文件名。`,
    unreadable: '文件名无法识别。',
  },
} as const;
