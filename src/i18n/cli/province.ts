/** `sbk province` (issue 21 item 4): the province's reports over the replica: help texts. */
export const provinceCliText = {
  describe: '全省视图：在副本数据库中汇总各市台账——库存（stock）、应回收（overdue）、回收统计（recalls）、漏盘点（counts）；只读',
  report: 'stock：各市按卡类与状态的张数；overdue：各市各网点应回收的卡；recalls：各市各网点按类别的回收张数；counts：各网点未完成预制卡每日盘点的工作日',
  from: '副本数据库地址，请用只读角色（如 postgres://sbk_province@db.example.cn/sbk?sslmode=verify-full；也可用环境变量 SBK_REPLICA_URL）',
  city: '只看一个城市：台账编号（或其前 8 位以上）、台账名称、根网点代码或名称',
  csv: 'CSV（带 BOM，Excel/WPS 可直接打开；只有汇总数字，没有证件号）',
  start: '统计期起（YYYY-MM-DD，含当天；counts 默认 7 天前）',
  end: '统计期止（YYYY-MM-DD，含当天；counts 默认昨天）',
  saved: (p: { rows: number; path: string }) => `全省报表（${p.rows} 行）已保存到 ${p.path}`,
};
