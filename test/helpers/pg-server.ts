/**
 * A throwaway PostgreSQL cluster for tests (issue 21 item 5): initdb in a temp folder, owned by
 * an unprivileged user (initdb refuses root: `sbkpg`, made with useradd when missing, or
 * `nobody`), listening only on a unix socket in that folder; stopped and removed at the end.
 * `pgBinaries()` is null when no PostgreSQL is installed: the tests then skip with a message.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PgServer = { url: string; dir: string; stop: () => void; restart: () => void; kill: () => void; start: () => void };

const BIN_DIRS = ['/usr/local/bin', '/usr/bin', ...['18', '17', '16', '15', '14', '13'].map((v) => `/usr/lib/postgresql/${v}/bin`)];

export function pgBinaries(): string | null {
  for (const d of BIN_DIRS) if (existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl'))) return d;
  return null;
}

export const NO_PG_MESSAGE = 'PostgreSQL binaries (initdb, pg_ctl) not found: the replication tests are skipped. apt-get install postgresql (.ci/run does).';

function runAsUser(): string {
  if (process.getuid?.() !== 0) return '';
  if (spawnSync('id', ['sbkpg']).status === 0) return 'sbkpg';
  if (spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'sbkpg']).status === 0) return 'sbkpg';
  return 'nobody';
}

export function startPgServer(): PgServer {
  const bin = pgBinaries();
  if (!bin) throw new Error(NO_PG_MESSAGE);
  const user = runAsUser();
  const dir = mkdtempSync(join(tmpdir(), 'sbk-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const as = (cmd: string, args: string[]) => {
    const full = user ? ['runuser', '-u', user, '--', cmd, ...args] : [cmd, ...args];
    execFileSync(full[0]!, full.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  if (user) execFileSync('chown', [user, dir]);
  as(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'sbk', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const opts = `-k ${dir} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off -p 5432`;
  const start = () => as(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = () => {
    try {
      as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // already stopped
    }
  };
  start();
  return {
    url: `postgres://sbk@localhost/postgres?host=${encodeURIComponent(dir)}`,
    dir,
    start,
    restart: () => {
      stop();
      start();
    },
    kill: () => as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']),
    stop: () => {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
