/**
 * Row 5: console start to first frame, as an operator gets it: the real binary
 * (`node bin/sbk.js --db <demo ledger>`) in a pseudo-terminal made by util-linux `script`,
 * timed from spawn to the first output bytes that contain the login title.
 *
 * bin/sbk.js runs the one-file bundle bin/bundle.js makes (built by `npm install`, and again on
 * the first start after a source changes); SBK_NO_BUNDLE=1 runs the sources through tsx instead.
 * The comparison is a bare `node -e` printing the same title through the same `script` + shell.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ledger } from '../db/open-ledger.ts';
import { nowMs } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MARKER = '操作员登录';
const TIMEOUT_MS = 20_000;

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function hasScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}

type Start = { ms: number; quitMs: number; forced: boolean };

/** ms from spawn until `MARKER` shows on the pty; then quits it (or kills its process group). */
function timeToMarker(command: string, env: NodeJS.ProcessEnv): Promise<Start> {
  // 80×24 like an SSH session (script's pty has no size when its stdin is a pipe).
  const full = `stty cols 80 rows 24 2>/dev/null; exec ${command}`;
  return new Promise((resolve, reject) => {
    const t0 = nowMs();
    const child = spawn('script', ['-qfec', full, '/dev/null'], { cwd: ROOT, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let done = false;
    let stderr = '';
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    const finish = (err: Error | null, ms = 0) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // Quit the way an operator does (Ctrl+C twice; a bare node takes the first as SIGINT).
      // Signalling `script` itself makes it linger ~2 s, so SIGKILL is the fallback only.
      child.stdin.write('\u0003');
      const confirm = setTimeout(() => child.stdin.writable && child.stdin.write('\u0003'), 150);
      const quitStart = nowMs();
      let forced = false;
      const hard = setTimeout(() => {
        forced = true;
        killGroup('SIGKILL');
      }, 2000);
      child.once('close', () => {
        clearTimeout(confirm);
        clearTimeout(hard);
        if (err) reject(err);
        else resolve({ ms, quitMs: nowMs() - quitStart, forced });
      });
    };
    const timer = setTimeout(() => finish(new Error(`no "${MARKER}" within ${TIMEOUT_MS} ms from: ${command}\n${Buffer.concat(chunks).toString('utf8').slice(-2000)}\n${stderr}`)), TIMEOUT_MS);
    child.stdout.on('data', (b: Buffer) => {
      if (done) return;
      chunks.push(b);
      if (Buffer.concat(chunks).toString('utf8').includes(MARKER)) finish(null, nowMs() - t0);
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', (e) => finish(e));
    child.stdin.on('error', () => {}); // EPIPE once the pty is gone
    child.on('exit', (code) => {
      if (!done) finish(new Error(`exited (${code}) before "${MARKER}": ${command}\n${Buffer.concat(chunks).toString('utf8').slice(-2000)}\n${stderr}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export type StartResult = {
  /** Console runs that did not quit on Ctrl+C twice within 2 s and were killed. */
  forcedQuits: number;
  /** Median time from Ctrl+C to the pty closing, console runs only. */
  quitMedian: number;
  /** No bundle yet (a fresh SBK_BUNDLE_DIR each run): the first start after an edit or an update without `npm install`. */
  cold: number[];
  /** The bundle already built: every start an operator makes. */
  warm: number[];
  /** SBK_NO_BUNDLE=1 with a warm tsx cache: the TypeScript sources through tsx, as before the bundle. */
  sources: number[];
  bareNode: number[];
  coldMedian: number;
  warmMedian: number;
  sourcesMedian: number;
  bareNodeMedian: number;
};

/**
 * `runs` cold starts (each with its own empty bundle folder, so each builds the bundle), then
 * `runs` warm starts on the last bundle, then `runs` starts from the sources through tsx (after
 * one unmeasured start fills tsx's cache), then `runs` bare-node starts. `scratch` holds the folders.
 */
export async function benchConsoleStart(demoDbPath: string, scratch: string, runs = 3): Promise<StartResult> {
  const base: NodeJS.ProcessEnv = { ...process.env, SHELL: '/bin/sh', TERM: process.env.TERM || 'xterm-256color' };
  delete base.SSH_CONNECTION; // the full frame rate, as on a local terminal
  delete base.NODE_ENV; // bin/sbk.js picks production itself
  delete base.SBK_NO_BUNDLE;
  const sbk = `${q(process.execPath)} bin/sbk.js --db ${q(demoDbPath)}`;
  const quits: Start[] = [];
  const run = async (cmd: string, env: NodeJS.ProcessEnv, isConsole: boolean): Promise<number> => {
    const r = await timeToMarker(cmd, env);
    if (isConsole) quits.push(r);
    return r.ms;
  };
  const cold: number[] = [];
  let bundleDir = '';
  for (let i = 0; i < runs; i++) {
    bundleDir = join(scratch, `bundle-${i}`);
    mkdirSync(bundleDir, { recursive: true });
    cold.push(await run(sbk, { ...base, SBK_BUNDLE_DIR: bundleDir }, true));
  }
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(await run(sbk, { ...base, SBK_BUNDLE_DIR: bundleDir }, true));
  const tsxEnv = { ...base, SBK_NO_BUNDLE: '1', TMPDIR: join(scratch, 'tsx-cache') };
  mkdirSync(tsxEnv.TMPDIR, { recursive: true });
  await run(sbk, tsxEnv, true);
  const sources: number[] = [];
  for (let i = 0; i < runs; i++) sources.push(await run(sbk, tsxEnv, true));
  const bareNode: number[] = [];
  const bare = `${q(process.execPath)} -e ${q(`process.stdout.write(${JSON.stringify(MARKER)}); setInterval(() => {}, 1000)`)}`;
  for (let i = 0; i < runs; i++) bareNode.push(await run(bare, base, false));
  return {
    forcedQuits: quits.filter((q) => q.forced).length,
    quitMedian: median(quits.map((q) => q.quitMs)),
    cold,
    warm,
    sources,
    bareNode,
    coldMedian: median(cold),
    warmMedian: median(warm),
    sourcesMedian: median(sources),
    bareNodeMedian: median(bareNode),
  };
}

/** Without a pty tool: time from `render(<App/>)` to the writer's first write holding the login title. */
export async function firstFrameInProcess(ledger: Ledger): Promise<number> {
  const { renderHarness } = await import('./console-harness.tsx');
  const { workingCalendar } = await import('../src/workflows/calendar-source.ts');
  const { isDemoLedger } = await import('../db/ledger-meta.ts');
  const services = { ledger, calendar: workingCalendar(), isDemo: isDemoLedger(ledger.db), lowBandwidth: false, now: () => new Date() };
  const t0 = nowMs();
  const h = renderHarness(services);
  try {
    for (;;) {
      const hit = h.terminal.writes.find((w) => w.s.includes(MARKER));
      if (hit) return hit.at - t0;
      if (nowMs() - t0 > TIMEOUT_MS) throw new Error('no first frame in process');
      await new Promise((r) => setTimeout(r, 1));
    }
  } finally {
    h.unmount();
  }
}
