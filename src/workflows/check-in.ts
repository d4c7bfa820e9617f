/**
 * Physical check-in of an imported batch (入库清点): the cards a maker's file made `expected` at
 * the operator's site are counted box by box (src/domain/check-in-session.ts); confirming moves
 * the counted ones into a storage place under a custodian, records damaged ones as `defective`
 * and leaves what is missing, or extra, as open discrepancies that only a supervisor closes.
 */
import { and, eq } from 'drizzle-orm';
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements, type MovementInput } from '../../db/append-movements.ts';
import { batches, boxes, cards } from '../../db/schema.ts';
import { isRetryOf, recordEmptyOperation } from '../../db/operations-repo.ts';
import { placesAt, subtreeIds } from '../../db/sites-repo.ts';
import { closeDiscrepancyRow, insertDiscrepancy, listDiscrepancies } from '../../db/discrepancies-repo.ts';
import { existingCardNos } from '../../db/imports-repo.ts';
import type { CheckInResult, ExpectedCard } from '../domain/check-in-session.ts';
import { stateAfter, STATE_LABELS, type CardState } from '../domain/card-states.ts';
import { SbkError } from '../domain/errors.ts';
import { intakeText } from '../i18n/workflows/intake.ts';
import { requireRole, type Actor } from './authenticate.ts';
import { requireSiteOperator } from './operators.ts';
import { requireOpenDiscrepancy } from './discrepancy-resolve.ts';

/** Where counted cards can go at the operator's site (safes, cabinets, shelves; not hoppers). */
export function storagePlaces(ledger: Ledger, actor: Actor) {
  return placesAt(ledger.db, actor.siteId).filter((p) => p.kind !== 'hopper');
}

export type CheckInBatch = { code: string; kind: string; bank: string; expected: number };

/** Batches with cards waiting to be counted in at the operator's site. */
export function batchesAwaitingCheckIn(ledger: Ledger, actor: Actor): CheckInBatch[] {
  const rows = ledger.db
    .select({ code: batches.code, kind: batches.kind, bank: batches.bank, cardId: cards.id })
    .from(cards)
    .innerJoin(batches, eq(batches.id, cards.batchId))
    .where(and(eq(cards.siteId, actor.siteId), eq(cards.state, stateAfter('register'))))
    .all();
  const by = new Map<string, CheckInBatch>();
  for (const r of rows) {
    const b = by.get(r.code) ?? { code: r.code, kind: r.kind, bank: r.bank, expected: 0 };
    b.expected += 1;
    by.set(r.code, b);
  }
  return [...by.values()];
}

/** The cards of one batch still waiting to be counted in at a site, with their boxes. */
function waitingCards(db: LedgerDb, siteId: number, batchCode: string) {
  return db
    .select({ id: cards.id, cardNo: cards.cardNo, boxId: cards.boxId, kind: cards.kind, box: boxes.label })
    .from(cards)
    .innerJoin(batches, eq(batches.id, cards.batchId))
    .leftJoin(boxes, eq(boxes.id, cards.boxId))
    .where(and(eq(batches.code, batchCode), eq(cards.siteId, siteId), eq(cards.state, stateAfter('register'))))
    .all();
}

type WaitingCard = ReturnType<typeof waitingCards>[number];

export function expectedCards(ledger: Ledger, actor: Actor, batchCode: string): ExpectedCard[] {
  const rows = waitingCards(ledger.db, actor.siteId, batchCode);
  if (rows.length === 0) throw new SbkError('NOTHING_TO_CHECK_IN', { batch: batchCode });
  return rows.map((r) => ({ cardNo: r.cardNo, box: r.box ?? '-' }));
}

export type ConfirmInput = {
  /** Chosen when the session started: confirming twice (a retry after a lost reply) acts once. */
  operationId: string;
  batchCode: string;
  placeName?: string;
  /** 工号 or name of one of the site's operators; the operator confirming when not given. */
  custodian?: string;
  result: CheckInResult;
};

export type ConfirmSummary = { received: number; damaged: number; missing: number; extras: number; replayed: boolean };

