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
import { stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { todayInChina } from '../domain/china-dates.ts';
import type { Actor } from './authenticate.ts';

export type PickupInput = {
  operationId: string;
  unit: string;
  agentName: string;
  agentIdNumber: string;
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

export function pickupCards(ledger: Ledger, actor: Actor, input: PickupInput, now: Date = new Date()): PickupResult {
  const unit = input.unit.trim();
  const agentName = input.agentName.trim();
  const auth = input.authorisationRef.trim();
  if (!unit || !agentName || !auth) throw new SbkError('PICKUP_FIELDS', '集体代领须登记单位名称、代领人姓名和授权书编号（GD 第十五条）。');
  const id = checkIdDocument('resident_id', input.agentIdNumber);
  if (!id.ok) throw new SbkError(id.code, `代领人${id.message}`);
  return writeTx(ledger, (tx) => {
    if (isRetryOf(tx, input.operationId, ['agent_pickup'], actor.id)) {
      const moved = movementsOfOperation(tx, input.operationId);
      return { pickupRef: moved[0]?.refId ?? '', cards: moved.length, replayed: true };
    }
    const chosen = new Map<number, { id: number; cardNo: string }>();
    for (const b of input.batches ?? []) {
      const rows = cardsOfBatchAtSite(tx, actor.siteId, b.trim()).filter((c) => c.state === 'in_stock' && c.kind === 'finished');
      if (rows.length === 0) throw new SbkError('SELECTION_EMPTY', `批次 ${b} 在本网点没有在库的成品卡。`);
      for (const r of rows) chosen.set(r.id, r);
    }
    const wanted = [...new Set((input.cards ?? []).map((c) => normalizeCardInput(c)).filter(Boolean))];
    const byNo = new Map(cardsByNumbers(tx, wanted).map((c) => [c.cardNo, c]));
    for (const no of wanted) {
      const c = byNo.get(no);
      if (!c) throw new SbkError('CARD_NOT_FOUND', `台账中没有卡号 ${no}。`);
      if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE', `卡 ${no} 不在本网点（${siteById(tx, c.siteId)?.name ?? '?'}）。`);
      if (c.state !== 'in_stock') throw new SbkError('CARD_NOT_IN_STOCK', `卡 ${no} 当前为“${stateLabel(c.state as StateOrNone)}”，不能代领。`);
      chosen.set(c.id, c);
    }
    if (chosen.size === 0) throw new SbkError('SELECTION_EMPTY', '没有选择任何卡：请指定批次或卡号。');
    const ref = pickupRef(tx, actor, now);
    appendMovements(
      tx,
      { id: input.operationId, kind: 'agent_pickup', operatorId: actor.id },
      [...chosen.values()].map((c) => ({
        cardId: c.id,
        type: 'agent_pickup' as const,
        toPlaceId: null,
        counterpartRole: 'agent' as const,
        counterpartName: `${agentName}（${unit}）`,
        counterpartIdNumber: id.value,
        method: '集体代领',
        reason: `单位授权代领，授权书编号 ${auth}`,
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
      if (!c) throw new SbkError('CARD_NOT_IN_PICKUP', `卡 ${no} 不在代领单 ${input.pickupRef} 中未结清的卡里。`);
      if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE', `卡 ${no} 属于另一网点的代领单。`);
      return c;
    };
    const storage = placesAt(tx, actor.siteId).filter((p) => p.kind !== 'hopper');
    const place = input.placeName ? storage.find((p) => p.name === input.placeName!.trim()) : storage[0];
    const delivered = [...new Set((input.delivered ?? []).map(normalizeCardInput))];
    const returned = [...new Set((input.returned ?? []).map(normalizeCardInput))];
    if (delivered.some((d) => returned.includes(d))) throw new SbkError('SETTLE_CONFLICT', '同一张卡不能既登记为已转交又登记为退回。');
    if (returned.length > 0 && !place) throw new SbkError('PLACE_NOT_FOUND', `本网点没有保管地点“${input.placeName ?? ''}”。`);
    const ref = { refKind: 'pickup', refId: input.pickupRef.trim() };
    const moves: MovementInput[] = [
      ...delivered.map((no) => {
        const c = pick(no);
        if (c.deceasedAt) throw new SbkError('HOLDER_DECEASED', `卡 ${c.cardNo} 的持卡人已登记死亡，不能登记为已转交；请登记退回并回收。`);
        return { cardId: c.id, type: 'issue' as const, counterpartRole: 'receiver' as const, counterpartName: c.holderName ?? '', method: '集体代领转交本人', ...ref };
      }),
      ...returned.map((no) => {
        const c = pick(no);
        return { cardId: c.id, type: 'agent_return' as const, toPlaceId: place!.id, counterpartRole: 'agent' as const, counterpartName: '代领人退回', method: '代领退回', ...ref };
      }),
    ];
    if (moves.length === 0) throw new SbkError('SELECTION_EMPTY', '请登记已转交或退回的卡。');
    appendMovements(tx, { id: input.operationId, kind: 'pickup_settle', operatorId: actor.id }, moves);
    return { delivered: delivered.length, returned: returned.length, stillHeld: held.size - moves.length, replayed: false };
  });
}
