/**
 * `sbk replicate status` (issue 21 item 1): the local head, the replica's, and the lag between
 * them in seals and in seconds (since the oldest write the replica lacks).
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { ledgerIdOf, localHead, outboxOn, outboxSize, sealAt } from '../../db/replication-outbox.ts';
import { connectReplica } from '../../db/pg/connect.ts';
import { lastRefusal, readLedger } from '../../db/pg/replica-ledger.ts';
import { SbkError } from '../domain/errors.ts';

export type ReplicationStatus = {
  ledgerId: string;
  local: { seq: number; at: string } | null;
  replica: { seq: number; at: string | null; shippedAt: string | null } | null;
  lagSeals: number;
  lagSeconds: number;
  outbox: number;
  refusal: { code: string; seq: number | null; at: string } | null;
};

export async function replicationStatus(ledger: Ledger, url: string): Promise<ReplicationStatus> {
  const id = ledgerIdOf(ledger.sqlite);
  if (!id || !outboxOn(ledger.sqlite)) throw new SbkError('REPLICATION_NOT_SET_UP');
  const h = localHead(ledger.sqlite);
  const local = h ? { seq: h.seq, at: h.at } : null;
  const c = await connectReplica(url);
  try {
    const r = await readLedger(c, id);
    const refused = await lastRefusal(c, id);
    const replicaSeq = r?.seq ?? 0;
    const lagSeals = Math.max(0, (local?.seq ?? 0) - replicaSeq);
    const firstMissing = lagSeals > 0 ? sealAt(ledger.sqlite, replicaSeq + 1) : undefined;
    const lagSeconds = firstMissing ? Math.max(0, Math.round((ledger.now().getTime() - Date.parse(firstMissing.at)) / 1000)) : 0;
    return {
      ledgerId: id,
      local,
      replica: r ? { seq: r.seq, at: r.at, shippedAt: r.shippedAt?.toISOString() ?? null } : null,
      lagSeals,
      lagSeconds,
      outbox: outboxSize(ledger.sqlite),
      refusal: refused ? { code: refused.code, seq: refused.seq, at: refused.at.toISOString() } : null,
    };
  } finally {
    await c.end().catch(() => undefined);
  }
}
