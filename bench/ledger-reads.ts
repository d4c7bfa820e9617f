/**
 * Rows 2-4: the read paths over the large ledger — `verifyLedger`, `lookupCard` and
 * `stockSummary` — each next to the bare SQLite work underneath it, timed in the same run.
 */
import type { Ledger } from '../db/open-ledger.ts';
import { verifyLedger, type VerifyReport } from '../db/verify-ledger.ts';
import { subtreeIds } from '../db/sites-repo.ts';
import { lookupCard } from '../src/workflows/card-lookup.ts';
import { stockSummary } from '../src/workflows/stock-summary.ts';
import type { Actor } from '../src/domain/actor.ts';
import { nowMs, percentile, timed } from './stats.ts';
import { seededRandom } from '../src/domain/seeded-random.ts';

export type Dist = { p50: number; p95: number; max: number; n: number };

const dist = (xs: number[]): Dist => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs), n: xs.length });

function sample(n: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = nowMs();
    fn(i);
    out.push(nowMs() - t0);
  }
  return out;
}


export type VerifyResult = {
  ms: number;
  report: Pick<VerifyReport, 'ok' | 'movements' | 'cards'> & { problemCodes: string[] };
  countScanMs: number;
  /** `PRAGMA integrity_check` alone: the part of verify that is SQLite's, not ours. */
  integrityMs: number;
};

export function benchVerify(ledger: Ledger): VerifyResult {
  const { ms, value } = timed(() => verifyLedger(ledger));
  const countScanMs = timed(() => ledger.sqlite.prepare('SELECT count(*) AS n FROM movements').get()).ms;
  const integrityMs = timed(() => ledger.sqlite.pragma('integrity_check')).ms;
  return {
    ms,
    report: { ok: value.ok, movements: value.movements, cards: value.cards, problemCodes: [...new Set(value.problems.map((p) => p.code))] },
    countScanMs,
    integrityMs,
  };
}

export type LookupResult = { lookup: Dist; raw: Dist; historyRows: number };

/** `lookupCard` on `n` random card numbers, and the same two reads as bare prepared statements. */
export function benchLookup(ledger: Ledger, cardNos: readonly string[], n = 1000): LookupResult {
  const rnd = seededRandom(0x5b1c);
  const pick = () => cardNos[Math.floor(rnd() * cardNos.length)]!;
  const warm = Array.from({ length: 20 }, pick);
  const picks = Array.from({ length: n }, pick);
  for (const c of warm) lookupCard(ledger, c);
  let historyRows = 0;
  const lookup = sample(n, (i) => {
    historyRows += lookupCard(ledger, picks[i]!).history.length;
  });
  const byNo = ledger.sqlite.prepare(
    `SELECT c.*, s.code, s.name, p.name AS place, b.code AS batch, x.label AS box, h.name AS holder
       FROM cards c JOIN sites s ON s.id = c.site_id LEFT JOIN places p ON p.id = c.place_id
       LEFT JOIN batches b ON b.id = c.batch_id LEFT JOIN boxes x ON x.id = c.box_id LEFT JOIN holders h ON h.id = c.holder_id
      WHERE c.card_no = ?`,
  );
  const history = ledger.sqlite.prepare(
    `SELECT m.*, o.name AS operator, ts.name AS to_site, fs.name AS from_site, tp.name AS to_place
       FROM movements m JOIN operators o ON o.id = m.operator_id JOIN sites ts ON ts.id = m.to_site_id
       LEFT JOIN sites fs ON fs.id = m.from_site_id LEFT JOIN places tp ON tp.id = m.to_place_id
      WHERE m.card_id = ? ORDER BY m.id`,
  );
  for (const c of warm) history.all((byNo.get(c) as { id: number }).id);
  const raw = sample(n, (i) => {
    const c = byNo.get(picks[i]!) as { id: number };
    history.all(c.id);
  });
  return { lookup: dist(lookup), raw: dist(raw), historyRows };
}

export type StockResult = { summary: Dist; raw: Dist; total: number };

/** `stockSummary` for the actor's own site and below, and its GROUP BY as one prepared statement. */
export function benchStock(ledger: Ledger, actor: Actor, runs = 100): StockResult {
  let total = 0;
  for (let i = 0; i < 5; i++) total = stockSummary(ledger, actor).total;
  const summary = sample(runs, () => {
    total = stockSummary(ledger, actor).total;
  });
  const ids = subtreeIds(ledger.db, actor.siteId);
  const stmt = ledger.sqlite.prepare(
    `SELECT kind, state, count(*) AS n FROM cards WHERE site_id IN (${ids.map(() => '?').join(',')}) GROUP BY kind, state ORDER BY kind, state`,
  );
  for (let i = 0; i < 5; i++) stmt.all(...ids);
  const raw = sample(runs, () => stmt.all(...ids));
  return { summary: dist(summary), raw: dist(raw), total };
}
