import { and, asc, count, eq, gt, inArray, lt, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { LedgerDb } from './open-ledger.ts';
import { batches, boxes, cards, holders, movements, operators, places, sites } from './schema.ts';

export type StockCount = { kind: string; state: string; n: number };

/**
 * Cards at the sites by kind and state, ordered by kind and state. No index holds the kind with
 * the site, so counting by kind reads every card's table row (0.55 s for a city of 1,000,000
 * cards). cards_site_state_ix counts by state alone, grouped in its own order so that nothing is
 * sorted; the prefab blanks are counted apart, reading their rows only, and the rest are the
 * finished cards. That holds while no card has a third kind, which three index probes confirm.
 */
export function stockCounts(db: LedgerDb, siteIds: readonly number[]): StockCount[] {
  if (siteIds.length === 0) return [];
  const here = inArray(cards.siteId, [...siteIds]);
  const otherKind = db
    .select({ id: cards.id })
    .from(cards)
    .where(or(lt(cards.kind, 'finished'), and(gt(cards.kind, 'finished'), lt(cards.kind, 'prefab')), gt(cards.kind, 'prefab')))
    .limit(1)
    .get();
  if (otherKind) {
    return db
      .select({ kind: cards.kind, state: cards.state, n: count() })
      .from(cards)
      .where(here)
      .groupBy(cards.kind, cards.state)
      .orderBy(asc(cards.kind), asc(cards.state))
      .all();
  }
  const all = new Map<string, number>();
  for (const r of db.select({ state: cards.state, n: count() }).from(cards).where(here).groupBy(cards.siteId, cards.state).all()) all.set(r.state, (all.get(r.state) ?? 0) + r.n);
  const prefab = new Map<string, number>();
  for (const r of db.select({ state: cards.state, n: count() }).from(cards).where(and(eq(cards.kind, 'prefab'), here)).groupBy(cards.state).all()) prefab.set(r.state, r.n);
  // SQLite's order for these ASCII names: by code unit, not by locale.
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const out: StockCount[] = [];
  for (const state of [...all.keys()].sort(byName)) {
    const finished = all.get(state)! - (prefab.get(state) ?? 0);
    if (finished > 0) out.push({ kind: 'finished', state, n: finished });
  }
  for (const state of [...prefab.keys()].sort(byName)) out.push({ kind: 'prefab', state, n: prefab.get(state)! });
  return out;
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
