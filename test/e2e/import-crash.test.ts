/**
 * An import is one IMMEDIATE transaction (src/workflows/import-maker-file.ts): a process killed
 * at any moment — while loading, parsing, half-way through writing 10,000 cards, while
 * committing or while closing — must leave the ledger with all of the file or none of it, and
 * a ledger that `verify` still finds sound. The real binary is killed with SIGKILL (no handler
 * runs, as on a power cut of the process) at seeded random moments spread over its run time.
 *
 * Reproduce a failure with the seed it prints: SBK_CRASH_SEED=<seed> npx vitest run test/e2e/import-crash.test.ts
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeLedger, openLedger } from '../../db/open-ledger.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { syntheticMakerRows, writeMakerFile } from '../../src/domain/maker-file-writer.ts';
import { seededRandom } from '../../src/domain/seeded-random.ts';
// Taken just before a kill, it tells a kill inside the import's write transaction from one before it.
import { writeLockHeld } from './crash-harness.ts';
import { runCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const BIN = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));
/** One import of this many rows takes about 1.5 s on 2 cores: 25 attempts stay well under a minute. */
const N = 10_000;
const ATTEMPTS = 25;
const BOSS = { SBK_OPERATOR: 'boss', SBK_PIN: '135790' };
/** More WAL than the login's audit event after a kill: pages of the import written but never committed. */
const UNCOMMITTED_WAL_BYTES = 64 * 1024;

type Run = { code: number | null; signal: NodeJS.Signals | null; ms: number; stdout: string; stderr: string; killed: boolean; inWriteTx: boolean };

/** `sbk import FILE --db DB --receive --json` as a real process, SIGKILLed after `killAfterMs` unless it has exited. */
function runImport(db: string, file: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SBK_DB: undefined, ...BOSS };
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, 'import', file, '--db', db, '--receive', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    // kill() is a no-op once Node has reaped the child, so a finished run is never hit; one that
    // exits between the timer and the signal shows as exited (signal null), not as killed.
    let inWriteTx = false;
    const timer =
      killAfterMs === null
        ? null
        : setTimeout(() => {
            if (child.exitCode === null && child.signalCode === null) inWriteTx = writeLockHeld(db);
            child.kill('SIGKILL');
          }, killAfterMs);
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - t0, stdout, stderr, killed: signal === 'SIGKILL', inWriteTx: inWriteTx && signal === 'SIGKILL' });
    });
  });
}

type Seen = { cards: number; inStock: number; imports: number; batches: number; verify: ReturnType<typeof verifyLedger> };

function inspect(db: string, fileName: string, batch: string): Seen {
  const l = openLedger(db, { mustExist: true });
  try {
    const q = (sql: string, ...args: unknown[]) => (l.sqlite.prepare(sql).get(...args) as { n: number }).n;
    return {
      verify: verifyLedger(l),
      cards: q("SELECT count(*) AS n FROM cards WHERE card_no LIKE 'Q1%'"),
      inStock: q("SELECT count(*) AS n FROM cards WHERE card_no LIKE 'Q1%' AND state = 'in_stock'"),
      imports: q('SELECT count(*) AS n FROM imports WHERE file_name = ?', fileName),
      batches: q('SELECT count(*) AS n FROM batches WHERE code = ?', batch),
    };
  } finally {
    closeLedger(l);
  }
}

/** The ledger as `sbk init` left it (closed, so no WAL): a plain copy is a faithful one. */
function restore(pristine: string, db: string): void {
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  copyFileSync(pristine, db);
}

