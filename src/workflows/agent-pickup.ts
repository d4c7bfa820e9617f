/**
 * 批量领取 (GD Art. 15; HB Art. 17): a unit's authorised agent takes its members' cards against
 * the unit's authorisation; both sides count them together. The cards are then `agent_held`
 * until the unit confirms each was handed to its holder (`issued`) or brings it back
 * (`in_stock`). Held longer than the profile allows, they are sleeping cards (overdue.ts).
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements, type MovementInput } from '../../db/append-movements.ts';
import { cardsOfPickup, countRefsWithPrefix, openPickups } from '../../db/issuance-queries.ts';
import { isRetryOf, movementsOfOperation } from '../../db/operations-repo.ts';
import { placesAt, siteById, subtreeIds } from '../../db/sites-repo.ts';
import { cardsByNumbers, cardsOfBatchAtSite } from '../../db/shipments-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { checkIdDocument } from '../domain/id-documents.ts';
import { mayMove, stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { todayInChina } from '../domain/china-dates.ts';
import { issuanceText } from '../i18n/workflows/issuance.ts';
import type { Actor } from './authenticate.ts';
import { idCheckError, idDocTypeOrThrow } from './id-check-error.ts';

export type PickupInput = {
  operationId: string;
  unit: string;
  agentName: string;
  agentIdNumber: string;
  /** The agent's document (HB Art. 5): a code or a Chinese name; resident ID when not given. */
  agentIdType?: string;
  /** 授权书 or batch application form reference. */
  authorisationRef: string;
  batches?: readonly string[];
  cards?: readonly string[];
};

export type PickupResult = { pickupRef: string; cards: number; replayed: boolean };

/** The pickup's reference: site, day and sequence, e.g. `DL-420102-01-20261123-01`. */
function pickupRef(db: Ledger['db'], actor: Actor, now: Date): string {
  const prefix = `DL-${actor.siteCode}-${todayInChina(now).replaceAll('-', '')}-`;
  return `${prefix}${String(countRefsWithPrefix(db, 'pickup', prefix) + 1).padStart(2, '0')}`;
}

export function pickupCards(ledger: Ledger, actor: Actor, input: PickupInput, now: Date = ledger.now()): PickupResult {
  const unit = input.unit.trim();
  const agentName = input.agentName.trim();
  const auth = input.authorisationRef.trim();
  if (!unit || !agentName || !auth) throw new SbkError('PICKUP_FIELDS');
  const id = checkIdDocument(idDocTypeOrThrow('agent', input.agentIdType), input.agentIdNumber);
  if (!id.ok) throw idCheckError('agent', id);
  return writeTx(ledger, (tx) => {
    if (isRetryOf(tx, input.operationId, ['agent_pickup'], actor.id)) {
      const moved = movementsOfOperation(tx, input.operationId);
      return { pickupRef: moved[0]?.refId ?? '', cards: moved.length, replayed: true };
    }
    const chosen = new Map<number, { id: number; cardNo: string }>();
    for (const b of input.batches ?? []) {
      const rows = cardsOfBatchAtSite(tx, actor.siteId, b.trim()).filter((c) => mayMove(c.kind, c.state, 'agent_pickup'));
      if (rows.length === 0) throw new SbkError('SELECTION_EMPTY.pickupBatch', { batch: b });
      for (const r of rows) chosen.set(r.id, r);
    }
    const wanted = [...new Set((input.cards ?? []).map((c) => normalizeCardInput(c)).filter(Boolean))];
    const byNo = new Map(cardsByNumbers(tx, wanted).map((c) => [c.cardNo, c]));
    for (const no of wanted) {
      const c = byNo.get(no);
      if (!c) throw new SbkError('CARD_NOT_FOUND.counter', { cardNo: no });
      if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.pickup', { cardNo: no, site: siteById(tx, c.siteId)?.name ?? '?' });
      // Asked of the state alone, as for a finished card: a blank in stock is refused by the state machine itself.
      if (!mayMove('finished', c.state, 'agent_pickup')) throw new SbkError('CARD_NOT_IN_STOCK', { cardNo: no, state: stateLabel(c.state as StateOrNone) });
      chosen.set(c.id, c);
    }
    if (chosen.size === 0) throw new SbkError('SELECTION_EMPTY.pickupNone');
    const ref = pickupRef(tx, actor, now);
    appendMovements(
      tx,
      { id: input.operationId, kind: 'agent_pickup', operatorId: actor.id },
      [...chosen.values()].map((c) => ({
        cardId: c.id,
        type: 'agent_pickup' as const,
        toPlaceId: null,
        counterpartRole: 'agent' as const,
        counterpartName: issuanceText.pickup.agent({ agent: agentName, unit }),
        counterpartIdNumber: id.value,
        method: issuanceText.pickup.method,
        reason: issuanceText.pickup.authorisation({ ref: auth }),
        refKind: 'pickup',
        refId: ref,
      })),
    );
    return { pickupRef: ref, cards: chosen.size, replayed: false };
  });
}

