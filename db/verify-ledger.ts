/**
 * `sbk verify`: proves the current state is what the movements say. It replays every movement
 * in order, recomputes every hash link (not only the ends), checks that ids have no gaps, that
 * each transition is one the state machine allows, and that the stored projection of every card
 * equals the replay; then SQLite's own integrity and foreign-key checks, and that the
 * append-only guards are still installed.
 */
import type { Ledger } from './open-ledger.ts';
import { GENESIS_HASH, contentFromRow, movementHash, type MovementSqlRow } from './movement-hash.ts';
import { ruleFor, isMovementType, type CardKind, type StateOrNone } from '../src/domain/card-states.ts';
import { recalledAfter } from '../src/domain/recall-marker.ts';
import { verifyProblemTexts } from '../src/i18n/db/verify.ts';
import type Database from 'better-sqlite3';
import { verifySeals, type SealHead } from './verify-seals.ts';
import { chainKeyFor, type ChainKey } from '../src/security/chain-key.ts';
import type { LedgerHead } from '../src/domain/ledger-head.ts';

export type VerifyProblem = { code: string; message: string; movementId?: number; cardNo?: string };
export type ChainHead = { id: number; hash: string };
/** What an earlier verify recorded outside the ledger: the movement chain's head and the seal chain's. */
export type ExpectedHead = ChainHead & { seal?: { seq: number; hash: string } };
export type VerifyReport = {
  ok: boolean;
  movements: number;
  cards: number;
  head: ChainHead | null;
  /** The seal chain: how many seals, how many tables matched, its head; whether MACs were checked (the key was readable). */
  seals: number;
  tables: number;
  sealHead: SealHead | null;
  keyChecked: boolean;
  problems: VerifyProblem[];
};

type MovementRow = MovementSqlRow & {
  card_no: string | null;
  kind: CardKind | null;
  card_id_code: string | null;
  bank_card_no: string | null;
  holder_id_type: string | null;
  holder_id_number: string | null;
  holder_name: string | null;
};

type Replayed = { state: StateOrNone; siteId: number; placeId: number | null; lastId: number; receivedAt: string | null; pickedUpAt: string | null; recalledAt: string | null };

const GUARDS = [
  'application_files_no_update',
  'application_files_no_delete',
  'applications_no_update',
  'applications_no_delete',
  'contact_attempts_no_update',
  'contact_attempts_no_delete',
  'pickup_papers_no_update',
  'pickup_papers_no_delete',
  'pickup_settlements_no_update',
  'pickup_settlements_no_delete',
  'remake_orders_no_update',
  'remake_orders_no_delete',
  'mail_deliveries_no_update',
  'mail_deliveries_no_delete',
  'mail_outcomes_no_update',
  'mail_outcomes_no_delete',
  'instant_jobs_no_update',
  'instant_jobs_no_delete',
  'instant_job_events_no_update',
  'instant_job_events_no_delete',
  'discrepancies_no_update',
  'discrepancies_no_delete',
  'discrepancy_closures_no_update',
  'discrepancy_closures_no_delete',
  'movements_no_update',
  'movements_no_delete',
  'operations_no_update',
  'operations_no_delete',
  'audit_events_no_update',
  'audit_events_no_delete',
  'shipments_no_update',
  'shipments_no_delete',
  'shipment_items_no_update',
  'shipment_items_no_delete',
  'shipment_events_no_update',
  'shipment_events_no_delete',
  'stock_counts_no_update',
  'stock_counts_no_delete',
  'stock_count_scans_no_update',
  'stock_count_scans_no_delete',
  'stock_count_scans_reversal_guard',
  'stock_count_events_no_update',
  'stock_count_events_no_delete',
  'stock_count_lines_no_update',
  'stock_count_lines_no_delete',
  'stock_count_variances_no_update',
  'stock_count_variances_no_delete',
  'stock_count_variance_reasons_no_update',
  'stock_count_variance_reasons_no_delete',
  'holder_flags_no_update',
  'holder_flags_no_delete',
  'ledger_seals_no_update',
  'ledger_seals_no_delete',
];

const MAX_PROBLEMS = 1000;

type ProblemKey = keyof typeof verifyProblemTexts;
type ProblemParams<K extends ProblemKey> = Parameters<(typeof verifyProblemTexts)[K]>[0];
type Where = Pick<VerifyProblem, 'movementId' | 'cardNo'>;

