/**
 * The home page's state: the menu item under the marker, and the one-step return of the
 * counter's cards to the vault after closing (HB Art. 14): the question, then what it did. Pure.
 */
import type { Message } from '../screens/shared/message.ts';
import { cycleIndex } from './list-index.ts';

export type HomeState = {
  readonly selected: number;
  /** B was pressed under the counter-after-closing alert: Y/Enter puts the cards back, N/Esc does not. */
  readonly askingBack: boolean;
  /** What the last back-to-vault did (result and the saved sheet), shown above the alerts. */
  readonly notice: readonly Message[];
};

export type HomeAction =
  | { type: 'move'; delta: number; count: number }
  | { type: 'ask-back' }
  | { type: 'cancel-back' }
  | { type: 'back-finished'; notice: readonly Message[] };

export function initialHomeState(): HomeState {
  return { selected: 0, askingBack: false, notice: [] };
}

/** ↑↓ go round the menu. */
export function homeReducer(s: HomeState, a: HomeAction): HomeState {
  switch (a.type) {
    case 'move':
      return { ...s, selected: cycleIndex(s.selected, a.delta, a.count) };
    case 'ask-back':
      return { ...s, askingBack: true, notice: [] };
    case 'cancel-back':
      return { ...s, askingBack: false };
    case 'back-finished':
      return { ...s, askingBack: false, notice: a.notice };
  }
}
