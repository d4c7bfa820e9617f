/**
 * `sbk pickup`: 集体代领 (GD Art. 15; HB Art. 17): help texts and what it prints.
 */
export const pickupText = {
  describe: '集体代领：单位授权代领人按批次或卡号领取（pickup list 未结清的代领单，pickup show 查看，pickup sheet 打印领取清单，pickup settle 登记签收与退回）',
  ref: '代领单号',
  options: {
    unit: '代领单位名称',
    batch: '制卡批次：本网点在库的成品卡全部代领（可重复）',
    agentId: '代领人证件号码',
    agentIdType: '代领人证件类型：resident_id 居民身份证（默认）、household、temporary_id、hk_macao_permit、taiwan_permit、hmt_residence_permit、cn_passport、foreign_passport、foreign_permanent_id，也可写中文名称',
    agentName: '代领人姓名',
    auth: '单位授权书（或批量申领表）编号',
    unitCode: '单位编号（统一社会信用代码或 SBK2 文件中的单位编号）；与 --contact、--contact-phone、--auth-from、--auth-to 一并填写',
    contact: '单位联系人姓名',
    contactPhone: '单位联系人电话（手机或带区号的固定电话）',
    authFrom: '单位授权委托书授权期限起（YYYY-MM-DD）',
    authTo: '单位授权委托书授权期限止（YYYY-MM-DD）',
  },
  agentRequired: '集体代领须写明 --unit、--agent-name、--agent-id 和 --auth。',
  cardsRequired: '请用 --batch 或 --card 指定代领的卡。',
  done: (p: { ref: string; cards: number; agent: string; unit: string }) =>
    `已登记集体代领 ${p.ref}：${p.cards} 张由 ${p.agent}（${p.unit}）代领。打印领取清单供双方签字：sbk pickup sheet ${p.ref}；单位交回签收清单后结清：sbk pickup settle ${p.ref}`,
  /** The authorisation as the ledger words it; the list shows only the number after it. */
  authorisationPrefix: /^单位授权代领，授权书编号\s*/,
  since: '代领时间',
  list: {
    describe: '列出本网点及下级尚有卡在代领人手中的代领单',
    none: '没有未结清的集体代领单。',
    columns: { agent: '代领人（单位）', held: '未结清', auth: '授权书编号' },
  },
  show: {
    describe: '查看一张代领单中仍由代领人持有的卡（证件号已脱敏）',
    none: (p: { ref: string }) => `代领单 ${p.ref} 没有仍在代领人手中的卡（单号不存在、不在本网点及下级，或已全部结清）。`,
    head: (p: { ref: string; cards: number }) => `代领单 ${p.ref}：${p.cards} 张仍在代领人手中`,
  },
  settle: {
    describe: '结清代领单：--delivered 单位已转交本人的卡，--returned 代领人退回入库的卡（均可重复）',
    delivered: '持卡人本人已在清单上签收的卡号（可重复）',
    unitSigned: '单位经办人代持卡人签收的卡号（可重复）',
    returned: '退回网点的卡号（可重复）',
    place: '退回卡的保管地点（默认本网点第一个）',
    cardsRequired: '请用 --delivered、--unit-signed 或 --returned 登记至少一张卡。',
    done: (p: { ref: string; delivered: number; unitSigned: number; returned: number }) =>
      `代领单 ${p.ref}：登记本人签收 ${p.delivered} 张，单位代签 ${p.unitSigned} 张，未领退回入库 ${p.returned} 张。`,
    stillHeld: (p: { ref: string; held: number }) => `仍有 ${p.held} 张在代领人手中；查看：sbk pickup show ${p.ref}`,
    settled: '本代领单已全部结清。',
  },
  sheet: {
    describe: '打印批量领取清单（双方信息、每张卡一行、合计和双方签字栏；证件号、电话已脱敏）',
    csv: '输出 CSV（电子表格）而不是文本',
    saved: (p: { ref: string; cards: number; path: string }) => `已保存代领单 ${p.ref} 的批量领取清单（${p.cards} 张）：${p.path}`,
  },
} as const;
