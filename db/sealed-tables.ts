/**
 * Which tables the seal chain covers and how a row is written down for hashing: every table of
 * the ledger but the chain's own and SQLite's and drizzle's bookkeeping, each row as SQLite's
 * json_array() of all its columns in table order. The capture triggers (db/seal-chain.ts) and
 * `sbk verify` build the row text with the same expression, so they can never disagree.
 */
import type Database from 'better-sqlite3';
import { sha256Hex } from './movement-hash.ts';
import { addRow, emptyDigest, type TableDigest } from './table-digest.ts';

/** Not covered: the chain itself (it is checked link by link) and bookkeeping no rule reads. */
const UNSEALED = new Set(['ledger_seals', 'ledger_digests', 'ledger_outbox', '__drizzle_migrations']);

export type SealedTable = { name: string; columns: string[] };

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function sealedTables(sqlite: Database.Database): SealedTable[] {
  const names = sqlite
    .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  return names
    .filter((n) => !UNSEALED.has(n))
    .map((name) => ({
      name,
      columns: (sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(name) as string[]),
    }));
}

/** The row text: `json_array(<prefix>"a", <prefix>"b", …)`; prefix NEW. / OLD. in a trigger, none in a SELECT. */
export function rowExpression(t: SealedTable, prefix = ''): string {
  return `json_array(${t.columns.map((c) => prefix + quote(c)).join(', ')})`;
}

/** The digest of one table as it stands (verify, and the baseline a migration writes). */
export function digestOfTable(sqlite: Database.Database, t: SealedTable): TableDigest {
  const d = emptyDigest();
  const rows = sqlite.prepare(`SELECT ${rowExpression(t)} FROM main.${quote(t.name)}`).pluck().iterate() as IterableIterator<string>;
  for (const row of rows) addRow(d, t.name, row, 1);
  return d;
}

export function digestsOfAll(sqlite: Database.Database): Map<string, TableDigest> {
  const out = new Map<string, TableDigest>();
  for (const t of sealedTables(sqlite)) out.set(t.name, digestOfTable(sqlite, t));
  return out;
}

/** [type, name, sha256 of its SQL] of every table, index, trigger and view: the guards' bodies, not only their names. */
export type SchemaObject = [type: string, name: string, sqlHash: string];

export function schemaObjects(sqlite: Database.Database): SchemaObject[] {
  const rows = sqlite
    .prepare("SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string }[];
  return rows.map((r) => [r.type, r.name, sha256Hex(r.sql)]);
}
