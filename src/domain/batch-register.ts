/**
 * 登记造册 (GD Art. 12 一(三)): for one production batch, where every card is and who holds it
 * now. The workflow fills it from the ledger (ID numbers already masked); formatters print it.
 */
import type { CardState } from './card-states.ts';

export type BatchRegisterRow = {
  cardNo: string;
  box: string | null;
  boxPosition: string | null;
  holderName: string | null;
  /** Masked (maskIdNumber) unless the caller's role needs it in full. */
  idNumber: string | null;
  state: CardState;
  siteCode: string;
  siteName: string;
  placeName: string | null;
  /** Who answers for the card now: the custodian who signed it in, the agent, the receiver, or the sender while in transit. */
  heldBy: string | null;
  /** ISO time of the card's last movement. */
  since: string;
};

export type BatchRegister = {
  batch: { code: string; kind: 'finished' | 'prefab'; bank: string; maker: string; declaredCount: number };
  /** The site whose subtree the register covers. */
  scope: { code: string; name: string };
  generatedAt: string;
  generatedBy: string;
  byState: { state: CardState; label: string; n: number }[];
  bySite: { siteCode: string; siteName: string; state: CardState; label: string; n: number }[];
  rows: BatchRegisterRow[];
  /** Cards of the batch now outside the scope (elsewhere in the province's chain). */
  outsideScope: number;
};
