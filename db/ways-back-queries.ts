/**
 * Reads and the one card insert of the ways back: the defective cards waiting to be re-made
 * (HB Art. 16: 应重新制卡) wherever they are in a subtree, the cards a site may hand to the
 * service bank for destruction (GD Art. 32 二; HB Art. 33), and the row of an old card the ledger
 * never had, taken in at the counter (GD Art. 32 一(一)) before its first movement.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { readInChunks } from './bulk-sql.ts';
import { cards, holders, movements, places, sites } from './schema.ts';
import { chainHead, type CardSnapshot } from './append-movements.ts';
import { identityString } from './movement-hash.ts';
import { dbNow } from './ledger-clock.ts';
import { DESTROYABLE_STATES, NO_LONGER_HELD_STATES, ruleFor, stateAfter, type CardKind, type CardState } from '../src/domain/card-states.ts';
import { stateList } from './state-sql.ts';

/** A card failed at the read-check; on its way up it is returning (the state machine's dispatch rule). */
const DEFECTIVE = stateAfter('mark_defective', 'finished');
const RETURNING: CardState = ruleFor('finished', 'dispatch')?.toByFrom?.[DEFECTIVE] ?? DEFECTIVE;
export const REMAKE_STATES: readonly CardState[] = RETURNING === DEFECTIVE ? [DEFECTIVE] : [DEFECTIVE, RETURNING];

/** A newer card of the same holder that still counts: not ended, given up or waiting to be re-made itself. */
const NOT_NEWER_STATES: readonly CardState[] = [...new Set<CardState>([...NO_LONGER_HELD_STATES.filter((s) => s !== stateAfter('issue', 'finished')), ...DESTROYABLE_STATES, ...REMAKE_STATES])];

export type RemakeCandidate = {
  id: number;
  cardNo: string;
  state: string;
  siteCode: string;
  siteName: string;
  placeName: string | null;
  holderName: string | null;
  holderIdNumber: string | null;
  /** The last mark_defective movement: why and when. */
  reason: string | null;
  markedAt: string | null;
  /** The holder's newer card, if any: the number of the newest one. */
  newerCardNo: string | null;
};

const markReason = sql<string | null>`(select m.reason from movements m where m.card_id = ${cards.id} and m.type = 'mark_defective' order by m.id desc limit 1)`;
const markedAt = sql<string | null>`(select m.at from movements m where m.card_id = ${cards.id} and m.type = 'mark_defective' order by m.id desc limit 1)`;
const newerCardNo = sql<string | null>`(select n.card_no from cards n where n.holder_id = ${cards.holderId} and n.id > ${cards.id} and n.kind = 'finished'
  and n.state not in ${stateList(NOT_NEWER_STATES)} order by n.id desc limit 1)`;

/** Finished cards waiting to be re-made at these sites (a returning card's site is where it goes). */
export function remakeCandidates(db: LedgerDb, siteIds: readonly number[]): RemakeCandidate[] {
  if (siteIds.length === 0) return [];
  return db
    .select({
      id: cards.id,
      cardNo: cards.cardNo,
      state: cards.state,
      siteCode: sites.code,
      siteName: sites.name,
      placeName: places.name,
      holderName: holders.name,
      holderIdNumber: holders.idNumber,
      reason: markReason,
      markedAt,
      newerCardNo,
    })
    .from(cards)
    .innerJoin(sites, eq(sites.id, cards.siteId))
    .leftJoin(places, eq(places.id, cards.placeId))
    .leftJoin(holders, eq(holders.id, cards.holderId))
    .where(and(eq(cards.kind, 'finished'), inArray(cards.state, [...REMAKE_STATES]), inArray(cards.siteId, [...siteIds])))
    .orderBy(asc(sites.code), asc(cards.cardNo))
    .all();
}

export type HandoverCard = {
  id: number;
  cardNo: string;
  kind: CardKind;
  state: string;
  siteId: number;
  siteName: string;
  holderName: string | null;
};

