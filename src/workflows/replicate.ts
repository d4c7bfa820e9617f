/**
 * `sbk replicate` (issue 21 item 1): ships the ledger's seal chain, with every row each seal's
 * write changed, to PostgreSQL, in chain order.
 *
 * - Turning it on is a sealed write (ledger_meta: the ledger's id, replication = 1): from then on
 *   every write keeps its rows in the outbox, in its own transaction (db/replication-outbox.ts).
 * - A shipment is one server transaction that locks the ledger's row there, checks that the
 *   local chain continues the replica's head (the local seal at the replica's head number must
 *   have its hash: else a fork; a local chain shorter than the replica: an old backup), then
 *   adds seals after the head with their rows. Refusals are recorded on the server and stop the
 *   replicator (exit non-zero); nothing is merged.
 * - The first shipment, and any after a seal whose rows the outbox lacks (a migration, a write by
 *   a program without the outbox), is a full copy: every table read in one snapshot of the
 *   ledger, up to its head, each streamed through one COPY (the ledger read while the server
 *   stores). A mirror that holds no ledger's rows yet (a new replica) has its indexes dropped
 *   first and built again after the load, in the same transaction (deferIndexes / buildIndexes:
 *   whatever indexes ensureMirrors made, whoever asked for them).
 * - Shipped outbox rows are deleted only after the server committed. A kill at any point leaves
 *   either the old head (the server rolled back) or the new one (the outbox rows are then
 *   beyond it and dropped): nothing lost, nothing twice.
 * - Reads of the ledger are short snapshots (WAL): console writers never wait for the network.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { getMeta } from '../../db/ledger-meta.ts';
import {
  columnTypes,
  dropShipped,
  inReadSnapshot,
  localHead,
  outboxOn,
  outboxRows,
  schemaSnapshot,
  sealAt,
  sealsAfter,
  sealsWithoutRows,
  tableRows,
  type LocalSeal,
} from '../../db/replication-outbox.ts';
import { rowExpression, sealedTables } from '../../db/sealed-tables.ts';
import { buildIndexes, clearLedger, copyRows, deferIndexes, deleteRows, ensureMirrors, insertRows, rowHash, type TableShape } from '../../db/pg/mirror-tables.ts';
import { ensureServerSchema, type PgConn } from '../../db/pg/server-schema.ts';
import { insertSeals, lockLedger, recordRefusal, setHead, type ReplicaHead } from '../../db/pg/replica-ledger.ts';
import { connectReplica, isConnectionError } from '../../db/pg/connect.ts';
import { SbkError } from '../domain/errors.ts';
import { failpoint } from './failpoint.ts';
import { claimReplicaTarget } from './replica-target.ts';

export type Source = { id: string; name: string | null; rootSiteCode: string | null };
export type Shipment = { kind: 'idle' | 'rows' | 'full'; seals: number; rows: number; head: number; ms: number };

/** Seals per shipment, and row changes per statement batch. */
const SEALS_PER_SHIPMENT = 2000;
const ROWS_PER_BATCH = 5000;

/** The ledger's id, replication turned on towards `url` (one sealed write the first time; replica-target.ts). */
export function prepareSource(ledger: Ledger, url: string, opts: { resume?: boolean } = {}): Source {
  const { ledgerId } = claimReplicaTarget(ledger, url, opts);
  return { id: ledgerId, name: getMeta(ledger.db, 'name') ?? null, rootSiteCode: getMeta(ledger.db, 'root_site_code') ?? null };
}

function shapesOf(ledger: Ledger): TableShape[] {
  return sealedTables(ledger.sqlite).map((t) => ({ name: t.name, columns: columnTypes(ledger.sqlite, t.name) }));
}

