/**
 * Writes a ledger file back from what a replica holds (issue 21 item 3): the schema exactly as
 * the ledger had it (every CREATE statement, the migrations applied, the AUTOINCREMENT
 * counters), every row from its row text — SQLite's own json_extract turns it back into the same
 * typed values, so json_array() of the restored row is the same text and every digest the
 * same — every seal, and the digest cache the next seal starts from. Tables first, indexes and
 * guard triggers after the rows (an append-only guard has nothing to guard yet), all in one
 * transaction.
 */
import Database from 'better-sqlite3';
import { chmodSync } from 'node:fs';
import type { LocalSeal, SchemaSnapshot } from './replication-outbox.ts';

export type RestoreWriter = {
  addRows: (table: string, rows: readonly string[]) => void;
  addSeals: (seals: readonly LocalSeal[]) => void;
  /** Indexes, triggers, counters, the digest cache; commits and closes. */
  finish: () => { rows: number; seals: number };
  abort: () => void;
};

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function createRestoredLedger(path: string, schema: SchemaSnapshot): RestoreWriter {
  const old = process.umask(0o077);
  let db: Database.Database;
  try {
    db = new Database(path);
  } finally {
    process.umask(old);
  }
  chmodSync(path, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.exec('BEGIN');
  for (const o of schema.objects) if (o.type === 'table') db.exec(o.sql);
  const mig = db.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)');
  for (const m of schema.migrations) mig.run(m.hash, m.created_at);
  const inserts = new Map<string, Database.Statement>();
  const insertFor = (table: string): Database.Statement => {
    let s = inserts.get(table);
    if (!s) {
      const n = (db.prepare('SELECT count(*) FROM pragma_table_info(?)').pluck().get(table) as number) || 0;
      const values = Array.from({ length: n }, (_, i) => `json_extract(@r, '$[${i}]')`).join(', ');
      s = db.prepare(`INSERT INTO main.${q(table)} VALUES (${values})`);
      inserts.set(table, s);
    }
    return s;
  };
  const sealIns = db.prepare('INSERT INTO ledger_seals (seq, at, kind, operation_id, digests, schema, prev_hash, hash, mac, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  /** What ledger_digests holds after the last seal: each table's newest digest and the seal that set it. */
  const cache = new Map<string, { digest: string; seq: number }>();
  let rows = 0;
  let seals = 0;
  return {
    addRows(table, texts) {
      const s = insertFor(table);
      for (const t of texts) s.run({ r: t });
      rows += texts.length;
    },
    addSeals(list) {
      for (const s of list) {
        sealIns.run(s.seq, s.at, s.kind, s.operation_id, s.digests, s.schema, s.prev_hash, s.hash, s.mac, s.key_id);
        if (s.kind !== 'write') cache.clear();
        try {
          for (const [t, d] of Object.entries(JSON.parse(s.digests) as Record<string, string>)) cache.set(t, { digest: d, seq: s.seq });
        } catch {
          // a mangled seal: verify reports it
        }
      }
      seals += list.length;
    },
    finish() {
      const up = db.prepare('INSERT INTO ledger_digests (tbl, digest, seq) VALUES (?, ?, ?)');
      for (const [t, d] of cache) up.run(t, d.digest, d.seq);
      if (schema.sequences.length && db.prepare("SELECT 1 FROM main.sqlite_master WHERE name = 'sqlite_sequence'").get()) {
        db.exec('DELETE FROM sqlite_sequence');
        const seqIns = db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)');
        for (const s of schema.sequences) seqIns.run(s.name, s.seq);
      }
      for (const type of ['index', 'view', 'trigger']) for (const o of schema.objects) if (o.type === type) db.exec(o.sql);
      db.exec('COMMIT');
      db.pragma('synchronous = FULL');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      return { rows, seals };
    },
    abort() {
      if (db.open) db.close();
    },
  };
}
