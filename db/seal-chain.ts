/**
 * The seal chain (issue 18 item 1): every committed write appends one `ledger_seals` row that
 * records the new digest (db/table-digest.ts) of every table the write changed — cards' static
 * fields, holders, discrepancies, counts, shipments, instant jobs, operators and roles, places,
 * settings, audit events: all of them, by the same mechanism — linked by hash and, under the
 * ledger's key, by HMAC. The program's own connection captures each row change with TEMP
 * triggers (they live in the connection, not in the file): another connection, such as the
 * sqlite3 tool, changes rows without a seal, and `sbk verify` sees the table's content no
 * longer add up to its last sealed digest.
 */
import type Database from 'better-sqlite3';
import { createHmac, hash } from 'node:crypto';
import type { ChainKey } from '../src/security/chain-key.ts';
import { headCode, type LedgerHead } from '../src/domain/ledger-head.ts';
import { addRow, combine, decodeDigest, emptyDigest, encodeDigest, type TableDigest } from './table-digest.ts';
import { digestsOfAll, rowExpression, schemaObjects, sealedTables, type SchemaObject } from './sealed-tables.ts';
import { outboxOn, writeOutbox, type RowChange } from './replication-outbox.ts';

export const SEAL_GENESIS = '0'.repeat(64);

/** Row changes seen on one connection and not sealed yet. */
type Capture = {
  /** Changes inside the running writeTx: dropped if it rolls back. */
  tx: Map<string, TableDigest>;
  /** Changes committed outside writeTx (none are expected): sealed with the next write. */
  outside: Map<string, TableDigest>;
  operationId: string | null;
  inTx: boolean;
  /** Replication on (db/replication-outbox.ts): the row texts are kept for the outbox too; nothing is kept when off. */
  keep: boolean;
  rows: RowChange[];
  outsideRows: RowChange[];
};

const captures = new WeakMap<Database.Database, Capture>();

/** What a seal row says besides its links; its canonical text is fixed forever (see sealContent). */
export type SealFields = {
  seq: number;
  at: string;
  kind: 'write' | 'baseline' | 'schema';
  operationId: string | null;
  /** JSON object of table → encoded digest, keys sorted. */
  digests: string;
  /** JSON of SchemaRecord, for baseline and schema seals. */
  schema: string | null;
};

/** A migration's record of the schema: every object's SQL hash, and tables found changed outside the program before it ran. */
export type SchemaRecord = { objects: SchemaObject[]; untracked: string[] };

export type SealRow = SealFields & { prevHash: string; hash: string; mac: string | null; keyId: string | null };

export function sealContent(s: SealFields): string {
  return JSON.stringify([s.seq, s.at, s.kind, s.operationId, s.digests, s.schema]);
}

export function sealHash(prevHash: string, s: SealFields): string {
  return hash('sha256', `${prevHash}\n${sealContent(s)}`, 'hex');
}

/** The keyed link: over the previous MAC and this seal's hash, so it vouches for the whole chain before it. */
export function sealMac(key: Buffer, prevMac: string | null, sealHashHex: string): string {
  return createHmac('sha256', key).update(`${prevMac ?? SEAL_GENESIS}\n${sealHashHex}`).digest('hex');
}

function addTo(map: Map<string, TableDigest>, table: string, row: string, sign: 1 | -1): void {
  let d = map.get(table);
  if (!d) map.set(table, (d = emptyDigest()));
  addRow(d, table, row, sign);
}

/**
 * Registers the capture on this connection: a TEMP trigger per table and change kind that
 * hands the row's text to the digest. Called once the migrations have run, and again after
 * anything that drops a connection's TEMP objects (a change of `temp_store` does:
 * withTempStore below); a second call keeps the capture and what it holds.
 */
