/**
 * 结清批量领取: the unit brings back its list signed, and the office records per card how it
 * went (GD Art. 15 一(二): “做好持卡人签收记录等发放管理台账”; 二: “双方清点数量并签字确认”) —
 * signed by the holder (`issue`), signed by the unit on the holder's behalf (`issue`, 单位代签),
 * or not received and brought back (`agent_return`, into stock at a storage place). One
 * `pickup_settlements` line per card, by the same operation as its movement, attributed to the
 * operator. HB Art. 17: 睡眠卡……应由集体代领人交还服务机构.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements, type MovementInput } from '../../db/append-movements.ts';
import { cardsOfPickup } from '../../db/issuance-queries.ts';
import { isRetryOf, movementsOfOperation } from '../../db/operations-repo.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { insertSettlements, type NewPickupSettlement } from '../../db/pickup-papers-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import type { SettleOutcome } from '../domain/pickup-paperwork.ts';
import { issuanceText } from '../i18n/workflows/issuance.ts';
import type { Actor } from './authenticate.ts';

export type SettleInput = {
  operationId: string;
  pickupRef: string;
  /** Handed to their holders, each signing the unit's list (GD Art. 15 一(二)). */
  delivered?: readonly string[];
  /** Handed to their holders, the unit's agent signing on each holder's behalf (单位代签). */
  unitSigned?: readonly string[];
  /** Not received: brought back by the agent, into stock again. */
  returned?: readonly string[];
  placeName?: string | null;
};

export type SettleResult = { delivered: number; unitSigned: number; returned: number; stillHeld: number; replayed: boolean };

const unique = (xs: readonly string[] | undefined): string[] => [...new Set((xs ?? []).map(normalizeCardInput).filter(Boolean))];

export function settlePickup(ledger: Ledger, actor: Actor, input: SettleInput): SettleResult {
  const ref = input.pickupRef.trim();
  return writeTx(ledger, (tx) => {
    const held = new Map(cardsOfPickup(tx, ref).map((c) => [c.cardNo, c]));
    if (isRetryOf(tx, input.operationId, ['pickup_settle'], actor.id)) {
      const moved = movementsOfOperation(tx, input.operationId);
      const n = (t: string) => moved.filter((m) => m.type === t).length;
      return { delivered: n('issue'), unitSigned: 0, returned: n('agent_return'), stillHeld: held.size, replayed: true };
    }
    const lists: [SettleOutcome, string[]][] = [
      ['holder_signed', unique(input.delivered)],
      ['unit_signed', unique(input.unitSigned)],
      ['not_received', unique(input.returned)],
    ];
    const seen = new Set<string>();
    for (const [, nos] of lists) {
      for (const no of nos) {
        if (seen.has(no)) throw new SbkError('SETTLE_CONFLICT', { cardNo: no });
        seen.add(no);
      }
    }
    const pick = (no: string) => {
      const c = held.get(no);
      if (!c) throw new SbkError('CARD_NOT_IN_PICKUP', { cardNo: no, pickup: ref });
      if (c.siteId !== actor.siteId) throw new SbkError('CARD_NOT_HERE.otherPickup', { cardNo: no });
      return c;
    };
    const storage = placesAt(tx, actor.siteId).filter((p) => p.kind !== 'hopper');
    const place = input.placeName ? storage.find((p) => p.name === input.placeName!.trim()) : storage[0];
    const returning = unique(input.returned);
    if (returning.length > 0 && !place) throw new SbkError('PLACE_NOT_FOUND.counter', { place: input.placeName ?? '' });
    const refOf = { refKind: 'pickup', refId: ref };
    const moves: MovementInput[] = [];
    const lines: NewPickupSettlement[] = [];
    const at = ledger.now().toISOString();
    for (const [outcome, nos] of lists) {
      for (const no of nos) {
        const c = pick(no);
        if (outcome === 'not_received') {
          moves.push({ cardId: c.id, type: 'agent_return', toPlaceId: place!.id, counterpartRole: 'agent', counterpartName: issuanceText.pickup.returnedBy, method: issuanceText.pickup.returnMethod, ...refOf });
        } else {
          if (c.deceasedAt) throw new SbkError('HOLDER_DECEASED.pickup', { cardNo: c.cardNo });
          const method = outcome === 'unit_signed' ? issuanceText.pickup.unitSignedMethod : issuanceText.pickup.deliveredMethod;
          moves.push({ cardId: c.id, type: 'issue', counterpartRole: 'receiver', counterpartName: c.holderName ?? '', method, ...refOf });
        }
        lines.push({ pickupRef: ref, operationId: input.operationId, cardId: c.id, outcome, operatorId: actor.id, at });
      }
    }
    if (moves.length === 0) throw new SbkError('SELECTION_EMPTY.settle');
    appendMovements(tx, { id: input.operationId, kind: 'pickup_settle', operatorId: actor.id }, moves);
    insertSettlements(tx, lines);
    const [signed, onBehalf, back] = lists.map(([, nos]) => nos.length) as [number, number, number];
    return { delivered: signed, unitSigned: onBehalf, returned: back, stillHeld: held.size - moves.length, replayed: false };
  });
}
