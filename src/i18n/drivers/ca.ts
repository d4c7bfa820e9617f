/** Where instant issuance's CA data comes from (drivers/ca/), as the operator sees it. */
export const caText = {
  simulatedLabel: '模拟加密机（培训用）',
  commandLabel: (p: { command: string }) => `加密机客户端（${p.command}）`,
  /** iWriteCaStep2's pCaInfo fields, in order (GD Annex 9 二(二)). */
  fields: ['签名证书', '加密证书', '加密密钥', '主控密钥', '管理员PIN'] as const,
} as const;
