/**
 * The layout of the card maker's return file (回盘文件), GD Annex 9 一(四): its column names
 * (line 2 of every file) and the parts of its file name.
 *
 * sbk-data-table: the column and file-name field names the province's file format prescribes;
 * files are matched against them byte for byte, so they are format, not wording.
 */

/** GD Annex 9 一(四), line 2, in this order. */
export const MAKER_HEADER = [
  '序号',
  '社保卡号',
  '身份证号',
  '姓名',
  '制卡日期',
  '有效期至',
  '卡识别码',
  '卡复位码',
  '个人账户',
  '银行卡号',
  '银行账户',
  '装箱位置',
] as const;

export type MakerColumn = (typeof MAKER_HEADER)[number];

/** GD Annex 9 一(四): “回盘数据文件名：YZKCG_银行_市卡管机构_批次_数量_卡商_开户行号_时间.txt”. */
export const MAKER_FILE_NAME_PATTERN = 'YZKCG_银行_市卡管机构_批次_数量_卡商_开户行号_时间.txt';

/** The file name's fields after the prefix, in the Annex's order. */
export const MAKER_NAME_FIELDS = ['银行', '市卡管机构', '批次', '数量', '卡商', '开户行号', '时间'] as const;

/**
 * The largest maker's file read, in bytes (not from the Annex, which sets no size; chosen here).
 * It must hold a real delivery of 1,500,000 cards: a generated finished-card row (maker-file-
 * writer.ts syntheticMakerRows, UTF-8, LF) takes 191 bytes, 1.5 million of them 274 MiB; 384 MiB
 * leaves 40% for longer names and box labels and CRLF line ends. It also keeps the decoded text
 * below V8's longest string (2^29 − 24 UTF-16 units), so a file let in can always be decoded.
 * Checked from the file's size before it is read (read-import-file.ts) and again on the bytes.
 */
export const MAKER_FILE_MAX_BYTES = 384 * 1024 * 1024;
