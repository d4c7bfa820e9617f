/** What a new ledger starts with (init-ledger.ts). */
export const ledgerSetupText = {
  /** Every in-scope site starts with one safe, so cards can be put somewhere on day one. */
  firstSafe: '保险柜1',
} as const;
