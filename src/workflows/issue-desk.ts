/**
 * Reads the console's counter screens need before they act, none of which writes: the
 * read-check's comparison shown before the card is issued, the chip a simulated reader should
 * find for a card, and what a scanned entry adds to a collective pickup. The writes stay in
 * issue-card.ts and agent-pickup.ts, which check everything again inside their transaction.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { holderCardByNo } from '../../db/issuance-queries.ts';
import { cardsByNumbers, cardsOfBatchAtSite } from '../../db/shipments-repo.ts';
import { siteById } from '../../db/sites-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { compareChip, mismatchText, type ReadCheckMismatch } from '../domain/read-check.ts';
import { mayMove, stateLabel, type StateOrNone } from '../domain/card-states.ts';
import type { BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import { chipFromLedger } from '../../drivers/reader/simulated-card.ts';
import type { Actor } from './authenticate.ts';

function requireCard(ledger: Ledger, cardNo: string) {
  const c = holderCardByNo(ledger.db, normalizeCardInput(cardNo));
  if (!c) throw new SbkError('CARD_NOT_FOUND.counter', { cardNo });
  return c;
}

/** The chip a simulated reader should hold for this card: the ledger's own data, as the maker wrote it. */
export function simulatedChip(ledger: Ledger, cardNo: string): BasicCardInfo {
  const c = requireCard(ledger, cardNo);
  return chipFromLedger(c.cardNo, c.holderIdNumber ?? '', c.holderName ?? '', { regionCode: c.siteCode.slice(0, 6), issueDate: c.issueDate });
}

/**
 * 读卡检测 before the hand-over (HB Art. 15-16): what differs between the chip that was read and
 * the ledger. Writes nothing; issueCard compares again and records a defect.
 */
export function checkChip(ledger: Ledger, cardNo: string, chip: BasicCardInfo): { mismatches: ReadCheckMismatch[]; text: string | null } {
  const c = requireCard(ledger, cardNo);
  const mismatches = compareChip(chip, c);
  return { mismatches, text: mismatches.length ? mismatchText(mismatches) : null };
}

export type PickupEntry = { kind: 'card' | 'batch'; label: string; cards: string[] };

/**
 * A scanned card number or a batch code at the collective pickup, as the cards it adds: only
 * finished cards in stock at the operator's site may go (GD Art. 15). Refused with the same
 * reasons pickupCards gives, so the operator hears them card by card while scanning.
 */
export function pickupEntry(ledger: Ledger, actor: Actor, raw: string): PickupEntry {
  const value = raw.normalize('NFKC').trim();
  if (!value) throw new SbkError('SELECTION_EMPTY.pickupEntry');
  const cardNo = normalizeCardInput(value);
  const card = cardsByNumbers(ledger.db, [cardNo])[0];
  if (card) {
    if (card.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.pickup', { cardNo, site: siteById(ledger.db, card.siteId)?.name ?? '?' });
    if (card.kind !== 'finished') throw new SbkError('CARD_NOT_IN_STOCK.prefab', { cardNo });
    if (!mayMove(card.kind, card.state, 'agent_pickup')) throw new SbkError('CARD_NOT_IN_STOCK', { cardNo, state: stateLabel(card.state as StateOrNone) });
    return { kind: 'card', label: cardNo, cards: [cardNo] };
  }
  const inBatch = cardsOfBatchAtSite(ledger.db, actor.siteId, value);
  if (inBatch.length === 0) throw new SbkError('CARD_NOT_FOUND.cardOrBatch', { cardNo, batch: value });
  const stock = inBatch.filter((c) => mayMove(c.kind, c.state, 'agent_pickup')).map((c) => c.cardNo);
  if (stock.length === 0) throw new SbkError('SELECTION_EMPTY.pickupBatch', { batch: value });
  return { kind: 'batch', label: value, cards: stock };
}
