import type Database from 'better-sqlite3';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { CARD_KINDS } from '../src/domain/card-states.ts';
import type { LedgerDb } from './open-ledger.ts';
import { batches, cards, imports, operators, sites } from './schema.ts';

export type ImportRow = typeof imports.$inferSelect;

/** A file imported before, found by its content hash, with who imported it. */
export function importByHash(db: LedgerDb, sha256: string) {
  return db
    .select({ id: imports.id, fileName: imports.fileName, at: imports.at, rowCount: imports.rowCount, operatorName: operators.name, siteName: sites.name })
    .from(imports)
    .innerJoin(operators, eq(operators.id, imports.operatorId))
    .innerJoin(sites, eq(sites.id, imports.siteId))
    .where(eq(imports.contentSha256, sha256))
    .get();
}

export function insertImport(tx: LedgerDb, row: Omit<ImportRow, 'id'>): number {
  return tx.insert(imports).values(row).returning({ id: imports.id }).get().id;
}

/** SQLite limits bound parameters per statement; 500 per query stays well inside it. */
const CHUNK = 500;

/**
 * Runs `query` (prepared once, for CHUNK values) over `values` CHUNK at a time; a short last chunk
 * is padded with its first value, which only repeats a row's match.
 */
function inChunks<R>(values: readonly string[], query: { all(v: Record<string, unknown>): R[] }, each: (r: R) => void): void {
  for (let i = 0; i < values.length; i += CHUNK) {
    const bound: Record<string, unknown> = {};
    for (let k = 0; k < CHUNK; k += 1) bound[k] = values[i + k] ?? values[i];
    for (const r of query.all(bound)) each(r);
  }
}

// Prepared once per call: a 100,000-row file ran 600 queries, and building each one's SQL cost
// more than running it.
const placeholders = () => Array.from({ length: CHUNK }, (_, k) => sql.placeholder(String(k)));

type Lookup<R> = { all(v: Record<string, unknown>): R[] };
/** The lookups prepared for one database or transaction, kept while it lives (an import asks each chunk of 2,000 rows). */
const lookups = new WeakMap<LedgerDb, Map<string, Lookup<unknown>>>();

function lookup<R>(db: LedgerDb, key: string, prepare: () => Lookup<R>): Lookup<R> {
  let m = lookups.get(db);
  if (!m) lookups.set(db, (m = new Map()));
  let q = m.get(key) as Lookup<R> | undefined;
  if (!q) m.set(key, (q = prepare()));
  return q;
}

/** Which of these card numbers the ledger already holds, with where they are. */
export function existingCardNos(db: LedgerDb, cardNos: readonly string[]): Map<string, { id: number; state: string; siteName: string }> {
  const found = new Map<string, { id: number; state: string; siteName: string }>();
  if (cardNos.length === 0) return found;
  const query = lookup(db, 'cardNos', () =>
    db
      .select({ id: cards.id, cardNo: cards.cardNo, state: cards.state, siteName: sites.name })
      .from(cards)
      .innerJoin(sites, eq(sites.id, cards.siteId))
      .where(inArray(cards.cardNo, placeholders()))
      .prepare(),
  );
  inChunks(cardNos, query, (r) => found.set(r.cardNo, { id: r.id, state: r.state, siteName: r.siteName }));
  return found;
}

export function batchByCode(db: LedgerDb, code: string) {
  return db.select().from(batches).where(eq(batches.code, code)).get();
}

/** A card that holds a value: its id and number. */
export type CodeOwner = { id: number; cardNo: string };

/**
 * Card identification codes and bank card numbers the ledger already holds, with their card.
 * The kinds are named so that the unique indexes on (kind, code) serve the lookup: without them
 * each query read the whole cards table, and an import that writes as it checks grew it chunk
 * by chunk (100,000 rows: 7.8 s of 18).
 */
export function existingIdentityCodes(
  db: LedgerDb,
  cardIdCodes: readonly string[],
  bankCardNos: readonly string[],
): { cardIdCodes: Map<string, CodeOwner>; bankCardNos: Map<string, CodeOwner> } {
  const out = { cardIdCodes: new Map<string, CodeOwner>(), bankCardNos: new Map<string, CodeOwner>() };
  if (cardIdCodes.length > 0) {
    const query = lookup(db, 'cardIdCodes', () =>
      db.select({ code: cards.cardIdCode, id: cards.id, cardNo: cards.cardNo }).from(cards).where(and(inArray(cards.kind, [...CARD_KINDS]), inArray(cards.cardIdCode, placeholders()))).prepare(),
    );
    inChunks(cardIdCodes, query, (r) => {
      if (r.code) out.cardIdCodes.set(r.code, { id: r.id, cardNo: r.cardNo });
    });
  }
  if (bankCardNos.length > 0) {
    const query = lookup(db, 'bankCardNos', () =>
      db.select({ no: cards.bankCardNo, id: cards.id, cardNo: cards.cardNo }).from(cards).where(and(inArray(cards.kind, [...CARD_KINDS]), inArray(cards.bankCardNo, placeholders()))).prepare(),
    );
    inChunks(bankCardNos, query, (r) => {
      if (r.no) out.bankCardNos.set(r.no, { id: r.id, cardNo: r.cardNo });
    });
  }
  return out;
}

/** A card's values that must be its own, with its id. */
export type CardKeys = { id: number; cardNo: string; cardIdCode: string | null; bankCardNo: string | null };

/** The cards with ids first..last in id order, read one at a time (an import's own rows, read back when it stops writing). */
export function cardKeysBetween(sqlite: Database.Database, first: number, last: number): IterableIterator<CardKeys> {
  return sqlite
    .prepare('SELECT id, card_no AS cardNo, card_id_code AS cardIdCode, bank_card_no AS bankCardNo FROM cards WHERE id BETWEEN ? AND ? ORDER BY id')
    .iterate(first, last) as IterableIterator<CardKeys>;
}
