/**
 * Reads for issuance, overdue cards and recall: cards with their holder, and the dates the
 * rules count from (when the site received the card, when the agent took it, when it was
 * recalled), all from the movements.
 */
import { and, asc, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { batches, cards, holders, movements, sites } from './schema.ts';

export type HolderCardRow = {
  id: number;
  cardNo: string;
  kind: 'finished' | 'prefab';
  state: string;
  siteId: number;
  siteCode: string;
  siteName: string;
  placeId: number | null;
  bank: string;
  batchCode: string | null;
  holderId: number | null;
  holderName: string | null;
  holderIdType: string | null;
  holderIdNumber: string | null;
  deceasedAt: string | null;
  issueDate: string | null;
  /** In stock: the last time the current site received it (GD Art. 32: 自卡经办网点接收起); with an agent: the pickup. */
  heldSince: string | null;
  recalledAt: string | null;
  /** The holder has a newer card that was issued (GD Art. 33 一(六): 换卡后回收的原卡). */
  replaced: boolean;
};

// From the projections append-movements keeps (the last receive/found, the last agent pickup),
// which verify replays: no per-card read of the movements on a large ledger.
const heldSince = sql<string | null>`(case when ${cards.state} in ('in_stock', 'recalled') then ${cards.receivedAt}
  when ${cards.state} = 'agent_held' then ${cards.pickedUpAt} end)`;
const recalledAt = sql<string | null>`(select max(m.at) from movements m where m.card_id = ${cards.id} and m.type = 'recall')`;
const replaced = sql<number>`exists (select 1 from cards newer where newer.holder_id = ${cards.holderId} and newer.id <> ${cards.id}
  and newer.issue_date > ${cards.issueDate} and newer.state = 'issued')`;

const baseColumns = {
  id: cards.id,
  cardNo: cards.cardNo,
  kind: cards.kind,
  state: cards.state,
  siteId: cards.siteId,
  siteCode: sites.code,
  siteName: sites.name,
  placeId: cards.placeId,
  bank: cards.bank,
  batchCode: batches.code,
  holderId: cards.holderId,
  holderName: holders.name,
  holderIdType: holders.idType,
  holderIdNumber: holders.idNumber,
  deceasedAt: holders.deceasedAt,
  issueDate: cards.issueDate,
  heldSince,
};

function select(db: LedgerDb, where: SQL | undefined): HolderCardRow[] {
  return db
    .select({ ...baseColumns, recalledAt, replaced })
    .from(cards)
    .innerJoin(sites, eq(sites.id, cards.siteId))
    .leftJoin(batches, eq(batches.id, cards.batchId))
    .leftJoin(holders, eq(holders.id, cards.holderId))
    .where(where)
    .orderBy(asc(sites.code), asc(cards.cardNo))
    .all()
    .map((r) => ({ ...r, replaced: Boolean(r.replaced) }));
}

export function holderCardByNo(db: LedgerDb, cardNo: string): HolderCardRow | undefined {
  return select(db, eq(cards.cardNo, cardNo))[0];
}

export function holderCardsByIdNumber(db: LedgerDb, idNumber: string): HolderCardRow[] {
  return select(db, eq(holders.idNumber, idNumber));
}

export function holderCardsByName(db: LedgerDb, siteIds: readonly number[], name: string): HolderCardRow[] {
  return select(db, and(eq(holders.name, name), inArray(cards.siteId, [...siteIds])));
}

/** Finished cards in the given states at the given sites, for the overdue and cancellation lists. */
export function finishedCardsInStates(db: LedgerDb, siteIds: readonly number[], states: readonly string[]): HolderCardRow[] {
  if (siteIds.length === 0) return [];
  return select(db, and(eq(cards.kind, 'finished'), inArray(cards.siteId, [...siteIds]), inArray(cards.state, [...states])));
}

export function cardsByIds(db: LedgerDb, ids: readonly number[]): HolderCardRow[] {
  if (ids.length === 0) return [];
  return select(db, inArray(cards.id, [...ids]));
}

/** Cards still held by the agent of one pickup (their last movement is that pickup). */
export function cardsOfPickup(db: LedgerDb, pickupRef: string): HolderCardRow[] {
  return select(
    db,
    and(
      eq(cards.state, 'agent_held'),
      sql`exists (select 1 from movements m where m.id = ${cards.lastMovementId} and m.ref_kind = 'pickup' and m.ref_id = ${pickupRef})`,
    ),
  );
}

export type PickupRow = { ref: string; agent: string | null; reason: string | null; at: string; siteId: number; held: number };

/** Pickups with cards still held by the agent, at the given sites. */
export function openPickups(db: LedgerDb, siteIds: readonly number[]): PickupRow[] {
  if (siteIds.length === 0) return [];
  return db
    .select({
      ref: movements.refId,
      agent: movements.counterpartName,
      reason: movements.reason,
      at: sql<string>`min(${movements.at})`,
      siteId: cards.siteId,
      held: sql<number>`count(*)`,
    })
    .from(cards)
    .innerJoin(movements, eq(movements.id, cards.lastMovementId))
    .where(and(eq(cards.state, 'agent_held'), eq(movements.refKind, 'pickup'), inArray(cards.siteId, [...siteIds])))
    .groupBy(movements.refId, movements.counterpartName, movements.reason, cards.siteId)
    .orderBy(asc(sql`min(${movements.at})`))
    .all()
    .map((r) => ({ ...r, ref: r.ref ?? '' }));
}

export type RecallMovementRow = { cardNo: string; siteCode: string; siteName: string; reason: string | null; at: string };

export function recallMovements(db: LedgerDb, siteIds: readonly number[], fromIso?: string, toIso?: string): RecallMovementRow[] {
  if (siteIds.length === 0) return [];
  return db
    .select({ cardNo: cards.cardNo, siteCode: sites.code, siteName: sites.name, reason: movements.reason, at: movements.at })
    .from(movements)
    .innerJoin(cards, eq(cards.id, movements.cardId))
    .innerJoin(sites, eq(sites.id, movements.toSiteId))
    .where(
      and(
        eq(movements.type, 'recall'),
        inArray(movements.toSiteId, [...siteIds]),
        fromIso ? sql`${movements.at} >= ${fromIso}` : undefined,
        toIso ? sql`${movements.at} < ${toIso}` : undefined,
      ),
    )
    .orderBy(asc(movements.id))
    .all();
}

export function setHolderDeceased(tx: LedgerDb, holderId: number, on: string): void {
  tx.update(holders).set({ deceasedAt: on }).where(eq(holders.id, holderId)).run();
}

/** Count of movements of a reference (a pickup or issuance number), to number the next one. */
export function countRefsWithPrefix(db: LedgerDb, refKind: string, prefix: string): number {
  return (
    db
      .select({ n: sql<number>`count(distinct ${movements.refId})` })
      .from(movements)
      .where(and(eq(movements.refKind, refKind), sql`${movements.refId} like ${`${prefix}%`}`))
      .get()?.n ?? 0
  );
}

/** What the overdue rules read of a card: no recall date or replacement (the cancellation list's). */
export type OverdueCandidateRow = Omit<HolderCardRow, 'recalledAt' | 'replaced'>;

/**
 * The cards that may be overdue or in their warning period: in stock since before `stockBefore`,
 * with an agent since before `agentBefore` (both ISO instants), or of a holder reported dead.
 * A superset the caller assesses exactly, in no particular order.
 *
 * One statement per branch, each an index range: SQLite cannot split an OR of them into index
 * ranges and read every finished card instead (bench: 1.4 s on 1,000,000 cards).
 */
export function overdueCandidates(db: LedgerDb, siteIds: readonly number[], stockBefore: string, agentBefore: string): OverdueCandidateRow[] {
  if (siteIds.length === 0) return [];
  const read = (where: SQL | undefined) =>
    db
      .select(baseColumns)
      .from(cards)
      .innerJoin(sites, eq(sites.id, cards.siteId))
      .leftJoin(batches, eq(batches.id, cards.batchId))
      .leftJoin(holders, eq(holders.id, cards.holderId))
      .where(where)
      .all();
  const here = and(eq(cards.kind, 'finished'), inArray(cards.siteId, [...siteIds]));
  const byId = new Map<number, OverdueCandidateRow>();
  for (const r of read(and(here, eq(cards.state, 'in_stock'), lt(cards.receivedAt, stockBefore)))) byId.set(r.id, r);
  for (const r of read(and(here, eq(cards.state, 'agent_held'), lt(cards.pickedUpAt, agentBefore)))) byId.set(r.id, r);
  // Dead holders first (a partial index holds just them), then their cards by holder alone:
  // given the kind, state and sites as well, SQLite reads every card in stock instead.
  const dead = db.select({ id: holders.id }).from(holders).where(isNotNull(holders.deceasedAt)).all().map((h) => h.id);
  const scope = new Set(siteIds);
  for (let i = 0; i < dead.length; i += 500) {
    for (const r of read(inArray(cards.holderId, dead.slice(i, i + 500)))) {
      if (r.kind === 'finished' && scope.has(r.siteId) && (r.state === 'in_stock' || r.state === 'agent_held')) byId.set(r.id, r);
    }
  }
  return [...byId.values()];
}
