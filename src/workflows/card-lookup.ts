/** One card: where it is, in which state, and every movement it went through (`sbk card`, lookup screen). */
import type { Ledger } from '../../db/open-ledger.ts';
import { cardByNo, cardHistory } from '../../db/card-queries.ts';
import { SbkError } from '../domain/errors.ts';
import { maskBankCard, maskIdNumber } from '../domain/mask.ts';
import { idDocLabelOf } from '../domain/id-documents.ts';
import { normalizeCardInput } from '../domain/card-input.ts';

export type CardView = {
  cardNo: string;
  kind: string;
  state: string;
  stateSince: string;
  site: { code: string; name: string };
  place: string | null;
  batch: string | null;
  box: string | null;
  boxPosition: string | null;
  bank: string;
  maker: string;
  bankCardNo: string | null;
  /** `idTypeLabel`: the document's Chinese name (HB Art. 5); `idNumber` masked, last 4 shown. */
  holder: { name: string; idType: string; idTypeLabel: string; idNumber: string } | null;
  issueDate: string | null;
  expiryDate: string | null;
  history: {
    seq: number;
    at: string;
    type: string;
    fromState: string;
    toState: string;
    from: string | null;
    to: string;
    place: string | null;
    operator: string;
    secondOperator: string | null;
    counterpart: string | null;
    counterpartRole: string | null;
    method: string | null;
    reason: string | null;
    ref: string | null;
  }[];
};

export function lookupCard(ledger: Ledger, rawCardNo: string): CardView {
  const cardNo = normalizeCardInput(rawCardNo);
  if (!cardNo) throw new SbkError('CARD_NO_EMPTY');
  const c = cardByNo(ledger.db, cardNo);
  if (!c) throw new SbkError('CARD_NOT_FOUND.lookup', { cardNo });
  // PIPL Art. 28: ID numbers and bank accounts are sensitive; nobody needs them in full to find a card.
  const history = cardHistory(ledger.db, c.id).map((h) => ({
    seq: h.id,
    at: h.at,
    type: h.type,
    fromState: h.fromState,
    toState: h.toState,
    from: h.fromSiteName,
    to: h.toSiteName,
    place: h.toPlaceName,
    operator: h.operatorName,
    secondOperator: h.secondOperatorName,
    counterpart: h.counterpartName,
    counterpartRole: h.counterpartRole,
    method: h.method,
    reason: h.reason,
    ref: h.refKind ? `${h.refKind}:${h.refId ?? ''}` : null,
  }));
  return {
    cardNo: c.cardNo,
    kind: c.kind,
    state: c.state,
    stateSince: c.stateSince,
    site: { code: c.siteCode, name: c.siteName },
    place: c.placeName,
    batch: c.batchCode,
    box: c.boxLabel,
    boxPosition: c.boxPosition,
    bank: c.bank,
    maker: c.maker,
    bankCardNo: c.bankCardNo ? maskBankCard(c.bankCardNo) : null,
    holder: c.holderName ? { name: c.holderName, idType: c.holderIdType ?? '', idTypeLabel: idDocLabelOf(c.holderIdType), idNumber: maskIdNumber(c.holderIdNumber ?? '') } : null,
    issueDate: c.issueDate,
    expiryDate: c.expiryDate,
    history,
  };
}
