/** What the recall workflow writes for people to read (the audit log's words). */
export const recallText = {
  /** The audit line of a reported death: never the full ID number. */
  deceasedDetail: (p: { idMasked: string; on: string }) => `${p.idMasked} 于 ${p.on}`,
} as const;
