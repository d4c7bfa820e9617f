import { useCallback, useLayoutEffect, useRef } from 'react';
import type { KeyEvent } from './key-event.ts';
import { PRIORITY, type Entry } from './handler-entry.ts';

export type HandlerRegistry = {
  /** Hands `e` to the active handlers, highest priority first, until one consumes it. */
  readonly dispatch: (e: KeyEvent) => void;
  readonly register: (entry: Entry) => () => void;
  /** Computed from the handlers now (the router's input gate). */
  readonly textFocused: () => boolean;
  /** As last announced to subscribers (the footer). */
  readonly isTextFocused: () => boolean;
  readonly subscribeTextFocus: (listener: () => void) => () => void;
  /** Re-reads the focus after a handler's flags changed and tells subscribers if it moved. */
  readonly focusChanged: () => void;
};

/**
 * The router's handlers. They live in a ref, not state: registering, re-prioritising or
 * swapping a handler never re-renders the tree, and dispatching a key costs no render unless a
 * handler sets state. Whether a text field has focus is a fact of the handlers (one at
 * PRIORITY.text is active), announced to the footer when it changes.
 */
export function useHandlerRegistry(onUnhandled?: (e: KeyEvent) => void): HandlerRegistry {
  const entriesRef = useRef(new Set<Entry>());
  const seqRef = useRef(0);
  const onUnhandledRef = useRef(onUnhandled);
  useLayoutEffect(() => {
    onUnhandledRef.current = onUnhandled;
  });
  const listenersRef = useRef(new Set<() => void>());
  const focusedRef = useRef(false);
  const registryRef = useRef<HandlerRegistry | undefined>(undefined);

  const textFocused = useCallback(
    (): boolean => [...entriesRef.current].some((entry) => entry.isActive && entry.priority === PRIORITY.text),
    [],
  );
  const focusChanged = useCallback((): void => {
    const now = textFocused();
    if (now === focusedRef.current) return;
    focusedRef.current = now;
    for (const l of listenersRef.current) l();
  }, [textFocused]);

  registryRef.current ??= {
    dispatch: (e) => {
      const active = [...entriesRef.current]
        .filter((entry) => entry.isActive)
        // Equal priority: the most recently registered first (a dialog opened later sits on top).
        .sort((a, b) => b.priority - a.priority || b.seq - a.seq);
      for (const entry of active) {
        if (entry.handler(e) === true) return;
      }
      onUnhandledRef.current?.(e);
    },
    register: (entry) => {
      entry.seq = ++seqRef.current;
      entriesRef.current.add(entry);
      focusChanged();
      return () => {
        entriesRef.current.delete(entry);
        focusChanged();
      };
    },
    textFocused,
    isTextFocused: () => focusedRef.current,
    subscribeTextFocus: (listener) => {
      listenersRef.current.add(listener);
      return () => {
        listenersRef.current.delete(listener);
      };
    },
    focusChanged,
  };
  return registryRef.current;
}
