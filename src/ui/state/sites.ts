/** The 网点与库位 page's state: the sites in scope, the one under the marker, and its places. Pure. */
import type { SiteListRow } from '../../workflows/site-list.ts';
import type { PlaceListRow } from '../../workflows/site-admin.ts';
import { clampIndex } from './list-index.ts';

export type SitesState = {
  readonly sites: readonly SiteListRow[];
  readonly selected: number;
  /** The selected site's places, or why they cannot be shown. */
  readonly places: readonly PlaceListRow[];
  readonly error: string | null;
};

export type SitesAction =
  | { readonly type: 'loaded'; readonly sites: readonly SiteListRow[] }
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'places'; readonly places: readonly PlaceListRow[] }
  | { readonly type: 'places-failed'; readonly error: string };

export function initialSitesState(): SitesState {
  return { sites: [], selected: 0, places: [], error: null };
}

export const selectedSite = (s: SitesState): SiteListRow | undefined => s.sites[s.selected];

export function sitesReducer(s: SitesState, a: SitesAction): SitesState {
  switch (a.type) {
    case 'loaded':
      return { ...s, sites: a.sites, selected: 0, places: [], error: null };
    case 'move':
      return { ...s, selected: clampIndex(s.selected, a.delta, s.sites.length) };
    case 'places':
      return { ...s, places: a.places, error: null };
    case 'places-failed':
      return { ...s, places: [], error: a.error };
  }
}
