/**
 * A tmux pane running the real binary, for the end-to-end console tests: capture-pane reads the
 * screen, and `waitFor` polls it until a condition holds (or fails with the screen it last saw).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from './temp-ledger.ts';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type TmuxPane = {
  /** Runs a tmux command on this test's own server. */
  readonly tmux: (...args: string[]) => string;
  /** The pane's lines now, trailing blank lines dropped. */
  readonly lines: () => string[];
  /** Resolves with the pane's lines once `pred` holds for its text. */
  readonly waitFor: (pred: (text: string) => boolean, what: string, timeoutMs?: number) => Promise<string[]>;
  /** Stops the server (and everything in it). */
  readonly kill: () => void;
};

/** `socket`: a tmux server of the test's own, so tests in parallel never share one. */
export function tmuxPane(socket: string, target: string): TmuxPane {
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const lines = () => tmux('capture-pane', '-p', '-t', target).replace(/\n+$/, '').split('\n');
  const waitFor = async (pred: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string[]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const now = lines();
      if (pred(now.join('\n'))) return now;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${now.join('\n')}`);
      await sleep(100);
    }
  };
  return { tmux, lines, waitFor, kill: () => void spawnSync('tmux', ['-L', socket, 'kill-server']) };
}

export type DemoConsole = TmuxPane & {
  /** The session's folder (the demo ledger and its exports are in it), once started. */
  readonly dir: () => string;
  /** Everything the terminal received so far, in bytes (pipe-pane), with `log: true`. */
  readonly bytesSoFar: () => number;
  readonly session: string;
};

/**
 * The demo console as `npm start` opens it, in a pane of its own tmux server: started from a fresh
 * folder outside the project (as an SSH forced command would be) before the calling describe's
 * tests, the server killed after them. CI=true would put Ink in its render-at-exit mode; an
 * operator's shell has no CI variable.
 */
export function demoConsolePane(bin: string, name: string, size: { x: number; y: number }, opts: { log?: boolean } = {}): DemoConsole {
  const session = `sbk-${name}`;
  const pane = tmuxPane(`sbk-e2e-${name}-${process.pid}`, session);
  let dir = '';
  let log = '';
  beforeAll(() => {
    dir = tempDir();
    const cmd = `env -u CI node '${bin}' --demo --db '${join(dir, 'demo.db')}'; echo "SBK_EXITED=$?"; sleep 30`;
    pane.tmux('new-session', '-d', '-s', session, '-x', String(size.x), '-y', String(size.y), '-c', dir, cmd);
    if (opts.log) {
      log = join(dir, 'pane.log');
      pane.tmux('pipe-pane', '-t', session, '-o', `cat >> '${log}'`);
    }
  });
  afterAll(() => pane.kill());
  return { ...pane, session, dir: () => dir, bytesSoFar: () => (log && existsSync(log) ? statSync(log).size : 0) };
}
