import { useLayoutEffect, useRef, type MutableRefObject } from 'react';
import { useStdin } from 'ink';

/**
 * The raw string of the read being handled. Ink's useInput strips the ESC from a sequence it
 * could not parse (a split "ESC [" arrives as the text "["), and reports the Backspace byte as
 * `delete`; both need the raw string. Taps the stream Ink's useInput listens to;
 * prependListener keeps the tap ahead of useInput whatever order effects ran in.
 */
export function useRawInput(): MutableRefObject<string> {
  const rawRef = useRef('');
  const { internal_eventEmitter: emitter } = useStdin();
  useLayoutEffect(() => {
    const tap = (raw: unknown): void => {
      rawRef.current = typeof raw === 'string' ? raw : '';
    };
    emitter.prependListener('input', tap);
    return () => {
      emitter.removeListener('input', tap);
    };
  }, [emitter]);
  return rawRef;
}
