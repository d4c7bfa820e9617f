/**
 * Moves inside a site (src/workflows/transfer.ts): how a transfer is worded in the ledger and on
 * the 库内移交单 an office prints for both people to sign (GD Art. 12: 保管地点、责任人).
 */
export type TransferMode = 'places' | 'handOver' | 'backToVault';

export const transferText = {
  /** The movement's method, by what the operator asked for. */
  method: {
    places: '库内移交（更换保管地点）',
    handOver: '交接班（保管责任人交接）',
    backToVault: '柜台当日未发放卡入库',
  } satisfies Record<TransferMode, string>,
  /** The movement's reason: who handed over to whom (GD Art. 12 确保责任到人). */
  reason: (p: { from: string; to: string }) => `${p.from} 交 ${p.to}`,
  sheet: {
    title: '社会保障卡库内移交单',
    ref: (p: { ref: string }) => `单号：${p.ref}`,
    site: (p: { name: string; code: string }) => `网点：${p.name}（${p.code}）`,
    at: (p: { at: string }) => `移交时间：${p.at}`,
    mode: (p: { mode: string }) => `移交方式：${p.mode}`,
    people: (p: { giver: string; receiver: string }) => `交出人：${p.giver}    接收人：${p.receiver}`,
    total: (p: { cards: number }) => `共 ${p.cards} 张`,
    columns: { no: '序号', cardNo: '卡号', kind: '类别', fromPlace: '原保管地点', toPlace: '新保管地点', fromCustodian: '原责任人', toCustodian: '新责任人' },
    kinds: { finished: '成品卡', prefab: '预制卡' },
    none: '—',
    basis: '依据：广东省社会保障卡业务经办规程第十二条（登记保管地点、责任人，严格做好社保卡交接工作，确保责任到人）；湖北省社会保障卡业务规则第十四条（当日尚未发放的社会保障卡必须入库管理）。',
    signGiver: '交出人签字：____________',
    signReceiver: '接收人签字：____________',
    signDate: '日期：____________',
  },
  /** The sheet's file name in exports/. */
  file: (p: { ref: string }) => `库内移交单-${p.ref}.txt`,
} as const;
