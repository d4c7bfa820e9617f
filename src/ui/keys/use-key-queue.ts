import { useCallback, useRef } from 'react';
import type { KeyEvent } from './key-event.ts';
import type { EscGuard } from './use-esc-guard.ts';

/** In the key queue: wait a tick here, as between two reads. */
export const TICK: unique symbol = Symbol('tick');
export type KeyPart = KeyEvent | typeof TICK;

/**
 * One read can hold several scans or type-ahead ("P1\rP2\r", "lijuan\r246801\r"). What follows
 * an Enter waits for the next tick, so the state the Enter changed (a cleared field, a new
 * focus, an updated count) is committed before the next part is handled. Reads that arrive
 * during that wait queue behind it: handled first, they would reorder and glue scans together.
 * Returns the function that queues parts.
 */
export function useKeyQueue(guard: EscGuard): (parts: KeyPart[]) => void {
  const queueRef = useRef<KeyPart[]>([]);
  const waitingRef = useRef(false);
  const drain = useCallback((): void => {
    const queue = queueRef.current;
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (part !== TICK) guard.feed(part);
      if ((part === TICK || part.name === 'enter') && queue.length > 0) {
        waitingRef.current = true;
        setImmediate(() =>
          setTimeout(() => {
            waitingRef.current = false;
            drain();
          }, 0),
        );
        return;
      }
    }
  }, [guard]);
  return useCallback(
    (parts: KeyPart[]): void => {
      queueRef.current.push(...parts);
      if (!waitingRef.current) drain();
    },
    [drain],
  );
}
