/**
 * The four statements of a large operation's hot loop (a 100,000-card file: the cards inserted,
 * their movements appended, the cards read and their rows brought up to date), many rows per
 * statement, on better-sqlite3 directly. Everything else goes through Drizzle.
 *
 * Why many rows per statement: each statement has a fixed cost in the call into SQLite, and an
 * UPDATE that sets foreign-key columns opens a statement journal per statement (100,000 card
 * projections: 0.86 s one by one, 0.40 s a hundred at a time; 200,000 movements: 0.89 s, 0.72 s).
 * Why not Drizzle's prepared statements: binding 7 million placeholders by name and mapping the
 * rows back cost 0.2 s of the 3.4 s intake (bench row 1, measured A/B), and Drizzle gives a
 * transaction no handle on its connection to keep statements per connection.
 * The PostgreSQL port replaces this module (COPY, UPDATE … FROM unnest) and keeps its callers.
 */
import type Database from 'better-sqlite3';
import { getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { LedgerDb } from './open-ledger.ts';
import { cards, holders, movements } from './schema.ts';

/** Rows per statement: fewer gained less, more (500) lost again; 22 columns × 100 rows stay far
 *  below SQLite's 32,766 bound parameters. */
export const BULK_ROWS = 100;

/** How many values one `in (…)` list binds: SQLite limits bound parameters per statement. */
export const IN_LIST_CHUNK = 500;

/** `read` over `keys` IN_LIST_CHUNK at a time, the rows in order (a loop: no spread of a long list). */
export function readInChunks<K, R>(keys: readonly K[], read: (part: K[]) => readonly R[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += IN_LIST_CHUNK) for (const r of read(keys.slice(i, i + IN_LIST_CHUNK))) out.push(r);
  return out;
}

export const MOVEMENT_FIELDS = [
  'id', 'operationId', 'cardId', 'type', 'fromState', 'toState', 'fromSiteId', 'fromPlaceId', 'toSiteId', 'toPlaceId',
  'operatorId', 'secondOperatorId', 'counterpartRole', 'counterpartName', 'counterpartIdNumber', 'method', 'reason',
  'refKind', 'refId', 'at', 'prevHash', 'hash',
] as const satisfies readonly (keyof typeof movements.$inferInsert)[];

export const CARD_FIELDS = [
  'kind', 'cardNo', 'cardIdCode', 'resetCode', 'bankCardNo', 'bank', 'maker', 'batchId', 'boxId', 'boxPosition',
  'holderId', 'issueDate', 'expiryDate', 'state', 'siteId', 'placeId', 'stateSince', 'lastMovementId', 'receivedAt', 'pickedUpAt',
] as const satisfies readonly (keyof typeof cards.$inferInsert)[];

/** A card as selectCardRows returns it. */
export type CardRow = {
  id: number;
  kind: string;
  cardNo: string;
  state: string;
  siteId: number;
  placeId: number | null;
  cardIdCode: string | null;
  bankCardNo: string | null;
  holderIdType: string | null;
  holderIdNumber: string | null;
  holderName: string | null;
};

const connections = new WeakMap<LedgerDb, Database.Database>();
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** writeTx() names the connection of each transaction it opens. */
export function useConnection(tx: LedgerDb, sqlite: Database.Database): void {
  connections.set(tx, sqlite);
}

/** Prepared once per connection and kept: the same statements serve every later transaction. */
function statement(tx: LedgerDb, key: string, text: () => string): Database.Statement {
  const sqlite = connections.get(tx);
  if (!sqlite) throw new Error('db/bulk-sql.ts: bulk writes run inside writeTx()');
  let stmts = prepared.get(sqlite);
  if (!stmts) prepared.set(sqlite, (stmts = new Map()));
  let stmt = stmts.get(key);
  if (!stmt) stmts.set(key, (stmt = sqlite.prepare(text())));
  return stmt;
}

const q = (name: string) => `"${name}"`;
const columns = <T extends SQLiteTable>(table: T, fields: readonly (keyof T)[]) =>
  fields.map((f) => q((table[f] as SQLiteColumn).name)).join(', ');
const tuples = (rows: number, width: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');

/**
 * Runs `write` over `values` (rows of `width` values one after the other) BULK_ROWS rows at a
 * time and the rest one by one, so each statement is prepared in two sizes only. `first` is the
 * index of the statement's first row.
 */
function inBulk(values: unknown[], width: number, write: (n: number, values: unknown[], first: number) => void): void {
  const rows = values.length / width;
  if (rows === BULK_ROWS) return write(BULK_ROWS, values, 0);
  let i = 0;
  for (; i + BULK_ROWS <= rows; i += BULK_ROWS) write(BULK_ROWS, values.slice(i * width, (i + BULK_ROWS) * width), i);
  for (; i < rows; i += 1) write(1, values.slice(i * width, (i + 1) * width), i);
}

/** Appends movements rows, their values in MOVEMENT_FIELDS order one row after the other. */
export function insertMovementRows(tx: LedgerDb, values: unknown[]): void {
  inBulk(values, MOVEMENT_FIELDS.length, (n, values) =>
    statement(tx, `movements.insert.${n}`, () =>
      `INSERT INTO ${q(getTableName(movements))} (${columns(movements, MOVEMENT_FIELDS)}) VALUES ${tuples(n, MOVEMENT_FIELDS.length)}`,
    ).run(values),
  );
}

/**
 * Inserts cards rows, their values in CARD_FIELDS order one row after the other, and returns
 * their ids in the same order. When a row is refused, throws what `refused(error, index)` makes
 * of the first refused row's error.
 */
export function insertCardRows(tx: LedgerDb, values: unknown[], refused: (e: unknown, index: number) => unknown): number[] {
  const ids: number[] = [];
  const insert = (n: number) =>
    statement(tx, `cards.insert.${n}`, () => `INSERT INTO ${q(getTableName(cards))} (${columns(cards, CARD_FIELDS)}) VALUES ${tuples(n, CARD_FIELDS.length)}`);
  const width = CARD_FIELDS.length;
  inBulk(values, width, (n, part, first) => {
    let result: Database.RunResult;
    try {
      result = insert(n).run(part);
    } catch (e) {
      if (n === 1) throw refused(e, first);
      // Which row: the failed statement wrote nothing, so the rows again one by one.
      for (let k = 0; k < n; k += 1) {
        try {
          insert(1).run(part.slice(k * width, (k + 1) * width));
        } catch (e1) {
          throw refused(e1, first + k);
        }
      }
      throw e;
    }
    // cards.id is AUTOINCREMENT: the rows of one INSERT get the ids after the largest so far, in
    // the order of its VALUES (RETURNING would say so too, but cost a fifth of the insert).
    const last = Number(result.lastInsertRowid);
    if (result.changes !== n) throw new Error(`db/bulk-sql.ts: inserted ${result.changes} of ${n} cards`);
    for (let id = last - n + 1; id <= last; id += 1) ids.push(id);
  });
  return ids;
}

/** The values of one card in updateCardProjections, in this order. */
export const PROJECTION_WIDTH = 9;

/**
 * Brings card rows up to their projection. Each row: id, state, siteId, placeId, stateSince,
 * lastMovementId, receivedAt, pickedUpAt, recalledAt, with null receivedAt / pickedUpAt /
 * recalledAt keeping the stored value (that write brings no newer receipt, pickup or recall) and
 * an empty recalledAt clearing it (an issue ends the recall). A card appears at most once.
 */
export function updateCardProjections(tx: LedgerDb, values: unknown[]): void {
  inBulk(values, PROJECTION_WIDTH, (n, values) =>
    statement(tx, `cards.projection.${n}`, () => {
      const c = (f: keyof typeof cards) => q((cards[f] as SQLiteColumn).name);
      // SQLite names the columns of a VALUES list column1, column2, … in order.
      return `UPDATE ${q(getTableName(cards))} SET ${c('state')} = v.column2, ${c('siteId')} = v.column3, ${c('placeId')} = v.column4, ${c('stateSince')} = v.column5, ${c('lastMovementId')} = v.column6, ${c('receivedAt')} = coalesce(v.column7, ${c('receivedAt')}), ${c('pickedUpAt')} = coalesce(v.column8, ${c('pickedUpAt')}), ${c('recalledAt')} = nullif(coalesce(v.column9, ${c('recalledAt')}), '') FROM (VALUES ${tuples(n, PROJECTION_WIDTH)}) AS v WHERE ${q(getTableName(cards))}.${c('id')} = v.column1`;
    }).run(values),
  );
}

/** The cards with these ids (at most BULK_ROWS of them), with their holders; missing ids are left out. */
export function selectCardRows(tx: LedgerDb, ids: readonly number[]): CardRow[] {
  if (ids.length === 0) return [];
  if (ids.length > BULK_ROWS) throw new Error(`db/bulk-sql.ts: ${ids.length} cards in one read`);
  // Two sizes again: more than one id is padded to BULK_ROWS with the first.
  const n = ids.length === 1 ? 1 : BULK_ROWS;
  const values = Array.from({ length: n }, (_, i) => ids[i] ?? ids[0]);
  const c = (f: keyof typeof cards) => `c.${q((cards[f] as SQLiteColumn).name)}`;
  const h = (f: keyof typeof holders) => `h.${q((holders[f] as SQLiteColumn).name)}`;
  const rows = statement(tx, `cards.read.${n}`, () =>
    `SELECT ${c('id')}, ${c('kind')}, ${c('cardNo')}, ${c('state')}, ${c('siteId')}, ${c('placeId')}, ${c('cardIdCode')}, ${c('bankCardNo')}, ` +
    `${h('idType')}, ${h('idNumber')}, ${h('name')} FROM ${q(getTableName(cards))} c LEFT JOIN ${q(getTableName(holders))} h ON ${h('id')} = ${c('holderId')} ` +
    `WHERE ${c('id')} IN (${values.map(() => '?').join(', ')})`,
  )
    .raw(true)
    .all(values) as [number, string, string, string, number, number | null, string | null, string | null, string | null, string | null, string | null][];
  return rows.map(([id, kind, cardNo, state, siteId, placeId, cardIdCode, bankCardNo, holderIdType, holderIdNumber, holderName]) => ({
    id, kind, cardNo, state, siteId, placeId, cardIdCode, bankCardNo, holderIdType, holderIdNumber, holderName,
  }));
}
