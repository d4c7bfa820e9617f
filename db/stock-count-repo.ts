/**
 * Storage and arithmetic of the daily prefab count. The flows of a period (received, consumed,
 * spoiled, moved out) are read from the movements between two movement ids, so the balance
 * opening + flows = closing is computed from the record, not from the projection.
 */
import { and, asc, desc, eq, inArray, isNull, not, sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { IN_STORAGE_STATES } from '../src/domain/card-states.ts';
import { stateList } from './state-sql.ts';
import {
  batches,
  boxes,
  cards,
  movements,
  operators,
  places,
  stockCountEvents,
  stockCountLines,
  stockCounts,
  stockCountScans,
  stockCountVarianceReasons,
  stockCountVariances,
} from './schema.ts';

export type StockCountRow = typeof stockCounts.$inferSelect;
export type StockCountEventRow = typeof stockCountEvents.$inferSelect;
export type StockCountLineRow = typeof stockCountLines.$inferSelect;

export function insertCount(tx: LedgerDb, row: Omit<StockCountRow, 'id'>): number {
  return tx.insert(stockCounts).values(row).returning({ id: stockCounts.id }).get().id;
}

/** The new line's id. */
export function insertScan(tx: LedgerDb, row: Omit<typeof stockCountScans.$inferInsert, 'id'>): number {
  return Number(tx.insert(stockCountScans).values(row).run().lastInsertRowid);
}

export function insertCountEvent(tx: LedgerDb, row: Omit<typeof stockCountEvents.$inferInsert, 'id'>): void {
  tx.insert(stockCountEvents).values(row).run();
}

export function insertLines(tx: LedgerDb, rows: readonly (typeof stockCountLines.$inferInsert)[]): void {
  for (const r of rows) tx.insert(stockCountLines).values(r).run();
}

export function insertVariance(tx: LedgerDb, row: Omit<typeof stockCountVariances.$inferInsert, 'id'>): number {
  return tx.insert(stockCountVariances).values(row).returning({ id: stockCountVariances.id }).get().id;
}

export function insertVarianceReason(tx: LedgerDb, row: typeof stockCountVarianceReasons.$inferInsert): void {
  tx.insert(stockCountVarianceReasons).values(row).run();
}

export function countById(db: LedgerDb, id: number): StockCountRow | undefined {
  return db.select().from(stockCounts).where(eq(stockCounts.id, id)).get();
}

export function countsAtSite(db: LedgerDb, siteId: number): StockCountRow[] {
  return db.select().from(stockCounts).where(eq(stockCounts.siteId, siteId)).orderBy(desc(stockCounts.id)).all();
}

export function countEvents(db: LedgerDb, countIds: readonly number[]): (StockCountEventRow & { operatorName: string })[] {
  if (countIds.length === 0) return [];
  return db
    .select({ event: stockCountEvents, operatorName: operators.name })
    .from(stockCountEvents)
    .innerJoin(operators, eq(operators.id, stockCountEvents.operatorId))
    .where(inArray(stockCountEvents.countId, [...countIds]))
    .orderBy(asc(stockCountEvents.id))
    .all()
    .map((r) => ({ ...r.event, operatorName: r.operatorName }));
}

/**
 * The scans of a count that count, in order: a scan taken back by a reversing line, and the
 * reversing line itself, are left out (both stay in the table: it is append-only).
 */
export function scansOf(db: LedgerDb, countId: number) {
  const reversed = sql`${stockCountScans.id} in (select r.reverses from stock_count_scans r where r.count_id = ${countId} and r.reverses is not null)`;
  return db
    .select()
    .from(stockCountScans)
    .where(and(eq(stockCountScans.countId, countId), isNull(stockCountScans.reverses), not(reversed)))
    .orderBy(asc(stockCountScans.id))
    .all();
}

export function linesOf(db: LedgerDb, countIds: readonly number[]): StockCountLineRow[] {
  if (countIds.length === 0) return [];
  return db.select().from(stockCountLines).where(inArray(stockCountLines.countId, [...countIds])).orderBy(asc(stockCountLines.bank)).all();
}

export function variancesOf(db: LedgerDb, countId: number) {
  return db
    .select({
      id: stockCountVariances.id,
      kind: stockCountVariances.kind,
      cardNo: stockCountVariances.cardNo,
      cardId: stockCountVariances.cardId,
      bank: stockCountVariances.bank,
      box: stockCountVariances.box,
      reason: stockCountVarianceReasons.reason,
    })
    .from(stockCountVariances)
    .leftJoin(stockCountVarianceReasons, eq(stockCountVarianceReasons.varianceId, stockCountVariances.id))
    .where(eq(stockCountVariances.countId, countId))
    .orderBy(asc(stockCountVariances.id))
    .all();
}

export type OnHandCard = { id: number; cardNo: string; bank: string; maker: string; batch: string | null; box: string | null; state: string; placeName: string | null; placeKind: string | null };

/** Prefab blanks the ledger says are at the site now: in a storage place or loaded in a hopper. */
export function onHandPrefab(db: LedgerDb, siteId: number, bank: string | null): OnHandCard[] {
  return db
    .select({
      id: cards.id,
      cardNo: cards.cardNo,
      bank: cards.bank,
      maker: cards.maker,
      batch: batches.code,
      box: boxes.label,
      state: cards.state,
      placeName: places.name,
      placeKind: places.kind,
    })
    .from(cards)
    .leftJoin(batches, eq(batches.id, cards.batchId))
    .leftJoin(boxes, eq(boxes.id, cards.boxId))
    .leftJoin(places, eq(places.id, cards.placeId))
    .where(and(eq(cards.kind, 'prefab'), eq(cards.siteId, siteId), inArray(cards.state, [...IN_STORAGE_STATES]), bank ? eq(cards.bank, bank) : undefined))
    .orderBy(asc(cards.bank), asc(batches.code), asc(boxes.label), asc(cards.boxPosition), asc(cards.cardNo))
    .all();
}

export function headMovementId(db: LedgerDb): number {
  return db.select({ id: sql<number>`coalesce(max(${movements.id}), 0)` }).from(movements).get()?.id ?? 0;
}

export type Flows = { bank: string; received: number; consumed: number; spoiled: number; movedOut: number };

/**
 * What happened to the site's on-hand blanks between two movement ids (exclusive, inclusive):
 * came in (received, found), used (consume), spoiled from the shelf or a hopper, or left
 * (dispatched, declared lost). Moves within the site (transfer, load, unload) change nothing.
 */
export function periodFlows(db: LedgerDb, siteId: number, bank: string | null, fromId: number, toId: number): Flows[] {
  const onHandFrom = sql`(${movements.fromSiteId} = ${siteId} and ${movements.fromState} in ${stateList(IN_STORAGE_STATES)})`;
  const onHandTo = sql`(${movements.toSiteId} = ${siteId} and ${movements.toState} in ${stateList(IN_STORAGE_STATES)})`;
  return db
    .select({
      bank: cards.bank,
      received: sql<number>`sum(case when ${onHandTo} and not ${onHandFrom} then 1 else 0 end)`,
      consumed: sql<number>`sum(case when ${onHandFrom} and ${movements.type} = 'consume' then 1 else 0 end)`,
      spoiled: sql<number>`sum(case when ${onHandFrom} and ${movements.type} = 'spoil' then 1 else 0 end)`,
      movedOut: sql<number>`sum(case when ${onHandFrom} and not ${onHandTo} and ${movements.type} not in ('consume', 'spoil') then 1 else 0 end)`,
    })
    .from(movements)
    .innerJoin(cards, eq(cards.id, movements.cardId))
    .where(
      and(
        eq(cards.kind, 'prefab'),
        bank ? eq(cards.bank, bank) : undefined,
        sql`${movements.id} > ${fromId} and ${movements.id} <= ${toId}`,
        sql`(${onHandFrom} or ${onHandTo})`,
      ),
    )
    .groupBy(cards.bank)
    .all();
}

/** Blanks on hand at the site right after movement `atId`, per bank (the opening of a period). */
export function onHandAfter(db: LedgerDb, siteId: number, bank: string | null, atId: number): Map<string, number> {
  const rows = db
    .select({ bank: cards.bank, n: sql<number>`count(*)` })
    .from(cards)
    .innerJoin(
      movements,
      sql`${movements.id} = (select max(m2.id) from movements m2 where m2.card_id = ${cards.id} and m2.id <= ${atId})`,
    )
    .where(and(eq(cards.kind, 'prefab'), bank ? eq(cards.bank, bank) : undefined, eq(movements.toSiteId, siteId), inArray(movements.toState, [...IN_STORAGE_STATES])))
    .groupBy(cards.bank)
    .all();
  return new Map(rows.map((r) => [r.bank, r.n]));
}

/** The last closed count at the site that covered `bank` (a count of all banks covers every bank). */
export function lastClosedLine(db: LedgerDb, siteId: number, bank: string): StockCountLineRow | undefined {
  return db
    .select({ line: stockCountLines })
    .from(stockCountLines)
    .innerJoin(stockCounts, eq(stockCounts.id, stockCountLines.countId))
    .where(
      and(
        eq(stockCounts.siteId, siteId),
        eq(stockCountLines.bank, bank),
        sql`exists (select 1 from stock_count_events e where e.count_id = ${stockCounts.id} and e.type = 'closed')`,
      ),
    )
    .orderBy(desc(stockCountLines.toMovementId))
    .limit(1)
    .get()?.line;
}

/** Banks whose blanks the site has ever held, with when the first one arrived (for the report's rows). */
export function prefabBanksHeld(db: LedgerDb, siteId: number): { bank: string; since: string }[] {
  return db
    .select({ bank: cards.bank, since: sql<string>`min(${movements.at})` })
    .from(movements)
    .innerJoin(cards, eq(cards.id, movements.cardId))
    .where(and(eq(cards.kind, 'prefab'), eq(movements.toSiteId, siteId), inArray(movements.toState, [...IN_STORAGE_STATES])))
    .groupBy(cards.bank)
    .orderBy(asc(cards.bank))
    .all();
}

export function prefabBanksAtSite(db: LedgerDb, siteId: number): string[] {
  return prefabBanksHeld(db, siteId).map((r) => r.bank);
}
