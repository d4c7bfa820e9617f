/**
 * Storage of shipments (交接单): header and list written once, events appended. Which cards are
 * still outstanding is read from the cards themselves, so a shipment can never claim a card
 * that the ledger shows somewhere else.
 */
import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { LedgerDb } from './open-ledger.ts';
import { readInChunks } from './bulk-sql.ts';
import { AWAITING_ARRIVAL_STATES, DISPATCHABLE_STATES } from '../src/domain/card-states.ts';
import { stateList } from './state-sql.ts';
import { batches, boxes, cards, holders, operators, places, shipmentEvents, shipmentItems, shipments, sites } from './schema.ts';

export type ShipmentRow = typeof shipments.$inferSelect;
export type ShipmentEventRow = typeof shipmentEvents.$inferSelect;
export type NewShipment = Omit<typeof shipments.$inferInsert, 'id'>;
export type NewShipmentEvent = Omit<typeof shipmentEvents.$inferInsert, 'id'>;

export function insertShipment(tx: LedgerDb, row: NewShipment, cardIds: readonly number[]): number {
  const id = tx.insert(shipments).values(row).returning({ id: shipments.id }).get().id;
  const insert = tx
    .insert(shipmentItems)
    .values({ shipmentId: id, cardId: sql.placeholder('cardId') } as unknown as typeof shipmentItems.$inferInsert)
    .prepare();
  for (const cardId of cardIds) insert.run({ cardId });
  return id;
}

export function insertShipmentEvent(tx: LedgerDb, ev: NewShipmentEvent): number {
  return tx.insert(shipmentEvents).values(ev).returning({ id: shipmentEvents.id }).get().id;
}

/** How many shipments a site has numbered with this prefix (its code and the day). */
export function countNumbersWithPrefix(db: LedgerDb, prefix: string): number {
  return db.select({ n: sql<number>`count(*)` }).from(shipments).where(like(shipments.number, `${prefix}%`)).get()?.n ?? 0;
}

const fromSite = alias(sites, 'from_site');
const toSite = alias(sites, 'to_site');

export type ShipmentHeader = ShipmentRow & {
  fromCode: string;
  fromName: string;
  fromParentId: number | null;
  toCode: string;
  toName: string;
  toParentId: number | null;
  createdByName: string;
};

function headerQuery(db: LedgerDb) {
  return db
    .select({
      shipment: shipments,
      fromCode: fromSite.code,
      fromName: fromSite.name,
      fromParentId: fromSite.parentId,
      toCode: toSite.code,
      toName: toSite.name,
      toParentId: toSite.parentId,
      createdByName: operators.name,
    })
    .from(shipments)
    .innerJoin(fromSite, eq(fromSite.id, shipments.fromSiteId))
    .innerJoin(toSite, eq(toSite.id, shipments.toSiteId))
    .innerJoin(operators, eq(operators.id, shipments.createdBy));
}

type HeaderRaw = Awaited<ReturnType<ReturnType<typeof headerQuery>['all']>>[number];
const flatten = (r: HeaderRaw): ShipmentHeader => ({ ...r.shipment, ...r, createdByName: r.createdByName });

export function shipmentByNumber(db: LedgerDb, number: string): ShipmentHeader | undefined {
  const r = headerQuery(db).where(eq(shipments.number, number)).get();
  return r && flatten(r);
}

/** Shipments addressed to (inbound) or sent from (outbound) one of the given sites, newest first. */
export function shipmentHeaders(db: LedgerDb, filter: { toSiteIds?: readonly number[]; fromSiteIds?: readonly number[] }): ShipmentHeader[] {
  const where = filter.toSiteIds
    ? inArray(shipments.toSiteId, [...filter.toSiteIds])
    : filter.fromSiteIds
      ? inArray(shipments.fromSiteId, [...filter.fromSiteIds])
      : undefined;
  return headerQuery(db).where(where).orderBy(desc(shipments.id)).all().map(flatten);
}

export function shipmentEventsOf(db: LedgerDb, shipmentIds: readonly number[]): ShipmentEventRow[] {
  if (shipmentIds.length === 0) return [];
  return db.select().from(shipmentEvents).where(inArray(shipmentEvents.shipmentId, [...shipmentIds])).orderBy(asc(shipmentEvents.id)).all();
}

/**
 * A card is outstanding under a shipment while it is still on its way (expected or in transit)
 * at the shipment's destination and no later sent shipment has taken it on.
 */
const outstandingExpr = sql<number>`(${cards.state} in ${stateList(AWAITING_ARRIVAL_STATES)} and ${cards.siteId} = ${shipments.toSiteId} and not exists (
  select 1 from shipment_items later join shipment_events ev on ev.shipment_id = later.shipment_id and ev.type = 'sent'
  where later.card_id = ${shipmentItems.cardId} and later.shipment_id > ${shipmentItems.shipmentId}))`;

export type ShipmentCounts = { shipmentId: number; cards: number; outstanding: number };

