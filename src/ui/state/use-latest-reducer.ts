import { useCallback, useReducer, useRef } from 'react';

export type LatestReducer<S, A> = {
  /** The state of this render. */
  readonly state: S;
  /** Applies an action and returns the state it leaves, before React has re-rendered. */
  readonly dispatch: (action: A) => S;
  /** The state the last action left: what a key typed ahead, or a workflow's result, must act on. */
  readonly latest: () => S;
};

/**
 * useReducer plus the state every dispatched action has left so far. Several keys can arrive in
 * one read (a scanner's text and its Enter, `↓ ↓ Enter`): each must act on the state the key
 * before it left, not on the last render. The reducer is pure, so applying each action to the
 * latest state here and again in React's queue gives the same states in the same order.
 */
export function useLatestReducer<S, A, I>(reducer: (state: S, action: A) => S, arg: I, init: (arg: I) => S): LatestReducer<S, A> {
  const [state, reactDispatch] = useReducer(reducer, arg, init);
  const ref = useRef(state);
  const dispatch = useCallback(
    (action: A): S => {
      ref.current = reducer(ref.current, action);
      reactDispatch(action);
      return ref.current;
    },
    [reducer],
  );
  const latest = useCallback((): S => ref.current, []);
  return { state, dispatch, latest };
}
