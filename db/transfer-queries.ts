/**
 * What a move inside a site reads (src/workflows/transfer.ts): the cards a site keeps in a
 * storage place, each with where it lies and who answers for it (GD Art. 12: 保管地点、责任人).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { batches, boxes, cards, operators, places } from './schema.ts';
import { statesAllowing } from '../src/domain/card-states.ts';
import { stateList } from './state-sql.ts';

export type PlacedCard = {
  id: number;
  cardNo: string;
  kind: 'finished' | 'prefab';
  state: string;
  placeId: number | null;
  placeName: string | null;
  placeKind: string | null;
  /** The custodian the last hand-over named; before any, the place's own custodian. */
  custodian: string | null;
};

/** The states a card may be moved from inside its site: those of the state machine's `transfer`. */
const TRANSFERABLE = stateList(statesAllowing('transfer'));

/**
 * Who holds the card: the name the newest movement with a custodian recorded (every receipt and
 * every transfer writes one, GD Art. 12), else the custodian set on its place.
 */
const custodianOf = sql<string | null>`coalesce((select m.counterpart_name from movements m where m.card_id = ${cards.id} and m.counterpart_role = 'custodian' order by m.id desc limit 1), ${operators.name})`;

/**
 * The cards in a transferable state at `siteId`, optionally only these cards or only those in
 * these places, in place and card-number order.
 */
export function placedCards(db: LedgerDb, siteId: number, only: { cardIds?: readonly number[]; placeIds?: readonly number[] } = {}): PlacedCard[] {
  if (only.cardIds?.length === 0 || only.placeIds?.length === 0) return [];
  return db
    .select({
      id: cards.id,
      cardNo: cards.cardNo,
      kind: cards.kind,
      state: cards.state,
      placeId: cards.placeId,
      placeName: places.name,
      placeKind: places.kind,
      custodian: custodianOf,
    })
    .from(cards)
    .leftJoin(places, eq(places.id, cards.placeId))
    .leftJoin(operators, eq(operators.id, places.custodianId))
    .where(
      and(
        eq(cards.siteId, siteId),
        sql`${cards.state} in ${TRANSFERABLE}`,
        only.cardIds ? inArray(cards.id, [...only.cardIds]) : undefined,
        only.placeIds ? inArray(cards.placeId, [...only.placeIds]) : undefined,
      ),
    )
    .orderBy(asc(cards.placeId), asc(cards.cardNo))
    .all();
}

/** How many cards in a transferable state lie in a place of kind `placeKind` at each of these sites. */
export function countPlacedInKind(db: LedgerDb, siteIds: readonly number[], placeKind: 'cabinet'): number {
  if (siteIds.length === 0) return 0;
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(cards)
      .innerJoin(places, eq(places.id, cards.placeId))
      .where(and(inArray(cards.siteId, [...siteIds]), eq(places.kind, placeKind), sql`${cards.state} in ${TRANSFERABLE}`))
      .get()?.n ?? 0
  );
}

/** The ids of a batch's cards (one box of it, when given) at a site. */
export function cardIdsOfBox(db: LedgerDb, siteId: number, batchCode: string, boxLabel: string): number[] {
  return db
    .select({ id: cards.id })
    .from(cards)
    .innerJoin(batches, eq(batches.id, cards.batchId))
    .innerJoin(boxes, eq(boxes.id, cards.boxId))
    .where(and(eq(cards.siteId, siteId), eq(batches.code, batchCode), eq(boxes.label, boxLabel)))
    .all()
    .map((r) => r.id);
}
