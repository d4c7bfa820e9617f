/**
 * What the reader of batch application files (src/domain/sbk2-file.ts, GD Annex 6) says about
 * a file. The file goes back to whoever made it (the unit or the city card body), so each
 * problem ends with the action.
 */
const ANNEX = '广东省附件6';
const ACTION = '请更正批量申请数据文件后重新提供。';

export const sbk2FileTexts = {
  where: {
    file: (message: string) => `文件：${message}`,
    entry: (p: { entry: string; message: string }) => `「${p.entry}」：${p.message}`,
    line: (p: { line: number; message: string }) => `第 ${p.line} 行：${p.message}`,
    cell: (p: { line: number; column: string; message: string }) => `第 ${p.line} 行「${p.column}」：${p.message}`,
    /** The column before the message, where the line is shown apart (the console's problem list). */
    column: (p: { column: string; message: string }) => `「${p.column}」${p.message}`,
  },
  withAction: (message: string) => `${message}${ACTION}`,
  fileName: `文件名应为「SBK2_银行(5位)_经办机构(14位)_人数_时间(YYYYMMDDHHMMSS).zip」（${ANNEX}）。${ACTION}`,
  notZip: `文件不是可读的 zip 压缩包（${ANNEX}：批量申请数据文件为 zip 格式）。${ACTION}`,
  textMissing: (name: string) => `压缩包中没有文本文件「${name}」（${ANNEX}：文本文件的命名与压缩包一致）。${ACTION}`,
  entryTooLarge: (max: number) => `文件过大（超过 ${max} 字节），未读取。${ACTION}`,
  strayEntry: `压缩包中只应有一个文本文件和 PHOTO 目录（${ANNEX}），这个文件不属于其中。${ACTION}`,
  empty: `文本文件是空的：第1行应为总人数，第2行为标题，第3行起为正文（${ANNEX}）。${ACTION}`,
  countFormat: `第1行应为申请社保卡的总人数（一个整数，${ANNEX}）。${ACTION}`,
  headerMissing: `缺少标题行（${ANNEX}：文件的第2行为标题行）。${ACTION}`,
  header: (p: { expected: string; column: number; found: string }) =>
    `标题行应为「${p.expected}」（${ANNEX}），第 ${p.column} 列却是「${p.found}」。${ACTION}`,
  noRows: `文件中没有正文行（第3行起每位申请人一行）。${ACTION}`,
  countRows: (p: { line1: number; rows: number }) => `第1行的总人数为${p.line1}，但文件实有${p.rows}行正文。${ACTION}`,
  nameCount: (p: { declared: number; rows: number }) => `文件名中的人数为${p.declared}，但文件实有${p.rows}行正文。${ACTION}`,
  fieldCount: (p: { expected: number; found: number }) => `应有${p.expected}列（值为空的列仍用半角“,”分隔），这里有${p.found}列。${ACTION}`,
  required: `此项为必填项（标题中打“*”号），不能为空（${ANNEX}）。${ACTION}`,
  tooLong: (max: number) => `超过${max}个字符（${ANNEX}）。${ACTION}`,
  seq: (expected: number) => `序号应为 ${expected}（从1起顺序编号）。${ACTION}`,
  birthDate: `出生日期应为 YYYYMMDD 格式的有效日期。${ACTION}`,
  birthDateMismatch: `出生日期与证件号码中的出生日期不一致。${ACTION}`,
  mobile: `联系手机应为11位手机号码。${ACTION}`,
  phone: `联系电话只能包含数字、“-”、“+”和空格，至少7位数字。${ACTION}`,
  duplicateId: (first: number) => `证件号码与第 ${first} 行重复：同一人在一个文件中只能申请一次。${ACTION}`,
  duplicateForm: (first: number) => `申领表编码与第 ${first} 行重复。${ACTION}`,
  photoMissing: `缺少相片「PHOTO/身份证号姓名.jpg」（${ANNEX}；未满7周岁的可不传）。${ACTION}`,
  photoName: `相片名应为「身份证号姓名.jpg」：18位身份证号，字母大写，中间没有分隔符（${ANNEX}）。${ACTION}`,
  photoNameLowerX: `相片名中身份证号的字母必须大写（X）（${ANNEX}）。${ACTION}`,
  photoNoRow: `这张相片在文本文件中没有对应的申请人（证件号码与姓名）。${ACTION}`,
  photoNotJpeg: `相片不是 JPEG 文件（${ANNEX}：采用JPEG压缩技术）。${ACTION}`,
  photoTwice: `同一申请人有两张相片。${ACTION}`,
};
