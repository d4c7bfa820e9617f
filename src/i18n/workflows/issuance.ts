/**
 * What issuance at the counter writes into the ledger and tells the operator (issue-card.ts,
 * agent-pickup.ts): the hand-over's method and reason on each movement, and the read-check's
 * outcome. Movement texts are part of the card's history, so their wording is kept as it was.
 */
export const issuanceText = {
  /** Whose ID document failed its check, before the check's own message. */
  idOf: {
    holder: (message: string) => `持卡人${message}`,
    agent: (message: string) => `代领人${message}`,
  },
  issue: {
    selfMethod: '本人领取',
    agentMethod: (p: { relation: string }) => `代领（${p.relation}）`,
    /** The movement's reason: its parts joined. */
    reason: (parts: readonly string[]) => parts.join('；'),
    secondIssue: '回收后二次发放',
    readCheckPassed: '读卡检测通过',
    readCheckSkipped: '未做读卡检测',
  },
  readCheck: {
    /** Recorded with `mark_defective` when the chip disagrees with the ledger (HB Art. 16). */
    mismatch: (p: { mismatches: string }) => `读卡检测：${p.mismatches}`,
    /** Recorded with `mark_defective` when the chip cannot be read at all. */
    unreadable: (p: { reader: string }) => `读卡检测：芯片无法读取（${p.reader}）`,
    failed: (p: { mismatches: string }) => `读卡检测不通过（${p.mismatches}），此卡已登记为不合格，须重新制卡，不能发放。`,
    alreadyDefective: '此卡已在读卡检测中登记为不合格，须重新制卡，不能发放。',
  },
  pickup: {
    method: '集体代领',
    /** The agent as recorded on each card's movement. */
    agent: (p: { agent: string; unit: string }) => `${p.agent}（${p.unit}）`,
    authorisation: (p: { ref: string }) => `单位授权代领，授权书编号 ${p.ref}`,
    deliveredMethod: '集体代领转交本人',
    /** The unit's agent signed the list on the holder's behalf (单位代签). */
    unitSignedMethod: '集体代领转交，单位代签',
    returnedBy: '代领人退回',
    returnMethod: '代领退回',
  },
} as const;
