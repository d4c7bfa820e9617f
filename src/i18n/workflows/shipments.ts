/**
 * What the shipment workflows write for people to read: notes and reasons on the ledger's
 * movements, shipment events and discrepancies, the names a selection is called by in its
 * errors, and the names of the files a hand-over sheet or report is saved under.
 */
export const shipmentText = {
  province: {
    /** The note on a shipment the province's maker file stands for. */
    note: (p: { batch: string }) => `随制卡数据文件登记（批次 ${p.batch}）`,
    receivedOnImport: '导入时按箱清点全部入库',
  },
  dispatch: {
    trackingReason: (p: { trackingNo: string }) => `运单号 ${p.trackingNo}`,
    /** What a selection names, for "X 在本网点没有可发出的卡". */
    batch: (p: { batch: string }) => `批次 ${p.batch}`,
    box: (p: { batch: string; box: string }) => `箱 ${p.batch}/${p.box} `,
  },
  signIn: {
    method: (p: { signer: string }) => `逐级签收（签收人 ${p.signer}）`,
    damagedReason: (p: { reason: string }) => `到货损坏：${p.reason || '未说明'}`,
    damagedNote: '到货损坏',
    missingNote: (p: { number: string; box: string | null }) => `交接单 ${p.number} 签收时缺少${p.box ? `（箱 ${p.box}）` : ''}`,
    extraKnownNote: (p: { number: string; site: string; state: string }) => `不在交接单 ${p.number} 中；台账记录在 ${p.site}（${p.state}）`,
    extraUnknownNote: (p: { number: string }) => `不在交接单 ${p.number} 中，台账中也没有此卡`,
    closedNote: (p: { missing: number }) => `签收结单，缺少 ${p.missing} 张`,
  },
  /** File names under exports/ (the office finds them by these words). */
  files: {
    handover: (p: { number: string; ext: 'txt' | 'csv' }) => `交接单_${p.number}.${p.ext}`,
    batchRegister: (p: { batch: string; scope: string }) => `登记造册_${p.batch}_${p.scope}.csv`,
    issueReceipt: (p: { card: string; stamp: string }) => `领取回执_${p.card}_${p.stamp}.txt`,
    countReport: (p: { site: string; from: string; to: string; ext: 'txt' | 'csv' }) => `盘点对账表_${p.site}_${p.from}_${p.to}.${p.ext}`,
  },
} as const;
