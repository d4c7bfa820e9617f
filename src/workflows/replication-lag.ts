/**
 * The admin's home alert when the replica falls behind (issue 21): read from the local outbox
 * only — the oldest write not yet shipped — so the console never waits on the network.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { oldestUnshipped, outboxOn } from '../../db/replication-outbox.ts';
import { readSetting } from './settings.ts';

/** Seconds the oldest unshipped write has waited, when replication is on and past the threshold; else null. Local reads only. */
export function replicationLagPastLimit(ledger: Ledger, now: Date = ledger.now()): { seconds: number; limit: number } | null {
  if (!outboxOn(ledger.sqlite)) return null;
  const oldest = oldestUnshipped(ledger.sqlite);
  if (!oldest) return null;
  const limit = Number(readSetting(ledger, 'replication-lag-alert-seconds'));
  const seconds = Math.round((now.getTime() - Date.parse(oldest.at)) / 1000);
  return seconds > limit ? { seconds, limit } : null;
}
