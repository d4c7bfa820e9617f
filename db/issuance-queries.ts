/**
 * Reads for issuance, overdue cards and recall: cards with their holder, and the dates the
 * rules count from (when the site received the card, when the agent took it, when it was
 * recalled), all from the movements.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { batches, cards, holderFlags, holders, movements, sites } from './schema.ts';
import type { HolderRecallFlag } from '../src/domain/overdue.ts';
import { todayInChina } from '../src/domain/china-dates.ts';
import { RECALLABLE_STATES, DISPATCHABLE_STATES, stateAfter } from '../src/domain/card-states.ts';
import { stateList, stateLiteral } from './state-sql.ts';

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

/** Where the state machine puts a finished card the site took in, one an agent took, one recalled, one issued. */
const IN_STOCK = stateAfter('receive', 'finished');
const WITH_AGENT = stateAfter('agent_pickup', 'finished');
const RECALLED = stateAfter('recall', 'finished');
const ISSUED = stateAfter('issue', 'finished');

// From the projections append-movements keeps (the last receive/found, the last agent pickup),
// which verify replays: no per-card read of the movements on a large ledger. A card in the site's
// store (one it could send on) counts from its receipt.
const heldSince = sql<string | null>`(case when ${cards.state} in ${stateList(DISPATCHABLE_STATES)} then ${cards.receivedAt}
  when ${cards.state} = ${stateLiteral(WITH_AGENT)} then ${cards.pickedUpAt} end)`;
// The recall the card carries through shipments until it is issued again (src/domain/recall-marker.ts).
const recalledAt = cards.recalledAt;
const replaced = sql<number>`exists (select 1 from cards newer where newer.holder_id = ${cards.holderId} and newer.id <> ${cards.id}
  and newer.issue_date > ${cards.issueDate} and newer.state = ${stateLiteral(ISSUED)})`;

/**
 * The condition of the partial index cards_overdue_list_ix (db/migrations/0013), which a query
 * repeats term for term so that SQLite may use the index: the finished cards that may be recalled.
 */
const overdueListable = sql`kind = 'finished' and state in ${stateList(RECALLABLE_STATES)}`;
/**
 * Not recalled already: a recalled card signed in at the city is in stock there, but it is on the
 * recall and cancellation lists (GD Art. 32-33), not due for recall a second time. recalled_at is
 * a column of cards_overdue_list_ix, so the overdue queries still read the index alone.
 */
const notRecalled = sql`recalled_at is null`;
const isRecallable = (state: string): boolean => (RECALLABLE_STATES as readonly string[]).includes(state);

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

/**
 * The finished cards in `states` at the sites that the cancellation rules (GD Art. 33 一(六);
 * HB Art. 17) can reach: every recalled one, and otherwise only those of a holder reported dead
 * or of a holder with another card (the old card after a replacement). A superset the caller
 * decides on, ordered as finishedCardsInStates. The subqueries behind recalledAt and replaced
 * run only for these: for every card in stock of a city they took 2 s on 1,000,000 cards.
 */
