import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { ESC_IDLE, escStep, type EscInput, type EscState } from './esc-sequence.ts';
import type { KeyEvent } from './key-event.ts';

export type EscGuard = {
  /** Feed one key as Ink delivered it; `deliver` is called with zero or more keys. */
  readonly feed: (e: KeyEvent) => void;
  /** The state before the next key (the router's text-input gate reads it). */
  readonly state: () => EscState;
};

/**
 * Runs the `escStep` state machine with a real timer: a lone Escape is held for `delayMs`
 * (see esc-sequence.ts for why). `deliver` may change between renders; the latest one is used.
 * The returned object is stable, so the router never re-subscribes to Ink's input.
 */
export function useEscGuard(deliver: (e: KeyEvent) => void, delayMs: number): EscGuard {
  const stateRef = useRef<EscState>(ESC_IDLE);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const deliverRef = useRef(deliver);
  const delayRef = useRef(delayMs);
  // Layout effect: runs in the same commit, before the next key can arrive.
  useLayoutEffect(() => {
    deliverRef.current = deliver;
    delayRef.current = delayMs;
  });

  const step = useCallback((input: EscInput): void => {
    const { state, emit } = escStep(stateRef.current, input);
    stateRef.current = state;
    if (timerRef.current !== undefined) {
      clearTimeout(timerRef.current);
      timerRef.current = undefined;
    }
    if (state.pending) {
      // (Re)started on every fragment: a sequence split in three still gets a full wait per gap,
      // and it cannot wait for long because each fragment must extend a known prefix.
      timerRef.current = setTimeout(() => {
        timerRef.current = undefined;
        step({ kind: 'timeout' });
      }, delayRef.current);
    }
    for (const e of emit) deliverRef.current(e);
  }, []);

  useEffect(
    () => () => {
      if (timerRef.current !== undefined) clearTimeout(timerRef.current);
    },
    [],
  );

  const guardRef = useRef<EscGuard | undefined>(undefined);
  guardRef.current ??= {
    feed: (e) => step({ kind: 'key', event: e }),
    state: () => stateRef.current,
  };
  return guardRef.current;
}
