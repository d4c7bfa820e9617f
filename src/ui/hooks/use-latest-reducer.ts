import { useCallback, useReducer, useRef } from 'react';

export type Reducer<S, A> = (state: S, action: A) => S;

export type LatestReducer<S, A> = {
  /** The state this render shows. */
  readonly state: S;
  readonly dispatch: (action: A) => void;
  /**
   * The state after every action dispatched so far, ahead of React's re-render: a scanner or
   * type-ahead delivers several keys in one read, and each key must act on the state the
   * previous one left (a Ctrl+S right after typed text sees the text).
   */
  readonly latest: () => S;
};

/**
 * useReducer with the reducer also applied at once to a mirror, so handlers decide from the
 * state their previous key left while rendering still goes through React. The reducer is
 * pure, so running it twice per action (here and in React) gives the same state.
 */
export function useLatestReducer<S, A>(reducer: Reducer<S, A>, initial: () => S): LatestReducer<S, A> {
  const [state, reactDispatch] = useReducer(reducer, undefined, initial);
  const mirror = useRef(state);
  const dispatch = useCallback(
    (action: A) => {
      mirror.current = reducer(mirror.current, action);
      reactDispatch(action);
    },
    [reducer],
  );
  const latest = useCallback(() => mirror.current, []);
  return { state, dispatch, latest };
}
