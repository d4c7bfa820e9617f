/** What the recall workflow writes for people to read (the audit log's words). */
export const recallText = {
  /** The audit line of a reported death: never the full ID number. */
  deceasedDetail: (p: { idMasked: string; on: string }) => `${p.idMasked} 于 ${p.on}`,
  /** What each holder flag is called (holder-flags.ts). */
  flagKinds: { deceased: '死亡', emigrated: '出境定居', undeliverable: '无法投递', missing: '失踪' },
  flagDetail: (p: { idMasked: string; kind: string; on: string; source: string }) => `${p.idMasked} ${p.kind} 于 ${p.on}（来源：${p.source}）`,
  unflagDetail: (p: { idMasked: string; kind: string; reason: string }) => `${p.idMasked} 撤销${p.kind}登记（原因：${p.reason}）`,
} as const;