export function cancellationCandidates(db: LedgerDb, siteIds: readonly number[], states: readonly string[]): HolderCardRow[] {
  if (siteIds.length === 0 || states.length === 0) return [];
  const scope = sql.join(
    siteIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const ids = new Set<number>();
  const add = (q: SQL) => {
    for (const [id] of db.values<[number]>(q)) ids.add(id);
  };
  const another = sql`exists (select 1 from cards o where o.holder_id = cards.holder_id and o.id <> cards.id)`;
  // Every recalled card wherever it lies (recalled at an office, or signed in at the city or the
  // service bank since): its second-issuance window decides (GD Art. 33 一(六)).
  const wantedStates = sql.join(
    states.map((s) => sql`${s}`),
    sql`, `,
  );
  add(sql`select id from cards indexed by cards_recalled_ix where recalled_at is not null and site_id in (${scope}) and kind = 'finished' and state in (${wantedStates})`);
  for (const state of states) {
    // Recalled ones all came from cards_recalled_ix above.
    if (state === RECALLED) continue;
    // The cards in stock, most of a city's, come from cards_overdue_list_ix alone (see overdueCandidates).
    if (isRecallable(state)) add(sql`select id from cards indexed by cards_overdue_list_ix where state = ${state} and ${overdueListable} and site_id in (${scope}) and ${another}`);
    else add(sql`select id from cards where state = ${state} and kind = 'finished' and site_id in (${scope}) and ${another}`);
  }
  const dead = db.values<[number]>(sql`select id from holders where deceased_at is not null`).map(([id]) => id);
  const wanted = new Set(states);
  const inScope = new Set(siteIds);
  for (let i = 0; i < dead.length; i += 500) {
    const holderIds = sql.join(
      dead.slice(i, i + 500).map((id) => sql`${id}`),
      sql`, `,
    );
    for (const [id, kind, state, siteId] of db.values<[number, string, string, number]>(sql`select id, kind, state, site_id from cards where holder_id in (${holderIds})`)) {
      if (kind === 'finished' && wanted.has(state) && inScope.has(siteId)) ids.add(id);
    }
  }
  if (ids.size === 0) return [];
  return select(db, sql`${cards.id} in (select value from json_each(${JSON.stringify([...ids])}))`);
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
      eq(cards.state, WITH_AGENT),
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
    .where(and(eq(cards.state, WITH_AGENT), eq(movements.refKind, 'pickup'), inArray(cards.siteId, [...siteIds])))
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
        // A mail return is a recall too (GD Art. 32 一(一): 邮递信息错误), counted under its category.
        inArray(movements.type, ['recall', 'mail_returned']),
        inArray(movements.toSiteId, [...siteIds]),
        fromIso ? sql`${movements.at} >= ${fromIso}` : undefined,
        toIso ? sql`${movements.at} < ${toIso}` : undefined,
      ),
    )
    .orderBy(asc(movements.id))
    .all();
}

export function setHolderDeceased(tx: LedgerDb, holderId: number, on: string | null): void {
  tx.update(holders).set({ deceasedAt: on }).where(eq(holders.id, holderId)).run();
}

export type HolderFlagKind = (typeof holderFlags.$inferInsert)['kind'];
export type HolderFlagRow = typeof holderFlags.$inferSelect;

export function appendHolderFlag(tx: LedgerDb, row: Omit<typeof holderFlags.$inferInsert, 'id'>): void {
  tx.insert(holderFlags).values(row).run();
}

/** A holder's flag rows, oldest first. */
export function holderFlagRows(db: LedgerDb, holderId: number): HolderFlagRow[] {
  return db.select().from(holderFlags).where(eq(holderFlags.holderId, holderId)).orderBy(asc(holderFlags.id)).all();
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

/** What the overdue list reads of a card that may be on it. */
export type OverdueCandidate = {
  id: number;
  cardNo: string;
  state: string;
  siteId: number;
  batchId: number | null;
  /** As HolderCardRow.heldSince; with an agent under a 'made' profile, the card's making (China midnight). */
  heldSince: string | null;
  deceasedAt: string | null;
  /** The holder's active emigrated / missing / undeliverable flag (holderRecallFlags). */
  flag: HolderRecallFlag | null;
  /** heldSince is the card's making date (制卡日期), not a receipt or pickup. */
  fromMaking: boolean;
  /** Null when the card has no holder, or the holders were not asked for. */
  holderName: string | null;
  holderIdNumber: string | null;
};

type CandidateTuple = [id: number, cardNo: string, siteId: number, batchId: number | null, heldSince: string | null, holderName: string | null, holderIdNumber: string | null];

/** Which of a holder's flags names the recall category when several are set: the one that brings the card back soonest. */
const FLAG_RANK: Readonly<Record<HolderRecallFlag['kind'], number>> = { emigrated: 0, missing: 1, undeliverable: 2 };

/**
 * Each flagged holder's active flag other than death, from the append-only holder_flags (a
 * kind is active when its last row sets it). Flagged holders are few: the table is read whole.
 */
export function holderRecallFlags(db: LedgerDb): Map<number, HolderRecallFlag> {
  const last = new Map<string, { holderId: number; kind: HolderRecallFlag['kind']; action: string; on: string | null }>();
  for (const [holderId, kind, action, on] of db.values<[number, HolderRecallFlag['kind'], string, string | null]>(
    sql`select holder_id, kind, action, "on" from holder_flags where kind <> 'deceased' order by id`,
  )) {
    last.set(`${holderId}|${kind}`, { holderId, kind, action, on });
  }
  const out = new Map<number, HolderRecallFlag>();
  for (const f of last.values()) {
    if (f.action !== 'set' || f.on === null) continue;
    const had = out.get(f.holderId);
    if (!had || FLAG_RANK[f.kind] < FLAG_RANK[had.kind]) out.set(f.holderId, { kind: f.kind, on: f.on });
  }
  return out;
}

/** A maker's 制卡日期 (YYYY-MM-DD) as the instant the rest of the list counts with: that day's China midnight. */
const isDay = (v: string | null): boolean => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);
const asInstant = (v: string | null): string | null => (v !== null && isDay(v) ? new Date(`${v}T00:00:00+08:00`).toISOString() : v);

