/**
 * `sbk applications import` (GD Annex 6 batch application files) and `sbk contact` (HB Art. 14:
 * 三个工作日内联系申请单位或个人领取): help texts, tables and the CSV's column names.
 */
import { cliCommon } from './common.ts';

export const applicationsCliText = {
  describe: '批量申请数据文件（SBK2_银行_经办机构_人数_时间.zip，广东省附件6）',
  importDescribe: '登记批量申请数据文件：检查文件名、人数、标题、必填项、证件号码和相片，全部通过才登记',
  check: '只检查，不登记',
  more: (p: { count: number }) => `……另有 ${p.count} 处问题，用 --json 查看全部`,
};

export const contactCliText = {
  describe: '待联系：已到网点、未发放的卡，须在三个工作日内联系申请单位或个人领取（湖北办法第十四条）',
  listDescribe: '待联系名单，附联系期限；电话号码只显示后四位',
  overdue: '只列已过联系期限且未联系的卡',
  csv: 'CSV（带 BOM，供短信平台导入；电话只显示后四位，除非加 --unmasked）',
  unmasked: 'CSV 中给出完整电话号码（供短信平台发送；记入审计日志）',
  recordDescribe: '记录一次联系：电话、短信或通知单位，联系人和时间自动记录',
  by: '联系方式：phone（电话）、sms（短信）、unit（通知单位）',
  result: '联系结果（如“已接通，本人下周来领”）',
  showDescribe: '显示该卡申请人的完整电话、地址和单位（记入审计日志）',
  none: (p: { asOf: string }) => `截至 ${p.asOf}，没有待联系的卡。`,
  head: (p: { asOf: string; total: number; overdue: number; contacted: number }) =>
    `截至 ${p.asOf}：待联系 ${p.total} 张，已联系 ${p.contacted} 张${p.overdue > 0 ? `，其中 ${p.overdue} 张已过联系期限未联系（⚠）` : ''}。`,
  columns: { phone: '电话', unit: '单位', receivedOn: '到卡日期', dueBy: '联系期限', contacted: '已联系' },
  contactedCell: (p: { channel: string; at: string }) => `${p.channel} ${p.at}`,
  notContacted: '未联系',
  noPhone: '无',
  saved: (p: { rows: number; path: string }) => `待联系名单（${p.rows} 张）已保存到 ${p.path}`,
  csvHeader: [
    cliCommon.columns.cardNo,
    cliCommon.columns.holder,
    '证件号码（脱敏）',
    '电话',
    '单位编号',
    '单位名称',
    '申领表编码',
    cliCommon.columns.siteCode,
    cliCommon.columns.site,
    '到卡日期',
    '联系期限',
    '已联系',
    '已过期限',
  ],
  yes: '是',
  no: '否',
  detail: {
    card: '卡号',
    holder: '持卡人',
    idNumber: '证件号码',
    mobile: '联系手机',
    phone: '联系电话',
    address: '通讯地址',
    unit: '单位',
    formCode: '申领表编码',
    contacts: '联系记录',
    noContacts: '（尚无联系记录）',
    field: (label: string, value: string) => `${label}：${value}`,
  },
};
