/** Stock by kind and state for a site and everything under it (`sbk stock`, the home screen). */
import type { Ledger } from '../../db/open-ledger.ts';
import { stockCounts } from '../../db/card-queries.ts';
import { requireSite, siteById, subtreeIds } from '../../db/sites-repo.ts';
import { SbkError } from '../domain/errors.ts';
import type { Actor } from './authenticate.ts';

export type StockSummary = {
  site: { code: string; name: string };
  includesSubSites: boolean;
  rows: { kind: string; state: string; count: number }[];
  total: number;
};

export function stockSummary(ledger: Ledger, actor: Actor, siteCode?: string, withSubSites = true): StockSummary {
  const site = siteCode ? requireSite(ledger.db, siteCode) : siteById(ledger.db, actor.siteId)!;
  const mine = subtreeIds(ledger.db, actor.siteId);
  if (!mine.includes(site.id)) {
    throw new SbkError('SITE_OUT_OF_SCOPE.stock', { site: site.code });
  }
  const ids = withSubSites ? subtreeIds(ledger.db, site.id) : [site.id];
  const rows = stockCounts(ledger.db, ids).map((r) => ({ kind: r.kind, state: r.state, count: r.n }));
  return {
    site: { code: site.code, name: site.name },
    includesSubSites: withSubSites,
    rows,
    total: rows.reduce((a, r) => a + r.count, 0),
  };
}
