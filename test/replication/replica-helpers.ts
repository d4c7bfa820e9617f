/**
 * What the replication tests share: writes made by another process's connection (as a console
 * would), the replicator as a child process, and the comparison of a ledger with its replica:
 * every table's digest recomputed from the server's row texts, and the heads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { closeLedger, openLedger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { putSetting } from '../../db/settings-repo.ts';
import { digestOfTable, sealedTables } from '../../db/sealed-tables.ts';
import { addRow, emptyDigest, encodeDigest } from '../../db/table-digest.ts';
import { ledgerIdOf, localHead } from '../../db/replication-outbox.ts';

const BIN = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));

/** `n` sealed writes on the ledger (each an insert and, from the second round on, an update of a setting). */
export function writeSome(db: string, n: number, tag: string): void {
  const l = openLedger(db, { mustExist: true });
  try {
    const op = l.sqlite.prepare('SELECT id FROM operators ORDER BY id LIMIT 1').pluck().get() as number;
    for (let i = 0; i < n; i++) {
      writeTx(l, (tx) => {
        putSetting(tx, `test.k${i % 50}`, `${tag}-${i}`, op, l.now().toISOString());
        putSetting(tx, `test.${tag}.${i}`, 'x', op, l.now().toISOString());
      });
    }
  } finally {
    closeLedger(l);
  }
}

/** The long-running replicator, as systemd would start it. */
export function startReplicator(db: string, url: string, extra: string[] = [], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, 'replicate', '--to', url, '--db', db, '--interval-ms', '100', ...extra], {
    env: { ...process.env, SBK_OPERATOR: undefined, SBK_PIN: undefined, SBK_DB: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export type Comparison = { ledgerId: string; localHead: number; replicaHead: number; tables: Record<string, { local: string; replica: string }> };

/** The ledger beside its replica: head numbers and every table's digest (computed from the server's rows). */
export async function compareWithReplica(db: string, url: string): Promise<Comparison> {
  const l = openLedger(db, { mustExist: true });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const id = ledgerIdOf(l.sqlite)!;
    const head = await c.query('SELECT head_seq, head_hash FROM sbk_ledgers WHERE id = $1', [id]);
    const seals = await c.query('SELECT count(*)::int AS n, max(seq)::int AS top FROM sbk_seals WHERE ledger_id = $1', [id]);
    const tables: Comparison['tables'] = {};
    for (const t of sealedTables(l.sqlite)) {
      const d = emptyDigest();
      const r = await c.query<{ _row: string }>(`SELECT _row FROM "r_${t.name}" WHERE _ledger = $1`, [id]);
      for (const x of r.rows) addRow(d, t.name, x._row, 1);
      tables[t.name] = { local: encodeDigest(digestOfTable(l.sqlite, t)), replica: encodeDigest(d) };
    }
    const replicaHead = Number(head.rows[0]?.head_seq ?? 0);
    if (seals.rows[0].n !== replicaHead || seals.rows[0].top !== replicaHead) throw new Error(`seals on the server: ${JSON.stringify(seals.rows[0])}, head ${replicaHead}`);
    return { ledgerId: id, localHead: localHead(l.sqlite)!.seq, replicaHead, tables };
  } finally {
    await c.end();
    closeLedger(l);
  }
}

export function tablesEqual(c: Comparison): string[] {
  return Object.entries(c.tables)
    .filter(([, v]) => v.local !== v.replica)
    .map(([k]) => k);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error('timed out');
}
