/**
 * What mail delivery (邮递上门, GD Art. 14; HB Art. 36) writes on each movement: the card's history
 * keeps these words, so they are kept as they are.
 */
export const mailText = {
  /** What each field is called in a too-long error. */
  fields: { address: '收件地址', carrier: '邮寄公司', trackingNo: '运单号', recipient: '收件人', code: '取件码或签收凭证' },
  sentMethod: '邮递上门',
  /** The carrier as recorded on the `mail` movement. */
  carrier: (p: { carrier: string; trackingNo: string }) => `${p.carrier}（运单号 ${p.trackingNo}）`,
  deliveredMethod: '邮寄签收',
  deliveredReason: (p: { code: string }) => `凭短信取件码或签收凭证 ${p.code} 签收`,
  returnedMethod: '邮寄退回入库',
} as const;
