/**
 * One ledger's bookkeeping on the server: its row in sbk_ledgers (locked for the length of a
 * shipment, so two replicators of one ledger take turns), its seals, its refusals.
 */
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { PgConn } from './server-schema.ts';
import { sbkLedgers, sbkRefusals, sbkSeals } from './server-schema.ts';
import type { LocalSeal, SchemaSnapshot } from '../replication-outbox.ts';
import type { TableShape } from './mirror-tables.ts';

export const GENESIS = '0'.repeat(64);

export type ReplicaHead = { seq: number; hash: string; at: string | null; shippedAt: Date | null };
export type ReplicaLedger = ReplicaHead & { id: string; name: string | null; rootSiteCode: string | null; schema: SchemaSnapshot | null; tables: TableShape[] | null };

const orm = (c: PgConn) => drizzle({ client: c });

/** Inside the caller's transaction: the ledger's row (made on first contact), locked. */
export async function lockLedger(c: PgConn, id: string, name: string | null, rootSiteCode: string | null): Promise<ReplicaHead> {
  await orm(c).insert(sbkLedgers).values({ id, name, rootSiteCode, headSeq: 0, headHash: GENESIS }).onConflictDoNothing();
  const r = await c.query<{ head_seq: string; head_hash: string; head_at: string | null; shipped_at: Date | null }>(
    'SELECT head_seq, head_hash, head_at, shipped_at FROM sbk_ledgers WHERE id = $1 FOR UPDATE',
    [id],
  );
  const row = r.rows[0]!;
  return { seq: Number(row.head_seq), hash: row.head_hash, at: row.head_at, shippedAt: row.shipped_at };
}

export async function readLedger(c: PgConn, id: string): Promise<ReplicaLedger | null> {
  const row = (await orm(c).select().from(sbkLedgers).where(eq(sbkLedgers.id, id)))[0];
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    rootSiteCode: row.rootSiteCode,
    seq: row.headSeq,
    hash: row.headHash,
    at: row.headAt,
    shippedAt: row.shippedAt,
    schema: (row.schema as SchemaSnapshot | null) ?? null,
    tables: (row.tables as TableShape[] | null) ?? null,
  };
}

export async function listLedgers(c: PgConn): Promise<ReplicaLedger[]> {
  const rows = await orm(c).select({ id: sbkLedgers.id }).from(sbkLedgers).orderBy(sbkLedgers.id);
  const out: ReplicaLedger[] = [];
  for (const r of rows) out.push((await readLedger(c, r.id))!);
  return out;
}

const SEAL_COLS = ['seq', 'at', 'kind', 'operation_id', 'digests', 'schema', 'prev_hash', 'hash', 'mac', 'key_id'] as const;

/** Appends seals (in order, already checked to continue the head): one statement over arrays. */
export async function insertSeals(c: PgConn, id: string, seals: readonly LocalSeal[]): Promise<void> {
  if (seals.length === 0) return;
  const arrays = SEAL_COLS.map((k) => seals.map((s) => s[k]));
  const types = SEAL_COLS.map((k) => (k === 'seq' ? 'bigint[]' : 'text[]'));
  await c.query(
    `INSERT INTO sbk_seals (ledger_id, ${SEAL_COLS.join(', ')}) SELECT $1, * FROM unnest(${types.map((t, i) => `$${i + 2}::${t}`).join(', ')})`,
    [id, ...arrays],
  );
}

export async function setHead(c: PgConn, id: string, head: LocalSeal, extra: { schema?: SchemaSnapshot; tables?: TableShape[] } = {}): Promise<void> {
  await orm(c)
    .update(sbkLedgers)
    .set({
      headSeq: head.seq,
      headHash: head.hash,
      headAt: head.at,
      shippedAt: sql`now()`, // the server's clock: status compares it with nothing local
      ...(extra.schema ? { schema: extra.schema } : {}),
      ...(extra.tables ? { tables: extra.tables } : {}),
    })
    .where(eq(sbkLedgers.id, id));
}

/** Outside the refused shipment's transaction (it rolled back): the refusal stays on record. */
export async function recordRefusal(c: PgConn, id: string, code: string, seq: number, detail: string): Promise<void> {
  await orm(c).insert(sbkRefusals).values({ ledgerId: id, code, seq, detail });
}

export async function lastRefusal(c: PgConn, id: string): Promise<{ code: string; seq: number | null; at: Date } | null> {
  const r = await orm(c).select().from(sbkRefusals).where(eq(sbkRefusals.ledgerId, id)).orderBy(desc(sbkRefusals.at)).limit(1);
  return r[0] ? { code: r[0].code, seq: r[0].seq, at: r[0].at } : null;
}

/** The replica's seals in pages, in order. */
export async function* replicaSeals(c: PgConn, id: string, page = 5000): AsyncGenerator<LocalSeal[]> {
  let after = 0;
  for (;;) {
    const rows = await orm(c)
      .select()
      .from(sbkSeals)
      .where(and(eq(sbkSeals.ledgerId, id), gt(sbkSeals.seq, after)))
      .orderBy(sbkSeals.seq)
      .limit(page);
    if (rows.length === 0) return;
    yield rows.map((s) => ({
      seq: s.seq,
      at: s.at,
      kind: s.kind as LocalSeal['kind'], // as the server holds it: the restored chain's verify checks it
      operation_id: s.operationId,
      digests: s.digests,
      schema: s.schema,
      prev_hash: s.prevHash,
      hash: s.hash,
      mac: s.mac,
      key_id: s.keyId,
    }));
    after = rows[rows.length - 1]!.seq;
    if (rows.length < page) return;
  }
}
