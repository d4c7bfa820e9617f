/**
 * The ledger's side of replication (issue 21): the outbox every sealed write fills while
 * replication is on, and the short reads the replicator makes. Replication is turned on by a
 * sealed write (`ledger_meta` replication = 1, the ledger's id beside it), so the chain itself
 * records from which seal on the outbox is kept; while it is off a write pays one indexed
 * lookup and keeps nothing.
 */
import type { SealSqlRow } from './verify-seals.ts';
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/** [sign, table, row text]: one row change a sealed write made. */
export type RowChange = [sign: 1 | -1, tbl: string, row: string];

const flagQuery = new WeakMap<Database.Database, Database.Statement>();
const inserts = new WeakMap<Database.Database, Database.Statement>();

/** Whether writes on this ledger keep their rows for the replicator; read inside the write's transaction. */
export function outboxOn(sqlite: Database.Database): boolean {
  let q = flagQuery.get(sqlite);
  if (!q) {
    q = sqlite.prepare("SELECT 1 FROM ledger_meta WHERE key = 'replication' AND value = '1'").pluck();
    flagQuery.set(sqlite, q);
  }
  return q.get() !== undefined;
}

/** Inside the sealing transaction: the rows of seal `seq`, in the order they changed. */
export function writeOutbox(sqlite: Database.Database, seq: number, rows: readonly RowChange[]): void {
  let ins = inserts.get(sqlite);
  if (!ins) {
    ins = sqlite.prepare('INSERT INTO ledger_outbox (seq, n, tbl, sign, row) VALUES (?, ?, ?, ?, ?)');
    inserts.set(sqlite, ins);
  }
  for (let i = 0; i < rows.length; i++) {
    const [sign, tbl, row] = rows[i]!;
    ins.run(seq, i, tbl, sign, row);
  }
}

/** Replication's keys in ledger_meta, read and written on the raw connection (inside the replicator's read snapshots too). */
type ReplicationKey = 'ledger_id' | 'replication' | 'replica_target';
const metaOf = (sqlite: Database.Database, key: ReplicationKey): string | undefined =>
  sqlite.prepare('SELECT value FROM ledger_meta WHERE key = ?').pluck().get(key) as string | undefined;
