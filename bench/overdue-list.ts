/**
 * The overdue-list row: `overdueList` (what 逾期与回收 and the home screen's first alert call) on
 * the large ledger, for one actor, against the bare SQLite work under it — the candidate rows
 * (in stock or with an agent since before the cut-off, at the actor's sites) read by one
 * prepared statement over the same covering index, holders joined — and a plain
 * `SELECT count(*) FROM cards` for scale.
 */
import type { Ledger } from '../db/open-ledger.ts';
import { subtreeIds } from '../db/sites-repo.ts';
import { overdueList } from '../src/workflows/recall.ts';
import { ledgerProfile } from '../src/workflows/issue-card.ts';
import { readSetting } from '../src/workflows/settings.ts';
import type { Actor } from '../src/domain/actor.ts';
import type { WorkingCalendar } from '../src/domain/calendar.ts';
import { addCalendarDays, addCalendarMonths } from '../src/domain/calendar.ts';
import { todayInChina } from '../src/domain/china-dates.ts';
import { nowMs, percentile, timed } from './stats.ts';
import type { Dist } from './ledger-reads.ts';

const dist = (xs: number[]): Dist => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs), n: xs.length });

function sample(n: number, fn: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = nowMs();
    fn();
    out.push(nowMs() - t0);
  }
  return out;
}

export type OverdueBench = {
  /** overdueList with the warnings too, as the overdue screen asks for it. */
  list: Dist;
  rows: number;
  overdue: number;
  warnings: number;
  /** The candidate SELECT alone, prepared. */
  raw: Dist;
  rawRows: number;
  countMs: number;
  cards: number;
  firstMs: number;
};

export function benchOverdue(ledger: Ledger, actor: Actor, calendar: WorkingCalendar, runs = 20, warmup = 3): OverdueBench {
  const now = new Date();
  const call = () => overdueList(ledger, actor, calendar, { includeWarnings: true }, now);
  // The first call also pays for reading the pages from the OS cache into SQLite's.
  const first = timed(call);
  for (let i = 1; i < warmup; i++) call();
  let rows = first.value;
  const list = sample(runs, () => {
    rows = call();
  });

  // The same cut-offs overdueList computes (recall.ts): months back from today plus the warning days and 3 days' slack.
  const asOf = todayInChina(now);
  const profile = ledgerProfile(ledger);
  const warningDays = Number(readSetting(ledger, 'overdue-warning-days'));
  const before = (months: number) => new Date(`${addCalendarMonths(addCalendarDays(asOf, warningDays + 3), -months)}T00:00:00+08:00`).toISOString();
  const ids = subtreeIds(ledger.db, actor.siteId);
  const inList = ids.map(() => '?').join(',');
  // What the list shows of each candidate (card, holder's name and ID number), from the same
  // covering index, holders joined: the floor for reading these rows out of SQLite.
  const stmt = ledger.sqlite.prepare(
    `SELECT c.id, c.card_no, c.state, c.received_at, c.picked_up_at, c.site_id, c.batch_id, h.name, h.id_number
       FROM cards c INDEXED BY cards_overdue_list_ix LEFT JOIN holders h ON h.id = c.holder_id
      WHERE c.kind = 'finished' AND c.state = 'in_stock' AND c.state IN ('in_stock', 'agent_held') AND c.received_at < ? AND c.site_id IN (${inList})
     UNION ALL
     SELECT c.id, c.card_no, c.state, c.received_at, c.picked_up_at, c.site_id, c.batch_id, h.name, h.id_number
       FROM cards c INDEXED BY cards_overdue_list_ix LEFT JOIN holders h ON h.id = c.holder_id
      WHERE c.kind = 'finished' AND c.state = 'agent_held' AND c.state IN ('in_stock', 'agent_held') AND c.picked_up_at < ? AND c.site_id IN (${inList})`,
  );
  const args = [before(profile.overdueMonths), ...ids, before(profile.sleepingMonths), ...ids];
  let rawRows = 0;
  for (let i = 0; i < warmup; i++) rawRows = stmt.all(...args).length;
  const raw = sample(runs, () => {
    rawRows = stmt.all(...args).length;
  });
  const count = ledger.sqlite.prepare('SELECT count(*) AS n FROM cards');
  count.get();
  const c = timed(() => count.get() as { n: number });
  return {
    list: dist(list),
    rows: rows.length,
    overdue: rows.filter((r) => r.phase === 'overdue').length,
    warnings: rows.filter((r) => r.phase === 'warning').length,
    raw: dist(raw),
    rawRows,
    countMs: c.ms,
    cards: c.value.n,
    firstMs: first.ms,
  };
}