/** The problems found so far, the first MAX_PROBLEMS of them: a wrecked ledger still gets a readable report. */
class Problems {
  readonly list: VerifyProblem[] = [];

  /** Problem `key` (its code up to the first dot) with its text's parameters, at a movement and/or card. */
  add<K extends ProblemKey>(key: K, params: ProblemParams<K>, where: Where = {}): void {
    if (this.list.length >= MAX_PROBLEMS) return;
    const text = verifyProblemTexts[key] as (p: ProblemParams<K>) => string;
    const dot = key.indexOf('.');
    this.list.push({ code: dot < 0 ? key : key.slice(0, dot), message: text(params), ...where });
  }
}

/** SQLite's own integrity and foreign-key checks, and the append-only guards still installed. */
function checkDatabase(sqlite: Database.Database, problems: Problems): void {
  for (const r of sqlite.pragma('integrity_check') as { integrity_check: string }[]) {
    if (r.integrity_check !== 'ok') problems.add('SQLITE_INTEGRITY', { detail: r.integrity_check });
  }
  for (const r of sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
    problems.add('FOREIGN_KEY', { table: r.table, rowid: r.rowid, parent: r.parent });
  }
  const triggers = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((r) => r.name),
  );
  for (const g of GUARDS) {
    if (!triggers.has(g)) problems.add('GUARD_MISSING', { trigger: g });
  }
}

/** Where the replay of the movements stands after each one. */
type ReplayState = {
  readonly replay: Map<number, Replayed>;
  readonly opCounts: Map<string, number>;
  prevHash: string;
  expectedId: number;
  lastAt: string;
  count: number;
  headSeen: boolean;
  lastId: number;
};

/** The movement's place in the chain: no gap before it, its links and hash, its time. */
function checkChainLink(m: MovementRow, cardNo: string, r: ReplayState, problems: Problems, expectedHead: ChainHead | undefined): void {
  if (m.id !== r.expectedId) problems.add('SEQUENCE_GAP', { from: r.expectedId, to: m.id - 1 }, { movementId: m.id });
  r.expectedId = m.id + 1;
  if (m.prev_hash !== r.prevHash) problems.add('CHAIN_BROKEN', { id: m.id }, { movementId: m.id, cardNo });
  const recomputed = movementHash(
    m.prev_hash,
    contentFromRow(m, {
      cardNo,
      kind: m.kind ?? '',
      cardIdCode: m.card_id_code,
      bankCardNo: m.bank_card_no,
      holderIdType: m.holder_id_type,
      holderIdNumber: m.holder_id_number,
      holderName: m.holder_name,
    }),
  );
  if (recomputed !== m.hash) problems.add('HASH_MISMATCH', { id: m.id, cardNo }, { movementId: m.id, cardNo });
  if (expectedHead && m.id === expectedHead.id) {
    r.headSeen = true;
    if (m.hash !== expectedHead.hash) problems.add('HEAD_CHANGED', { id: m.id }, { movementId: m.id });
  }
  r.prevHash = m.hash;
  r.lastId = m.id;
  // Demo history is generated in time order too, so time order holds for every ledger.
  if (m.at < r.lastAt) problems.add('TIME_BACKWARDS', { id: m.id, at: m.at, before: r.lastAt }, { movementId: m.id, cardNo });
  if (m.at > r.lastAt) r.lastAt = m.at;
}

