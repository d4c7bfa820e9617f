/**
 * Issue 21 items 1–3 and 5 on a real PostgreSQL (a throwaway cluster, test/helpers/pg-server.ts):
 * the demo ledger replicated (every table and the head equal), writes from another process
 * shipped, the replicator killed with SIGKILL mid-batch and resumed (4 times: once at each step of a shipment and once at random; 25 under
 * SBK_LONG_TESTS=1) with nothing lost or doubled, the server restarted mid-stream, a forked
 * source and an old backup refused, a restore round trip (verify clean, same head, same
 * digests) and verify --from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { NO_PG_MESSAGE, pgBinaries, startPgServer, type PgServer } from '../helpers/pg-server.ts';
import { demoLedgerCopies } from '../helpers/demo-cli.ts';
import { runCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { sealSchema } from '../../db/seal-chain.ts';
import { chainKeyFor } from '../../src/security/chain-key.ts';
import { compareWithReplica, sleep, startReplicator, tablesEqual, waitFor, writeSome } from './replica-helpers.ts';

const HAVE_PG = pgBinaries() !== null;
if (!HAVE_PG) console.warn(NO_PG_MESSAGE);
const KILLS = process.env.SBK_LONG_TESTS === '1' ? 25 : 4;

describe.skipIf(!HAVE_PG)('replication to PostgreSQL', () => {
  let server: PgServer;
  const demoCopy = demoLedgerCopies('sbk-repl-');
  beforeAll(() => {
    server = startPgServer();
  });
  afterAll(() => server?.stop());

  const once = (db: string) => runCli(['replicate', '--to', server.url, '--db', db, '--once', '--json']);
  const expectInSync = async (db: string) => {
    const c = await compareWithReplica(db, server.url);
    expect(tablesEqual(c)).toEqual([]);
    expect(c.replicaHead).toBe(c.localHead);
    return c;
  };

  it('replicates the demo ledger: every table and the head equal; then writes from another process', async () => {
    const db = demoCopy();
    // Replication off: writes keep nothing for it.
    writeSome(db, 2, 'off');
    const outbox = () => new Database(db, { readonly: true }).prepare('SELECT count(*) FROM ledger_outbox').pluck().get();
    expect(outbox()).toBe(0);
    const r = once(db);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const first = r.json();
    expect(first.ledgerId).toMatch(/[0-9a-f-]{36}/);
    const c = await expectInSync(db);
    expect(Object.keys(c.tables).length).toBeGreaterThan(20);
    // The first copy into this new replica dropped the mirrors' indexes and built them after the
    // load: every one is back, valid, as ensureMirrors makes it.
    const pgc = new pg.Client({ connectionString: server.url });
    await pgc.connect();
    try {
      const ix = await pgc.query<{ name: string; valid: boolean; def: string }>(
        `SELECT ic.relname AS name, i.indisvalid AS valid, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
           JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname LIKE 'r\\_%'`,
      );
      const names = new Set(ix.rows.map((r) => r.name));
      for (const t of Object.keys(c.tables)) expect(names, t).toContain(`r_${t}_hash`);
      for (const n of ['r_cards_rep0', 'r_cards_rep1', 'r_cards_rep2', 'r_cards_rep3', 'r_movements_rep0', 'r_holders_rep1']) expect(names).toContain(n);
      expect(ix.rows.filter((r) => !r.valid)).toEqual([]);
      expect(ix.rows.find((r) => r.name === 'r_movements_hash')?.def).toMatch(/\(_hash, _ledger\)/);
    } finally {
      await pgc.end();
    }
    writeSome(db, 40, 'a');
    const again = once(db);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json().seals).toBe(40);
    expect(outbox()).toBe(0);
    await expectInSync(db);
    // Nothing new: nothing shipped, the outbox empty.
    expect(once(db).json().seals).toBe(0);
    const s = runCli(['replicate', 'status', '--to', server.url, '--db', db, '--json']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.json()).toMatchObject({ lagSeals: 0, lagSeconds: 0, outbox: 0, refusal: null });
  });

  it('after a schema seal (a migration: rows the outbox never saw) ships a full copy and stays equal', async () => {
    const db = demoCopy();
    expect(once(db).code).toBe(0);
    writeSome(db, 5, 's1');
    // What a migration does (before the program's capture is installed): rows changed on a plain
    // connection, then the whole content sealed afresh.
    const raw = new Database(db);
    try {
      raw.transaction(() => {
        raw.prepare("UPDATE settings SET value = value || '-migrated' WHERE key LIKE 'test.%'").run();
        sealSchema(raw, chainKeyFor(db), '2026-12-07T12:00:00.000Z', []);
      }).immediate();
    } finally {
      raw.close();
    }
    writeSome(db, 5, 's2');
    const r = once(db);
    expect(r.code, r.stderr).toBe(0);
    await expectInSync(db);
    expect(runCli(['verify', '--db', db, '--json']).code).toBe(0);
  }, 60_000);

  it(`survives kill -9 of the replicator mid-batch ${KILLS} times: nothing lost, nothing doubled`, async () => {
    const db = demoCopy();
    expect(once(db).code).toBe(0);
    // Killed at each step of a shipment in turn (failpoints: rows sent, seals written, server
    // committed but the outbox not yet cleared), and at a moment nobody chose.
    const steps = ['replicate-rows-sent', 'replicate-before-commit', 'replicate-after-commit', ''];
    for (let k = 0; k < KILLS; k++) {
      writeSome(db, 150, `k${k}`);
      const step = steps[k % steps.length]!;
      const child = startReplicator(db, server.url, [], step ? { SBK_FAILPOINT: step } : {});
      const exited = new Promise<number | null>((r) => child.once('exit', (_code, signal) => r(signal === 'SIGKILL' ? -9 : _code)));
      if (!step) {
        await sleep(400 + ((k * 137) % 900));
        child.kill('SIGKILL');
      }
      expect(await exited).toBe(-9);
    }
    const r = once(db);
    expect(r.code, r.stderr).toBe(0);
    await expectInSync(db);
  }, 240_000);

  it('keeps going through a server restart mid-stream', async () => {
    const db = demoCopy();
    expect(once(db).code).toBe(0);
    const child = startReplicator(db, server.url);
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    try {
      writeSome(db, 50, 'r1');
      await sleep(300);
      server.restart();
      writeSome(db, 50, 'r2');
      await waitFor(async () => {
        const c = await compareWithReplica(db, server.url).catch(() => null);
        return !!c && c.replicaHead === c.localHead;
      }, 60_000);
      await expectInSync(db);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 120_000);

  it('refuses a forked source and one restored from an old backup; nothing merged', async () => {
    const db = demoCopy();
    expect(once(db).code).toBe(0);
    const fork = join(tempDir(), 'fork.db');
    const backup = join(tempDir(), 'backup.db');
    for (const to of [fork, backup]) {
      copyFileSync(db, to);
      copyFileSync(`${db}.key`, `${to}.key`);
    }
    writeSome(db, 5, 'main');
    writeSome(fork, 7, 'fork');
    expect(once(db).code).toBe(0);
    const before = await compareWithReplica(db, server.url);
    const refused = once(fork);
    expect(refused.code, refused.stdout).toBe(1);
    expect(refused.json().error.code).toBe('REPLICA_FORK');
    const old = once(backup);
    expect(old.code).toBe(1);
    expect(old.json().error.code).toBe('REPLICA_SOURCE_BEHIND');
    const after = await expectInSync(db);
    expect(after.replicaHead).toBe(before.replicaHead);
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    const codes = (await c.query('SELECT code FROM sbk_refusals WHERE ledger_id = $1 ORDER BY at', [after.ledgerId])).rows.map((x) => x.code);
    await c.end();
    expect(codes).toEqual(['REPLICA_FORK', 'REPLICA_SOURCE_BEHIND']);
    const s = runCli(['replicate', 'status', '--to', server.url, '--db', db, '--json']);
    expect(s.json().refusal.code).toBe('REPLICA_SOURCE_BEHIND');
  }, 120_000);

  it('restores a ledger that verifies clean with the same head and digests; verify --from agrees', async () => {
    const db = demoCopy();
    writeSome(db, 3, 'pre');
    expect(once(db).code).toBe(0);
    writeSome(db, 20, 'post');
    expect(once(db).code).toBe(0);
    const { ledgerId } = await expectInSync(db);
    const restored = join(tempDir(), 'restored.db');
    const r = runCli(['restore', '--from', server.url, '--ledger', ledgerId, '--db', restored, '--key', `${db}.key`, '--json']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const out = r.json();
    expect(out.verify).toMatchObject({ ok: true, problems: [], keyChecked: true });
    const v = runCli(['verify', '--db', restored, '--json']);
    expect(v.code, v.stdout).toBe(0);
    const local = runCli(['verify', '--db', db, '--json']).json();
    expect(v.json().sealHead).toEqual(local.sealHead);
    const digests = (p: string) => new Database(p, { readonly: true }).prepare('SELECT tbl, digest, seq FROM ledger_digests ORDER BY tbl').all();
    expect(digests(restored)).toEqual(digests(db));
    // Into an existing file: refused.
    const again = runCli(['restore', '--from', server.url, '--ledger', ledgerId, '--db', restored, '--json']);
    expect(again.json().error.code).toBe('RESTORE_TARGET_EXISTS');
    // Without the key: verified by hash only, and said so.
    const noKey = join(tempDir(), 'nokey.db');
    const nk = runCli(['restore', '--from', server.url, '--ledger', ledgerId, '--db', noKey, '--json']);
    expect(nk.code, nk.stdout).toBe(0);
    expect(nk.json()).toMatchObject({ keyed: false, verify: { ok: true, keyChecked: false } });
    expect(existsSync(`${noKey}.key`)).toBe(false);
    // verify --from: the replica checked on its own, then beside the local ledger.
    const vf = runCli(['verify', '--from', server.url, '--ledger', ledgerId, '--db', db, '--json']);
    expect(vf.code, vf.stdout).toBe(0);
    expect(vf.json()).toMatchObject({ ok: true, keyChecked: true, compare: { state: 'same' } });
    writeSome(db, 2, 'later');
    const behind = runCli(['verify', '--from', server.url, '--ledger', ledgerId, '--db', db, '--json']).json();
    expect(behind.compare.state).toBe('replica_behind');
  }, 120_000);
});
