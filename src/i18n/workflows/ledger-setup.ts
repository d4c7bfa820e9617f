/** What a new ledger starts with (init-ledger.ts). */
export const ledgerSetupText = {
  /** Every in-scope site starts with one safe, so cards can be put somewhere on day one. */
  firstSafe: '保险柜1',
  /** An upstream counterpart of a region outside the bundled directories, until `sbk site edit` names it. */
  unnamedRegion: (p: { code: string }) => `行政区划 ${p.code}`,
} as const;
