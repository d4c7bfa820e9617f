/**
 * The console-memory row: the real binary (`node bin/sbk.js --db FILE`) in a pseudo-terminal
 * made by util-linux `script` (as console-start.ts does), driven like an operator: log in, wait
 * for the home screen (stock and alerts), open 逾期与回收 (5), wait for its list, quit with
 * Ctrl+C twice. Its peak resident set comes from `/usr/bin/time -v -o FILE` wrapped around node
 * inside the pty command (wait4's maxrss of the node process, worker threads included).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nowMs } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TIME = '/usr/bin/time';
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const hasTimeV = (): boolean => existsSync(TIME);

export type ConsoleSession = {
  maxRssBytes: number;
  /** spawn → login screen. */
  startMs: number;
  /** PIN's Enter → home screen with its alerts. */
  homeMs: number;
  /** 5 → the overdue list. */
  overdueMs: number;
  /** The 应回收 count the screen showed. */
  dueRows: number;
  exitStatus: string;
};

/**
 * One scripted session; `tag` names the /usr/bin/time output file in `scratch`. Markers are
 * searched in the raw pty bytes (the writer sends changed cells, so a new line's text arrives
 * in one run).
 */
export async function consoleSession(dbPath: string, scratch: string, who: { login: string; pin: string }, tag: string, timeoutMs = 180_000): Promise<ConsoleSession> {
  const timeFile = join(scratch, `console-time-${tag}.txt`);
  const env: NodeJS.ProcessEnv = { ...process.env, SHELL: '/bin/sh', TERM: process.env.TERM || 'xterm-256color' };
  delete env.SSH_CONNECTION;
  delete env.NODE_ENV; // bin/sbk.js picks production itself
  delete env.SBK_OPERATOR;
  delete env.SBK_PIN;
  const command = `stty cols 80 rows 24 2>/dev/null; exec ${TIME} -v -o ${q(timeFile)} ${q(process.execPath)} bin/sbk.js --db ${q(dbPath)}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  let closed = false;
  const closedP = new Promise<number | null>((resolve) => child.once('close', (code) => ((closed = true), resolve(code))));
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  child.stdin.on('error', () => {});
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  let mark = 0;
  const waitFor = async (what: string, test: (s: string) => boolean): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!test(out.slice(mark))) {
      if (closed) throw new Error(`console exited while waiting for ${what}:\n${out.slice(-1500)}\n${stderr}`);
      if (Date.now() > deadline) throw new Error(`console: no ${what} within ${timeoutMs} ms:\n${out.slice(-1500)}\n${stderr}`);
      await sleep(5);
    }
    mark = out.length;
  };
  const send = (s: string) => child.stdin.write(s);
  try {
    const t0 = nowMs();
    await waitFor('login screen', (s) => s.includes('操作员登录'));
    const startMs = nowMs() - t0;
    await sleep(100);
    send(who.login);
    await waitFor('login typed', (s) => s.includes(who.login.slice(-3)));
    send('\r');
    await sleep(100);
    send(who.pin);
    await waitFor('PIN typed', (s) => s.includes('*'));
    await sleep(100);
    let t = nowMs();
    send('\r');
    await waitFor('home screen', (s) => s.includes('功能') && s.includes('提醒'));
    const homeMs = nowMs() - t;
    await sleep(300);
    t = nowMs();
    send('5');
    let dueRows = -1;
    await waitFor('overdue list', (s) => {
      const m = /应回收 (\d+)/.exec(s);
      if (m) dueRows = Number(m[1]);
      return m !== null;
    });
    const overdueMs = nowMs() - t;
    await sleep(300);
    // Ctrl+C twice quits (the first only says to press it again).
    send('\u0003');
    await sleep(300);
    send('\u0003');
    const hard = setTimeout(killGroup, 10_000);
    await closedP;
    clearTimeout(hard);
    const time = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(time);
    if (!kb) throw new Error(`no maximum resident set size from ${TIME} -v:\n${time}\n${out.slice(-800)}`);
    const status = /Exit status: (\d+)/.exec(time)?.[1] ?? /Command terminated by signal (\d+)/.exec(time)?.[0] ?? '?';
    return { maxRssBytes: Number(kb[1]) * 1024, startMs, homeMs, overdueMs, dueRows, exitStatus: status };
  } catch (e) {
    killGroup();
    throw e;
  }
}