export function shipmentCounts(db: LedgerDb, shipmentIds: readonly number[]): Map<number, ShipmentCounts> {
  if (shipmentIds.length === 0) return new Map();
  const rows = db
    .select({
      shipmentId: shipmentItems.shipmentId,
      cards: sql<number>`count(*)`,
      outstanding: sql<number>`sum(${outstandingExpr})`,
    })
    .from(shipmentItems)
    .innerJoin(shipments, eq(shipments.id, shipmentItems.shipmentId))
    .innerJoin(cards, eq(cards.id, shipmentItems.cardId))
    .where(inArray(shipmentItems.shipmentId, [...shipmentIds]))
    .groupBy(shipmentItems.shipmentId)
    .all();
  return new Map(rows.map((r) => [r.shipmentId, { shipmentId: r.shipmentId, cards: r.cards, outstanding: r.outstanding ?? 0 }]));
}

export type ShipmentCardRow = {
  cardId: number;
  cardNo: string;
  kind: 'finished' | 'prefab';
  state: string;
  siteId: number;
  batchCode: string | null;
  boxId: number | null;
  boxLabel: string | null;
  holderName: string | null;
  outstanding: boolean;
};

export function shipmentCards(db: LedgerDb, shipmentId: number): ShipmentCardRow[] {
  return db
    .select({
      cardId: cards.id,
      cardNo: cards.cardNo,
      kind: cards.kind,
      state: cards.state,
      siteId: cards.siteId,
      batchCode: batches.code,
      boxId: cards.boxId,
      boxLabel: boxes.label,
      holderName: holders.name,
      outstanding: outstandingExpr,
    })
    .from(shipmentItems)
    .innerJoin(shipments, eq(shipments.id, shipmentItems.shipmentId))
    .innerJoin(cards, eq(cards.id, shipmentItems.cardId))
    .leftJoin(batches, eq(batches.id, cards.batchId))
    .leftJoin(boxes, eq(boxes.id, cards.boxId))
    .leftJoin(holders, eq(holders.id, cards.holderId))
    .where(eq(shipmentItems.shipmentId, shipmentId))
    .orderBy(asc(batches.code), asc(boxes.label), asc(cards.boxPosition), asc(cards.cardNo))
    .all()
    .map((r) => ({ ...r, outstanding: Boolean(r.outstanding) }));
}

/** Unsent, uncancelled shipments that already list one of these cards. */
export function draftsListing(db: LedgerDb, cardIds: readonly number[]): { cardId: number; number: string }[] {
  if (cardIds.length === 0) return [];
  // A whole batch may be thousands of cards; drafts are short.
  return readInChunks(cardIds, (part) =>
    db
      .select({ cardId: shipmentItems.cardId, number: shipments.number })
      .from(shipmentItems)
      .innerJoin(shipments, eq(shipments.id, shipmentItems.shipmentId))
      .where(
        and(
          inArray(shipmentItems.cardId, part),
          sql`not exists (select 1 from shipment_events ev where ev.shipment_id = ${shipments.id} and ev.type in ('sent', 'cancelled'))`,
        ),
      )
      .all(),
  );
}

export type StockCardRow = {
  id: number;
  cardNo: string;
  kind: 'finished' | 'prefab';
  bank: string;
  state: string;
  siteId: number;
  batchCode: string | null;
  boxLabel: string | null;
};

const stockCardSelect = {
  id: cards.id,
  cardNo: cards.cardNo,
  kind: cards.kind,
  bank: cards.bank,
  state: cards.state,
  siteId: cards.siteId,
  batchCode: batches.code,
  boxLabel: boxes.label,
};

/** Cards of a batch (optionally one box of it) at a site, in any state. */
export function cardsOfBatchAtSite(db: LedgerDb, siteId: number, batchCode: string, boxLabel?: string): StockCardRow[] {
  return db
    .select(stockCardSelect)
    .from(cards)
    .innerJoin(batches, eq(batches.id, cards.batchId))
    .leftJoin(boxes, eq(boxes.id, cards.boxId))
    .where(and(eq(cards.siteId, siteId), eq(batches.code, batchCode), boxLabel === undefined ? undefined : eq(boxes.label, boxLabel)))
    .orderBy(asc(boxes.label), asc(cards.boxPosition), asc(cards.cardNo))
    .all();
}

/** Batches with a box of this label among the cards a site could send (a bare label may belong to several). */
export function batchesWithBoxAtSite(db: LedgerDb, siteId: number, boxLabel: string): string[] {
  return db
    .selectDistinct({ code: batches.code })
    .from(cards)
    .innerJoin(batches, eq(batches.id, cards.batchId))
    .innerJoin(boxes, eq(boxes.id, cards.boxId))
    .where(and(eq(cards.siteId, siteId), eq(boxes.label, boxLabel), inArray(cards.state, [...DISPATCHABLE_STATES])))
    .all()
    .map((r) => r.code);
}

export function cardsByNumbers(db: LedgerDb, cardNos: readonly string[]): StockCardRow[] {
  if (cardNos.length === 0) return [];
  return readInChunks(cardNos, (part) =>
    db
      .select(stockCardSelect)
      .from(cards)
      .leftJoin(batches, eq(batches.id, cards.batchId))
      .leftJoin(boxes, eq(boxes.id, cards.boxId))
      .where(inArray(cards.cardNo, part))
      .all(),
  );
}

export function placeName(db: LedgerDb, placeId: number | null): string | null {
  if (placeId == null) return null;
  return db.select({ name: places.name }).from(places).where(eq(places.id, placeId)).get()?.name ?? null;
}