/**
 * The finished cards that may be overdue or in their warning period: in stock since before
 * `stockBefore`, with an agent since before `agentBefore` (both ISO instants), or of a holder
 * reported dead or flagged (emigrated, missing, undeliverable). A superset the caller assesses
 * exactly, in no particular order. With `withHolders`, each card's holder's name and ID number
 * too. `agentFrom` is the profile's sleepingFrom: under 'made' (HB Art. 17: 制卡超过6个月) a card
 * with an agent counts from its making date, cards.issue_date (its pickup when none is known).
 *
 * One statement per branch, each an index range: SQLite cannot split an OR of them into index
 * ranges and read every finished card instead (bench: 1.4 s on 1,000,000 cards). The first two
 * read cards_overdue_list_ix and no card's table page (issue_date is in it for the 'made' test);
 * the planner, without statistics, prefers cards_overdue_ix and then reads each card's page at
 * random (a city's 24,000 candidates: about 90 ms), hence INDEXED BY. The index is partial: the
 * query repeats its condition so that SQLite may use it, after the state's equality, which
 * SQLite then seeks by (given the IN first, it reads every card in stock to find the few with an
 * agent). Holders are joined rather than read afterwards in id order: returning 20,000 more rows
 * costs more than the random lookups save.
 */
export function overdueCandidates(
  db: LedgerDb,
  siteIds: readonly number[],
  stockBefore: string,
  agentBefore: string,
  withHolders = false,
  agentFrom: 'pickup' | 'made' = 'pickup',
): OverdueCandidate[] {
  if (siteIds.length === 0) return [];
  const scope = sql.join(
    siteIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const made = agentFrom === 'made';
  const holderColumns = withHolders ? sql`h.name, h.id_number` : sql`null, null`;
  const holderJoin = withHolders ? sql`left join holders h on h.id = cards.holder_id` : sql``;
  const held = made
    ? sql`(case when ${cards.state} = ${stateLiteral(WITH_AGENT)} then coalesce(${cards.issueDate}, ${cards.pickedUpAt}) else ${heldSince} end)`
    : heldSince;
  // Dead and flagged holders first (a partial index holds the dead, the flags are few), then
  // their cards by holder alone: given the kind, state and sites as well, SQLite reads every card in stock instead.
  const deadOn = new Map<number, string>();
  for (const [id, on] of db.values<[number, string]>(sql`select id, deceased_at from holders where deceased_at is not null`)) deadOn.set(id, on);
  const flags = holderRecallFlags(db);
  const out: OverdueCandidate[] = [];
  const special = new Set<number>();
  const inScope = new Set(siteIds);
  const specialHolders = [...new Set([...deadOn.keys(), ...flags.keys()])];
  for (let i = 0; i < specialHolders.length; i += 500) {
    const holderIds = sql.join(
      specialHolders.slice(i, i + 500).map((id) => sql`${id}`),
      sql`, `,
    );
    for (const [id, cardNo, siteId, batchId, since, holderName, holderIdNumber, kind, state, holderId, recalled] of db.values<
      [...CandidateTuple, kind: string, state: string, holderId: number, recalledAt: string | null]
    >(sql`select cards.id, card_no, site_id, batch_id, ${held}, ${holderColumns}, kind, state, holder_id, recalled_at from cards ${holderJoin} where holder_id in (${holderIds})`)) {
      if (kind === 'finished' && inScope.has(siteId) && isRecallable(state) && recalled === null) {
        special.add(id);
        out.push({ id, cardNo, state, siteId, batchId, heldSince: asInstant(since), fromMaking: isDay(since), deceasedAt: deadOn.get(holderId) ?? null, flag: flags.get(holderId) ?? null, holderName, holderIdNumber });
      }
    }
  }
  const add = (state: string, rows: CandidateTuple[]) => {
    for (const [id, cardNo, siteId, batchId, since, holderName, holderIdNumber] of rows) {
      if (!special.has(id)) out.push({ id, cardNo, state, siteId, batchId, heldSince: asInstant(since), fromMaking: isDay(since), deceasedAt: null, flag: null, holderName, holderIdNumber });
    }
  };
  add(
    IN_STOCK,
    db.values<CandidateTuple>(
      sql`select cards.id, card_no, site_id, batch_id, received_at, ${holderColumns} from cards indexed by cards_overdue_list_ix ${holderJoin}
        where state = ${stateLiteral(IN_STOCK)} and ${overdueListable} and ${notRecalled} and received_at < ${stockBefore} and site_id in (${scope})`,
    ),
  );
  // agentBefore is a China midnight: the making dates before it are those before its China date.
  const agentHeld = made ? sql`coalesce(issue_date, picked_up_at)` : sql`picked_up_at`;
  const agentAge = made
    ? sql`(issue_date < ${todayInChina(new Date(agentBefore))} or (issue_date is null and picked_up_at < ${agentBefore}))`
    : sql`picked_up_at < ${agentBefore}`;
  add(
    WITH_AGENT,
    db.values<CandidateTuple>(
      sql`select cards.id, card_no, site_id, batch_id, ${agentHeld}, ${holderColumns} from cards indexed by cards_overdue_list_ix ${holderJoin}
        where state = ${stateLiteral(WITH_AGENT)} and ${overdueListable} and ${notRecalled} and ${agentAge} and site_id in (${scope})`,
    ),
  );
  return out;
}

/** Site names and batch codes for the cards the overdue list shows: few, read once each rather than joined per card. */
export function overdueLabels(
  db: LedgerDb,
  shown: readonly Pick<OverdueCandidate, 'siteId' | 'batchId'>[],
): { sites: Map<number, { code: string; name: string }>; batches: Map<number, string> } {
  const siteIds = new Set<number>();
  const batchIds = new Set<number>();
  for (const c of shown) {
    siteIds.add(c.siteId);
    if (c.batchId !== null) batchIds.add(c.batchId);
  }
  const labels = { sites: new Map<number, { code: string; name: string }>(), batches: new Map<number, string>() };
  if (siteIds.size) for (const s of db.select({ id: sites.id, code: sites.code, name: sites.name }).from(sites).where(inArray(sites.id, [...siteIds])).all()) labels.sites.set(s.id, { code: s.code, name: s.name });
  if (batchIds.size) for (const b of db.select({ id: batches.id, code: batches.code }).from(batches).where(inArray(batches.id, [...batchIds])).all()) labels.batches.set(b.id, b.code);
  return labels;
}
