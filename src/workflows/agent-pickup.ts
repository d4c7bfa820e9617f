/**
 * 批量领取 (GD Art. 15; HB Art. 17): a unit's authorised agent takes its members' cards against
 * the unit's authorisation; both sides count them together. The cards are then `agent_held`
 * until the unit confirms each was handed to its holder (`issued`) or brings it back
 * (`in_stock`). Held longer than the profile allows, they are sleeping cards (overdue.ts).
 *
 * The unit's paperwork (GD Art. 15 一(一) 收取单位授权委托书（加盖公章）; Annex 4 授权期限) is recorded with
 * the pickup when given: unit code, contact and phone, the letter's period — checked on the
 * pickup's date and, where SBK2 applications name the cards' unit, against them (pickup-paperwork.ts).
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { cardsOfPickup, countRefsWithPrefix, openPickups } from '../../db/issuance-queries.ts';
import { isRetryOf, movementsOfOperation } from '../../db/operations-repo.ts';
import { siteById, subtreeIds } from '../../db/sites-repo.ts';
import { cardsByNumbers, cardsOfBatchAtSite } from '../../db/shipments-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { normalizeCardInput } from '../domain/card-input.ts';
import { maskIdNumber, maskPhone } from '../domain/mask.ts';
import { checkIdDocument } from '../domain/id-documents.ts';
import { mayMove, stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { todayInChina } from '../domain/china-dates.ts';
import { issuanceText } from '../i18n/workflows/issuance.ts';
import type { Actor } from './authenticate.ts';
import { idCheckError, idDocTypeOrThrow } from './id-check-error.ts';
import { checkPickupPapers, hasPapers, unitMismatches, type PickupPapers, type PickupPapersInput } from '../domain/pickup-paperwork.ts';
import { applicationUnitsOfCards, insertPickupPapers, papersOfPickups } from '../../db/pickup-papers-repo.ts';

export { settlePickup, type SettleInput, type SettleResult } from './pickup-settle.ts';

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
  /** The unit's paperwork (all fields or none): unit code, contact, phone, authorisation period. */
  papers?: PickupPapersInput;
};

export type PickupResult = { pickupRef: string; cards: number; replayed: boolean };

/** Refuses the pickup when any chosen card's SBK2 application names another unit (GD Art. 15 二: 对照批量业务申请表分拣). */
function checkUnits(tx: Ledger['db'], papers: PickupPapers, chosen: readonly { id: number; cardNo: string }[]): void {
  const units = applicationUnitsOfCards(tx, chosen.map((c) => c.id));
  const wrong = unitMismatches(
    chosen.map((c) => ({ cardNo: c.cardNo, applicationUnitCode: units.has(c.id) ? units.get(c.id) : undefined })),
    papers.unitCode,
  );
  if (wrong.length > 0) throw new SbkError('PICKUP_UNIT_MISMATCH', { unitCode: papers.unitCode, cards: [...wrong].sort((a, b) => a.cardNo.localeCompare(b.cardNo)) });
}

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
  const papers = input.papers && hasPapers(input.papers) ? checkPickupPapers(input.papers, unit, auth, todayInChina(now)) : null;
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
    if (papers) checkUnits(tx, papers, [...chosen.values()]);
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
    if (papers) insertPickupPapers(tx, { ...papers, pickupRef: ref, operationId: input.operationId, siteId: actor.siteId, operatorId: actor.id, at: now.toISOString() });
    return { pickupRef: ref, cards: chosen.size, replayed: false };
  });
}

/** The paperwork as lists and screens show it: the phone masked. */
export type PapersView = { unitCode: string; unitName: string; contactName: string; contactPhoneMasked: string; authRef: string; authFrom: string; authTo: string };

export function papersView(p: PickupPapers): PapersView {
  return { unitCode: p.unitCode, unitName: p.unitName, contactName: p.contactName, contactPhoneMasked: maskPhone(p.contactPhone), authRef: p.authRef, authFrom: p.authFrom, authTo: p.authTo };
}

export type OpenPickup = { ref: string; agent: string; authorisation: string; since: string; site: string; held: number; papers: PapersView | null };

export function listOpenPickups(ledger: Ledger, actor: Actor): OpenPickup[] {
  const open = openPickups(ledger.db, subtreeIds(ledger.db, actor.siteId));
  const papers = papersOfPickups(ledger.db, open.map((p) => p.ref));
  return open.map((p) => ({
    ref: p.ref,
    agent: p.agent ?? '',
    authorisation: p.reason ?? '',
    since: p.at,
    site: siteById(ledger.db, p.siteId)?.name ?? '',
    held: p.held,
    papers: papers.has(p.ref) ? papersView(papers.get(p.ref)!) : null,
  }));
}

export function pickupCardList(ledger: Ledger, actor: Actor, ref: string) {
  return cardsOfPickup(ledger.db, ref.trim())
    .filter((c) => subtreeIds(ledger.db, actor.siteId).includes(c.siteId))
    .map((c) => ({ cardNo: c.cardNo, holderName: c.holderName, holderIdMasked: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : null, since: c.heldSince }));
}
