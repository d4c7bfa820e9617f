/**
 * The ways back (src/workflows/remake-list.ts, destruction-handover.ts, take-back.ts): how a
 * defective card waiting to be re-made (HB Art. 16), an old card taken in at the counter
 * (GD Art. 32 一(一)) and a destruction hand-over to the service bank (GD Art. 32 二; HB Art. 33)
 * are worded in the ledger and on the 销毁移交单.
 */
export type TakeBackReason = 'replacement' | 'cancellation' | 'found';

export const waysBackText = {
  /** What the ledger says of a card it never had, taken in at the counter: nothing is known but its number. */
  unknown: '未知',
  takeBack: {
    reasons: { replacement: '换发回收旧卡', cancellation: '注销回收', found: '拾获交回' } satisfies Record<TakeBackReason, string>,
    /** The movement's method: the card was unknown to the ledger and is recorded with its number. */
    methodUnknown: '台账无此卡，按卡号登记后收回',
    method: '柜面收回旧卡',
  },
  destroy: {
    method: (p: { receiver: string }) => `销毁移交服务银行（接收人 ${p.receiver}）`,
  },
  sheet: {
    title: '社会保障卡销毁移交单',
    ref: (p: { ref: string }) => `单号：${p.ref}`,
    site: (p: { name: string; code: string }) => `网点：${p.name}（${p.code}）`,
    at: (p: { at: string }) => `移交时间：${p.at}`,
    reason: (p: { reason: string }) => `销毁原因：${p.reason}`,
    people: (p: { operator: string; approver: string; receiver: string }) => `经办人：${p.operator}    复核人：${p.approver}    服务银行接收人：${p.receiver}`,
    total: (p: { cards: number; counted: number }) => `共 ${p.cards} 张（经办人清点 ${p.counted} 张）`,
    group: (p: { kind: string; state: string; cards: number }) => `${p.kind} · ${p.state}：${p.cards} 张`,
    columns: { no: '序号', cardNo: '卡号', kind: '类别', state: '原状态', holder: '持卡人' },
    kinds: { finished: '成品卡', prefab: '预制卡' },
    none: '—',
    basis:
      '依据：广东省社会保障卡业务经办规程第三十二条（换发的旧卡、注销的卡回收；对换发、已注销的废卡按银行借记卡规定处理）、第三十六条（重要空白证件）；湖北省社会保障卡业务规则第三十三条（合作银行回收社会保障卡并销毁）。',
    signOperator: '经办人签字：____________',
    signApprover: '复核人签字：____________',
    signReceiver: '服务银行接收人签字：____________',
    signDate: '日期：____________',
  },
  /** The sheet's file name in exports/. */
  file: (p: { ref: string }) => `销毁移交单-${p.ref}.txt`,
  /** The remake list's CSV header. */
  remakeCsv: ['卡号', '持卡人', '证件号码', '状态', '网点代码', '网点', '保管地点', '不合格原因', '登记时间', '已有新卡', '重制申请时间', '申请单号'],
} as const;
