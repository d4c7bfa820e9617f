import type { CardView } from '../../workflows/card-lookup.ts';

/** 查卡: the number being typed, the card found (or why not) and the history row under the marker. */
export type LookupState = {
  readonly input: string;
  readonly card: CardView | null;
  readonly error: string | null;
  readonly selected: number;
};

export type LookupAction =
  | { readonly type: 'input'; readonly value: string }
  | { readonly type: 'found'; readonly card: CardView }
  | { readonly type: 'failed'; readonly error: string }
  | { readonly type: 'move'; readonly delta: number };

export function initialLookupState(): LookupState {
  return { input: '', card: null, error: null, selected: 0 };
}

export function lookupReducer(state: LookupState, action: LookupAction): LookupState {
  switch (action.type) {
    case 'input':
      // Typing starts the next search: the last one's "not found" no longer applies.
      return { ...state, input: action.value, error: null };
    case 'found':
      // The field is cleared so the next scan starts fresh; the newest movement is marked.
      return { input: '', card: action.card, error: null, selected: Math.max(0, action.card.history.length - 1) };
    case 'failed':
      return { ...state, card: null, error: action.error };
    case 'move': {
      const last = state.card ? state.card.history.length - 1 : 0;
      return { ...state, selected: state.card ? Math.min(last, Math.max(0, state.selected + action.delta)) : 0 };
    }
  }
}
