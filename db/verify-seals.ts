/**
 * `sbk verify`'s walk of the seal chain (db/seal-chain.ts): every link's hash and, with the
 * ledger's key, its MAC; then every table's content against the last digest sealed for it, and
 * every table, index and trigger definition against the last schema a migration sealed. Any
 * change made without the program — a row edited, added or deleted in any table, a guard
 * trigger swapped for one that does nothing — shows here, whatever table it is in.
 */
import type Database from 'better-sqlite3';
import type { ChainKey } from '../src/security/chain-key.ts';
import { SEAL_GENESIS, sealHash, sealMac, type SchemaRecord, type SealFields } from './seal-chain.ts';
import { decodeDigest, emptyDigest, encodeDigest } from './table-digest.ts';
import { digestOfTable, schemaObjects, sealedTables } from './sealed-tables.ts';
import type { verifyProblemTexts } from '../src/i18n/db/verify.ts';
import type { LedgerHead } from '../src/domain/ledger-head.ts';

type ProblemKey = keyof typeof verifyProblemTexts;
export type AddProblem = <K extends ProblemKey>(key: K, params: Parameters<(typeof verifyProblemTexts)[K]>[0]) => void;

export type SealHead = { seq: number; hash: string; mac: string | null };
/** `tables`: how many tables add up to their sealed digest. */
export type SealReport = { seals: number; tables: number; head: SealHead | null; keyChecked: boolean };

/** A `ledger_seals` row as SQLite returns it (the replicator ships and restores these as they are). */
export type SealSqlRow = {
  seq: number;
  at: string;
  kind: SealFields['kind'];
  operation_id: string | null;
  digests: string;
  schema: string | null;
  prev_hash: string;
  hash: string;
  mac: string | null;
  key_id: string | null;
};

/** Where the walk stands: the links so far, and the newest digest and schema the chain vouches for. */
type Walk = { prevHash: string; prevMac: string | null; expectedSeq: number; digests: Map<string, string>; schema: SchemaRecord | null; count: number; head: SealHead | null };

function checkLink(s: SealSqlRow, w: Walk, key: ChainKey | null, add: AddProblem): void {
  if (s.seq !== w.expectedSeq) add('SEAL_GAP', { from: w.expectedSeq, to: s.seq - 1 });
  w.expectedSeq = s.seq + 1;
  if (s.prev_hash !== w.prevHash) add('SEAL_CHAIN_BROKEN', { seq: s.seq });
  const fields: SealFields = { seq: s.seq, at: s.at, kind: s.kind, operationId: s.operation_id, digests: s.digests, schema: s.schema };
  if (sealHash(s.prev_hash, fields) !== s.hash) add('SEAL_HASH_MISMATCH', { seq: s.seq });
  if (key) {
    if (s.mac === null) add('SEAL_UNSIGNED', { seq: s.seq });
    else if (s.key_id !== key.id) add('SEAL_OTHER_KEY', { seq: s.seq, keyId: s.key_id ?? '-' });
    else if (sealMac(key.key, w.prevMac, s.hash) !== s.mac) add('SEAL_MAC_MISMATCH', { seq: s.seq });
  }
  w.prevHash = s.hash;
  w.prevMac = s.mac;
  w.head = { seq: s.seq, hash: s.hash, mac: s.mac };
}

/** The digests and schema a seal records: a baseline or schema seal restates them all. */
function takeRecords(s: SealSqlRow, w: Walk, add: AddProblem): void {
  let digests: Record<string, string> = {};
  try {
    digests = JSON.parse(s.digests) as Record<string, string>;
  } catch {
    // a mangled digest list fails the hash check above already
  }
  if (s.kind !== 'write') w.digests.clear();
  for (const [t, d] of Object.entries(digests)) w.digests.set(t, d);
  if (s.schema === null) return;
  try {
    w.schema = JSON.parse(s.schema) as SchemaRecord;
  } catch {
    return;
  }
  for (const table of w.schema.untracked ?? []) add('TABLE_CHANGED_BEFORE_UPGRADE', { table, seq: s.seq });
}

