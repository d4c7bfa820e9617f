/**
 * The console's 网点与库位 page: the sites an operator may look at and, for one of them, its
 * storage places (read only; `sbk site` / `sbk place` change them). A clerk sees their own
 * site; a supervisor or admin also the sites below theirs (site-admin.ts placeList's rule).
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { listSites, subtreeIds } from '../../db/sites-repo.ts';
import type { SiteKind } from '../domain/site-hierarchy.ts';
import { hasRole, type Actor } from '../domain/actor.ts';

export type SiteListRow = { readonly code: string; readonly name: string; readonly kind: SiteKind; readonly retired: boolean; readonly own: boolean };

/** The operator's site first, then the ones below it in the ledger's order (parents before children). */
export function sitesInScope(ledger: Ledger, actor: Actor): SiteListRow[] {
  const ids = hasRole(actor, 'supervisor') ? new Set(subtreeIds(ledger.db, actor.siteId)) : new Set([actor.siteId]);
  const rows = listSites(ledger.db)
    .filter((s) => ids.has(s.id))
    .map((s) => ({ code: s.code, name: s.name, kind: s.kind as SiteKind, retired: s.retiredAt !== null, own: s.id === actor.siteId }));
  return [...rows.filter((r) => r.own), ...rows.filter((r) => !r.own)];
}