/** The movement against the card's replayed state and the state machine; then the replay moves on. */
function checkTransition(m: MovementRow, cardNo: string, replay: Map<number, Replayed>, problems: Problems): void {
  const where = { movementId: m.id, cardNo };
  const before = replay.get(m.card_id);
  const fromState: StateOrNone = before?.state ?? 'none';
  if (m.from_state !== fromState) problems.add('FROM_STATE_MISMATCH', { id: m.id, cardNo, recorded: m.from_state, replayed: fromState }, where);
  if (before && (m.from_site_id !== before.siteId || m.from_place_id !== before.placeId)) problems.add('FROM_PLACE_MISMATCH', { id: m.id, cardNo }, where);
  const rule = m.kind && isMovementType(m.type) ? ruleFor(m.kind, m.type) : undefined;
  // A defective card dispatched travels as returning and arrives defective (toByFrom); a card the
  // ledger never had may enter by take_back (GD Art. 32 一(一)), its `from` being none.
  if (!rule || !rule.from.includes(fromState) || (rule.toByFrom?.[fromState] ?? rule.to) !== m.to_state) {
    problems.add('ILLEGAL_TRANSITION', { id: m.id, cardNo, type: m.type, from: fromState, to: m.to_state }, where);
  } else if (rule.secondOperator && (m.second_operator_id == null || m.second_operator_id === m.operator_id)) {
    problems.add('APPROVAL_MISSING', { id: m.id, cardNo, type: m.type }, where);
  }
  replay.set(m.card_id, {
    state: m.to_state as StateOrNone,
    siteId: m.to_site_id,
    placeId: m.to_place_id,
    lastId: m.id,
    receivedAt: m.type === 'receive' || m.type === 'found' ? m.at : (before?.receivedAt ?? null),
    pickedUpAt: m.type === 'agent_pickup' ? m.at : (before?.pickedUpAt ?? null),
    recalledAt: isMovementType(m.type) ? recalledAfter(m.type, m.at, before?.recalledAt ?? null) : (before?.recalledAt ?? null),
  });
}

/** Replays every movement in order; `expectedHead` must still be in the chain, unchanged. */
function replayMovements(sqlite: Database.Database, problems: Problems, expectedHead: ChainHead | undefined): ReplayState {
  const r: ReplayState = { replay: new Map(), opCounts: new Map(), prevHash: GENESIS_HASH, expectedId: 1, lastAt: '', count: 0, headSeen: false, lastId: 0 };
  const rows = sqlite
    .prepare(
      `SELECT m.*, c.card_no, c.kind, c.card_id_code, c.bank_card_no, h.id_type AS holder_id_type, h.id_number AS holder_id_number, h.name AS holder_name
       FROM movements m LEFT JOIN cards c ON c.id = m.card_id LEFT JOIN holders h ON h.id = c.holder_id ORDER BY m.id`,
    )
    .iterate() as IterableIterator<MovementRow>;
  for (const m of rows) {
    r.count += 1;
    const cardNo = m.card_no ?? `#${m.card_id}`;
    checkChainLink(m, cardNo, r, problems, expectedHead);
    r.opCounts.set(m.operation_id, (r.opCounts.get(m.operation_id) ?? 0) + 1);
    checkTransition(m, cardNo, r.replay, problems);
  }
  if (expectedHead && !r.headSeen) problems.add('HEAD_MISSING', { head: expectedHead.id, last: r.lastId }, { movementId: expectedHead.id });
  return r;
}

/** Every operation has all the movements it says it wrote. */
function checkOperations(sqlite: Database.Database, opCounts: ReadonlyMap<string, number>, problems: Problems): void {
  const operations = sqlite.prepare('SELECT id, movement_count AS n FROM operations').all() as { id: string; n: number }[];
  for (const op of operations) {
    const seen = opCounts.get(op.id) ?? 0;
    if (seen !== op.n) problems.add('OPERATION_INCOMPLETE', { operation: op.id, recorded: op.n, found: seen });
  }
}

/** GD Art. 12: every hand-over is on a shipment's list, and every card a sent shipment lists was handed over under it. */
function checkShipments(sqlite: Database.Database, problems: Problems): void {
  const unlisted = sqlite
    .prepare(
      `SELECT m.id, c.card_no AS cardNo, m.ref_id AS ref FROM movements m JOIN cards c ON c.id = m.card_id
       WHERE m.type = 'dispatch' AND NOT EXISTS (
         SELECT 1 FROM shipments s JOIN shipment_items i ON i.shipment_id = s.id
         WHERE m.ref_kind = 'shipment' AND s.number = m.ref_id AND i.card_id = m.card_id AND s.to_site_id = m.to_site_id AND s.from_site_id = m.from_site_id)`,
    )
    .all() as { id: number; cardNo: string; ref: string | null }[];
  for (const u of unlisted) {
    problems.add('DISPATCH_WITHOUT_SHIPMENT', { id: u.id, cardNo: u.cardNo, shipment: u.ref }, { movementId: u.id, cardNo: u.cardNo });
  }
  const unsent = sqlite
    .prepare(
      `SELECT s.number, c.card_no AS cardNo FROM shipments s
       JOIN shipment_events e ON e.shipment_id = s.id AND e.type = 'sent'
       JOIN shipment_items i ON i.shipment_id = s.id JOIN cards c ON c.id = i.card_id
       WHERE s.method <> 'province' AND NOT EXISTS (
         SELECT 1 FROM movements m WHERE m.ref_kind = 'shipment' AND m.ref_id = s.number AND m.card_id = i.card_id AND m.type = 'dispatch')`,
    )
    .all() as { number: string; cardNo: string }[];
  for (const u of unsent) problems.add('SHIPMENT_CARD_NOT_SENT', { shipment: u.number, cardNo: u.cardNo }, { cardNo: u.cardNo });
}

