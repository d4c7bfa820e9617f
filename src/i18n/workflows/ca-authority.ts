/** Where instant issuance's certificates come from (ca-authority.ts), as the operator sees it. */
export const caAuthorityText = {
  simulatorLabel: '模拟加密机（培训用）',
} as const;
