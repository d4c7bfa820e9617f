/**
 * Crash-test harness (ENGINEERING.md §2 "Crash tests"): the real `bin/sbk.js` is started as its
 * own process, killed with SIGKILL at a seeded random moment, the ledger is reopened and
 * `sbk verify --json` must pass, then the scenario checks that the interrupted operation is
 * wholly in the ledger or wholly out (and resolves whatever two-phase work it left behind).
 *
 * Long variant (25 kills per scenario): SBK_LONG_TESTS=1 npx vitest run test/e2e/crash-ops.test.ts
 * Reproduce a failure with the seed it prints: SBK_CRASH_SEED=<seed> npx vitest run test/e2e/crash-ops.test.ts
 *
 * Where the kills land. A command spends most of its life loading modules (≈1 s here) before it
 * opens the ledger, and its operation proper is a few ms to a few hundred ms at the end, so
 * delays counted from the spawn would mostly kill a process that has not touched the ledger yet,
 * which proves nothing. So the harness watches the process: `/proc/<pid>/fd` tells when it has
 * the ledger open, and then a poll of the ledger that only reads (every ms, its connection closed
 * again before the kill) tells when it reached its *anchor*: by default its login row in `audit_events` (from
 * then on it does the operation itself), or what the scenario names (e.g. the instant job's
 * intent row). Each kind of command is run once unkilled first (calibration) to measure how long
 * it runs from its anchor to its exit; most kills are then drawn over that window after the
 * anchor (the first of each kind in its first fifth, so that every scenario kills inside its
 * transaction), the rest anywhere from the spawn to a little past the exit. At the moment of
 * each kill the harness notes whether the process had the ledger open and whether some
 * connection held the write lock, and the scenario says whether the operation's effect is in
 * the ledger: every kill is reported as finished first, before the ledger was opened, inside
 * the command (nothing committed, or an intent left pending) or after the commit.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { seededRandom } from '../../src/domain/seeded-random.ts';
import { runCli } from '../helpers/run-cli.ts';

export const BIN = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));
/** The long variants run only with SBK_LONG_TESTS=1; the short ones always (CI). */
export const LONG = process.env.SBK_LONG_TESTS === '1';

export type Env = Record<string, string | undefined>;

/**
 * Where the operation proper starts: when `sql` (returning one row with `n`) gives at least `delta`
 * more than it did before the process started.
 */
export type Anchor = { sql: string; delta: number; label: string };
/** The default anchor: the command's operator has logged in (`logins` of them, with a second person's approval). */
export const loginAnchor = (logins = 1): Anchor => ({ sql: "SELECT count(*) AS n FROM audit_events WHERE type = 'login'", delta: logins, label: logins === 1 ? 'login' : `${logins} logins` });
/** The operator's login, then the approver's PIN accepted (an approval is logged as approval_passed, not a login). */
export const approvalAnchor: Anchor = {
  sql: "SELECT count(*) AS n FROM audit_events WHERE type IN ('login', 'approval_passed')",
  delta: 2,
  label: 'login and approval',
};

/** One `sbk` invocation: `sbk ARGS --db DB --json` with ENV. `key` names the kind of command (one calibration per key). */
export type SbkCommand = { db: string; args: string[]; env?: Env; key?: string; anchor?: Anchor };

/** `any`: so many ms after the spawn. `work`: so many ms after the process reached its anchor. */
export type KillPlan = { aim: 'any'; afterSpawnMs: number } | { aim: 'work'; afterAnchorMs: number; fallbackAfterSpawnMs: number };

export type SbkRun = {
  command: SbkCommand;
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stdout: string;
  stderr: string;
  /** SIGKILL reached the process before it exited. */
  killed: boolean;
  /** Since the spawn: when the harness first saw the ledger among the process's open files (null: never, or no /proc). */
  openAtMs: number | null;
  /** Since the spawn: when the poll saw the anchor reached (null: never, or no /proc). */
  anchorAtMs: number | null;
  /** Since the spawn: when the signal was sent. */
  killAtMs: number | null;
  /** At the kill: the process had the ledger file open. */
  ledgerOpenAtKill: boolean;
  /** At the kill: some connection held the ledger's write lock (a write transaction, or the checkpoint of a closing connection). */
  writeLockAtKill: boolean;
};

const HAS_PROC = existsSync('/proc/self/fd');

/** Whether process `pid` has `file` open (Linux: its /proc fd links). */
export function hasFileOpen(pid: number, file: string): boolean {
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === file) return true;
      } catch {
        // the fd closed meanwhile
      }
    }
  } catch {
    // the process is gone
  }
  return false;
}

