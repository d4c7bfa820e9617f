import { useEffect } from 'react';
import { sitesInScope } from '../../workflows/site-list.ts';
import { placeList } from '../../workflows/site-admin.ts';
import type { Actor } from '../../domain/actor.ts';
import { useServices } from '../console-services.ts';
import { errorText } from '../state/error-text.ts';
import { initialSitesState, selectedSite, sitesReducer } from '../state/sites.ts';
import { useLatestReducer } from './use-latest-reducer.ts';

/** 网点与库位 (read only): the sites in the operator's scope and the places of the one under the marker. */
export function useSites(actor: Actor) {
  const { ledger } = useServices();
  const { state, dispatch } = useLatestReducer(sitesReducer, initialSitesState);
  useEffect(() => {
    dispatch({ type: 'loaded', sites: sitesInScope(ledger, actor) });
  }, []);
  const code = selectedSite(state)?.code;
  useEffect(() => {
    if (!code) return;
    try {
      dispatch({ type: 'places', places: placeList(ledger, actor, code, { withRetired: true }) });
    } catch (e) {
      dispatch({ type: 'places-failed', error: errorText(e) });
    }
  }, [code]);
  return { ...state, site: selectedSite(state), move: (delta: number) => dispatch({ type: 'move', delta }) };
}
