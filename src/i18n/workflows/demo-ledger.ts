/**
 * Texts the demo ledger's synthetic history writes on its movements (demo-ledger.ts), worded as
 * the workflows that make such movements word them.
 */
export const demoLedgerText = {
  /** A shipment signed for on arrival (GD Art. 12 逐级签收). */
  signedIn: (p: { signer: string }) => `逐级签收（签收人 ${p.signer}）`,
  collectedAtOffice: '网点领取',
  receiver: { self: '本人', spouse: '代办：配偶' },
  chipUnreadable: '读卡检测：芯片无法读取',
  instantIssue: '即时制卡',
  printFailed: '打印失败：色带断裂，卡片出至废卡箱',
} as const;
