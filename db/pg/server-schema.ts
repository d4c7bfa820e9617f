/**
 * The replica's bookkeeping on PostgreSQL (issue 21), one database for many ledgers side by
 * side: `sbk_ledgers` (one row per ledger id: its head as shipped, its schema for a restore),
 * `sbk_seals` (every seal of every ledger, exactly as the ledger holds it) and `sbk_refusals`
 * (chains refused: a fork, a ledger restored from an old backup). The mirror tables of the
 * ledgers' own tables are made from the ledger's schema (db/pg/mirror-tables.ts).
 *
 * The DDL below is the pg-core definition spelled out (CREATE … IF NOT EXISTS, run by every
 * replicator under an advisory lock), so a fresh database needs no separate migration step.
 */
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { PoolClient, Client } from 'pg';

export type PgConn = Client | PoolClient;

export const sbkLedgers = pgTable('sbk_ledgers', {
  id: text('id').primaryKey(),
  name: text('name'),
  rootSiteCode: text('root_site_code'),
  headSeq: bigint('head_seq', { mode: 'number' }).notNull().default(0),
  headHash: text('head_hash').notNull(),
  /** The head seal's own time (the ledger's clock). */
  headAt: text('head_at'),
  firstSeen: timestamp('first_seen', { withTimezone: true }).notNull().defaultNow(),
  shippedAt: timestamp('shipped_at', { withTimezone: true }),
  /** db/replication-outbox.ts SchemaSnapshot: what a restore rebuilds the file from. */
  schema: jsonb('schema'),
  /** table → its columns in order, as the ledger had them at the last full copy. */
  tables: jsonb('tables'),
});

export const sbkSeals = pgTable(
  'sbk_seals',
  {
    ledgerId: text('ledger_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: text('at').notNull(),
    kind: text('kind').notNull(),
    operationId: text('operation_id'),
    digests: text('digests').notNull(),
    schema: text('schema'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    mac: text('mac'),
    keyId: text('key_id'),
  },
  (t) => [primaryKey({ columns: [t.ledgerId, t.seq] })],
);

export const sbkRefusals = pgTable(
  'sbk_refusals',
  {
    ledgerId: text('ledger_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    code: text('code').notNull(),
    seq: bigint('seq', { mode: 'number' }),
    detail: text('detail'),
  },
  (t) => [index('sbk_refusals_ledger_ix').on(t.ledgerId, t.at)],
);

const DDL = `
CREATE TABLE IF NOT EXISTS sbk_ledgers (
  id text PRIMARY KEY,
  name text,
  root_site_code text,
  head_seq bigint NOT NULL DEFAULT 0,
  head_hash text NOT NULL,
  head_at text,
  first_seen timestamptz NOT NULL DEFAULT now(),
  shipped_at timestamptz,
  schema jsonb,
  tables jsonb
);
CREATE TABLE IF NOT EXISTS sbk_seals (
  ledger_id text NOT NULL,
  seq bigint NOT NULL,
  at text NOT NULL,
  kind text NOT NULL,
  operation_id text,
  digests text NOT NULL,
  schema text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  mac text,
  key_id text,
  PRIMARY KEY (ledger_id, seq)
);
CREATE TABLE IF NOT EXISTS sbk_refusals (
  ledger_id text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  code text NOT NULL,
  seq bigint,
  detail text
);
CREATE INDEX IF NOT EXISTS sbk_refusals_ledger_ix ON sbk_refusals (ledger_id, at);
`;

/** Serialises DDL between replicators of different ledgers sharing one database. */
export const DDL_LOCK = 0x5b4b_0021;

export async function ensureServerSchema(c: PgConn): Promise<void> {
  await c.query('BEGIN');
  try {
    await c.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK]);
    await c.query(DDL);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
