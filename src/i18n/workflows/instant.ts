/**
 * What instant issuance and its recovery write for people to read: the steps the screen shows,
 * the reasons and methods on the ledger's movements, and the advice and notes of an interrupted job.
 */
export const instantText = {
  phases: {
    load: '进卡',
    check_blank: '核对空白卡',
    write: '写入个人信息',
    ca: '写入 CA 证书',
    verify: '回读核对',
    print: '印制卡面',
    record: '登记发放',
  },
  /** The reason on a consumed blank (also when the counter records one by hand). */
  consumeReason: (p: { card: string; holder: string; idMasked: string }) => `即时制卡：制成社保卡 ${p.card}，持卡人 ${p.holder}（${p.idMasked}）`,
  spoilReason: (p: { jobNo: string; message: string }) => `即时制卡失败（${p.jobNo}）：${p.message}`,
  receiveMethod: (p: { printer: string }) => `即时制卡（${p.printer}）`,
  issueMethod: '即时制卡 本人领取',
  issuedAtCounter: '即时制卡：写卡回读核对通过，本人当场领取',
  noCardAfterLoad: (p: { detail: string }) => `进卡后读卡位置没有卡：${p.detail}`,
  ejectFailed: (p: { message: string; problem: string }) => `${p.message}（退卡未成功：${p.problem}，请打开机盖取出此卡放入废卡处）`,
  /** The fields a read-back compares. */
  readback: { ssn: '社会保障号码', cardNo: '卡号', name: '姓名', cardIdCode: '卡识别码' },
  /** What was read instead of the blank the ledger expected next. */
  foundInstead: {
    written: '一张已写入个人信息的卡',
    blank: (p: { card: string }) => `预制卡 ${p.card}`,
    unknown: (p: { idCode: string }) => `台账中没有的卡（卡识别码 ${p.idCode || '空'}）`,
  },
  recovery: {
    /** By the job's last written step: what resolving it will do. */
    advice: {
      started: '进卡前后中断：若读卡位置有卡，它仍是卡盒的下一张，任务将撤销，卡留给下一次制卡。',
      loaded: '写卡过程中中断：芯片可能只写了一半，此卡将退到废卡口并登记作废。',
      personalised: '写卡完成、打印前中断：此卡将退到废卡口并登记作废。',
      print_sent:
        '打印时中断：请查看出卡口的卡——卡面完整清晰则按“卡面完好”，否则按“卡面有误”登记作废（若卡仍在读卡位置、未开始打印，处理时退到废卡口并登记作废）。',
      printed: '卡已印好但未登记发放：申请人在场则发给申请人，否则入库待领。',
    },
    note: (p: { operator: string; what: string }) => `处理中断的制卡任务（${p.operator}）：${p.what}`,
    notNextBlank: '读卡位置的卡不是台账中卡盒的下一张，已退至废卡口（未作废），请核对后重新装盒。',
    nothingWritten: '没有写入任何卡片，任务撤销；读卡位置若有卡，下次制卡会先用它。',
    writeInterruptedEjected: '写卡中断，卡已退至废卡口并作废。',
    writeInterruptedGone: (p: { blank: string }) => `写卡中断，读卡位置已无卡：请在出卡口或机内找到预制卡 ${p.blank} 放入废卡处，台账已登记作废。`,
    printNotSent: '打印指令未送达制卡机，卡仍在读卡位置、卡面未印，已退至废卡口并作废。',
    faceBad: '打印中断，经办人查看卡面有误，已作废。',
    faceGood: '打印中断，经办人查看卡面完好',
    printed: '卡已印好',
    toApplicant: (p: { how: string }) => `${p.how}，发给申请人本人`,
    toStock: (p: { how: string }) => `${p.how}，入库待领`,
  },
} as const;
