import { useEffect } from 'react';
import type { Ledger } from '../../../db/open-ledger.ts';
import { lookupCard, type CardView } from '../../workflows/card-lookup.ts';
import { isSbkError } from '../../domain/errors.ts';
import { zh } from '../../i18n/zh-CN.ts';
import { useServices } from '../console-services.ts';
import { initialLookupState, lookupReducer, type LookupAction } from '../state/lookup.ts';
import { useLatestReducer } from './use-latest-reducer.ts';

export type CardLookup = {
  input: string;
  setInput: (v: string) => void;
  card: CardView | null;
  error: string | null;
  selected: number;
  search: (value: string) => void;
  move: (delta: number) => void;
};

/** The card for a typed or scanned number, or why there is none, as the action that shows it. */
function searchCard(ledger: Ledger, value: string): LookupAction {
  try {
    return { type: 'found', card: lookupCard(ledger, value) };
  } catch (e) {
    return { type: 'failed', error: isSbkError(e) ? e.message : zh.errors.internal };
  }
}

/** A scanner types the number and Enter in one burst; search works the same for both. */
export function useCardLookup(initialQuery?: string): CardLookup {
  const { ledger } = useServices();
  const { state, dispatch } = useLatestReducer(lookupReducer, initialLookupState);
  const search = (value: string) => dispatch(searchCard(ledger, value));
  // Opened by a scan elsewhere (the home screen): show that card at once.
  useEffect(() => {
    if (initialQuery) search(initialQuery);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening
  }, []);
  return {
    ...state,
    setInput: (value) => dispatch({ type: 'input', value }),
    search,
    move: (delta) => dispatch({ type: 'move', delta }),
  };
}
