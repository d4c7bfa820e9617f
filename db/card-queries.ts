import { and, asc, count, eq, inArray, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { LedgerDb } from './open-ledger.ts';
import { batches, boxes, cards, holders, movements, operators, places, sites } from './schema.ts';

export type StockCount = { kind: string; state: string; n: number };

export function stockCounts(db: LedgerDb, siteIds: readonly number[]): StockCount[] {
  if (siteIds.length === 0) return [];
  return db
    .select({ kind: cards.kind, state: cards.state, n: count() })
    .from(cards)
    .where(inArray(cards.siteId, [...siteIds]))
    .groupBy(cards.kind, cards.state)
    .orderBy(asc(cards.kind), asc(cards.state))
    .all();
}

export function cardByNo(db: LedgerDb, cardNo: string) {
  return db
    .select({
      id: cards.id,
      kind: cards.kind,
      cardNo: cards.cardNo,
      cardIdCode: cards.cardIdCode,
      bankCardNo: cards.bankCardNo,
      bank: cards.bank,
      maker: cards.maker,
      batchCode: batches.code,
      boxLabel: boxes.label,
      boxPosition: cards.boxPosition,
      state: cards.state,
      stateSince: cards.stateSince,
      siteCode: sites.code,
      siteName: sites.name,
      placeName: places.name,
      holderName: holders.name,
      holderIdType: holders.idType,
      holderIdNumber: holders.idNumber,
      issueDate: cards.issueDate,
      expiryDate: cards.expiryDate,
    })
    .from(cards)
    .innerJoin(sites, eq(sites.id, cards.siteId))
    .leftJoin(places, eq(places.id, cards.placeId))
    .leftJoin(batches, eq(batches.id, cards.batchId))
    .leftJoin(boxes, eq(boxes.id, cards.boxId))
    .leftJoin(holders, eq(holders.id, cards.holderId))
    .where(eq(cards.cardNo, cardNo))
    .get();
}

const toSite = alias(sites, 'to_site');
const fromSite = alias(sites, 'from_site');
const toPlace = alias(places, 'to_place');
const second = alias(operators, 'second_op');

export function cardHistory(db: LedgerDb, cardId: number) {
  return db
    .select({
      id: movements.id,
      at: movements.at,
      type: movements.type,
      fromState: movements.fromState,
      toState: movements.toState,
      fromSiteName: fromSite.name,
      toSiteName: toSite.name,
      toPlaceName: toPlace.name,
      operatorName: operators.name,
      secondOperatorName: second.name,
      counterpartRole: movements.counterpartRole,
      counterpartName: movements.counterpartName,
      method: movements.method,
      reason: movements.reason,
      refKind: movements.refKind,
      refId: movements.refId,
    })
    .from(movements)
    .innerJoin(operators, eq(operators.id, movements.operatorId))
    .innerJoin(toSite, eq(toSite.id, movements.toSiteId))
    .leftJoin(fromSite, eq(fromSite.id, movements.fromSiteId))
    .leftJoin(toPlace, eq(toPlace.id, movements.toPlaceId))
    .leftJoin(second, eq(second.id, movements.secondOperatorId))
    .where(and(eq(movements.cardId, cardId)))
    .orderBy(asc(movements.id))
    .all();
}

/** Cards of these sites that have been in `state` since before `before` (ISO time). */
export function countInStateSince(db: LedgerDb, siteIds: readonly number[], state: string, before: string): number {
  if (siteIds.length === 0) return 0;
  return (
    db
      .select({ n: count() })
      .from(cards)
      .where(and(inArray(cards.siteId, [...siteIds]), eq(cards.state, state), lt(cards.stateSince, before)))
      .get()?.n ?? 0
  );
}

const lastMove = alias(movements, 'last_move');
const lastOperator = alias(operators, 'last_operator');

/** Every card of a batch with where it is and the movement that put it there (登记造册). */
export function batchCards(db: LedgerDb, batchId: number) {
  return db
    .select({
      cardNo: cards.cardNo,
      box: boxes.label,
      boxPosition: cards.boxPosition,
      holderName: holders.name,
      holderIdNumber: holders.idNumber,
      state: cards.state,
      siteId: cards.siteId,
      siteCode: sites.code,
      siteName: sites.name,
      placeName: places.name,
      since: cards.stateSince,
      counterpartRole: lastMove.counterpartRole,
      counterpartName: lastMove.counterpartName,
      operatorName: lastOperator.name,
    })
    .from(cards)
    .innerJoin(sites, eq(sites.id, cards.siteId))
    .innerJoin(lastMove, eq(lastMove.id, cards.lastMovementId))
    .innerJoin(lastOperator, eq(lastOperator.id, lastMove.operatorId))
    .leftJoin(places, eq(places.id, cards.placeId))
    .leftJoin(boxes, eq(boxes.id, cards.boxId))
    .leftJoin(holders, eq(holders.id, cards.holderId))
    .where(eq(cards.batchId, batchId))
    .orderBy(asc(boxes.label), asc(cards.boxPosition), asc(cards.cardNo))
    .all();
}