describe('sbk import killed with SIGKILL (real binary)', () => {
  it('an import killed half-way leaves the ledger showing none of it', { timeout: 150_000 }, async () => {
    const seed = Number(process.env.SBK_CRASH_SEED ?? Date.now() % 2 ** 31);
    const rnd = seededRandom(seed);
    const dir = tempDir();
    const db = join(dir, 'city.db');
    const init = runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { SBK_PIN: BOSS.SBK_PIN });
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(`${db}-wal`), 'init left a WAL behind: a file copy would not be faithful').toBe(false);
    const pristine = join(dir, 'pristine.db');
    copyFileSync(db, pristine);

    const batch = 'YZ2026119001';
    const written = writeMakerFile(
      'prefab',
      { bank: '中国工商银行', cityBody: '武汉市社会保险卡管理中心', batch, maker: '金邦达', bankCode: '102521000013', time: '20261119150000' },
      syntheticMakerRows('prefab', N, 20261119, { cardPrefix: 'Q1' }),
    );
    const file = join(dir, written.fileName);
    writeFileSync(file, written.text);

    // One full run, unkilled, on a separate ledger (same init, same key): how long an import takes here.
    const ref = join(dir, 'reference.db');
    copyFileSync(pristine, ref);
    copyFileSync(`${db}.key`, `${ref}.key`);
    const full = await runImport(ref, file, null);
    expect(full.code, full.stderr).toBe(0);
    expect(JSON.parse(full.stdout)).toMatchObject({ status: 'imported', rows: N, registered: N, received: N });
    const spread = full.ms * 1.1; // a little past the end too, so some kills land after the commit

    const log: string[] = [];
    const context = () => `seed ${seed} (rerun with SBK_CRASH_SEED=${seed}); one full import took ${full.ms.toFixed(0)} ms; attempts so far:\n  ${log.join('\n  ')}`;
    let inTx = 0;
    let uncommitted = 0;
    let complete = 0;
    for (let i = 1; i <= ATTEMPTS; i++) {
      const delay = Math.round(rnd() * spread);
      const r = await runImport(db, file, delay);
      const walBytes = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0;
      const s = inspect(db, written.fileName, batch);
      log.push(
        `#${i}: kill after ${delay} ms → ${r.killed ? `killed (${r.signal})${r.inWriteTx ? ' inside a write transaction' : ''}` : `exited ${r.code} first`} after ${r.ms.toFixed(0)} ms; ` +
          `WAL ${walBytes} B; cards ${s.cards}, in stock ${s.inStock}, imports ${s.imports}, batches ${s.batches}; verify ${s.verify.ok ? 'ok' : s.verify.problems.map((p) => p.code).join(',')}`,
      );
      expect(s.verify.ok, `verify failed after attempt ${i}: ${JSON.stringify(s.verify.problems.slice(0, 5))}\n${context()}`).toBe(true);
      expect([0, N], `all or none of the file's cards, ${context()}`).toContain(s.cards);
      expect([0, 1], `0 or 1 import record for the file, ${context()}`).toContain(s.imports);
      const all = s.cards === N;
      expect({ inStock: s.inStock, imports: s.imports, batches: s.batches }, `the import record, the batch and every card received come together, ${context()}`).toEqual(
        all ? { inStock: N, imports: 1, batches: 1 } : { inStock: 0, imports: 0, batches: 0 },
      );
      if (!r.killed) {
        expect(r.code, `a run that finished before its kill failed: ${r.stderr}\n${context()}`).toBe(0);
        expect(all, `a run exited 0 but the ledger lacks the file, ${context()}`).toBe(true);
      }
      if (r.inWriteTx) inTx += 1;
      if (s.cards === 0 && walBytes >= UNCOMMITTED_WAL_BYTES) uncommitted += 1;

      if (all) {
        complete += 1;
        // The kill came after the commit: the same file again is recognised and changes nothing…
        const again = await runImport(db, file, null);
        expect(again.code, `${again.stderr}\n${context()}`).toBe(0);
        expect(JSON.parse(again.stdout), context()).toMatchObject({ status: 'already-imported', rows: N, registered: 0, received: 0 });
        const after = inspect(db, written.fileName, batch);
        expect({ ok: after.verify.ok, cards: after.cards, inStock: after.inStock, imports: after.imports }, context()).toEqual({ ok: true, cards: N, inStock: N, imports: 1 });
        // …then back to the ledger before the import, so the next attempts again kill an import under way.
        restore(pristine, db);
      }
    }
    // Else this test only ever killed processes that had not begun writing, or had finished.
    expect(inTx, `no kill landed inside the import's write transaction; ${context()}`).toBeGreaterThan(0);

    // Run to completion: every card in stock, and the real `sbk verify` is satisfied.
    const last = await runImport(db, file, null);
    expect(last.code, `${last.stderr}\n${context()}`).toBe(0);
    expect(JSON.parse(last.stdout)).toMatchObject({ status: 'imported', rows: N, registered: N, received: N });
    const end = inspect(db, written.fileName, batch);
    expect({ ok: end.verify.ok, cards: end.cards, inStock: end.inStock, imports: end.imports, batches: end.batches }).toEqual({ ok: true, cards: N, inStock: N, imports: 1, batches: 1 });
    const verify = runCli(['verify', '--db', db]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    console.log(`import-crash: seed ${seed}, full import ${full.ms.toFixed(0)} ms, ${ATTEMPTS} kills: ${inTx} inside a write transaction (${uncommitted} of them left uncommitted pages in the WAL), ${complete} after the commit`);
  });
});
