/**
 * A tmux pane running the real binary, for the end-to-end console tests: capture-pane reads the
 * screen, and `waitFor` polls it until a condition holds (or fails with the screen it last saw).
 */
import { execFileSync, spawnSync } from 'node:child_process';

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