/**
 * The daily count (GD Art. 36 一(四)): an undone scan stays in the record beside the line that
 * reverses it, and neither counts. A reversing line must take back a scan of the same count that
 * is not itself a reversal, the same code and quantity, before the count was submitted (after
 * that the result is fixed and a reversal would say something the result does not).
 */
function checkCountReversals(sqlite: Database.Database, problems: Problems): void {
  const bad = sqlite
    .prepare(
      `SELECT r.id, r.count_id AS countId FROM stock_count_scans r LEFT JOIN stock_count_scans s ON s.id = r.reverses
       WHERE r.reverses IS NOT NULL AND (
         s.id IS NULL OR s.count_id <> r.count_id OR s.reverses IS NOT NULL OR s.kind <> r.kind OR s.code <> r.code
         OR coalesce(s.quantity, -1) <> coalesce(r.quantity, -1) OR s.id > r.id
         OR EXISTS (SELECT 1 FROM stock_count_events e WHERE e.count_id = r.count_id AND e.type = 'submitted' AND e.at < r.at))`,
    )
    .all() as { id: number; countId: number }[];
  for (const b of bad) problems.add('COUNT_REVERSAL_INVALID', { id: b.id, countId: b.countId });
}

/**
 * holders.deceased_at is the projection of the holder's 'deceased' flag rows: the date of the
 * last one when it sets, none when it clears. Holders with no such row (deaths recorded before
 * flags were kept) are not judged.
 */
function checkHolderDeaths(sqlite: Database.Database, problems: Problems): void {
  const rows = sqlite
    .prepare(
      `SELECT h.id, h.deceased_at AS recorded, f.action, f."on" AS flagged FROM holders h
       JOIN holder_flags f ON f.id = (SELECT max(id) FROM holder_flags g WHERE g.holder_id = h.id AND g.kind = 'deceased')`,
    )
    .all() as { id: number; recorded: string | null; action: string; flagged: string | null }[];
  for (const r of rows) {
    const expected = r.action === 'set' ? r.flagged : null;
    if (expected !== r.recorded) problems.add('HOLDER_DEATH_MISMATCH', { holderId: r.id, recorded: r.recorded ?? '-', flagged: expected ?? '-' });
  }
}

/**
 * Instant issuance (GD Annex 9 二): a blank consumed at a printer belongs to a job that made a
 * card of that number, and a job that says it made or spoiled a card has the movement for it.
 */
function checkInstantJobs(sqlite: Database.Database, problems: Problems): void {
  const instantGaps = sqlite
    .prepare(
      `SELECT j.job_no AS jobNo, e.step, c.card_no AS cardNo FROM instant_jobs j
       JOIN instant_job_events e ON e.job_id = j.id AND e.step IN ('issued', 'stocked', 'failed')
       JOIN cards c ON c.id = e.blank_card_id
       WHERE NOT EXISTS (SELECT 1 FROM movements m WHERE m.card_id = e.blank_card_id AND m.ref_kind = 'instant' AND m.ref_id = j.job_no
                         AND m.type = CASE e.step WHEN 'failed' THEN 'spoil' ELSE 'consume' END)
          OR (e.step <> 'failed' AND NOT EXISTS (SELECT 1 FROM cards f WHERE f.id = e.card_id AND f.card_no = j.card_no AND f.kind = 'finished'))`,
    )
    .all() as { jobNo: string; step: string; cardNo: string }[];
  for (const g of instantGaps) {
    problems.add('INSTANT_JOB_WITHOUT_MOVEMENT', { job: g.jobNo, cardNo: g.cardNo, spoiled: g.step === 'failed' }, { cardNo: g.cardNo });
  }
  const strayConsumes = sqlite
    .prepare(
      `SELECT m.id, c.card_no AS cardNo, m.ref_id AS ref FROM movements m JOIN cards c ON c.id = m.card_id
       WHERE m.type = 'consume' AND m.ref_kind = 'instant' AND m.ref_id LIKE 'J-%' AND NOT EXISTS (
         SELECT 1 FROM instant_jobs j JOIN instant_job_events e ON e.job_id = j.id AND e.step IN ('issued', 'stocked')
         WHERE j.job_no = m.ref_id AND e.blank_card_id = m.card_id)`,
    )
    .all() as { id: number; cardNo: string; ref: string }[];
  for (const u of strayConsumes) {
    problems.add('CONSUME_WITHOUT_JOB', { id: u.id, cardNo: u.cardNo, job: u.ref }, { movementId: u.id, cardNo: u.cardNo });
  }
}

