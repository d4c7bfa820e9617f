/**
 * What a simulated reader finds in its slot: a card's chip as the card maker would have
 * written it, built from the ledger's own record of the card. A demo ledger has no physical
 * cards, so the console "inserts" the card being issued this way, as if the operator had put
 * that card in the reader; a test can alter the result to make the chip disagree.
 */
import type { BasicCardInfo } from './basic-info.ts';

export type ChipExtras = { regionCode?: string; cardIdCode?: string; resetCode?: string; issueDate?: string | null; expiryDate?: string | null };

/** `issueDate` / `expiryDate` as YYYYMMDD or YYYY-MM-DD; the expiry defaults to ten years on (HB Art. 2). */
export function chipFromLedger(cardNo: string, holderIdNumber: string, holderName: string, extras: ChipExtras = {}): BasicCardInfo {
  const issue = (extras.issueDate ?? '').replaceAll('-', '');
  const expiry = (extras.expiryDate ?? '').replaceAll('-', '') || (issue.length === 8 ? `${Number(issue.slice(0, 4)) + 10}${issue.slice(4)}` : '');
  return {
    regionCode: extras.regionCode ?? holderIdNumber.slice(0, 6),
    ssn: holderIdNumber,
    cardNo,
    cardIdCode: extras.cardIdCode ?? '',
    name: holderName,
    resetCode: extras.resetCode ?? '',
    specVersion: '3.00',
    issueDate: issue,
    expiryDate: expiry,
    terminalNo: '',
    deviceNo: '',
  };
}