export type OpenPickup = { ref: string; agent: string; authorisation: string; since: string; site: string; held: number };

export function listOpenPickups(ledger: Ledger, actor: Actor): OpenPickup[] {
  return openPickups(ledger.db, subtreeIds(ledger.db, actor.siteId)).map((p) => ({
    ref: p.ref,
    agent: p.agent ?? '',
    authorisation: p.reason ?? '',
    since: p.at,
    site: siteById(ledger.db, p.siteId)?.name ?? '',
    held: p.held,
  }));
}

export function pickupCardList(ledger: Ledger, actor: Actor, ref: string) {
  return cardsOfPickup(ledger.db, ref.trim())
    .filter((c) => subtreeIds(ledger.db, actor.siteId).includes(c.siteId))
    .map((c) => ({ cardNo: c.cardNo, holderName: c.holderName, holderIdMasked: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : null, since: c.heldSince }));
}

export type SettleInput = {
  operationId: string;
  pickupRef: string;
  /** Handed to their holders by the unit (GD Art. 15: the holder signs the unit's list). */
  delivered?: readonly string[];
  /** Brought back by the agent: into stock again. */
  returned?: readonly string[];
  placeName?: string | null;
};

export function settlePickup(ledger: Ledger, actor: Actor, input: SettleInput): { delivered: number; returned: number; stillHeld: number; replayed: boolean } {
  return writeTx(ledger, (tx) => {
    const held = new Map(cardsOfPickup(tx, input.pickupRef.trim()).map((c) => [c.cardNo, c]));
    if (isRetryOf(tx, input.operationId, ['pickup_settle'], actor.id)) {
      const moved = movementsOfOperation(tx, input.operationId);
      const n = (t: string) => moved.filter((m) => m.type === t).length;
      return { delivered: n('issue'), returned: n('agent_return'), stillHeld: held.size, replayed: true };
    }
    const pick = (no: string) => {
      const c = held.get(normalizeCardInput(no));
      if (!c) throw new SbkError('CARD_NOT_IN_PICKUP', { cardNo: no, pickup: input.pickupRef });
      if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.otherPickup', { cardNo: no });
      return c;
    };
    const storage = placesAt(tx, actor.siteId).filter((p) => p.kind !== 'hopper');
    const place = input.placeName ? storage.find((p) => p.name === input.placeName!.trim()) : storage[0];
    const delivered = [...new Set((input.delivered ?? []).map(normalizeCardInput))];
    const returned = [...new Set((input.returned ?? []).map(normalizeCardInput))];
    if (delivered.some((d) => returned.includes(d))) throw new SbkError('SETTLE_CONFLICT');
    if (returned.length > 0 && !place) throw new SbkError('PLACE_NOT_FOUND.counter', { place: input.placeName ?? '' });
    const ref = { refKind: 'pickup', refId: input.pickupRef.trim() };
    const moves: MovementInput[] = [
      ...delivered.map((no) => {
        const c = pick(no);
        if (c.deceasedAt) throw new SbkError('HOLDER_DECEASED.pickup', { cardNo: c.cardNo });
        return { cardId: c.id, type: 'issue' as const, counterpartRole: 'receiver' as const, counterpartName: c.holderName ?? '', method: issuanceText.pickup.deliveredMethod, ...ref };
      }),
      ...returned.map((no) => {
        const c = pick(no);
        return { cardId: c.id, type: 'agent_return' as const, toPlaceId: place!.id, counterpartRole: 'agent' as const, counterpartName: issuanceText.pickup.returnedBy, method: issuanceText.pickup.returnMethod, ...ref };
      }),
    ];
    if (moves.length === 0) throw new SbkError('SELECTION_EMPTY.settle');
    appendMovements(tx, { id: input.operationId, kind: 'pickup_settle', operatorId: actor.id }, moves);
    return { delivered: delivered.length, returned: returned.length, stillHeld: held.size - moves.length, replayed: false };
  });
}