/** The mirrors made or widened when the ledger's tables change (own short transaction: DDL locks are not held while shipping). */
async function mirrorsFor(c: PgConn, shapes: TableShape[], known: { sig: string }): Promise<void> {
  const sig = JSON.stringify(shapes);
  if (sig === known.sig) return;
  await c.query('BEGIN');
  try {
    await ensureMirrors(c, shapes);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  known.sig = sig;
}

/** Refused: the chain here does not continue the replica's (checked inside the ledger snapshot). */
function continuity(ledger: Ledger, src: Source, head: ReplicaHead): { code: 'REPLICA_FORK' | 'REPLICA_SOURCE_BEHIND'; err: SbkError } | null {
  if (head.seq === 0) return null;
  const local = localHead(ledger.sqlite);
  if (!local || local.seq < head.seq) {
    return { code: 'REPLICA_SOURCE_BEHIND', err: new SbkError('REPLICA_SOURCE_BEHIND', { local: local?.seq ?? 0, replica: head.seq, ledgerId: src.id }) };
  }
  if (sealAt(ledger.sqlite, head.seq)?.hash !== head.hash) return { code: 'REPLICA_FORK', err: new SbkError('REPLICA_FORK', { seq: head.seq, ledgerId: src.id }) };
  return null;
}

/** Applies row changes (sign, table, row) in batches: each batch netted (a row added and removed again is neither), removals first. */
class ChangeApplier {
  private pending = new Map<string, Map<string, number>>();
  private size = 0;
  rows = 0;
  constructor(
    private readonly c: PgConn,
    private readonly id: string,
    private readonly shapes: Map<string, TableShape>,
  ) {}

  async add(tbl: string, row: string, sign: number): Promise<void> {
    let m = this.pending.get(tbl);
    if (!m) this.pending.set(tbl, (m = new Map()));
    m.set(row, (m.get(row) ?? 0) + sign);
    this.rows += 1;
    if (++this.size >= ROWS_PER_BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    for (const [tbl, m] of this.pending) {
      const hashes: string[] = [];
      const counts: number[] = [];
      const added: string[] = [];
      for (const [row, n] of m) {
        if (n < 0) {
          hashes.push(rowHash(tbl, row));
          counts.push(-n);
        } else for (let i = 0; i < n; i++) added.push(row);
      }
      const want = counts.reduce((a, b) => a + b, 0);
      const removed = await deleteRows(this.c, this.id, tbl, hashes, counts);
      if (removed !== want) throw new SbkError('REPLICA_DIVERGED', { table: tbl, missing: want - removed });
      const shape = this.shapes.get(tbl) ?? { name: tbl, columns: [] };
      await insertRows(this.c, this.id, shape, added);
    }
    this.pending.clear();
    this.size = 0;
  }
}

/** One shipment: everything after the replica's head (up to SEALS_PER_SHIPMENT seals, or all of it in a full copy). */
export async function shipOnce(ledger: Ledger, c: PgConn, src: Source, known: { sig: string } = { sig: '' }): Promise<Shipment> {
  const t0 = performance.now();
  const shapes = shapesOf(ledger);
  await mirrorsFor(c, shapes, known);
  const byName = new Map(shapes.map((s) => [s.name, s]));
  await c.query('BEGIN');
  let shipped: Shipment;
  try {
    const head = await lockLedger(c, src.id, src.name, src.rootSiteCode);
    shipped = await inReadSnapshot(ledger.sqlite, async () => {
      const refused = continuity(ledger, src, head);
      if (refused) throw refused;
      const local = localHead(ledger.sqlite);
      if (!local || local.seq === head.seq) return { kind: 'idle', seals: 0, rows: 0, head: head.seq, ms: 0 } as Shipment;
      if (head.seq === 0 || sealsWithoutRows(ledger.sqlite, head.seq, local.seq) > 0) return fullCopy(ledger, c, src, head, shapes);
      const seals = sealsAfter(ledger.sqlite, head.seq, SEALS_PER_SHIPMENT);
      const last = seals[seals.length - 1]!;
      const apply = new ChangeApplier(c, src.id, byName);
      for (const r of outboxRows(ledger.sqlite, head.seq, last.seq)) await apply.add(r.tbl, r.row, r.sign);
      await apply.flush();
      failpoint('replicate-rows-sent');
      await insertSeals(c, src.id, seals);
      await setHead(c, src.id, last);
      failpoint('replicate-before-commit');
      return { kind: 'rows', seals: seals.length, rows: apply.rows, head: last.seq, ms: 0 } as Shipment;
    });
    await c.query('COMMIT');
    if (shipped.kind !== 'idle') failpoint('replicate-after-commit');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    if (e && typeof e === 'object' && 'err' in e && 'code' in e) {
      const r = e as { code: string; err: SbkError };
      await recordRefusal(c, src.id, r.code, Number(r.err.params.seq ?? r.err.params.local ?? 0), r.err.message).catch(() => undefined);
      throw r.err;
    }
    throw e;
  }
  if (shipped.kind !== 'idle') dropShipped(ledger.sqlite, shipped.head);
  return { ...shipped, ms: performance.now() - t0 };
}

/** The whole ledger as this snapshot has it, replacing what the replica held of it; then the seals it lacks. */
async function fullCopy(ledger: Ledger, c: PgConn, src: Source, head: ReplicaHead, shapes: TableShape[]): Promise<Shipment> {
  if (head.seq > 0) await clearLedger(c, src.id); // a replica at 0 holds no rows: a full copy commits its head with them
  let rows = 0;
  const deferred: string[] = [];
  for (const t of sealedTables(ledger.sqlite)) {
    const shape = shapes.find((s) => s.name === t.name)!;
    deferred.push(...(await deferIndexes(c, t.name)));
    rows += await copyRows(c, src.id, shape, tableRows(ledger.sqlite, rowExpression(t), t.name));
  }
  await buildIndexes(c, deferred);
  let seals = 0;
  let last: LocalSeal | null = null;
  for (;;) {
    const page = sealsAfter(ledger.sqlite, last?.seq ?? head.seq, SEALS_PER_SHIPMENT);
    if (page.length === 0) break;
    await insertSeals(c, src.id, page);
    seals += page.length;
    last = page[page.length - 1]!;
  }
  const top = last ?? sealAt(ledger.sqlite, head.seq)!;
  await setHead(c, src.id, top, { schema: schemaSnapshot(ledger.sqlite), tables: shapes });
  return { kind: 'full', seals, rows, head: top.seq, ms: 0 };
}

export type ReplicateOptions = {
  once: boolean;
  intervalMs: number;
  onShipment?: (s: Shipment) => void;
  /** A lost server: told once per outage; the replicator keeps trying (never with --once). */
  onRetry?: (e: Error) => void;
  shouldStop?: () => boolean;
  /** Turn replication on again after `sbk replicate off`. */
  resume?: boolean;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ships until caught up (--once) or until told to stop; a lost server is waited for and reconnected. */
export async function replicate(ledger: Ledger, url: string, opts: ReplicateOptions): Promise<Source> {
  const src = prepareSource(ledger, url, { resume: opts.resume });
  let c: PgConn | null = null;
  let pause = opts.intervalMs;
  const known = { sig: '' };
  try {
    while (!opts.shouldStop?.()) {
      try {
        if (!c) {
          c = await connectReplica(url);
          await ensureServerSchema(c);
          known.sig = '';
        }
        // `sbk replicate off` while this runs: stop, rather than ship full copies of a ledger whose writes keep nothing.
        if (!outboxOn(ledger.sqlite)) throw new SbkError('REPLICATION_TURNED_OFF');
        const s = await shipOnce(ledger, c, src, known);
        pause = opts.intervalMs;
        if (s.kind !== 'idle') opts.onShipment?.(s);
        else if (opts.once) break;
        else await sleep(opts.intervalMs);
      } catch (e) {
        if (opts.once || !isConnectionError(e)) throw e;
        opts.onRetry?.(e as Error);
        await (c as { end?: () => Promise<void> } | null)?.end?.().catch(() => undefined);
        c = null;
        await sleep(pause);
        pause = Math.min(pause * 2, 10_000);
      }
    }
  } finally {
    await (c as { end?: () => Promise<void> } | null)?.end?.().catch(() => undefined);
  }
  return src;
}
