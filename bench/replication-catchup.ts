/**
 * The replication catch-up row alone (issue 21 item 6), for quick runs while working on it:
 *
 *   node --import tsx bench/replication-catchup.ts [--cards 100000] [--json]
 *
 * Uses the cached large ledger (bench/million-ledger.ts) and a throwaway PostgreSQL cluster
 * (test/helpers/pg-server.ts); prints the same row as `npm run bench -- --replication-only`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { closeLedger, openLedger } from '../db/open-ledger.ts';
import { startPgServer } from '../test/helpers/pg-server.ts';
import { millionLedger } from './million-ledger.ts';
import { benchCatchUp, copyLedger, hasPostgres } from './replication.ts';
import { formatTable } from './table.ts';

process.env.NODE_ENV ??= 'production';
const { values: args } = parseArgs({ options: { cards: { type: 'string', default: '100000' }, json: { type: 'boolean', default: false } }, strict: true });
const cards = Number(args.cards);
const progress = (s: string) => process.stderr.write(`[bench] ${s}\n`);

async function main(): Promise<void> {
  if (!hasPostgres()) throw new Error('no PostgreSQL binaries (initdb, pg_ctl)');
  const load = loadavg()[0]!.toFixed(2);
  const dir = mkdtempSync(join(tmpdir(), 'sbk-bench-'));
  const rl = millionLedger(cards, { progress });
  const server = startPgServer();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    const l0 = openLedger(copyLedger(rl.path, join(dir, 'city-0.db')), { mustExist: true });
    try {
      const { row } = await benchCatchUp(l0, server.url, admin, server.dir, { cards, dir, progress });
      process.stdout.write(args.json ? JSON.stringify({ loadAvgAtStart: load, row }, null, 2) + '\n' : `${formatTable([row])}\nload average at start: ${load}\n`);
    } finally {
      closeLedger(l0);
    }
  } finally {
    await admin.end().catch(() => undefined);
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