const putMeta = (sqlite: Database.Database, key: ReplicationKey, value: string): void =>
  void sqlite.prepare('INSERT INTO ledger_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);

/** The ledger's id (created on first need) — in a write transaction of the caller (writeTx). */
export function ensureLedgerId(sqlite: Database.Database): string {
  const id = metaOf(sqlite, 'ledger_id');
  if (id) return id;
  const made = randomUUID();
  putMeta(sqlite, 'ledger_id', made);
  return made;
}

export function ledgerIdOf(sqlite: Database.Database): string | undefined {
  return metaOf(sqlite, 'ledger_id');
}

/** Turns the outbox on (a sealed write, in the caller's writeTx). */
export function enableOutbox(sqlite: Database.Database): void {
  putMeta(sqlite, 'replication', '1');
}

export type LocalSeal = SealSqlRow;

export type OutboxRow = { seq: number; n: number; tbl: string; sign: number; row: string };

export function localHead(sqlite: Database.Database): { seq: number; hash: string; at: string } | null {
  return (sqlite.prepare('SELECT seq, hash, at FROM ledger_seals ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string; at: string } | undefined) ?? null;
}

export function sealAt(sqlite: Database.Database, seq: number): LocalSeal | undefined {
  return sqlite.prepare('SELECT * FROM ledger_seals WHERE seq = ?').get(seq) as LocalSeal | undefined;
}

export function sealsAfter(sqlite: Database.Database, after: number, limit: number, upTo = Number.MAX_SAFE_INTEGER): LocalSeal[] {
  return sqlite.prepare('SELECT * FROM ledger_seals WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?').all(after, upTo, limit) as LocalSeal[];
}

/** The seals in (from, to] that carry no rows in the outbox: a schema seal, or a write made by a program that kept none. */
export function sealsWithoutRows(sqlite: Database.Database, from: number, to: number): number {
  return sqlite
    .prepare(
      `SELECT count(*) FROM ledger_seals s WHERE s.seq > ? AND s.seq <= ?
         AND (s.kind <> 'write' OR NOT EXISTS (SELECT 1 FROM ledger_outbox o WHERE o.seq = s.seq))`,
    )
    .pluck()
    .get(from, to) as number;
}

export function outboxRows(sqlite: Database.Database, from: number, to: number): IterableIterator<OutboxRow> {
  return sqlite.prepare('SELECT seq, n, tbl, sign, row FROM ledger_outbox WHERE seq > ? AND seq <= ? ORDER BY seq, n').iterate(from, to) as IterableIterator<OutboxRow>;
}

export function outboxSize(sqlite: Database.Database): number {
  return sqlite.prepare('SELECT count(*) FROM ledger_outbox').pluck().get() as number;
}

/** After the server committed through `seq`: a short write of its own (the outbox is not sealed). */
export function dropShipped(sqlite: Database.Database, seq: number): void {
  sqlite.transaction(() => sqlite.prepare('DELETE FROM ledger_outbox WHERE seq <= ?').run(seq)).immediate();
}

/** A snapshot read: everything `fn` reads sees one committed state of the ledger (WAL). */
export async function inReadSnapshot<T>(sqlite: Database.Database, fn: () => Promise<T>): Promise<T> {
  sqlite.exec('BEGIN DEFERRED');
  try {
    sqlite.prepare('SELECT 1 FROM ledger_seals LIMIT 1').get(); // the snapshot starts at the first read
    return await fn();
  } finally {
    sqlite.exec('COMMIT');
  }
}

/** What a restore needs besides the rows: every schema object's SQL, the migrations applied, the AUTOINCREMENT counters. */
export type SchemaSnapshot = {
  objects: { type: string; name: string; tbl_name: string; sql: string }[];
  migrations: { hash: string; created_at: string | number | null }[];
  sequences: { name: string; seq: number }[];
};

export function schemaSnapshot(sqlite: Database.Database): SchemaSnapshot {
  const objects = sqlite
    .prepare("SELECT type, name, tbl_name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")
    .all() as SchemaSnapshot['objects'];
  const migrations = sqlite.prepare('SELECT hash, created_at FROM "__drizzle_migrations" ORDER BY id').all() as SchemaSnapshot['migrations'];
  const hasSeq = sqlite.prepare("SELECT 1 FROM main.sqlite_master WHERE name = 'sqlite_sequence'").get();
  const sequences = hasSeq ? (sqlite.prepare('SELECT name, seq FROM sqlite_sequence').all() as SchemaSnapshot['sequences']) : [];
  return { objects, migrations, sequences };
}

/** Every row of a sealed table as its row text, streamed. */
export function tableRows(sqlite: Database.Database, expr: string, table: string): IterableIterator<string> {
  return sqlite.prepare(`SELECT ${expr} FROM main."${table.replace(/"/g, '""')}"`).pluck().iterate() as IterableIterator<string>;
}

/** Declared type of every column of a table, in order. */
export function columnTypes(sqlite: Database.Database, table: string): { name: string; type: string }[] {
  return sqlite.prepare('SELECT name, type FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string; type: string }[];
}

/** The oldest write not yet on the replica (its seal's time), read locally: the console's lag alert never asks the network. */
export function oldestUnshipped(sqlite: Database.Database): { seq: number; at: string } | null {
  return (
    (sqlite.prepare('SELECT s.seq, s.at FROM ledger_seals s WHERE s.seq = (SELECT min(seq) FROM ledger_outbox)').get() as { seq: number; at: string } | undefined) ?? null
  );
}

/** Replication was on once and turned off with `sbk replicate off` (not merely never turned on). */
export function replicationTurnedOff(sqlite: Database.Database): boolean {
  return metaOf(sqlite, 'replication') === '0';
}

/** The replica this ledger ships to (host, port and database: no account or password), or undefined. */
export function replicaTargetOf(sqlite: Database.Database): string | undefined {
  return metaOf(sqlite, 'replica_target');
}

/** Inside a sealed write: records the replica this ledger ships to. */
export function setReplicaTarget(sqlite: Database.Database, target: string): void {
  putMeta(sqlite, 'replica_target', target);
}

/** Inside a sealed write: replication off and its target forgotten. */
export function disableOutbox(sqlite: Database.Database): void {
  putMeta(sqlite, 'replication', '0');
  sqlite.prepare("DELETE FROM ledger_meta WHERE key = 'replica_target'").run();
}

/** After replication was turned off: the rows no replicator will ship (the off write's own among them), how many. */
export function clearOutbox(sqlite: Database.Database): number {
  return sqlite.prepare('DELETE FROM ledger_outbox').run().changes;
}