const handoverSelect = { id: cards.id, cardNo: cards.cardNo, kind: cards.kind, state: cards.state, siteId: cards.siteId, siteName: sites.name, holderName: holders.name };

/** Cards by number, in any state and at any site (the caller checks both). */
export function handoverCardsByNo(db: LedgerDb, cardNos: readonly string[]): HandoverCard[] {
  return readInChunks(cardNos, (part) =>
    db
      .select(handoverSelect)
      .from(cards)
      .innerJoin(sites, eq(sites.id, cards.siteId))
      .leftJoin(holders, eq(holders.id, cards.holderId))
      .where(inArray(cards.cardNo, part))
      .all(),
  );
}

/** Every card of the site the destruction hand-over may take (ended, defective, old or spoiled). */
export function destroyableAtSite(db: LedgerDb, siteId: number): HandoverCard[] {
  return db
    .select(handoverSelect)
    .from(cards)
    .innerJoin(sites, eq(sites.id, cards.siteId))
    .leftJoin(holders, eq(holders.id, cards.holderId))
    .where(and(eq(cards.siteId, siteId), inArray(cards.state, [...DESTROYABLE_STATES])))
    .orderBy(asc(cards.kind), asc(cards.cardNo))
    .all();
}

export type FoundCard = { cardNo: string; bank: string; maker: string; siteId: number; holderId: number | null };

/**
 * The row of a finished card the ledger never had, before its first movement (take_back from
 * `none`): written as it will stand after it, which appendMovements then confirms (it is passed
 * the returned snapshot, state `none`, and rewrites the projection).
 */
export function insertFoundCard(tx: LedgerDb, c: FoundCard): CardSnapshot {
  const now = dbNow(tx);
  const takenBack = stateAfter('take_back', 'finished');
  const id = tx
    .insert(cards)
    .values({
      kind: 'finished',
      cardNo: c.cardNo,
      bank: c.bank,
      maker: c.maker,
      holderId: c.holderId,
      state: takenBack,
      siteId: c.siteId,
      stateSince: now,
      lastMovementId: (chainHead(tx)?.id ?? 0) + 1,
    })
    .returning({ id: cards.id })
    .get().id;
  const h = c.holderId === null ? undefined : tx.select({ idType: holders.idType, idNumber: holders.idNumber, name: holders.name }).from(holders).where(eq(holders.id, c.holderId)).get();
  const identity = identityString({ cardNo: c.cardNo, kind: 'finished', cardIdCode: null, bankCardNo: null, holderIdType: h?.idType ?? null, holderIdNumber: h?.idNumber ?? null, holderName: h?.name ?? null });
  return { id, kind: 'finished', cardNo: c.cardNo, state: 'none', siteId: c.siteId, placeId: null, identity };
}

/** The holder of a card, by id: to check an ID number shown at the counter. */
export function holderOfCard(db: LedgerDb, cardId: number): { idNumber: string; name: string } | undefined {
  return db.select({ idNumber: holders.idNumber, name: holders.name }).from(cards).innerJoin(holders, eq(holders.id, cards.holderId)).where(eq(cards.id, cardId)).get();
}

/** A holder by ID number (any document type). */
export function holderByIdNumber(db: LedgerDb, idNumber: string): { id: number; name: string } | undefined {
  return db.select({ id: holders.id, name: holders.name }).from(holders).where(eq(holders.idNumber, idNumber)).get();
}

/** The take_back movement an operation wrote: to answer a retry the way the first call was answered. */
export function takeBackOfOperation(db: LedgerDb, operationId: string): { cardNo: string; fromState: string; placeName: string | null; counterpart: string | null } | undefined {
  return db
    .select({ cardNo: cards.cardNo, fromState: movements.fromState, placeName: places.name, counterpart: movements.counterpartName })
    .from(movements)
    .innerJoin(cards, eq(cards.id, movements.cardId))
    .leftJoin(places, eq(places.id, movements.toPlaceId))
    .where(eq(movements.operationId, operationId))
    .get();
}
