/**
 * Only the province overdue row (issue 21 item 6), to iterate on the report quickly:
 *
 *   node --import tsx bench/province-only.ts [--cards 100000] [--cities 10] [--runs 10]
 *        [--keep]        leave the throwaway server running (its URL is printed) for --url / psql
 *        [--url URL]     time a server already loaded by --keep (nothing is loaded)
 *
 * Loads the cached ledger of `cards` cards (bench/million-ledger.ts), replicates it once to a
 * throwaway cluster, clones it as cities 2..K on the server (bench/province-clone.ts), analyzes
 * the mirrors, then times the report (bench/province-row.ts).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { closeLedger, openLedger } from '../db/open-ledger.ts';
import { ensureProvinceIndexes } from '../db/pg/province-indexes.ts';
import { pepperPath } from '../src/security/pepper-file.ts';
import { replicate } from '../src/workflows/replicate.ts';
import { startPgServer, type PgServer } from '../test/helpers/pg-server.ts';
import { millionLedger } from './million-ledger.ts';
import { cloneCities, settle } from './province-clone.ts';
import { provinceOverdueRow } from './province-row.ts';
import { formatTable } from './table.ts';
import { fmtMs, nowMs } from './stats.ts';

const { values: args } = parseArgs({
  options: {
    cards: { type: 'string', default: '100000' },
    cities: { type: 'string', default: '10' },
    runs: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    url: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
});
const cards = Number(args.cards);
const cities = Number(args.cities);
const progress = (s: string) => process.stderr.write(`[province] ${s}\n`);

const ml = millionLedger(cards, { progress });
const dir = mkdtempSync(join(tmpdir(), 'sbk-prov-bench-'));
let server: PgServer | null = null;
let url = args.url ?? '';
try {
  const local = join(dir, 'city-0.db');
  copyFileSync(ml.path, local);
  copyFileSync(pepperPath(ml.path), pepperPath(local));
  const l0 = openLedger(local, { mustExist: true });
  try {
    if (!url) {
      server = startPgServer();
      url = server.url;
      progress(`server ${url}; replicating the ${cards.toLocaleString('en')}-card ledger (uptime load ${loadavg()[0]!.toFixed(2)})…`);
      const t0 = nowMs();
      const src = await replicate(l0, url, { once: true, intervalMs: 50 });
      progress(`replicated in ${fmtMs(nowMs() - t0)}`);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const t1 = nowMs();
        await cloneCities(admin, src.id, cities - 1, progress);
        progress(`cloned in ${fmtMs(nowMs() - t1)}`);
        await settle(admin);
      } finally {
        await admin.end();
      }
    } else {
      // A server loaded before this change: the report's indexes as the replicator makes them now.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await ensureProvinceIndexes(admin);
        await settle(admin);
      } finally {
        await admin.end();
      }
    }
    progress(`timing the report ${args.runs}× (load ${loadavg()[0]!.toFixed(2)})…`);
    const row = await provinceOverdueRow({ url, local: l0, cards, cities, cloned: true, runs: Number(args.runs) });
    process.stdout.write(args.json ? JSON.stringify(row, null, 2) + '\n' : formatTable([row]) + '\n');
  } finally {
    closeLedger(l0);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (server && args.keep) process.stderr.write(`[province] server left running: ${server.url}\n  stop: pg_ctl -D ${server.dir}/data stop (as its owner), then rm -rf ${server.dir}\n`);
  else server?.stop();
}
