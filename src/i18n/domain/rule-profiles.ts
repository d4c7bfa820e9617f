/** What the rule profiles (src/domain/rule-profiles.ts) are called on screens and in printed citations. */
export const ruleProfileNames = {
  guangdong: { label: '广东省规程', regulation: '广东省社会保障卡业务经办规程' },
  hubei: { label: '湖北省规程', regulation: '湖北省社会保障卡业务经办规程' },
} as const;
