/**
 * The words of recall and cancellation (src/domain/recall-reasons.ts, overdue.ts). Rule figures
 * (months) come in from the ledger's rule profile.
 */

const GD_32 = '《广东省社会保障卡业务经办规程》第三十二条';

export const recallTexts = {
  /**
   * Recall reasons, GD Art. 32 一(一). A reason's label is stored on the recall movement and read
   * back by recallReasonOf, so a change of wording orphans old movements: change with care.
   */
  reasons: {
    unclaimed: (p: { months: number }) => `逾期未领取（网点接收起${p.months}个月）`,
    pickup_undelivered: () => '集体代领未发放到本人',
    dead: () => '持卡人死亡',
    emigrated: () => '出国（境）定居',
    bad_address: () => '邮寄信息错误等个人原因滞留',
    missing: () => '持卡人失踪',
    other: () => '其他',
  },
  /** Where the reasons come from, for printed citations. */
  articles: {
    listed: `${GD_32}一（一）`,
    other: `${GD_32}一（二）`,
  },
  /** Between a stored label and its note: `持卡人死亡：民政比对`. */
  noteSeparator: '：',
  /** What ends a card's life under the profile (GD Art. 33; HB Art. 17 adds sealing). */
  endWord: { cancel: '注销', cancelOrSeal: '注销或封存' },
  /** Why a card is, or is not yet, due to be cancelled (or sealed). */
  cancellation: {
    notEndable: '当前状态无需注销',
    notRecalled: '无需注销',
    deceased: (end: string) => `持卡人已死亡，应${end}`,
    replaced: (end: string) => `已换发新卡，原卡应${end}`,
    noSecondIssue: (p: { profile: string; end: string }) => `${p.profile}无二次发放，回收后应分类${p.end}`,
    windowPassed: (p: { months: number; last: string; end: string }) =>
      `回收后${p.months}个月内未能二次发放（期限至 ${p.last}），应${p.end}`,
    inWindow: (last: string) => `二次发放期内（至 ${last}）`,
  },
} as const;
