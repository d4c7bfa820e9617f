/**
 * The maker-file import rows: a prefab return file of N rows (writeMakerFile +
 * syntheticMakerRows, as a maker would send it, written by bench/maker-file-gen.ts) imported
 * with receive, i.e. `sbk import FILE --receive`: the file read in chunks, hashed, checked and
 * written (register + receive) in one transaction.
 *
 * Measured in child processes, each on a fresh ledger, so that the peak RSS is the import's
 * and not the bench's (getrusage's maxrss only grows; a timer sampling RSS would not run during
 * the synchronous transaction anyway):
 *
 *   cli     the real binary, `node bin/sbk.js import FILE --db … --receive --json`, under
 *           `/usr/bin/time -v` for its maximum resident set size (login included: its scrypt PIN
 *           check alone peaks near 143 MB); wall time spawn → exit (skipped without /usr/bin/time)
 *   call    bench/import-child.ts: the importMakerFile call alone, timed inside the child, its
 *           peak RSS from VmHWM reset after the login (optional: the large file runs cli only)
 *
 * Comparison: `sqlite3 .import` of the same maker file into a bare table of a new database (no
 * keys, no checks; `--skip 1` for the count line, the header names the columns), process start
 * included — the floor for "put this file's rows in SQLite".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeLedger, openLedger } from '../db/open-ledger.ts';
import { initLedger } from '../src/workflows/init-ledger.ts';
import { BENCH_ADMIN, BENCH_SITE } from './large-ledger.ts';
import { sqlite3Version } from './bulk-import-baseline.ts';
import type { ImportChildReport } from './import-child.ts';
import { nowMs } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'sbk.js');
const CHILD = join(ROOT, 'bench', 'import-child.ts');
const GEN = join(ROOT, 'bench', 'maker-file-gen.ts');
const TIME = '/usr/bin/time';

export type CliRun = { ms: number; maxRssBytes: number; status: string };

/** sqlite3 .import of the maker file; null without sqlite3 on PATH. */
export type FileBaseline = { ms: number; rows: number; sqliteVersion: string } | null;

export type MakerImportBench = {
  rows: number;
  fileBytes: number;
  /** Writing the file (0 when it was cached). */
  genMs: number;
  /** null when /usr/bin/time is not there. */
  cli: CliRun | null;
  /** null when not asked for. */
  call: ImportChildReport | null;
  base: FileBaseline;
  /** cards in stock after the import: must equal rows. */
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

/** The maker file of n rows in `dir` (kept there if it is already), written by a child process. */
function makerFile(n: number, dir: string): { path: string; genMs: number } {
  const t0 = nowMs();
  const r = spawnSync(process.execPath, ['--max-old-space-size=6144', '--import', 'tsx', GEN, String(n), dir], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw failed('bench/maker-file-gen.ts', r);
  return { path: r.stdout.trim(), genMs: nowMs() - t0 };
}

/** `sqlite3 .import` of the maker file into a bare table of a new database. */
function fileBaseline(file: string, dir: string, rows: number): FileBaseline {
  const version = sqlite3Version();
  if (!version) return null;
  const target = join(dir, 'baseline-file.db');
  const t0 = nowMs();
  const r = spawnSync('sqlite3', [target], { input: `.import --csv --skip 1 '${file.replace(/'/g, "''")}' maker_rows\n`, encoding: 'utf8' });
  const ms = nowMs() - t0;
  if (r.status !== 0 || r.stderr.trim()) throw new Error(`sqlite3 .import failed: ${r.stderr}`);
  const check = spawnSync('sqlite3', [target, 'SELECT count(*) FROM maker_rows'], { encoding: 'utf8' });
  if (Number(check.stdout.trim()) !== rows) throw new Error(`sqlite3 .import loaded ${check.stdout.trim()} rows, expected ${rows}`);
  return { ms, rows, sqliteVersion: version };
}

export function benchMakerFileImport(
  parent: string,
  n: number,
  progress: (s: string) => void,
  opts: { call: boolean; fileDir?: string; tag?: string },
): MakerImportBench {
  const dir = join(parent, `maker-import-${n}${opts.tag ? `-${opts.tag}` : ''}`);
  mkdirSync(dir);
  progress(`  the ${n}-row maker file${opts.fileDir ? ` (cached in ${opts.fileDir})` : ''}…`);
  const { path: file, genMs } = makerFile(n, opts.fileDir ?? dir);
  const fileBytes = statSync(file).size;

  let cli: CliRun | null = null;
  const cliDb = join(dir, 'cli.db');
  if (hasGnuTime()) {
    progress(`  sbk import of ${n} rows under ${TIME} -v…`);
    freshLedger(cliDb);
    cli = runCli(cliDb, file);
    if (cli.status !== 'imported') throw new Error(`sbk import reported ${cli.status}`);
  }
  let call: ImportChildReport | null = null;
  const callDb = join(dir, 'call.db');
  if (opts.call || !cli) {
    progress(`  importMakerFile of ${n} rows in a child process…`);
    freshLedger(callDb);
    call = runCall(callDb, file);
    if (call.status !== 'imported' || call.received !== n) throw new Error(`importMakerFile: ${JSON.stringify(call)}`);
  }

  progress('  comparison: the same file through sqlite3 .import…');
  const base = fileBaseline(file, dir, n);
  const ledger = openLedger(cli ? cliDb : callDb, { mustExist: true });
  try {
    const inStock = (ledger.sqlite.prepare("SELECT count(*) AS n FROM cards WHERE state = 'in_stock'").get() as { n: number }).n;
    return { rows: n, fileBytes, genMs, cli, call, base, inStock };
  } finally {
    closeLedger(ledger);
  }
}
