/**
 * What the issuance ledger (发放管理台账, GD Art. 12 一(三), Art. 14 一(二)) calls its entries:
 * the receiver types, the kinds of hand-over and the read-check outcomes.
 */
export const issuanceLedgerText = {
  receivers: { self: '本人', agent: '代领', unit: '单位', mail: '邮寄' },
  events: {
    issue: '柜台发放',
    pickup: '单位代领',
    settlement: '代领转交',
    mail_sent: '邮寄寄出',
    mail_delivered: '邮寄签收',
  },
  /** A settlement as the signed list recorded it (GD Art. 15 一(二) 持卡人签收记录). */
  settledAs: { holder_signed: '代领转交（本人签收）', unit_signed: '代领转交（单位代签）', not_received: '未领退回' },
  readChecks: {
    passed: '读卡检测通过',
    /** Said plainly: nobody put the card in a reader before it was handed over. */
    not_done: '未做读卡检测',
  },
} as const;