export function installSealCapture(sqlite: Database.Database): void {
  let c = captures.get(sqlite);
  if (!c) captures.set(sqlite, (c = { tx: new Map(), outside: new Map(), operationId: null, inTx: false, keep: false, rows: [], outsideRows: [] }));
  const capture = c;
  const strict = process.env.SBK_SEAL_STRICT === '1';
  sqlite.function('sbk_seal_row', { deterministic: false }, (sign: unknown, table: unknown, row: unknown) => {
    const t = String(table);
    const r = String(row);
    const c = capture;
    if (!c.inTx && strict) throw new Error(`SBK_SEAL_STRICT: ${t} changed outside writeTx`);
    const s = sign === 1 || sign === 1n ? 1 : -1;
    addTo(c.inTx ? c.tx : c.outside, t, r, s);
    if (c.keep) (c.inTx ? c.rows : c.outsideRows).push([s, t, r]);
    if (t === 'operations' && sign === 1 && c.operationId === null) c.operationId = (JSON.parse(r) as unknown[])[0] as string;
    return null;
  });
  const ddl: string[] = [];
  for (const t of sealedTables(sqlite)) {
    const on = `main."${t.name.replace(/"/g, '""')}"`;
    const lit = `'${t.name.replace(/'/g, "''")}'`;
    const trig = (suffix: string) => `"sbk_seal_${t.name.replace(/"/g, '""')}_${suffix}"`;
    ddl.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS ${trig('i')} AFTER INSERT ON ${on} BEGIN SELECT sbk_seal_row(1, ${lit}, ${rowExpression(t, 'NEW.')}); END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS ${trig('u')} AFTER UPDATE ON ${on} BEGIN SELECT sbk_seal_row(-1, ${lit}, ${rowExpression(t, 'OLD.')}); SELECT sbk_seal_row(1, ${lit}, ${rowExpression(t, 'NEW.')}); END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS ${trig('d')} AFTER DELETE ON ${on} BEGIN SELECT sbk_seal_row(-1, ${lit}, ${rowExpression(t, 'OLD.')}); END`,
    );
  }
  sqlite.exec(ddl.join(';\n'));
}

/**
 * The connection's `temp_store` set to `mode` for the length of `fn`, and put back. SQLite drops
 * every TEMP object of a connection when temp_store changes, the capture triggers included: they
 * are installed again after each change (the capture and what it holds are kept). Outside a
 * transaction only (SQLite refuses the change inside one).
 */
export function withTempStore<T>(sqlite: Database.Database, mode: 'DEFAULT' | 'FILE' | 'MEMORY', fn: () => T): T {
  const before = sqlite.pragma('temp_store', { simple: true }) as number;
  const set = (m: string | number): void => {
    sqlite.pragma(`temp_store = ${m}`);
    if (captures.has(sqlite)) installSealCapture(sqlite);
  };
  set(mode);
  try {
    return fn();
  } finally {
    set(before);
  }
}

/** writeTx calls these around its callback: changes made inside it belong to its seal. */
export function beginSealedTx(sqlite: Database.Database): void {
  const c = captures.get(sqlite);
  if (!c) return;
  c.inTx = true;
  c.tx.clear();
  c.operationId = null;
  c.rows = [];
  c.keep = outboxOn(sqlite);
}

export function endSealedTx(sqlite: Database.Database, committed: boolean): void {
  const c = captures.get(sqlite);
  if (!c) return;
  c.inTx = false;
  if (committed) c.outside.clear();
  if (committed) c.outsideRows = [];
  c.rows = [];
  c.tx.clear();
  c.operationId = null;
}

/** Whether row changes are waiting for a seal (a write made outside writeTx). */
export function hasUnsealedChanges(sqlite: Database.Database): boolean {
  const c = captures.get(sqlite);
  return !!c && c.outside.size > 0;
}

type Head = { seq: number; hash: string; mac: string | null };

function lastSeal(sqlite: Database.Database): Head | undefined {
  return sqlite.prepare('SELECT seq, hash, mac FROM ledger_seals ORDER BY seq DESC LIMIT 1').get() as Head | undefined;
}

function sortedJson(digests: Map<string, TableDigest>): string {
  const o: Record<string, string> = {};
  for (const k of [...digests.keys()].sort()) o[k] = encodeDigest(digests.get(k)!);
  return JSON.stringify(o);
}

/** Appends one seal and brings the digest cache up to date; inside the caller's write transaction. */
function appendSeal(sqlite: Database.Database, key: ChainKey | null, f: Omit<SealFields, 'seq'>, digests: Map<string, TableDigest>): number {
  const prev = lastSeal(sqlite);
  const fields: SealFields = { ...f, seq: (prev?.seq ?? 0) + 1 };
  const prevHash = prev?.hash ?? SEAL_GENESIS;
  const h = sealHash(prevHash, fields);
  const mac = key ? sealMac(key.key, prev?.mac ?? null, h) : null;
  sqlite
    .prepare('INSERT INTO ledger_seals (seq, at, kind, operation_id, digests, schema, prev_hash, hash, mac, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(fields.seq, fields.at, fields.kind, fields.operationId, fields.digests, fields.schema, prevHash, h, mac, key ? key.id : null);
  const upsert = sqlite.prepare('INSERT INTO ledger_digests (tbl, digest, seq) VALUES (?, ?, ?) ON CONFLICT (tbl) DO UPDATE SET digest = excluded.digest, seq = excluded.seq');
  for (const [t, d] of digests) upsert.run(t, encodeDigest(d), fields.seq);
  return fields.seq;
}

/**
 * Seals what this transaction (and any unsealed write before it) changed: each table's cached
 * digest moved on by the changes. Nothing changed, nothing sealed (a read-only writeTx).
 */
export function sealChanges(sqlite: Database.Database, key: ChainKey | null, at: string): void {
  const c = captures.get(sqlite);
  if (!c || (c.tx.size === 0 && c.outside.size === 0)) return;
  const deltas = new Map<string, TableDigest>();
  for (const m of [c.outside, c.tx]) for (const [t, d] of m) deltas.set(t, deltas.has(t) ? combine(deltas.get(t)!, d) : d);
  const cached = sqlite.prepare('SELECT digest FROM ledger_digests WHERE tbl = ?').pluck();
  const next = new Map<string, TableDigest>();
  for (const [t, d] of deltas) {
    const base = cached.get(t) as string | undefined;
    next.set(t, combine(base ? decodeDigest(base) : emptyDigest(), d));
  }
  const seq = appendSeal(sqlite, key, { at, kind: 'write', operationId: c.operationId, digests: sortedJson(next), schema: null }, next);
  if (c.keep) writeOutbox(sqlite, seq, c.outsideRows.length ? [...c.outsideRows, ...c.rows] : c.rows);
}

/** The digests the cache holds (what the last seals say every table adds up to). */
function cachedDigests(sqlite: Database.Database): Map<string, string> {
  return new Map((sqlite.prepare('SELECT tbl, digest FROM ledger_digests').all() as { tbl: string; digest: string }[]).map((r) => [r.tbl, r.digest]));
}

/** Tables whose content no longer adds up to their sealed digest: changed by someone other than the program. */
export function tablesOffSeal(sqlite: Database.Database): string[] {
  const cached = cachedDigests(sqlite);
  const off: string[] = [];
  for (const [t, d] of digestsOfAll(sqlite)) {
    if ((cached.get(t) ?? encodeDigest(emptyDigest())) !== encodeDigest(d)) off.push(t);
    cached.delete(t);
  }
  return [...off, ...cached.keys()].sort();
}

export function hasSealTable(sqlite: Database.Database): boolean {
  return !!sqlite.prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'ledger_seals'").get();
}

export function hasSeals(sqlite: Database.Database): boolean {
  return hasSealTable(sqlite) && !!sqlite.prepare('SELECT 1 FROM ledger_seals LIMIT 1').get();
}

/**
 * After migrations ran (inside their transaction): the whole content and the schema sealed
 * afresh, since a migration may add columns or rows. `untracked` names tables that were
 * already off their seal before it ran, so an upgrade never launders a change made behind
 * the program's back: verify reports them for good.
 */
export function sealSchema(sqlite: Database.Database, key: ChainKey | null, at: string, untracked: string[]): void {
  const all = digestsOfAll(sqlite);
  const record: SchemaRecord = { objects: schemaObjects(sqlite), untracked };
  const kind = hasSeals(sqlite) ? 'schema' : 'baseline';
  sqlite.prepare('DELETE FROM ledger_digests').run();
  appendSeal(sqlite, key, { at, kind, operationId: null, digests: sortedJson(all), schema: JSON.stringify(record) }, all);
}

/** The newest seal: printed on count reports and hand-over sheets so paper catches a rewrite. */
export function sealHead(sqlite: Database.Database): Head | null {
  return hasSealTable(sqlite) ? (lastSeal(sqlite) ?? null) : null;
}

/** The head as paper shows it: number and the first digits of the keyed link (the hash when unkeyed). */
export function ledgerHeadOf(sqlite: Database.Database): LedgerHead | null {
  const h = sealHead(sqlite);
  return h ? { seq: h.seq, code: headCode(h.mac ?? h.hash) } : null;
}
