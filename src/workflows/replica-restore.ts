/**
 * `sbk restore --from URL --ledger ID --db NEW.db` and `sbk verify --from URL --ledger ID`
 * (issue 21 items 2 and 3). Restore reads the replica in one REPEATABLE READ snapshot (a
 * replicator may be shipping meanwhile) and writes a new ledger file (db/restore-ledger.ts);
 * the restored ledger is then verified by the same code as `sbk verify`. The chain key (the
 * `<ledger>.key` file, which also holds the PIN pepper) never goes to the server: `--key`
 * copies it beside the restored file, and without it the links are checked by hash only (and
 * PINs cannot be checked until the key is put back).
 *
 * Verify on the server is a restore into a temporary folder and the local verify on it: the
 * same checks, the movement chain replayed and every table's digest recomputed from the rows
 * the server holds.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connectReplica } from '../../db/pg/connect.ts';
import { mirrorRows } from '../../db/pg/mirror-tables.ts';
import { readLedger, replicaSeals } from '../../db/pg/replica-ledger.ts';
import { createRestoredLedger } from '../../db/restore-ledger.ts';
import { closeLedger, openLedger } from '../../db/open-ledger.ts';
import { verifyLedger, type VerifyReport } from '../../db/verify-ledger.ts';
import { localHead, sealAt } from '../../db/replication-outbox.ts';
import { chainKeyFor, chainKeyFromPepper, type ChainKey } from '../security/chain-key.ts';
import { pepperPath } from '../security/pepper-file.ts';
import { SbkError } from '../domain/errors.ts';

export type RestoreResult = { path: string; ledgerId: string; head: { seq: number; hash: string }; rows: number; seals: number; keyed: boolean; ms: number };

export async function restoreFromReplica(url: string, ledgerId: string, path: string, keyFile?: string): Promise<RestoreResult> {
  const full = resolve(path);
  if (existsSync(full)) throw new SbkError('RESTORE_TARGET_EXISTS', { path: full });
  if (keyFile && !existsSync(keyFile)) throw new SbkError('RESTORE_KEY_UNREADABLE', { path: keyFile });
  const t0 = performance.now();
  const c = await connectReplica(url);
  let writer: ReturnType<typeof createRestoredLedger> | null = null;
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const l = await readLedger(c, ledgerId);
    if (!l) throw new SbkError('REPLICA_LEDGER_UNKNOWN', { ledgerId });
    if (!l.schema || !l.tables) throw new SbkError('REPLICA_NOT_RESTORABLE', { ledgerId });
    writer = createRestoredLedger(full, l.schema);
    for (const t of l.tables) for await (const page of mirrorRows(c, ledgerId, t.name)) writer.addRows(t.name, page);
    for await (const page of replicaSeals(c, ledgerId)) writer.addSeals(page.filter((s) => s.seq <= l.seq));
    await c.query('COMMIT');
    const done = writer.finish();
    writer = null;
    if (keyFile) copyFileSync(keyFile, pepperPath(full));
    return { path: full, ledgerId, head: { seq: l.seq, hash: l.hash }, rows: done.rows, seals: done.seals, keyed: Boolean(keyFile), ms: performance.now() - t0 };
  } catch (e) {
    writer?.abort();
    if (writer) rmSync(full, { force: true });
    throw e;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** How the local ledger's head stands against the replica's. */
export type HeadComparison = { local: { seq: number; hash: string } | null; replica: { seq: number; hash: string }; state: 'same' | 'replica_behind' | 'local_behind' | 'fork' };

export type ReplicaVerifyReport = VerifyReport & { ledgerId: string; restoreMs: number; compare: HeadComparison | null };

/** The key to check MACs with: --key, else the local ledger's own key file when --db is given. */
function keyFrom(keyFile: string | undefined, localPath: string | undefined): ChainKey | null {
  if (keyFile) {
    try {
      return chainKeyFromPepper(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'));
    } catch {
      throw new SbkError('RESTORE_KEY_UNREADABLE', { path: keyFile });
    }
  }
  return localPath ? chainKeyFor(localPath) : null;
}

export async function verifyReplica(url: string, ledgerId: string, opts: { keyFile?: string; localPath?: string }): Promise<ReplicaVerifyReport> {
  const dir = mkdtempSync(join(tmpdir(), 'sbk-verify-from-'));
  try {
    const r = await restoreFromReplica(url, ledgerId, join(dir, 'replica.db'));
    const restored = openLedger(r.path, { mustExist: true });
    let report: VerifyReport;
    try {
      report = verifyLedger(restored, undefined, keyFrom(opts.keyFile, opts.localPath));
    } finally {
      closeLedger(restored);
    }
    const compare = opts.localPath && existsSync(opts.localPath) ? compareHeads(opts.localPath, r.head) : null;
    return { ...report, ledgerId, restoreMs: r.ms, compare };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function compareHeads(localPath: string, replica: { seq: number; hash: string }): HeadComparison {
  const l = openLedger(localPath, { mustExist: true });
  try {
    const h = localHead(l.sqlite);
    const local = h ? { seq: h.seq, hash: h.hash } : null;
    if (!local) return { local, replica, state: 'local_behind' };
    if (local.seq === replica.seq) return { local, replica, state: local.hash === replica.hash ? 'same' : 'fork' };
    if (local.seq > replica.seq) return { local, replica, state: sealAt(l.sqlite, replica.seq)?.hash === replica.hash ? 'replica_behind' : 'fork' };
    return { local, replica, state: 'local_behind' };
  } finally {
    closeLedger(l);
  }
}
