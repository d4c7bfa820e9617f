/** Names the site tree (src/domain/site-hierarchy.ts) gives sites it derives from the region table. */
export const siteNames = {
  /** A city's card centre, named after its region: `武汉市社保卡管理中心`. */
  cityCentre: (region: string) => `${region}社保卡管理中心`,
} as const;
