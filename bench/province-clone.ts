/**
 * The bench's shortcut to a province of many large cities (issue 21 item 6): cities 2..K made on
 * the server by cloning the first city's replicated rows under a new ledger id (INSERT … SELECT
 * per mirror, plus its sbk_ledgers row), instead of replicating K copies of a 1,000,000-card
 * ledger (about 5 minutes each). The province report reads the same rows either way. The
 * movements' mirror and the seals are not cloned: no province report of the overdue row reads
 * them, and at a million cards they would be 9 × 4.9 million rows.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** Read by no overdue report; the biggest by far. */
const NOT_CLONED = new Set(['r_movements']);

/**
 * Clones ledger `srcId` as `count` new ledgers; returns their ids. INSERT … SELECT per mirror and
 * clone, with the mirror's secondary indexes dropped before and made again after
 * from their own definitions (pg_indexes.indexdef): the same indexes, built by one sort each
 * rather than maintained row by row (minutes saved at a million cards).
 */
export async function cloneCities(c: pg.Client, srcId: string, count: number, progress: (s: string) => void = () => {}): Promise<string[]> {
  const tables = (await c.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'r\\_%' ORDER BY 1")).rows.map((r) => r.tablename);
  const ids = Array.from({ length: count }, () => randomUUID());
  await c.query("SET maintenance_work_mem = '512MB'"); // the index builds below, in memory where they fit
  await c.query('BEGIN');
  try {
    await c.query(
      `INSERT INTO sbk_ledgers (id, name, root_site_code, head_seq, head_hash, head_at, shipped_at, schema, tables)
       SELECT n.id, l.name, l.root_site_code, l.head_seq, l.head_hash, l.head_at, l.shipped_at, l.schema, l.tables FROM sbk_ledgers l, unnest($2::text[]) AS n(id) WHERE l.id = $1`,
      [srcId, ids],
    );
    for (const t of tables) {
      if (NOT_CLONED.has(t)) continue;
      const cols = (await c.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name NOT IN ('_ledger', '_rid') ORDER BY ordinal_position", [t])).rows
        .map((r) => q(r.column_name))
        .join(', ');
      const idx = (
        await c.query<{ indexname: string; indexdef: string }>(
          `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = $1
             AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
          [t],
        )
      ).rows;
      progress(`province: ${t} × ${count} (${idx.length} indexes made again after)…`);
      for (const x of idx) await c.query(`DROP INDEX ${q(x.indexname)}`);
      // One clone after the other: each clone's rows together, as a full copy ships them.
      for (const id of ids) await c.query(`INSERT INTO ${q(t)} (_ledger, ${cols}) SELECT $2, ${cols} FROM ${q(t)} WHERE _ledger = $1`, [srcId, id]);
      for (const x of idx) await c.query(x.indexdef);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return ids;
}

/**
 * What autovacuum does shortly after a load (an insert-driven vacuum from PostgreSQL 13 and an
 * analyze): the planner's statistics, and the visibility map an index-only scan relies on.
 */
export async function settle(c: pg.Client): Promise<void> {
  await c.query('VACUUM (ANALYZE)');
}
