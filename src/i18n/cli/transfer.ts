/**
 * `sbk transfer`: moves inside a site (GD Art. 12; HB Art. 14): help texts and what it prints.
 */
export const transferText = {
  describe: '库内移交：卡在本网点的保管地点之间移动（保险柜 ↔ 发卡柜台），或交接班把保管责任交给另一名操作员（双方 PIN），并生成移交单',
  options: {
    box: '卡箱标签（批次/箱号，或只有一个批次有此箱号时的箱号），整箱移交（可重复）',
    from: '此保管地点的在库卡全部移交（可重复）',
    to: '移入的保管地点（不写则留在原处，只交接保管责任）',
    receiver: '接收保管责任的本网点操作员工号（其 PIN 取自 $SBK_APPROVER_PIN 或提示输入）',
    handOver: '交接班：把本人保管的在库卡全部交给此工号的操作员（其 PIN 取自 $SBK_APPROVER_PIN 或提示输入）',
    backToVault: '柜台（发卡柜）当日未发放的卡全部入库（默认入本网点的保险柜；HB 第十四条）',
  },
  selectionRequired: '请用 --card、--box、--from 指定要移交的卡，或用 --hand-over、--back-to-vault。',
  placeOrReceiver: '请用 --to 指定移入的保管地点，或用 --receiver 指定接收保管责任的人。',
  oneMode: '--hand-over、--back-to-vault 与 --card/--box/--from 不能同时使用。',
  receiverPin: (p: { login: string }) => `接收人 ${p.login} 的 PIN：`,
  done: (p: { ref: string; cards: number; giver: string; receiver: string; toPlace: string | null }) =>
    `已登记库内移交 ${p.ref}：${p.cards} 张，${p.giver} 交 ${p.receiver}${p.toPlace ? `，移入“${p.toPlace}”` : ''}。`,
  replayed: (p: { ref: string; cards: number }) => `移交 ${p.ref} 已登记过（${p.cards} 张），未重复记账。`,
  sheetSaved: (p: { path: string }) => `移交单已保存：${p.path}（打印后双方签字）`,
} as const;
