/**
 * How a discrepancy is closed (discrepancy-resolve.ts): the closing reason and the movement's
 * method, kept in the ledger for good, so their wording stays as it was.
 */
export const discrepancyText = {
  /** A blank missing at a count was miscounted: it is on hand where the ledger has it. */
  foundAtCount: (p: { place: string; custodian: string }) => `已找到，复点在${p.place}（${p.custodian}）`,
  /** A card missing on arrival turned up and is signed into stock. */
  foundSignedIn: (p: { place: string; custodian: string }) => `已找到，签收入${p.place}（保管人 ${p.custodian}）`,
  foundMethod: '差异找回签收',
  declaredLost: (p: { reason: string; approver: string }) => `确认丢失：${p.reason}（复核：${p.approver}）`,
} as const;
