/** The home page's state: the menu item under the marker. Pure. */
import { cycleIndex } from './list-index.ts';

export type HomeState = { readonly selected: number };
export type HomeAction = { type: 'move'; delta: number; count: number };

export function initialHomeState(): HomeState {
  return { selected: 0 };
}

/** ↑↓ go round the menu. */
export function homeReducer(s: HomeState, a: HomeAction): HomeState {
  switch (a.type) {
    case 'move':
      return { selected: cycleIndex(s.selected, a.delta, a.count) };
  }
}