/**
 * Whether some connection holds the ledger's write lock right now: BEGIN IMMEDIATE with no busy
 * wait fails with SQLITE_BUSY only then (as in import-crash.test.ts).
 */
export function writeLockHeld(db: string): boolean {
  if (!existsSync(db)) return false;
  const probe = new Database(db, { fileMustExist: true, timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw e;
  } finally {
    probe.close();
  }
}

/** The environment `sbk` runs in: nothing inherited that names an operator, a ledger or a failpoint. */
export function sbkEnv(env: Env = {}): NodeJS.ProcessEnv {
  return { ...process.env, SBK_OPERATOR: undefined, SBK_PIN: undefined, SBK_APPROVER_PIN: undefined, SBK_DB: undefined, SBK_FAILPOINT: undefined, ...env };
}

function readAnchor(db: string, anchor: Anchor): number {
  const c = new Database(db, { fileMustExist: true });
  try {
    return (c.prepare(anchor.sql).get() as { n: number }).n;
  } finally {
    c.close();
  }
}

/** Runs `sbk` as a real process (asynchronously, so several can run at once), SIGKILLed as `plan` says unless it has exited. */
export function runSbk(cmd: SbkCommand, plan: KillPlan | null = null): Promise<SbkRun> {
  const db = resolve(cmd.db);
  const anchor = cmd.anchor ?? loginAnchor();
  const watchAnchor = HAS_PROC && plan?.aim === 'work' && existsSync(db);
  const target = watchAnchor ? readAnchor(db, anchor) + anchor.delta : 0;
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...cmd.args, '--db', db, '--json'], { env: sbkEnv(cmd.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    let openAtMs: number | null = null;
    let anchorAtMs: number | null = null;
    let killAtMs: number | null = null;
    let ledgerOpenAtKill = false;
    let writeLockAtKill = false;
    let poll: { c: Database.Database; get: () => number } | null = null;
    const closePoll = () => {
      poll?.c.close();
      poll = null;
    };
    const running = () => child.exitCode === null && child.signalCode === null;
    const kill = () => {
      if (!running() || killAtMs !== null) return;
      ledgerOpenAtKill = HAS_PROC ? hasFileOpen(child.pid!, db) : false;
      writeLockAtKill = writeLockHeld(db);
      killAtMs = performance.now() - t0;
      // kill() is a no-op once Node has reaped the child: a run that exited first is never hit.
      child.kill('SIGKILL');
    };
    let killTimer: NodeJS.Timeout | null = null;
    if (plan?.aim === 'any') killTimer = setTimeout(kill, plan.afterSpawnMs);
    if (plan?.aim === 'work' && !HAS_PROC) killTimer = setTimeout(kill, plan.fallbackAfterSpawnMs);
    // Watch the child: first for the ledger among its open files, then (reading the ledger, as
    // any other operator's process may) for its anchor. The poll's connection is closed before
    // the kill, so the next process to open the ledger recovers it as after a real crash.
    const watch = watchAnchor
      ? setInterval(() => {
          if (!running() || anchorAtMs !== null) return;
          if (openAtMs === null) {
            if (!hasFileOpen(child.pid!, db)) return;
            openAtMs = performance.now() - t0;
          }
          try {
            if (!poll) {
              const c = new Database(db, { fileMustExist: true, timeout: 0 });
              const stmt = c.prepare(anchor.sql);
              poll = { c, get: () => (stmt.get() as { n: number }).n };
            }
            if (poll.get() < target) return;
          } catch {
            return; // busy for a moment (a checkpoint, a recovery): next tick
          }
          anchorAtMs = performance.now() - t0;
          closePoll();
          if (plan?.aim === 'work') killTimer = setTimeout(kill, plan.afterAnchorMs);
        }, 1)
      : null;
    const stop = () => {
      if (watch) clearInterval(watch);
      if (killTimer) clearTimeout(killTimer);
      closePoll();
    };
    child.on('error', (e) => {
      stop();
      fail(e);
    });
    child.on('close', (code, signal) => {
      stop();
      done({
        command: cmd,
        code,
        signal,
        ms: performance.now() - t0,
        stdout,
        stderr,
        killed: signal === 'SIGKILL' && killAtMs !== null,
        openAtMs,
        anchorAtMs,
        killAtMs,
        ledgerOpenAtKill,
        writeLockAtKill,
      });
    });
  });
}

