/** `sbk issued`: the issuance ledger (发放管理台账, GD Art. 12, 14) of a period. */
export const issuedText = {
  describe: '发放管理台账：期间内每一笔发放（柜台本人/代领、单位代领及转交、邮寄寄出与签收），含领取方式、代领人、读卡检测、回执号、经办人，须存签收回执份数及按经办人合计（本网点及下级；证件号已脱敏）',
  from: '起始日期 YYYY-MM-DD（中国日期，含当天）',
  to: '截止日期 YYYY-MM-DD（含当天）',
  periodRequired: '请用 --from 和 --to 指定期间。',
  saved: (p: { from: string; to: string; rows: number; path: string }) => `${p.from} 至 ${p.to} 的发放管理台账（${p.rows} 条）已保存到 ${p.path}。`,
} as const;
