/**
 * The home screen's alerts (home-alerts.ts). Rule figures (working days, the look-back window)
 * come in as parameters from the rule profile and the settings, never written into the text.
 */
export const homeAlertText = {
  /** GD Art. 32, HB Art. 17: cards to recall, by category, and how many are past the deadline. */
  recall: (p: {
    total: number;
    unclaimed: number;
    sleeping: number;
    deceased: number;
    emigrated: number;
    missing: number;
    undeliverable: number;
    late: number;
    recallDays: number;
  }) => {
    const parts = [
      p.unclaimed && `逾期未领 ${p.unclaimed}`,
      p.sleeping && `睡眠卡 ${p.sleeping}`,
      p.deceased && `持卡人死亡 ${p.deceased}`,
      p.emigrated && `出境定居 ${p.emigrated}`,
      p.missing && `持卡人失踪 ${p.missing}`,
      p.undeliverable && `无法投递 ${p.undeliverable}`,
    ].filter(Boolean);
    return `${p.total} 张卡应回收（${parts.join('、')}）${p.late ? `，${p.late} 张已过 ${p.recallDays} 个工作日期限` : ''}`;
  },
  lateShipments: (p: { count: number; days: number; first: string }) =>
    `${p.count} 个交接单在途超过 ${p.days} 个工作日未签收（${p.first}${p.count > 1 ? ' 等' : ''}）`,
  openDiscrepancies: (p: { count: number }) => `${p.count} 条清点差异未关闭（缺少、多出或损坏），待主管核实处理`,
  missedCountsOneSite: (p: { site: string; days: number; missed: number; last: string }) =>
    `${p.site}：近 ${p.days} 天有 ${p.missed} 个工作日没有完成预制卡盘点（最近 ${p.last}）`,
  missedCountsSites: (p: { sites: number; days: number; first: string }) => `${p.sites} 个网点近 ${p.days} 天有工作日没有完成预制卡盘点（${p.first} 等）`,
  /** Blind sign-in: this site's own inbound in shipments (no card count), the sites below in cards. */
  inTransit: (p: { shipments: number; below: number }) =>
    [p.shipments && `${p.shipments} 个交接单待本网点签收`, p.below && `${p.below} 张卡在途待下级网点签收`].filter(Boolean).join('；'),
  /** HB Art. 14: 当日尚未发放的社会保障卡必须入库管理. */
  replicationLag: (p: { minutes: number }) => `副本数据库已落后 ${p.minutes} 分钟：请检查 sbk replicate 是否在运行、网络是否正常（sbk replicate status）`,
  counterNotReturned: (p: { count: number; closing: string }) => `${p.count} 张卡仍在柜台，当日未发放应入库（已过 ${p.closing}）`,
  /** HB Art. 14: 三个工作日内联系申请单位或个人领取. */
  contactOverdue: (p: { count: number; days: number }) => `${p.count} 张卡到网点已超过 ${p.days} 个工作日仍未联系申请人或单位（sbk contact list --overdue）`,
  awaitingCheckIn: (p: { count: number }) => `${p.count} 张卡已登记待签收或清点入库`,
  holidaysMissing: (p: { year: number }) => `缺少 ${p.year} 年节假日数据，跨年期限按周一至周五估算`,
  holidaysProvisional: (p: { year: number }) => `${p.year} 年节假日安排为暂定数据，请在国务院通知发布后更新`,
} as const;
