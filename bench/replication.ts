/**
 * Issue 21 item 6 in `npm run bench`: replication to PostgreSQL at scale, on a throwaway cluster
 * (test/helpers/pg-server.ts), each row beside a comparison measured in the same run.
 *
 * - catch-up: the large ledger's whole history shipped to an empty replica (movements per second
 *   over the whole full copy), beside psql's `\copy` of the same movement rows into a table of the
 *   same shape and indexes;
 * - steady-state lag: a console-like sealed write (one setting) on another connection, until the
 *   replica's head has it, with the replicator polling every 100 ms; beside the poll interval;
 * - the province overdue report over `cities` replicated ledgers (copies of the large ledger,
 *   each given its own ledger id by its first replicate; or, with `clone` and always from
 *   1,000,000 cards, clones of the first city's rows made on the server: bench/province-clone.ts),
 *   beside overdueCounts on each local ledger in turn (bench/province-row.ts).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { closeLedger, openLedger, type Ledger } from '../db/open-ledger.ts';
import { writeTx } from '../db/write-tx.ts';
import { putSetting } from '../db/settings-repo.ts';
import { ledgerIdOf, localHead } from '../db/replication-outbox.ts';
import { pepperPath } from '../src/security/pepper-file.ts';
import { replicate, type Source } from '../src/workflows/replicate.ts';
import { pgBinaries, startPgServer } from '../test/helpers/pg-server.ts';
import { fmtMs, nowMs, percentile } from './stats.ts';
import { cloneCities, settle } from './province-clone.ts';
import { provinceOverdueRow } from './province-row.ts';
import type { Row, Status } from './table.ts';

export const hasPostgres = (): boolean => pgBinaries() !== null && psqlPath() !== null;

/** psql: beside initdb, or on the PATH (Debian puts a wrapper in /usr/bin). */
function psqlPath(): string | null {
  const dirs = [pgBinaries(), ...(process.env.PATH ?? '').split(':'), ...['18', '17', '16', '15', '14', '13'].map((v) => `/usr/lib/postgresql/${v}/bin`)];
  for (const d of dirs) if (d && existsSync(join(d, 'psql'))) return join(d, 'psql');
  return null;
}

const pass = (ok: boolean): Status => (ok ? 'pass' : 'FAIL');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const n = (x: number) => Math.round(x).toLocaleString('en');