/** `SBK_CRASH_SEED`, or a fresh one (printed with every failure and in the summary). */
export function crashSeed(): number {
  const fromEnv = process.env.SBK_CRASH_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const n = Number(fromEnv);
    if (!Number.isInteger(n)) throw new Error(`SBK_CRASH_SEED must be an integer, not ${fromEnv}`);
    return n;
  }
  return Date.now() % 2 ** 31;
}

/** One seed for a whole file; each scenario its own sequence drawn from it and its name. */
export function scenarioRandom(seed: number, name: string): () => number {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return seededRandom((seed ^ h) >>> 0);
}

export type Calibration = {
  /** Spawn to exit. */
  totalMs: number;
  /** Spawn to the ledger seen open, and to the anchor (null without /proc). */
  openMs: number | null;
  anchorMs: number | null;
  /** From the anchor to the exit: the window `work` kills are drawn from. */
  workMs: number;
};

/** Runs `cmd` once to completion, watching it as a killed run is watched, and measures it; it must succeed. */
export async function calibrate(cmd: SbkCommand): Promise<Calibration> {
  const r = await runSbk(cmd, { aim: 'work', afterAnchorMs: 1e9, fallbackAfterSpawnMs: 1e9 });
  expect(r.code, `calibration run of ${cmd.args.join(' ')} failed:\n${r.stdout}${r.stderr}`).toBe(0);
  if (HAS_PROC) expect(r.anchorAtMs, `calibration run of ${cmd.args.join(' ')} never reached its anchor (${(cmd.anchor ?? loginAnchor()).label})`).not.toBeNull();
  return { totalMs: r.ms, openMs: r.openAtMs, anchorMs: r.anchorAtMs, workMs: r.anchorAtMs === null ? r.ms : r.ms - r.anchorAtMs };
}

/** Share of kills aimed anywhere in the process's life; the rest are aimed at the work after the anchor. */
const ANYWHERE = 0.2;

/** `early`: the first kill of a kind, aimed at the first fifth of the work (inside the operation's transaction, mostly). */
export function drawKill(rnd: () => number, cal: Calibration, early: boolean): KillPlan {
  const any = rnd() < ANYWHERE;
  const u = rnd();
  if (cal.anchorMs === null || (any && !early)) return { aim: 'any', afterSpawnMs: Math.round(u * cal.totalMs * 1.05) };
  const afterAnchorMs = Math.round(early ? (u * cal.workMs) / 5 : u * cal.workMs);
  return { aim: 'work', afterAnchorMs, fallbackAfterSpawnMs: Math.round(cal.anchorMs + afterAnchorMs) };
}

export function describePlan(p: KillPlan, anchor: Anchor): string {
  return p.aim === 'any' ? `kill ${p.afterSpawnMs} ms after the spawn` : `kill ${p.afterAnchorMs} ms after the ${anchor.label}`;
}

/**
 * What the scenario found after the kill (and after any recovery it ran):
 * `none` – nothing of the operation is in the ledger; `all` – all of it (committed before the
 * kill); `pending` – a two-phase operation's intent was left without an outcome (it was then
 * resolved by the scenario): the kill landed inside the operation.
 */
export type Effect = 'none' | 'all' | 'pending';
export type Outcome = { effect: Effect; detail: string };

export type Landing = 'finished-first' | 'before-open' | 'inside' | 'after-commit';

export type CrashScenario = {
  name: string;
  seed: number;
  attempts: number;
  /** The command to kill at attempt i (1-based); setup commands run here, unkilled. */
  next: (i: number) => SbkCommand | Promise<SbkCommand>;
  /** A command of this key on a throwaway ledger where it succeeds: run once unkilled to measure it. */
  reference: (key: string) => SbkCommand | Promise<SbkCommand>;
  /**
   * After the kill and a passing `sbk verify`: the all-or-none check (with `expect`, naming
   * `ctx()` in its messages) and whatever recovery the operation needs.
   */
  check: (cmd: SbkCommand, run: SbkRun, ctx: () => string) => Outcome | Promise<Outcome>;
};

export type CrashReport = {
  name: string;
  seed: number;
  attempts: number;
  landings: Record<Landing, number>;
  /** Kills inside the command while the write lock was held (its transaction under way, nothing of it committed). */
  inWriteTx: number;
  /** Kills that left an intent pending (two-phase work). */
  pending: number;
  calibrations: Record<string, Calibration>;
  log: string[];
  summary: string;
};

export function verifyOk(db: string, ctx: () => string): void {
  const v = runCli(['verify', '--db', db, '--json']);
  let parsed: { ok?: boolean; problems?: unknown[] } = {};
  try {
    parsed = JSON.parse(v.stdout);
  } catch {
    // reported below
  }
  expect({ code: v.code, ok: parsed.ok }, `sbk verify failed: ${v.stdout.slice(0, 2000)}${v.stderr}\n${ctx()}`).toEqual({ code: 0, ok: true });
}

