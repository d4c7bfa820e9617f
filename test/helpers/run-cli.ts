import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));

export type CliResult = { code: number; signal: NodeJS.Signals | null; stdout: string; stderr: string; json: () => any };

/** Runs the real `sbk` binary, as an operator's script would. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SBK_OPERATOR: undefined, SBK_PIN: undefined, SBK_DB: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: r.status ?? -1, signal: r.signal, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}