export function confirmCheckIn(ledger: Ledger, actor: Actor, input: ConfirmInput): ConfirmSummary {
  const { result } = input;
  const places = placesAt(ledger.db, actor.siteId);
  const place = input.placeName ? places.find((p) => p.name === input.placeName) : places[0];
  if (!place) throw new SbkError('PLACE_NOT_FOUND.counter', { place: input.placeName ?? '' });
  const summary = (replayed: boolean): ConfirmSummary => ({
    received: result.received.length,
    damaged: result.damaged.length,
    missing: result.missing.length,
    extras: result.extras.length,
    replayed,
  });
  return writeTx(ledger, (tx) => {
    if (isRetryOf(tx, input.operationId, ['checkin'], actor.id)) return summary(true);
    // Only cards still waiting: a second session on the same batch, confirmed after the first,
    // must not record cards already in stock as missing.
    const idOf = new Map(waitingCards(tx, actor.siteId, input.batchCode).map((c) => [c.cardNo, c]));
    const card = (cardNo: string): WaitingCard => {
      const c = idOf.get(cardNo);
      if (!c) throw new SbkError('CHECKIN_STALE', { cardNo });
      return c;
    };
    const session: CheckInSession = { tx, actor, operationId: input.operationId, ref: { refKind: 'checkin', refId: input.operationId }, card };
    // The custodian answers for the cards from now on: an operator of this site (GD Art. 12), you by default.
    const custodian = input.custodian?.trim() ? requireSiteOperator(tx, actor.siteId, input.custodian, 'custodian').name : actor.name;
    recordCounted(session, result, place.id, custodian);
    recordDiscrepancies(session, result, ledger.now().toISOString());
    return summary(false);
  });
}

/** One confirmation's context inside its transaction. */
type CheckInSession = {
  tx: LedgerDb;
  actor: Actor;
  operationId: string;
  ref: { refKind: string; refId: string };
  /** A card still waiting in this batch, or CHECKIN_STALE. */
  card: (cardNo: string) => WaitingCard;
};

/** The counted cards into the place, the damaged ones out of use: one operation. */
function recordCounted(s: CheckInSession, result: CheckInResult, placeId: number, custodian: string): void {
  const moves: MovementInput[] = [
    ...result.received.map((cardNo) => ({
      cardId: s.card(cardNo).id,
      type: 'receive' as const,
      toPlaceId: placeId,
      counterpartRole: 'custodian' as const,
      counterpartName: custodian,
      method: intakeText.checkIn.receiveMethod,
      ...s.ref,
    })),
    // HB Art. 16: a damaged finished card is never issued; a damaged blank is spoiled (GD Art. 36).
    ...result.damaged.map((d) => {
      const c = s.card(d.cardNo);
      return { cardId: c.id, type: c.kind === 'prefab' ? ('spoil' as const) : ('mark_defective' as const), reason: intakeText.checkIn.damaged({ reason: d.reason }), ...s.ref };
    }),
  ];
  // Nothing counted still records the discrepancies; movements need at least one card.
  if (moves.length > 0) appendMovements(s.tx, { id: s.operationId, kind: 'checkin', operatorId: s.actor.id }, moves);
  else recordEmptyOperation(s.tx, s.operationId, 'checkin', s.actor.id);
}

/** What was missing, damaged or extra stays open until a supervisor closes it. */
function recordDiscrepancies(s: CheckInSession, result: CheckInResult, openedAt: string): void {
  const base = { siteId: s.actor.siteId, operationId: s.operationId, openedBy: s.actor.id, openedAt, ...s.ref };
  for (const m of result.missing) {
    const c = s.card(m.cardNo);
    insertDiscrepancy(s.tx, { ...base, kind: 'missing', cardId: c.id, cardNo: m.cardNo, boxId: c.boxId, note: intakeText.checkIn.missing({ box: m.box }) });
  }
  for (const d of result.damaged) {
    const c = s.card(d.cardNo);
    insertDiscrepancy(s.tx, { ...base, kind: 'damaged', cardId: c.id, cardNo: d.cardNo, boxId: c.boxId, note: d.reason });
  }
  const known = existingCardNos(s.tx, result.extras);
  for (const cardNo of result.extras) {
    const k = known.get(cardNo);
    const note = k ? intakeText.checkIn.extraKnown({ site: k.siteName, state: STATE_LABELS[k.state as CardState] ?? k.state }) : intakeText.checkIn.extraUnknown;
    insertDiscrepancy(s.tx, { ...base, kind: 'extra', cardId: null, cardNo, boxId: null, note });
  }
}

export function openDiscrepancies(ledger: Ledger, actor: Actor, all = false) {
  return listDiscrepancies(ledger.db, subtreeIds(ledger.db, actor.siteId), !all);
}

/** Only a supervisor closes a discrepancy, and always with a reason (found, declared lost, …). */
export function closeDiscrepancy(ledger: Ledger, actor: Actor, id: number, reason: string): void {
  requireRole(actor, 'supervisor');
  if (!reason.trim()) throw new SbkError('REASON_REQUIRED.closeDiscrepancy');
  requireOpenDiscrepancy(ledger.db, actor, id);
  writeTx(ledger, (tx) => closeDiscrepancyRow(tx, { discrepancyId: id, closedBy: actor.id, closedAt: ledger.now().toISOString(), reason: reason.trim() }));
}
