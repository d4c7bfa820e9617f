/**
 * The ledger's seal head as printed on paper (issue 18): the newest seal's number and the first
 * 16 hex digits of its keyed link. A sheet signed and filed carries it, so a later rewrite of
 * the ledger — even one that recomputes every hash — is caught by `sbk verify --seal N:CODE`
 * against the paper. Pure: the head is read by db/seal-chain.ts.
 */
import { reportTexts } from '../i18n/domain/reports.ts';

export type LedgerHead = { readonly seq: number; readonly code: string };

/** Long enough that nobody finds another link with the same prefix; short enough to type back from paper. */
export const HEAD_CODE_LENGTH = 16;

export function headCode(link: string): string {
  return link.slice(0, HEAD_CODE_LENGTH);
}

/** `sbk verify --seal` takes what the sheet shows: `1234:3f9a…`, `#1234 3f9a…`. */
export function parseHeadRef(text: string): LedgerHead | null {
  const m = /^\s*#?(\d+)\s*[:\s]\s*([0-9a-fA-F]{8,64})\s*$/.exec(text);
  return m ? { seq: Number(m[1]), code: m[2]!.toLowerCase() } : null;
}

/** The lines a printed sheet ends with; none when the ledger has no seal yet. */
export function ledgerHeadLines(head: LedgerHead | null | undefined): string[] {
  if (!head) return [];
  const t = reportTexts.ledgerHead;
  return [t.line(head), t.check(head)];
}

/** The same as two CSV cells, label and value. */
export function ledgerHeadCsvRow(head: LedgerHead | null | undefined): string[][] {
  return head ? [[reportTexts.ledgerHead.csv, `${head.seq}:${head.code}`]] : [];
}
