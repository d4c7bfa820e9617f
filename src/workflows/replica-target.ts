/**
 * One replica per ledger (issue 21). The outbox is emptied once a server has committed what it
 * held, so a second replicator pointed elsewhere would find rows missing and copy the whole
 * ledger again on every round; and two standbys that each hold part of the chain are no
 * standby. The first `sbk replicate` records where the ledger ships (a sealed write, so the
 * chain says when and where replication started); another address is refused until
 * `sbk replicate off`, which is also how a city moves to a new server.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { clearOutbox, disableOutbox, replicationTurnedOff, enableOutbox, ensureLedgerId, ledgerIdOf, outboxOn, replicaTargetOf, setReplicaTarget } from '../../db/replication-outbox.ts';
import { hostOf } from '../../db/pg/connect.ts';
import { SbkError } from '../domain/errors.ts';

/** Replication turned on towards `url`'s server, or refused when the ledger already ships elsewhere. */
export function claimReplicaTarget(ledger: Ledger, url: string, opts: { resume?: boolean } = {}): { ledgerId: string; target: string } {
  const s = ledger.sqlite;
  // Off stays off: a replicator restarted by its service must not turn it on again unasked.
  if (replicationTurnedOff(s) && !opts.resume) throw new SbkError('REPLICATION_TURNED_OFF');
  const target = hostOf(url);
  const held = outboxOn(s) ? replicaTargetOf(s) : undefined;
  if (held !== undefined && held !== target) throw new SbkError('REPLICA_OTHER_TARGET', { held, target });
  if (!outboxOn(s) || held === undefined || !ledgerIdOf(s)) {
    writeTx(ledger, () => {
      ensureLedgerId(s);
      enableOutbox(s);
      setReplicaTarget(s, target);
    });
  }
  return { ledgerId: ledgerIdOf(s)!, target };
}

export type ReplicationStopped = { ledgerId: string | null; wasOn: boolean; target: string | null; droppedRows: number };

/**
 * Replication off (one sealed write): writes stop keeping their rows and the unshipped ones are
 * dropped. The replica keeps what it holds; shipping again later starts with a full copy, since
 * the writes made while off are not in any outbox.
 */
export function stopReplication(ledger: Ledger): ReplicationStopped {
  const s = ledger.sqlite;
  const wasOn = outboxOn(s);
  const target = replicaTargetOf(s) ?? null;
  if (wasOn) writeTx(ledger, () => disableOutbox(s));
  // The off write kept its own rows (the flag was read as it began): none will ever ship.
  const droppedRows = clearOutbox(s);
  return { ledgerId: ledgerIdOf(s) ?? null, wasOn, target, droppedRows };
}
