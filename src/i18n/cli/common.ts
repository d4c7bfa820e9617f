/**
 * Phrases several `sbk` commands share: option help, PIN prompts, table headings and labels.
 * One place, so that a wording fixed once is fixed for every command.
 */
const CARD_NO = '社保卡号';

export const cliCommon = {
  dateInvalid: (p: { flag: string }) => `--${p.flag} 须是有效日期，格式 YYYY-MM-DD。`,
  options: {
    csv: 'CSV（带 BOM，Excel/WPS 可直接打开）',
    out: '写入此文件，而不是输出到屏幕',
    outPrivate: '写入此文件（仅本人可读），而不是输出到屏幕',
    from: '起始日期 YYYY-MM-DD',
    siteScope: '只看此网点及其下级（网点编码）',
    asOf: '按此日期评估（YYYY-MM-DD，默认今天）',
    place: '保管地点（默认本网点第一个）',
    cardNo: CARD_NO,
    cards: `${CARD_NO}（可重复）`,
    cardNos: `${CARD_NO}（可多张）`,
    approver: '复核主管的工号（不能是本人）',
    holderId: '持卡人身份证号码',
    custodian: '保管人：本网点操作员的工号（或姓名），默认本人',
  },
  /** Prompts for a second person's PIN (from $SBK_APPROVER_PIN when set). */
  pins: {
    reviewer: (p: { login: string }) => `复核人 ${p.login} 的密码：`,
    supervisor: (p: { login: string }) => `复核主管 ${p.login} 的密码：`,
    confirmer: (p: { login: string }) => `确认人 ${p.login} 的密码：`,
  },
  columns: {
    cardNo: CARD_NO,
    holder: '持卡人',
    idNumber: '证件号码',
    state: '状态',
    site: '网点',
    siteCode: '网点编码',
    batch: '批次',
    reason: '原因',
    cards: '张数',
    category: '类别',
    onHand: '在库',
  },
  cardKinds: { finished: '成品卡', prefab: '预制卡' },
  /** What a discrepancy or a count variance is. */
  differences: { missing: '缺少', extra: '多出', damaged: '损坏' },
  /** After a date or a figure that rests on a holiday schedule not yet official. */
  estimated: '（估）',
} as const;
