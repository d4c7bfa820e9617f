/**
 * Indexes of the province's reports on the mirrors (issue 21 items 4 and 6), made by the
 * replicator after the mirrors (db/pg/mirror-tables.ts ensureMirrors, in its transaction and
 * under its DDL lock). Idempotent (IF NOT EXISTS); an index whose columns a mirror lacks (a
 * ledger of an older schema: no `recalled_at` before migration 0018, no `issue_date` before
 * 0017) is left out and made by a later call, once a ledger has shipped them.
 */
import type { PgConn } from './server-schema.ts';
import { RECALLABLE_STATES } from '../../src/domain/card-states.ts';

type ProvinceIndex = { name: string; table: string; columns: string[]; sql: string };

const RECALLABLE = RECALLABLE_STATES.map((s) => `'${s}'`).join(', ');

const INDEXES: readonly ProvinceIndex[] = [
  {
    // The overdue report's candidates (db/pg/province-queries.ts overdueDayCounts) as the local
    // ledger's cards_overdue_list_ix has them: finished, not recalled, recallable cards of one
    // ledger by state and receipt, with every column the report reads, so that it reads this
    // index alone (an index-only scan) and none of the mirror's wide rows. No holder: the few
    // cards of dead or flagged holders are found from them, by r_cards (_ledger, holder_id).
    name: 'r_cards_province_overdue_ix',
    table: 'r_cards',
    columns: ['kind', 'state', 'received_at', 'recalled_at', 'site_id', 'picked_up_at', 'issue_date'],
    sql: `CREATE INDEX IF NOT EXISTS r_cards_province_overdue_ix ON r_cards (_ledger, state, received_at)
      INCLUDE (site_id, picked_up_at, issue_date)
      WHERE kind = 'finished' AND recalled_at IS NULL AND state IN (${RECALLABLE})`,
  },
];

export async function ensureProvinceIndexes(c: PgConn): Promise<void> {
  const r = await c.query<{ table_name: string; column_name: string }>(
    'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY($1::text[])',
    [[...new Set(INDEXES.map((x) => x.table))]],
  );
  const have = new Set(r.rows.map((x) => `${x.table_name}.${x.column_name}`));
  for (const ix of INDEXES) if (ix.columns.every((col) => have.has(`${ix.table}.${col}`))) await c.query(ix.sql);
}
