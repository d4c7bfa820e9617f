/**
 * One replica per ledger, and replication switched off (issue 21): a second address is refused
 * while the ledger ships to the first; `sbk replicate off` stops keeping rows (a sealed write,
 * verify stays clean), and moving to another server then starts with a full copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { NO_PG_MESSAGE, pgBinaries, startPgServer, type PgServer } from '../helpers/pg-server.ts';
import { demoLedgerCopies } from '../helpers/demo-cli.ts';
import { runCli } from '../helpers/run-cli.ts';
import { compareWithReplica, sleep, startReplicator, tablesEqual, waitFor, writeSome } from './replica-helpers.ts';

const HAVE_PG = pgBinaries() !== null;
if (!HAVE_PG) console.warn(NO_PG_MESSAGE);

describe.skipIf(!HAVE_PG)('one replica per ledger; replication off', () => {
  let server: PgServer;
  let second: string;
  const demoCopy = demoLedgerCopies('sbk-repl-target-');
  beforeAll(async () => {
    server = startPgServer();
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE sbk_second');
    await admin.end();
    second = server.url.replace('/postgres?', '/sbk_second?');
  });
  afterAll(() => server?.stop());

  const meta = (db: string, key: string) => {
    const d = new Database(db, { readonly: true });
    try {
      return d.prepare('SELECT value FROM ledger_meta WHERE key = ?').pluck().get(key) as string | undefined;
    } finally {
      d.close();
    }
  };
  const outbox = (db: string) => {
    const d = new Database(db, { readonly: true });
    try {
      return d.prepare('SELECT count(*) FROM ledger_outbox').pluck().get() as number;
    } finally {
      d.close();
    }
  };

  it('refuses a second server while shipping to the first, and moves after off with a full copy', async () => {
    const db = demoCopy();
    const first = runCli(['replicate', '--to', server.url, '--db', db, '--once', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(meta(db, 'replica_target')).toMatch(/\/postgres$/);

    // Another database: refused, nothing written, the first replica still in step.
    writeSome(db, 3, 'a');
    const other = runCli(['replicate', '--to', second, '--db', db, '--once']);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain('REPLICA_OTHER_TARGET');
    expect(other.stderr).toContain('sbk replicate off');
    expect(outbox(db)).toBeGreaterThan(0);
    expect(runCli(['replicate', '--to', server.url, '--db', db, '--once', '--json']).json().seals).toBe(3);
    expect(tablesEqual(await compareWithReplica(db, server.url))).toEqual([]);

    // Off: one sealed write; writes keep nothing; verify clean; the lag alert has nothing to say.
    writeSome(db, 2, 'b');
    const off = runCli(['replicate', 'off', '--db', db, '--json']);
    expect(off.code, off.stderr).toBe(0);
    expect(off.json()).toMatchObject({ wasOn: true, droppedRows: expect.any(Number) });
    expect(off.json().droppedRows).toBeGreaterThan(0);
    expect(off.json().target).toMatch(/\/postgres$/);
    expect(meta(db, 'replication')).toBe('0');
    expect(meta(db, 'replica_target')).toBeUndefined();
    writeSome(db, 2, 'c');
    expect(outbox(db)).toBe(0);
    const v = runCli(['verify', '--db', db, '--json']);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    const again = runCli(['replicate', 'off', '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('没有在同步');

    // Off stays off: a replicator restarted by its service is refused; --resume starts again.
    const restarted = runCli(['replicate', '--to', second, '--db', db, '--once']);
    expect(restarted.code).not.toBe(0);
    expect(restarted.stderr).toContain('REPLICATION_TURNED_OFF');
    expect(meta(db, 'replication')).toBe('0');
    // The new server: a full copy of everything, the writes made while off included.
    const moved = runCli(['replicate', '--to', second, '--db', db, '--once', '--resume', '--json']);
    expect(moved.code, moved.stderr).toBe(0);
    const c = await compareWithReplica(db, second);
    expect(tablesEqual(c)).toEqual([]);
    expect(c.replicaHead).toBe(c.localHead);
    expect(meta(db, 'replica_target')).toMatch(/\/sbk_second$/);
  });

  it('a running replicator stops when replication is turned off', async () => {
    const db = demoCopy();
    const child = startReplicator(db, server.url);
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitFor(async () => {
      if (meta(db, 'replica_target') === undefined) return false;
      const c = await compareWithReplica(db, server.url).catch(() => null);
      return c !== null && c.replicaHead > 0 && c.replicaHead === c.localHead;
    }, 60_000);
    const off = runCli(['replicate', 'off', '--db', db]);
    expect(off.code, off.stderr).toBe(0);
    writeSome(db, 2, 'after-off');
    const code = await Promise.race([exited, sleep(20_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') child.kill('SIGKILL');
    expect(code).not.toBe('timeout');
    expect(code).not.toBe(0);
    expect(stderr).toContain('REPLICATION_TURNED_OFF');
    expect(outbox(db)).toBe(0);
  });
});