/** CPU time of the throwaway cluster's processes so far (the postmaster, its live and its ended children), from /proc. */
function serverCpuMs(pgDir: string): number {
  try {
    const tick = 10; // ms per clock tick (USER_HZ = 100 on Linux)
    const fields = (pid: string) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ').map(Number);
    const master = readFileSync(join(pgDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]!.trim();
    const m = fields(master);
    let ticks = m[11]! + m[12]! + m[13]! + m[14]!; // utime stime cutime cstime
    for (const child of readFileSync(`/proc/${master}/task/${master}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
      const f = fields(child);
      ticks += f[11]! + f[12]!;
    }
    return ticks * tick;
  } catch {
    return Number.NaN; // not Linux
  }
}

export function copyLedger(from: string, to: string): string {
  copyFileSync(from, to);
  copyFileSync(pepperPath(from), pepperPath(to));
  return to;
}

/**
 * The catch-up row alone: `l0`'s whole history shipped to an empty replica, then psql's `\copy`
 * of the same movement rows into a table of the same shape and indexes (bench/replication-catchup.ts
 * runs only this).
 */
export async function benchCatchUp(
  l0: Ledger,
  url: string,
  admin: pg.Client,
  pgDir: string,
  opts: { cards: number; dir: string; progress: (s: string) => void },
): Promise<{ row: Row; src: Source }> {
  const { progress, dir } = opts;
  const movements = l0.sqlite.prepare('SELECT count(*) FROM movements').pluck().get() as number;
  progress(`replication: catch-up of ${n(movements)} movements (${n(opts.cards)} cards)…`);
  let shipped = { rows: 0, seals: 0 };
  const cpu0 = process.cpuUsage();
  const pg0 = serverCpuMs(pgDir);
  const t0 = nowMs();
  const src = await replicate(l0, url, { once: true, intervalMs: 50, onShipment: (s) => (shipped = { rows: shipped.rows + s.rows, seals: shipped.seals + s.seals }) });
  const catchUpMs = nowMs() - t0;
  const cpu = process.cpuUsage(cpu0);
  const nodeCpuMs = (cpu.user + cpu.system) / 1000;
  // The replicator's server process counts once it has ended and been reaped (its parent's cutime).
  const busy = async () => Number((await admin.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'sbk'")).rows[0]!.n) > 0;
  while (await busy()) await sleep(20);
  await sleep(200);
  const serverMs = serverCpuMs(pgDir) - pg0;
  const perS = movements / (catchUpMs / 1000);

  progress('replication: psql \\copy of the same movement rows…');
  const file = join(dir, 'movements.copy');
  const psql = psqlPath()!;
  const cols = (await admin.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'r_movements' AND column_name <> '_rid' ORDER BY ordinal_position")).rows.map((r) => `"${r.column_name}"`).join(', ');
  execFileSync(psql, [url, '-q', '-c', `\\copy (SELECT ${cols} FROM r_movements WHERE _ledger = '${src.id}') TO '${file}'`]);
  await admin.query(`DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy AS SELECT ${cols} FROM r_movements WITH NO DATA;
    ALTER TABLE bench_copy ADD COLUMN _rid bigint GENERATED ALWAYS AS IDENTITY; ALTER TABLE bench_copy ADD PRIMARY KEY (_ledger, _rid);
    CREATE INDEX ON bench_copy (_hash, _ledger); CREATE INDEX ON bench_copy (_ledger, card_id)`);
  const pgc0 = serverCpuMs(pgDir);
  const c0 = nowMs();
  execFileSync(psql, [url, '-q', '-c', `\\copy bench_copy (${cols}) FROM '${file}'`]);
  const copyMs = nowMs() - c0;
  const copyServerMs = serverCpuMs(pgDir) - pgc0;
  await admin.query('DROP TABLE bench_copy');
  const copyPerS = movements / (copyMs / 1000);
  const row: Row = {
    what: `replication catch-up of ${n(movements)} movements (${n(opts.cards)} cards)`,
    figure: `${fmtMs(catchUpMs)} (${n(perS)} movements/s)`,
    comparison: `psql \\copy of the same movement rows: ${fmtMs(copyMs)} (${n(copyPerS)}/s)`,
    goal: '≥ 50,000 movements/s',
    status: pass(perS >= 50_000),
    data: { movements, rows: shipped.rows, seals: shipped.seals, catchUpMs, copyMs, perS, copyPerS, nodeCpuMs, serverCpuMs: serverMs, copyServerCpuMs: copyServerMs },
    note: `CPU: sbk ${fmtMs(nodeCpuMs)}, PostgreSQL ${fmtMs(serverMs)} (\\copy: PostgreSQL ${fmtMs(copyServerMs)}); one full copy from a snapshot: ${n(shipped.rows)} rows of every table (movements, cards, holders…) with their row texts and hashes, and ${n(shipped.seals)} seals; the comparison copies the movements alone, already hashed.`,
  };
  return { row, src };
}

export async function benchReplication(opts: { ledgerPath: string; cards: number; cities: number; clone?: boolean; dir: string; progress: (s: string) => void }): Promise<Row[]> {
  const { progress, dir } = opts;
  const rows: Row[] = [];
  const server = startPgServer();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    // 1. Catch-up of the whole history.
    const first = copyLedger(opts.ledgerPath, join(dir, 'city-0.db'));
    const l0 = openLedger(first, { mustExist: true });
    const { row, src } = await benchCatchUp(l0, server.url, admin, server.dir, { cards: opts.cards, dir, progress });
    rows.push(row);

    // 2. Steady-state lag after a console-like write.
    progress('replication: steady-state lag, 30 writes…');
    let stop = false;
    const running = replicate(l0, server.url, { once: false, intervalMs: 100, shouldStop: () => stop });
    const writer = openLedger(first, { mustExist: true });
    const op = writer.sqlite.prepare('SELECT id FROM operators ORDER BY id LIMIT 1').pluck().get() as number;
    const lags: number[] = [];
    try {
      for (let i = 0; i < 30; i++) {
        await sleep(50 + ((i * 37) % 150));
        writeTx(writer, (tx) => putSetting(tx, `bench.lag.${i % 5}`, String(i), op, writer.now().toISOString()));
        const seq = localHead(writer.sqlite)!.seq;
        const w0 = nowMs();
        for (;;) {
          const h = await admin.query<{ head_seq: string }>('SELECT head_seq FROM sbk_ledgers WHERE id = $1', [src.id]);
          if (Number(h.rows[0]?.head_seq ?? 0) >= seq) break;
          await sleep(5);
        }
        lags.push(nowMs() - w0);
      }
    } finally {
      stop = true;
      await running;
      closeLedger(writer);
    }
    const lagP95 = percentile(lags, 95);
    rows.push({
      what: 'replication lag after a console-like write',
      figure: `p95 ${fmtMs(lagP95)} (p50 ${fmtMs(percentile(lags, 50))})`,
      comparison: 'replicator poll interval 100 ms',
      goal: 'p95 < 1 s',
      status: pass(lagP95 < 1000),
      data: { p50: percentile(lags, 50), p95: lagP95, samples: lags.length },
      note: `30 sealed writes (one setting each) on a second connection, as the console makes them; lag = commit to the replica's head holding it, measured by polling the server every 5 ms.`,
    });

    // 3. The province overdue report over `cities` ledgers: replicated copies of the ledger, or
    // (--replication-clone, and always from 1,000,000 cards: 9 more replications would take
    // about 50 minutes) clones of the first city's rows made on the server.
    const clone = opts.clone === true || opts.cards >= 1_000_000;
    if (clone) await cloneCities(admin, src.id, opts.cities - 1, progress);
    for (let i = 1; i < opts.cities && !clone; i++) {
      const p = copyLedger(opts.ledgerPath, join(dir, `city-${i}.db`));
      progress(`replication: city ${i + 1}/${opts.cities}…`);
      const l = openLedger(p, { mustExist: true });
      try {
        await replicate(l, server.url, { once: true, intervalMs: 50 });
        if (ledgerIdOf(l.sqlite) === src.id) throw new Error('a copy kept the first ledger id');
      } finally {
        closeLedger(l);
      }
    }
    progress(`replication: province overdue over ${opts.cities} cities ×10, and overdueCounts on each local ledger…`);
    await settle(admin);
    try {
      rows.push(await provinceOverdueRow({ url: server.url, local: l0, cards: opts.cards, cities: opts.cities, cloned: clone }));
    } finally {
      closeLedger(l0);
    }
  } finally {
    await admin.end().catch(() => undefined);
    server.stop();
  }
  return rows;
}
