/**
 * `sbk remake list`, `sbk destroy` and `sbk card take-back`: the ways back (HB Art. 16, 33;
 * GD Art. 32): help texts and what they print.
 */
export const waysBackCliText = {
  remake: {
    describe: '重新制卡：读卡不合格的成品卡（HB 第十六条：应重新制卡）',
    demand: '请给出子命令：list 或 order',
    list: {
      describe: '重制清单：本网点及下级读卡不合格的成品卡（在网点、退回途中或已回到市卡管机构），含原因、时间、所在位置和持卡人是否已有新卡',
      csv: '同时写成 CSV 文件（不写文件名则存到台账旁的 exports/）',
      pending: '只列出尚未申请重新制卡的卡',
    },
    order: {
      describe: '登记已申请重新制卡（如已在省级系统或向制卡商提交），重制清单上随即标明，避免重复申请或遗漏',
      cards: '卡号（可多个）',
      ref: '申请单号或批号（可选）',
      done: (p: { cards: number; ref: string | null }) => `已登记重新制卡申请：${p.cards} 张${p.ref ? `（申请单号 ${p.ref}）` : ''}。`,
      already: (p: { cards: readonly string[] }) => `以下卡此前已登记过申请，本次再次登记：${p.cards.join('、')}`,
    },
    none: '没有读卡不合格、等待重新制卡的成品卡。',
    head: (p: { cards: number }) => `重制清单：${p.cards} 张`,
    columns: { place: '所在位置', reason: '不合格原因', at: '登记时间', newer: '已有新卡', ordered: '重制申请' },
    notOrdered: '未申请',
    newerNone: '无',
    csvSaved: (p: { path: string }) => `CSV 已保存：${p.path}`,
    csvFile: (p: { date: string }) => `重制清单-${p.date}.csv`,
  },
  destroy: {
    describe: '销毁移交：已注销、已封存、读卡不合格、收回的旧卡及作废的预制卡清点后移交服务银行销毁（双人复核，生成销毁移交单；GD 第三十二条，HB 第三十三条）',
    cardsFile: '卡号清单文件（每行一个卡号，# 开头的行不算）',
    allEnded: '本网点全部待销毁的卡',
    bankReceiver: '服务银行接收人姓名',
    count: '经办人清点的张数（须与所选卡数一致）',
    reason: '销毁原因',
    selectionRequired: '请用 --card、--cards-file 指定要销毁移交的卡，或用 --all-ended。',
    oneSelection: '--all-ended 与 --card/--cards-file 不能同时使用。',
    countInvalid: '--count 须是清点的张数（非负整数）。',
    done: (p: { ref: string; cards: number; approver: string; bankReceiver: string }) =>
      `已登记销毁移交 ${p.ref}：${p.cards} 张，复核人 ${p.approver}，服务银行接收人 ${p.bankReceiver}。`,
    replayed: (p: { ref: string; cards: number }) => `销毁移交 ${p.ref} 已登记过（${p.cards} 张），未重复记账。`,
    sheetSaved: (p: { path: string }) => `销毁移交单已保存：${p.path}（打印后三方签字）`,
  },
  takeBack: {
    describe: '收回旧卡：换发、注销时交回的旧卡或拾获的卡（台账中已发放、已丢失，或台账中没有此卡时按卡号登记）',
    cardNo: '要收回的社保卡号',
    reason: '收回原因：replacement（换发）、cancellation（注销）、found（拾获）',
    from: '交回人姓名',
    idNumber: '持卡人证件号码（核对台账中的持卡人；台账中没有此卡时据此登记持卡人）',
    idType: '持卡人证件类型（代码或中文名，如 resident_id、港澳居民居住证、外国人护照；默认按号码判断）',
    holderName: '台账中没有此卡、也没有此持卡人时登记的持卡人姓名（默认交回人）',
    place: '存放位置（默认本网点第一个非卡盒位置）',
    done: (p: { cardNo: string; reason: string; from: string; place: string }) => `已收回旧卡 ${p.cardNo}（${p.reason}），交回人 ${p.from}，存放于“${p.place}”。`,
    unknown: (p: { cardNo: string }) => `台账中原无此卡：已按卡号 ${p.cardNo} 登记为拾获/收回的卡。`,
    replayed: (p: { cardNo: string }) => `卡 ${p.cardNo} 的收回已登记过，未重复记账。`,
  },
} as const;
