/**
 * Instant-issuance jobs and their steps (see schema.ts `instantJobs`), and the order of the
 * blanks in a printer hopper as the ledger knows it.
 */
import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { cards, instantJobEvents, instantJobs, places, type INSTANT_STEPS } from './schema.ts';
import { dbNow } from './ledger-clock.ts';
import { stateAfter } from '../src/domain/card-states.ts';

export type InstantStep = (typeof INSTANT_STEPS)[number];
export const INSTANT_OUTCOMES: readonly InstantStep[] = ['issued', 'stocked', 'failed', 'void'];

/** A blank in a printer's hopper: where loading it left it. */
const LOADED = stateAfter('load', 'prefab');

export type InstantJobRow = typeof instantJobs.$inferSelect;
export type NewInstantJob = Omit<typeof instantJobs.$inferInsert, 'id'>;
export type InstantEventRow = typeof instantJobEvents.$inferSelect;

export function insertInstantJob(tx: LedgerDb, row: NewInstantJob): InstantJobRow {
  return tx.insert(instantJobs).values(row).returning().get();
}

export function appendInstantEvent(
  tx: LedgerDb,
  ev: { jobId: number; step: InstantStep; operatorId: number; blankCardId?: number | null; cardId?: number | null; detail?: string | null },
): void {
  tx.insert(instantJobEvents)
    .values({ ...ev, blankCardId: ev.blankCardId ?? null, cardId: ev.cardId ?? null, detail: ev.detail ?? null, at: dbNow(tx) })
    .run();
}

export function instantJobById(db: LedgerDb, id: number): InstantJobRow | undefined {
  return db.select().from(instantJobs).where(eq(instantJobs.id, id)).get();
}

export function instantJobByNo(db: LedgerDb, jobNo: string): InstantJobRow | undefined {
  return db.select().from(instantJobs).where(eq(instantJobs.jobNo, jobNo)).get();
}

export function instantJobByOperation(db: LedgerDb, operationId: string): InstantJobRow | undefined {
  return db.select().from(instantJobs).where(eq(instantJobs.operationId, operationId)).get();
}

export function instantEventsOf(db: LedgerDb, jobId: number): InstantEventRow[] {
  return db.select().from(instantJobEvents).where(eq(instantJobEvents.jobId, jobId)).orderBy(asc(instantJobEvents.id)).all();
}

/** Jobs at the site whose last step is not an outcome: interrupted between two printer calls. */
export function unfinishedInstantJobs(db: LedgerDb, siteId: number): InstantJobRow[] {
  const finished = db
    .select({ jobId: instantJobEvents.jobId })
    .from(instantJobEvents)
    .where(inArray(instantJobEvents.step, INSTANT_OUTCOMES as InstantStep[]));
  return db
    .select()
    .from(instantJobs)
    .where(and(eq(instantJobs.siteId, siteId), sql`${instantJobs.id} NOT IN ${finished}`))
    .orderBy(asc(instantJobs.id))
    .all();
}

/** The latest jobs at a site, newest first (the console's list). */
export function recentInstantJobs(db: LedgerDb, siteId: number, limit: number): InstantJobRow[] {
  return db.select().from(instantJobs).where(eq(instantJobs.siteId, siteId)).orderBy(desc(instantJobs.id)).limit(limit).all();
}

export function countJobNumbersWithPrefix(db: LedgerDb, prefix: string): number {
  return db.select({ n: sql<number>`count(*)` }).from(instantJobs).where(like(instantJobs.jobNo, `${prefix}%`)).get()?.n ?? 0;
}

export type HopperCard = { id: number; cardNo: string; cardIdCode: string | null; resetCode: string | null; bankCardNo: string | null; bank: string; maker: string };

/**
 * The blanks in a hopper in the order the printer feeds them: the order they were scanned in
 * (their load movement is their last one while they sit in the hopper).
 */
export function hopperQueue(db: LedgerDb, hopperPlaceId: number): HopperCard[] {
  return db
    .select({ id: cards.id, cardNo: cards.cardNo, cardIdCode: cards.cardIdCode, resetCode: cards.resetCode, bankCardNo: cards.bankCardNo, bank: cards.bank, maker: cards.maker })
    .from(cards)
    // By the hopper's site too: cards_site_state_ix then finds the loaded blanks of that site alone.
    .where(and(eq(cards.kind, 'prefab'), eq(cards.state, LOADED), eq(cards.placeId, hopperPlaceId), eq(cards.siteId, sql`(select ${places.siteId} from ${places} where ${places.id} = ${hopperPlaceId})`)))
    .orderBy(asc(cards.lastMovementId), asc(cards.id))
    .all();
}

export type BlankRow = { id: number; cardNo: string; cardIdCode: string | null; resetCode: string | null; bankCardNo: string | null; maker: string };

export function blankById(db: LedgerDb, id: number): BlankRow | undefined {
  return db
    .select({ id: cards.id, cardNo: cards.cardNo, cardIdCode: cards.cardIdCode, resetCode: cards.resetCode, bankCardNo: cards.bankCardNo, maker: cards.maker })
    .from(cards)
    .where(and(eq(cards.id, id), eq(cards.kind, 'prefab')))
    .get();
}

/** Which prefab card carries this chip (to name a card the hopper fed out of order). */
export function prefabNoByIdCode(db: LedgerDb, cardIdCode: string): string | null {
  return db.select({ cardNo: cards.cardNo }).from(cards).where(and(eq(cards.kind, 'prefab'), eq(cards.cardIdCode, cardIdCode))).get()?.cardNo ?? null;
}

/** A job already made (or is making) a card with this number: the number is taken. */
export function instantJobWithCardNo(db: LedgerDb, cardNo: string): boolean {
  return db.select({ id: instantJobs.id }).from(instantJobs).where(eq(instantJobs.cardNo, cardNo)).get() !== undefined;
}