function checkTables(sqlite: Database.Database, w: Walk, add: AddProblem): number {
  let tables = 0;
  const left = new Map(w.digests);
  for (const t of sealedTables(sqlite)) {
    const actual = encodeDigest(digestOfTable(sqlite, t));
    const sealed = left.get(t.name) ?? encodeDigest(emptyDigest());
    left.delete(t.name);
    if (actual === sealed) tables += 1;
    else add('TABLE_OFF_SEAL', { table: t.name, sealedRows: decodeDigest(sealed).rows, rows: decodeDigest(actual).rows });
  }
  // A sealed table that is gone altogether (dropped).
  for (const [table, d] of left) {
    if (decodeDigest(d).rows > 0) add('TABLE_OFF_SEAL', { table, sealedRows: decodeDigest(d).rows, rows: 0 });
  }
  return tables;
}

/** The guards' bodies, not only their names: every definition as the last migration left it. */
function checkSchema(sqlite: Database.Database, schema: SchemaRecord | null, add: AddProblem): void {
  if (!schema) return;
  const sealed = new Map(schema.objects.map(([type, name, h]) => [`${type}\u0000${name}`, h]));
  for (const [type, name, h] of schemaObjects(sqlite)) {
    const k = `${type}\u0000${name}`;
    const was = sealed.get(k);
    sealed.delete(k);
    if (was === undefined) add('SCHEMA_CHANGED', { type, name, change: 'added' });
    else if (was !== h) add('SCHEMA_CHANGED', { type, name, change: 'changed' });
  }
  for (const k of sealed.keys()) {
    const [type, name] = k.split('\u0000') as [string, string];
    add('SCHEMA_CHANGED', { type, name, change: 'missing' });
  }
}

/**
 * Walks the chain; `expected` is a seal recorded outside the ledger earlier (the head file, a
 * printed sheet), which must still be there unchanged. Without `key` the links are checked by
 * hash only, and the report says so.
 */
export function verifySeals(
  sqlite: Database.Database,
  key: ChainKey | null,
  add: AddProblem,
  expected?: { seq: number; hash: string },
  papers: readonly LedgerHead[] = [],
): SealReport {
  const onPaper = new Map(papers.map((p) => [p.seq, p.code]));
  const w: Walk = { prevHash: SEAL_GENESIS, prevMac: null, expectedSeq: 1, digests: new Map(), schema: null, count: 0, head: null };
  const rows = sqlite.prepare('SELECT * FROM ledger_seals ORDER BY seq').iterate() as IterableIterator<SealSqlRow>;
  let expectedSeen = false;
  for (const s of rows) {
    w.count += 1;
    checkLink(s, w, key, add);
    takeRecords(s, w, add);
    if (expected && s.seq === expected.seq) {
      expectedSeen = true;
      if (s.hash !== expected.hash) add('SEAL_HEAD_CHANGED', { seq: s.seq });
    }
    const printed = onPaper.get(s.seq);
    if (printed !== undefined) {
      onPaper.delete(s.seq);
      // The sheet shows the keyed link's first digits (the hash's on a ledger without a key).
      if (!(s.mac ?? s.hash).startsWith(printed)) add('SEAL_HEAD_CHANGED', { seq: s.seq });
    }
  }
  if (expected && !expectedSeen) add('SEAL_HEAD_MISSING', { head: expected.seq, last: w.head?.seq ?? 0 });
  for (const seq of onPaper.keys()) add('SEAL_HEAD_MISSING', { head: seq, last: w.head?.seq ?? 0 });
  if (w.count === 0) add('SEALS_MISSING', {});
  const tables = checkTables(sqlite, w, add);
  checkSchema(sqlite, w.schema, add);
  return { seals: w.count, tables, head: w.head, keyChecked: key !== null };
}
