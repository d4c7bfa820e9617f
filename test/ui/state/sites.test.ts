import { describe, expect, it } from 'vitest';
import { initialSitesState, selectedSite, sitesReducer } from '../../../src/ui/state/sites.ts';
import type { SiteListRow } from '../../../src/workflows/site-list.ts';

const site = (code: string): SiteListRow => ({ code, name: code, kind: 'service_office', retired: false, own: false });

describe('sites state', () => {
  it('↑↓ stay on the list; the selected site’s places or why not', () => {
    let s = sitesReducer(initialSitesState(), { type: 'loaded', sites: [site('A'), site('B'), site('C')] });
    expect(selectedSite(s)?.code).toBe('A');
    s = sitesReducer(s, { type: 'move', delta: -1 });
    expect(s.selected).toBe(0);
    s = sitesReducer(s, { type: 'move', delta: 5 });
    expect(selectedSite(s)?.code).toBe('C');
    s = sitesReducer(s, { type: 'places', places: [{ site: 'C', name: '保险柜1', kind: 'vault', printerId: null, hopperNo: null, held: 3, retired: false }] });
    expect(s.places).toHaveLength(1);
    s = sitesReducer(s, { type: 'places-failed', error: 'no' });
    expect(s).toMatchObject({ places: [], error: 'no' });
    expect(selectedSite(sitesReducer(initialSitesState(), { type: 'move', delta: 1 }))).toBeUndefined();
  });
});
