/**
 * `sbk register`: 登记造册 of one production batch (GD Art. 12 一(三)): help texts and what it prints.
 */
export const registerText = {
  describe: '登记造册：某制卡批次每张卡的状态、所在网点与保管人（本网点及下级；证件号已脱敏）',
  batch: '制卡批次',
  saved: (p: { batch: string; rows: number; path: string }) => `批次 ${p.batch} 的登记造册（${p.rows} 张）已保存到 ${p.path}`,
} as const;
