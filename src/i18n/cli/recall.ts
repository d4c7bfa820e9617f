/**
 * Recall and what follows (GD Art. 32-33; HB Art. 17): `sbk recall`, `recall stats`,
 * `cancellations`, `cancel` / `seal` and `holder deceased`: help texts and what they print.
 */
import { cliCommon } from './common.ts';

export const recallText = {
  describe: '回收本网点的卡（逾期未领、集体代领未发等），须选择原因类别（recall stats 分类统计）',
  reason: (p: { reasons: readonly { code: string; label: string }[] }) => `回收原因：${p.reasons.map((r) => `${r.code} ${r.label}`).join('；')}`,
  note: '具体情况（原因为 other 时必填）',
  place: '代领人交回的卡放入的保管地点（默认本网点第一个）',
  reasonRequired: '请用 --reason 选择回收原因。',
  done: (p: { recalled: number; reason: string; note?: string }) => `已回收 ${p.recalled} 张卡（原因：${p.reason}${p.note ? `：${p.note}` : ''}）。`,
  stats: {
    describe: '回收分类统计：按原因类别和网点（本网点及下级；--from/--to 为中国日期，含首尾）',
    to: '截止日期 YYYY-MM-DD',
    period: (p: { from?: string; to?: string }) => (p.from || p.to ? `${p.from ?? '…'} 至 ${p.to ?? '…'}` : '全部'),
    none: (p: { period: string }) => `回收统计（${p.period}）：没有回收记录。`,
    head: (p: { period: string; total: number }) => `回收统计（${p.period}）：共 ${p.total} 张`,
    byReason: '按原因：',
    reasonLine: (p: { label: string; n: number }) => `  ${p.label}  ${p.n} 张`,
    bySite: '按网点：',
  },
  /** `sbk recall list`: recalled cards wherever they are; `--stranded` 逾期且滞留 (GD Art. 32 二). */
  list: {
    describe: '已回收的卡（无论现在何处：本网点、在途、已交回市卡管机构或服务银行）及二次发放期限；--stranded 为“逾期且滞留”清单',
    stranded: '只列逾期且滞留：回收后超过二次发放期仍未发放的卡（应注销，见 sbk cancellations）',
    none: '没有未结的回收卡。',
    noneStranded: '没有逾期且滞留的卡。',
    head: (p: { cards: number; stranded: number }) => `已回收未再发放的卡：${p.cards} 张，其中逾期且滞留 ${p.stranded} 张`,
    headStranded: (p: { cards: number }) => `逾期且滞留的卡：${p.cards} 张（回收后超过二次发放期仍未发放；注销：sbk cancellations、sbk cancel）`,
    recalledOn: '回收日期',
    secondIssueBy: '二次发放截止',
    noSecondIssue: '无二次发放',
    strandedState: (p: { state: string }) => `${p.state}·滞留`,
  },
  /** `sbk cancel` (注销) and `sbk seal` (封存, Hubei only). */
  end: {
    words: { cancel: '注销', seal: '封存' },
    describe: (p: { word: string; hubeiOnly: boolean }) =>
      `${p.word}卡片（不可撤销）：须写明原因，并由另一名主管复核（密码取自 $SBK_APPROVER_PIN 或提示输入）${p.hubeiOnly ? '；仅湖北省规程有封存' : ''}`,
    reason: (p: { word: string }) => `${p.word}原因`,
    done: (p: { word: string; ended: number; approver: string }) => `已${p.word} ${p.ended} 张卡（复核：${p.approver}）。`,
  },
  cancellations: {
    describe: '应注销（湖北：注销或封存）的卡：二次发放期已过、持卡人死亡、已换新卡（本网点及下级；证件号已脱敏）',
    none: '没有应注销的卡。',
    head: (p: { cards: number }) => `应注销或封存的卡：${p.cards} 张（注销：sbk cancel 卡号… --reason 原因 --approver 主管工号）`,
    recalledOn: '回收日期',
  },
  holder: {
    describe: cliCommon.columns.holder,
    demand: '请指定子命令：deceased、flag、unflag',
    deceased: '登记持卡人死亡（持卡网点的主管）：其卡立即列入须回收、须注销的卡',
    on: '经比对确认死亡的日期 YYYY-MM-DD（不晚于今天）',
    source: '信息来源（如 民政比对、公安通报、邮政退件）',
    done: (p: { holder: string; on: string; cards: number }) => `已登记持卡人 ${p.holder} 于 ${p.on} 死亡；其名下 ${p.cards} 张卡须回收或注销（sbk overdue、sbk cancellations）。`,
    flag: '登记持卡人情况（持卡网点的主管）：死亡、出境定居、失踪立即列入应回收；无法投递在网点滞留满期后列入',
    kind: 'deceased 死亡 | emigrated 出境定居 | undeliverable 无法投递 | missing 失踪',
    date: '情况发生或确认的日期 YYYY-MM-DD（不晚于今天）',
    flagged: (p: { holder: string; kind: string; on: string; cards: number }) => `已登记持卡人 ${p.holder} ${p.kind}（${p.on}）；其名下 ${p.cards} 张卡按此列入应回收（sbk overdue）。`,
    unflag: '撤销持卡人情况登记（持卡网点的主管，须写原因；原登记保留）',
    reason: '撤销原因',
    unflagged: (p: { holder: string; kind: string }) => `已撤销持卡人 ${p.holder} 的“${p.kind}”登记（原登记与撤销均留记录）。`,
  },
} as const;
