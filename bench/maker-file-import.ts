/**
 * The maker-file import row: a prefab return file of N rows (writeMakerFile +
 * syntheticMakerRows, as a maker would send it) imported with receive, i.e.
 * `sbk import FILE --receive`: parse, every check, then register + receive in one transaction.
 *
 * Measured in child processes, each on a fresh ledger, so that the peak RSS is the import's
 * and not the bench's (getrusage's maxrss only grows, and rows 1-4 already pushed it up; a
 * timer sampling RSS would not run during the synchronous transaction anyway):
 *
 *   cli     the real binary, `node bin/sbk.js import FILE --db … --receive --json`, under
 *           `/usr/bin/time -v` for its maximum resident set size; wall time spawn → exit
 *           (skipped when /usr/bin/time is missing)
 *   call    bench/import-child.ts: the importMakerFile call alone, timed inside the child, with
 *           getrusage maxrss before and after it (what the modules and the open ledger take
 *           before the import, and what the import adds)
 *
 * Comparison: bulkImportBaseline (row 1's) on the ledger the CLI run produced — its cards and
 * movements rows as CSV loaded by `sqlite3 .import` into bare tables.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeLedger, openLedger } from '../db/open-ledger.ts';
import { initLedger } from '../src/workflows/init-ledger.ts';
import { syntheticMakerRows, writeMakerFile } from '../src/domain/maker-file-writer.ts';
import { BENCH_ADMIN, BENCH_SITE } from './large-ledger.ts';
import { bulkImportBaseline, type BaselineResult } from './bulk-import-baseline.ts';
import type { ImportChildReport } from './import-child.ts';
import { nowMs } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'sbk.js');
const CHILD = join(ROOT, 'bench', 'import-child.ts');
const TIME = '/usr/bin/time';
const BATCH = 'YZ2026119100';

export type CliRun = { ms: number; maxRssBytes: number; status: string };

export type MakerImportBench = {
  rows: number;
  fileBytes: number;
  /** null when /usr/bin/time is not there. */
  cli: CliRun | null;
  call: ImportChildReport;
  base: BaselineResult;
  /** cards in stock after the import (the ledger the comparison reads): must equal rows. */
  inStock: number;
};

function freshLedger(path: string): void {
  closeLedger(initLedger({ path, siteCode: BENCH_SITE, admin: { ...BENCH_ADMIN } }).ledger);
}

function childEnv(): NodeJS.ProcessEnv {
  return { ...process.env, SBK_DB: undefined, SBK_OPERATOR: BENCH_ADMIN.login, SBK_PIN: BENCH_ADMIN.pin };
}

function failed(what: string, r: ReturnType<typeof spawnSync>): Error {
  return new Error(`${what} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}): ${String(r.stderr).slice(-2000)}`);
}

export function hasGnuTime(): boolean {
  if (!existsSync(TIME)) return false;
  const r = spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr);
}

function runCli(db: string, file: string): CliRun {
  const t0 = nowMs();
  const r = spawnSync(TIME, ['-v', process.execPath, BIN, 'import', file, '--db', db, '--receive', '--json'], {
    cwd: ROOT,
    env: childEnv(),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const ms = nowMs() - t0;
  if (r.status !== 0) throw failed('sbk import', r);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  if (kb === undefined) throw new Error(`no maximum resident set size in the output of ${TIME} -v:\n${r.stderr.slice(-2000)}`);
  return { ms, maxRssBytes: Number(kb) * 1024, status: (JSON.parse(r.stdout) as { status: string }).status };
}

function runCall(db: string, file: string): ImportChildReport {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, db, file], { cwd: ROOT, env: childEnv(), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw failed('bench/import-child.ts', r);
  return JSON.parse(r.stdout) as ImportChildReport;
}

export function benchMakerFileImport(parent: string, n: number, progress: (s: string) => void): MakerImportBench {
  const dir = join(parent, 'maker-import');
  mkdirSync(dir);
  const written = writeMakerFile(
    'prefab',
    { bank: '中国工商银行', cityBody: '武汉市社会保险卡管理中心', batch: BATCH, maker: '金邦达', bankCode: '102521000013', time: '20261119150000' },
    syntheticMakerRows('prefab', n, 20261119, { cardPrefix: 'Q1', boxSize: 500 }),
  );
  const file = join(dir, written.fileName);
  const bytes = Buffer.from(written.text, 'utf8');
  writeFileSync(file, bytes);

  let cli: CliRun | null = null;
  const cliDb = join(dir, 'cli.db');
  if (hasGnuTime()) {
    progress(`  sbk import of ${n} rows under ${TIME} -v…`);
    freshLedger(cliDb);
    cli = runCli(cliDb, file);
    if (cli.status !== 'imported') throw new Error(`sbk import reported ${cli.status}`);
  }
  progress(`  importMakerFile of ${n} rows in a child process…`);
  const callDb = join(dir, 'call.db');
  freshLedger(callDb);
  const call = runCall(callDb, file);
  if (call.status !== 'imported' || call.received !== n) throw new Error(`importMakerFile: ${JSON.stringify(call)}`);

  progress('  comparison: the resulting rows through sqlite3 .import…');
  const ledger = openLedger(cli ? cliDb : callDb, { mustExist: true });
  try {
    const inStock = (ledger.sqlite.prepare("SELECT count(*) AS n FROM cards WHERE state = 'in_stock'").get() as { n: number }).n;
    const baseDir = join(dir, 'baseline');
    mkdirSync(baseDir);
    const base = bulkImportBaseline(ledger, baseDir);
    return { rows: n, fileBytes: bytes.length, cli, call, base, inStock };
  } finally {
    closeLedger(ledger);
  }
}