/**
 * Runs a scenario: `attempts` kills, each followed by `sbk verify --json` and the scenario's
 * all-or-none check. Fails unless at least one kill landed inside the command (the ledger open,
 * the operation not finished).
 */
export async function crashLoop(s: CrashScenario): Promise<CrashReport> {
  const rnd = scenarioRandom(s.seed, s.name);
  const calibrations: Record<string, Calibration> = {};
  const landings: Record<Landing, number> = { 'finished-first': 0, 'before-open': 0, inside: 0, 'after-commit': 0 };
  let inWriteTx = 0;
  let pending = 0;
  const log: string[] = [];
  const cal = () =>
    Object.entries(calibrations)
      .map(([k, c]) => `${k}: ${c.totalMs.toFixed(0)} ms (ledger open at ${c.openMs?.toFixed(0) ?? '?'} ms, anchor at ${c.anchorMs?.toFixed(0) ?? '?'} ms, then ${c.workMs.toFixed(0)} ms to the exit)`)
      .join('; ');
  const context = (current: string) => () =>
    `${s.name}: seed ${s.seed} (rerun with SBK_CRASH_SEED=${s.seed}); calibration ${cal()}\n  ${[...log, `→ ${current}`].join('\n  ')}`;

  for (let i = 1; i <= s.attempts; i++) {
    let what = `#${i}: preparing`;
    try {
      what = await attempt(i, (w) => (what = w));
    } catch (e) {
      // Every failure names the seed and the kill, wherever it was raised (setup commands too).
      if (e instanceof Error && !e.message.includes('SBK_CRASH_SEED')) e.message += `\n${context(what)()}`;
      throw e;
    }
    log.push(what);
  }
  async function attempt(i: number, describing: (w: string) => void): Promise<string> {
    const cmd = await s.next(i);
    const key = cmd.key ?? cmd.args.slice(0, 2).join(' ');
    const early = !calibrations[key];
    if (early) calibrations[key] = await calibrate(await s.reference(key));
    const plan = drawKill(rnd, calibrations[key]!, early);
    const run = await runSbk(cmd, plan);
    const at = (ms: number | null, what: string) => (ms === null ? '' : `, ${what} at ${ms.toFixed(0)} ms`);
    const what = `#${i} ${key}: ${describePlan(plan, cmd.anchor ?? loginAnchor())} → ${
      run.killed
        ? `killed at ${run.killAtMs!.toFixed(0)} ms (${run.ledgerOpenAtKill ? 'ledger open' : 'ledger not open'}${run.writeLockAtKill ? ', write lock held' : ''}${at(run.openAtMs, 'opened')}${at(run.anchorAtMs, 'anchor')})`
        : `exited ${run.code}${run.signal ? ` (${run.signal})` : ''} first after ${run.ms.toFixed(0)} ms`
    }`;
    describing(what);
    const ctx = context(what);
    if (!run.killed) expect(run.code, `a run that was not killed failed:\n${run.stdout}${run.stderr}\n${ctx()}`).toBe(0);
    verifyOk(cmd.db, ctx);
    const out = await s.check(cmd, run, ctx);
    if (!run.killed) expect(out.effect, `exited 0 but the operation is not wholly in the ledger (${out.detail})\n${ctx()}`).toBe('all');
    const landing: Landing = !run.killed ? 'finished-first' : out.effect === 'all' ? 'after-commit' : out.effect === 'pending' || run.ledgerOpenAtKill ? 'inside' : 'before-open';
    landings[landing] += 1;
    if (landing === 'inside' && run.writeLockAtKill) inWriteTx += 1;
    if (out.effect === 'pending') pending += 1;
    return `${what}; ${landing}; ${out.detail}`;
  }
  const ctx = context('(end)');
  expect(landings.inside, `no kill landed inside the command (ledger open, operation not finished): it only ever killed processes that had not started or had finished\n${ctx()}`).toBeGreaterThan(0);
  const summary =
    `${s.name}: seed ${s.seed}, ${s.attempts} kills: ${landings.inside} inside the command (${inWriteTx} of them in a write transaction that never committed, ${pending} leaving an intent pending), ` +
    `${landings['after-commit']} after the commit, ${landings['before-open']} before the ledger was opened, ${landings['finished-first']} finished first; calibration ${cal()}`;
  return { name: s.name, seed: s.seed, attempts: s.attempts, landings, inWriteTx, pending, calibrations, log, summary };
}