/** Every card's stored projection equals the replay; returns how many cards there are. */
function checkProjections(sqlite: Database.Database, replay: Map<number, Replayed>, problems: Problems): number {
  let cardCount = 0;
  const cardRows = sqlite
    .prepare('SELECT id, card_no, state, site_id, place_id, last_movement_id, received_at, picked_up_at, recalled_at FROM cards ORDER BY id')
    .iterate() as IterableIterator<{ id: number; card_no: string; state: string; site_id: number; place_id: number | null; last_movement_id: number; received_at: string | null; picked_up_at: string | null; recalled_at: string | null }>;
  for (const c of cardRows) {
    cardCount += 1;
    const cardNo = c.card_no;
    const r = replay.get(c.id);
    if (!r) {
      problems.add('CARD_WITHOUT_MOVEMENTS', { cardNo }, { cardNo });
      continue;
    }
    replay.delete(c.id);
    if (r.receivedAt !== c.received_at || r.pickedUpAt !== c.picked_up_at || r.recalledAt !== c.recalled_at) problems.add('PROJECTION_MISMATCH.dates', { cardNo }, { cardNo });
    if (r.state !== c.state || r.siteId !== c.site_id || r.placeId !== c.place_id || r.lastId !== c.last_movement_id) {
      const stored = { state: c.state, siteId: c.site_id, placeId: c.place_id };
      problems.add('PROJECTION_MISMATCH.state', { cardNo, stored, replayed: { state: r.state, siteId: r.siteId, placeId: r.placeId } }, { cardNo });
    }
  }
  for (const [cardId] of replay) problems.add('MOVEMENT_FOR_MISSING_CARD', { cardId });
  return cardCount;
}

/**
 * `expectedHead`: the chain head recorded outside the ledger at an earlier verify (a file cron
 * keeps, a printed sheet). The chain must still contain it unchanged: deleting the newest
 * movements and restoring the guards leaves a consistent-looking but shorter chain.
 */
/** `papers`: seal heads read off printed sheets (`sbk verify --seal N:CODE`); each must still be in the chain unchanged. */
export function verifyLedger(
  ledger: Ledger,
  expectedHead?: ExpectedHead,
  key: ChainKey | null = chainKeyFor(ledger.path),
  papers: readonly LedgerHead[] = [],
): VerifyReport {
  const { sqlite } = ledger;
  const problems = new Problems();
  // One read transaction: a consistent snapshot while other operators keep writing.
  sqlite.exec('BEGIN');
  try {
    checkDatabase(sqlite, problems);
    const r = replayMovements(sqlite, problems, expectedHead);
    checkOperations(sqlite, r.opCounts, problems);
    checkShipments(sqlite, problems);
    checkInstantJobs(sqlite, problems);
    checkCountReversals(sqlite, problems);
    checkHolderDeaths(sqlite, problems);
    const cards = checkProjections(sqlite, r.replay, problems);
    const seals = verifySeals(sqlite, key, (k, p) => problems.add(k, p), expectedHead?.seal, papers);
    sqlite.exec('COMMIT');
    const list = problems.list;
    return {
      ok: list.length === 0,
      movements: r.count,
      cards,
      head: r.lastId ? { id: r.lastId, hash: r.prevHash } : null,
      seals: seals.seals,
      tables: seals.tables,
      sealHead: seals.head,
      keyChecked: seals.keyChecked,
      problems: list,
    };
  } catch (e) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw e;
  }
}
