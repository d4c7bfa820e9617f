/**
 * Ending a `missing` discrepancy the two ways the rules allow: the card turned up and is signed
 * into stock (找回), or it is declared lost with a supervisor's approval (GD Art. 12 责任到人;
 * DEVELOPERS.md: sensitive actions need a second operator). Either way a movement is appended
 * and the discrepancy closed in the same transaction. Other discrepancies (extra, damaged) are
 * closed by a supervisor with a reason (check-in.ts closeDiscrepancy).
 */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { closeDiscrepancyRow, discrepancyById } from '../../db/discrepancies-repo.ts';
import { placesAt, subtreeIds } from '../../db/sites-repo.ts';
import { cardsByNumbers } from '../../db/shipments-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { PREFAB_ON_HAND_STATES, AWAITING_ARRIVAL_STATES, stateLabel, type CardState, type StateOrNone } from '../domain/card-states.ts';
import { discrepancyText } from '../i18n/workflows/discrepancies.ts';
import { checkApprover, type Actor } from './authenticate.ts';
import { requireSiteOperator } from './operators.ts';

/** Discrepancy `id` at the actor's site or below, still open; otherwise the error that says why. */
export function requireOpenDiscrepancy(db: LedgerDb, actor: Actor, id: number) {
  const d = discrepancyById(db, id);
  if (!d || !subtreeIds(db, actor.siteId).includes(d.siteId)) throw new SbkError('DISCREPANCY_NOT_FOUND', { id });
  if (d.closed != null) throw new SbkError('DISCREPANCY_CLOSED', { id });
  return d;
}

function openMissing(tx: LedgerDb, actor: Actor, id: number) {
  const d = requireOpenDiscrepancy(tx, actor, id);
  if (d.kind !== 'missing' || d.cardId == null) throw new SbkError('DISCREPANCY_NOT_MISSING', { id });
  const card = cardsByNumbers(tx, [d.cardNo])[0];
  // A blank missing at a daily count is still on hand by the ledger; one missing at a sign-in is still on its way.
  const stillOpen: readonly CardState[] = d.refKind === 'count' ? PREFAB_ON_HAND_STATES : AWAITING_ARRIVAL_STATES;
  if (!card || card.id !== d.cardId || card.siteId !== d.siteId || !(stillOpen as readonly string[]).includes(card.state)) {
    throw new SbkError('DISCREPANCY_CARD_MOVED', { cardNo: d.cardNo, state: stateLabel((card?.state ?? 'none') as StateOrNone) });
  }
  return { d, card };
}

export type FoundInput = { placeName?: string | null; custodian?: string | null };

/** The missing card is here after all: it is signed into stock at the discrepancy's site. */
export function resolveFound(ledger: Ledger, actor: Actor, id: number, input: FoundInput = {}): { cardNo: string } {
  return writeTx(ledger, (tx) => {
    const { d, card } = openMissing(tx, actor, id);
    if (d.siteId !== actor.siteId) throw new SbkError('DISCREPANCY_OTHER_SITE', { id });
    const storage = placesAt(tx, actor.siteId).filter((p) => p.kind !== 'hopper');
    const place = input.placeName ? storage.find((p) => p.name === input.placeName!.trim()) : storage[0];
    if (!place) throw new SbkError('PLACE_NOT_FOUND.counter', { place: input.placeName ?? '' });
    const custodian = input.custodian?.trim() ? requireSiteOperator(tx, actor.siteId, input.custodian, 'custodian').name : actor.name;
    const close = (reason: string) => closeDiscrepancyRow(tx, { discrepancyId: id, closedBy: actor.id, closedAt: ledger.now().toISOString(), reason });
    if (d.refKind === 'count') {
      // The blank was there after all (miscounted): the ledger already has it in place.
      close(discrepancyText.foundAtCount({ place: place.name, custodian }));
      return { cardNo: card.cardNo };
    }
    appendMovements(tx, { id: `found:${id}`, kind: 'found', operatorId: actor.id }, [
      {
        cardId: card.id,
        type: 'receive',
        toPlaceId: place.id,
        counterpartRole: 'custodian',
        counterpartName: custodian,
        method: discrepancyText.foundMethod,
        refKind: 'discrepancy',
        refId: String(id),
      },
    ]);
    close(discrepancyText.foundSignedIn({ place: place.name, custodian }));
    return { cardNo: card.cardNo };
  });
}

/** The missing card is declared lost: the actor and an approving supervisor (not the same person). */
export function declareLost(ledger: Ledger, actor: Actor, approver: Actor, id: number, reason: string): { cardNo: string } {
  if (!reason.trim()) throw new SbkError('REASON_REQUIRED.declareLost');
  checkApprover(ledger, actor, approver);
  return writeTx(ledger, (tx) => {
    const { card } = openMissing(tx, actor, id);
    appendMovements(tx, { id: `lost:${id}`, kind: 'declare_lost', operatorId: actor.id, secondOperatorId: approver.id }, [
      { cardId: card.id, type: 'declare_lost', reason: reason.trim(), refKind: 'discrepancy', refId: String(id) },
    ]);
    const closedAt = ledger.now().toISOString();
    closeDiscrepancyRow(tx, { discrepancyId: id, closedBy: actor.id, closedAt, reason: discrepancyText.declaredLost({ reason: reason.trim(), approver: approver.name }) });
    return { cardNo: card.cardNo };
  });
}
