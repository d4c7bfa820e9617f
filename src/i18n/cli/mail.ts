/**
 * `sbk issue --receiver mail` and `sbk mail`: 邮递上门 (GD Art. 14; HB Art. 36): help texts and
 * what they print.
 */
export const mailCliText = {
  address: '收件地址（邮寄时必填）',
  carrier: '邮寄公司，如 中国邮政EMS（邮寄时必填）',
  tracking: '运单号（邮寄时必填）',
  recipient: '收件人（默认持卡人本人）',
  mailRequired: '邮寄（--receiver mail）须写明 --address、--carrier 和 --tracking，不登记代领人。',
  mailOnly: '--address、--carrier、--tracking 和 --recipient 只用于邮寄（--receiver mail）。',
  holderIdRequired: '本人或代领须用 --holder-id 写明持卡人出示的证件号码。',
  mailed: (p: { cardNo: string; recipient: string; carrier: string; trackingNo: string; secondIssue: boolean }) =>
    `已交寄卡 ${p.cardNo}（收件人 ${p.recipient}，${p.carrier} 运单号 ${p.trackingNo}${p.secondIssue ? '，回收后二次发放' : ''}），状态：邮寄途中。`,
  /** GD Art. 14 一(三). */
  mailReminder: '请告知持卡人：凭短信取件码签收社保卡；邮递费用按规定分担。签收后用 sbk mail delivered 登记，退回用 sbk mail returned。',
  replayed: (p: { cardNo: string }) => `此次邮寄已登记过（卡 ${p.cardNo}），未重复记录。`,
  describe: '邮寄中的卡：登记签收（delivered）、退回（returned），列出邮寄途中的卡（list）',
  demand: '请选择 delivered、returned 或 list。',
  delivered: {
    describe: '登记持卡人已凭短信取件码（或签收凭证）签收：卡即为已发放',
    code: '短信取件码或签收凭证号',
    done: (p: { cardNo: string; trackingNo: string }) => `卡 ${p.cardNo} 已签收（运单号 ${p.trackingNo}），状态：已发放。`,
  },
  returned: {
    describe: '登记邮件退回：卡放回本网点保管地点，并按邮寄信息错误登记回收（GD 第三十二条）',
    note: '退回原因（如 查无此人、地址不详）',
    place: '放入的保管地点（默认本网点第一个）',
    done: (p: { cardNo: string; trackingNo: string }) => `卡 ${p.cardNo} 已退回入库（运单号 ${p.trackingNo}），已登记回收：邮寄信息错误。可核实地址后重新邮寄，或通知持卡人到网点领取。`,
  },
  replayedOutcome: (p: { cardNo: string }) => `此登记已做过（卡 ${p.cardNo}），未重复记录。`,
  list: {
    describe: '邮寄途中的卡（本网点及下级；证件号已脱敏）',
    none: '没有邮寄途中的卡。',
    head: (p: { cards: number }) => `邮寄途中：${p.cards} 张`,
    columns: { mailedOn: '寄出日期', days: '天数', carrier: '邮寄公司', trackingNo: '运单号', recipient: '收件人', address: '收件地址' },
  },
} as const;
