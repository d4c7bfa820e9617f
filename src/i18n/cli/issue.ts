/**
 * `sbk issue` and `sbk find`: handing a card to its holder or the holder's agent (GD Art. 14;
 * HB Art. 15-16): help texts and what they print.
 */
export const issueText = {
  describe: '发放一张卡给持卡人本人或代领人，并输出领取回执（须核对持卡人证件号码；加 --read-check 先用本网点读卡器做读卡检测）',
  readCheck: '发放前用本网点的读卡器做读卡检测：读出读卡器上的卡并与台账核对（读卡器上没有卡或是另一张卡时不发放）',
  reader: '读卡检测用的读卡器名称（默认第一台；给出即做读卡检测）',
  unreadable: (p: { message: string }) => `读卡检测：芯片无法读取（${p.message}），此卡已登记为坏卡，未发放。`,
  holderId: '持卡人出示的身份证件号码（与台账核对；本人或代领时必填，邮寄时可填申请表上的号码）',
  receiver: '领取人：self 本人，agent 他人代领，mail 邮寄（邮递上门）',
  agentId: '代领人证件号码（代领时必填）',
  agentIdType: '代领人证件类型：resident_id 居民身份证（默认）、household、temporary_id、hk_macao_permit、taiwan_permit、hmt_residence_permit、cn_passport、foreign_passport、foreign_permanent_id，也可写中文名称',
  agentName: '代领人姓名（代领时必填）',
  relation: '代领人与持卡人的关系，如 配偶、子女（代领时必填）',
  receipt: '把领取回执写入此文件（仅本人可读），而不是输出到屏幕',
  agentRequired: '代领（--receiver agent）须写明 --agent-name、--agent-id 和 --relation。',
  selfHasNoAgent: '本人领取（--receiver self）不登记代领人：请去掉 --agent-name、--agent-id 和 --relation，或改用 --receiver agent。',
  byAgent: (p: { agent: string }) => `由 ${p.agent} 代领`,
  bySelf: '本人领取',
  replayed: (p: { cardNo: string }) => `此次发放已登记过（卡 ${p.cardNo}），未重复记录。`,
  issued: (p: { cardNo: string; how: string; secondIssue: boolean }) => `已发放卡 ${p.cardNo}（${p.how}${p.secondIssue ? '，回收后二次发放' : ''}）。`,
  receiptSaved: (p: { path: string }) => `领取回执已保存到 ${p.path}，请打印后由领取人签字。`,
  find: {
    describe: '查找待发放的卡：扫描的卡号、持卡人身份证号码或姓名（姓名只查本网点及下级；证件号已脱敏）',
    query: '卡号、证件号码（身份证、居住证、通行证、护照等）或姓名',
    idType: '按证件类型查找（默认按号码格式判断）：resident_id 居民身份证（默认）、household、temporary_id、hk_macao_permit、taiwan_permit、hmt_residence_permit、cn_passport、foreign_passport、foreign_permanent_id，也可写中文名称',
    columns: { site: '所在网点', issuable: '发放' },
    can: '可以',
    cannot: '不能',
    whyNot: '不能发放的原因：',
    blocked: (p: { cardNo: string; why: string }) => `  ${p.cardNo}：${p.why}`,
  },
} as const;
