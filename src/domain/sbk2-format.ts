/**
 * The batch application file of GD Annex 6 (批量申请数据文件): a zip named
 * `SBK2_银行_经办机构_人数_时间.zip` holding a text file of the same name (`.txt`) and a folder
 * `PHOTO`. GD Annex 6: 文件的第1行为申请社保卡的总人数。文件的第2行为标题行……标题行格式为：
 * 序号*,申领表编码*,…,收表网点。列名中打“*”号的项不能为空。
 *
 * sbk-data-table: the Annex's column names, which the file must carry verbatim.
 */
export const SBK2_HEADER = [
  '序号', '申领表编码', '卡类别', '国籍', '证件类型', '证件号码', '证件有效期', '姓名', '性别', '民族',
  '出生日期', '人员状态', '户口性质', '户口地址', '联系手机', '联系电话', '通讯地址', '邮政编码', '电子邮箱', '户籍地',
  '职业', '单位编号', '单位名称', '监护人证件类型', '监护人证件号码', '监护人姓名', '服务银行', '相片回执', '收表网点',
] as const;

export type Sbk2Column = (typeof SBK2_HEADER)[number];

/** GD Annex 6: the starred columns, which may not be empty. */
export const SBK2_REQUIRED: ReadonlySet<Sbk2Column> = new Set<Sbk2Column>([
  '序号', '申领表编码', '卡类别', '国籍', '证件类型', '证件号码', '证件有效期', '姓名', '性别', '民族',
  '出生日期', '联系电话', '职业', '服务银行',
]);

/** GD Annex 6 【批量申请数据文件输入数据】: each column's length (字符型 N). */
export const SBK2_MAX_LENGTH: Readonly<Partial<Record<Sbk2Column, number>>> = {
  申领表编码: 20, 卡类别: 1, 国籍: 3, 证件类型: 1, 证件号码: 18, 证件有效期: 8, 姓名: 50, 性别: 1, 民族: 2,
  出生日期: 8, 人员状态: 1, 户口性质: 2, 户口地址: 100, 联系手机: 20, 联系电话: 20, 通讯地址: 100, 邮政编码: 6,
  电子邮箱: 30, 户籍地: 6, 单位编号: 20, 单位名称: 100, 监护人证件类型: 1, 监护人证件号码: 18, 监护人姓名: 50,
  服务银行: 5, 收表网点: 20, 职业: 7,
};

/** GD Annex 6: the photo folder's name. */
export const SBK2_PHOTO_DIR = 'PHOTO';
/** GD Annex 6: 若申请人年龄小于7周岁，可不传相片 (and 未满七周岁的学龄前儿童不采集和印刷相片). */
export const PHOTO_FREE_BELOW_AGE = 7;
/** Larger entries are not decompressed: the text file, and each photo (an Annex photo is 14–40 KB). */
export const SBK2_TEXT_MAX_BYTES = 64 << 20;
export const SBK2_PHOTO_MAX_BYTES = 1 << 20;

/** The columns the checks name in their problems, by an English key. */
export const SBK2_COL = {
  seq: '序号',
  formCode: '申领表编码',
  idNumber: '证件号码',
  birthDate: '出生日期',
  mobile: '联系手机',
  phone: '联系电话',
} as const satisfies Record<string, Sbk2Column>;
