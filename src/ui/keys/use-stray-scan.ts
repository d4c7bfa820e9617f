import { useRef } from 'react';
import { isTextInput, type KeyEvent } from './key-event.ts';

/** A scanner sends the text and its Enter within a few milliseconds; a person takes longer. */
export const STRAY_SCAN_MS = 200;

/**
 * Where no text field has focus and Enter means "write" or "drop" (a confirmation, the sign-in
 * result), a card scanned by habit must not act: its text is not a command, and the Enter that
 * follows it must not confirm. Call `swallow(e)` first in the screen's handler; it returns
 * `true` for text and for an Enter arriving right after text (both to be consumed and ignored).
 */
export function useStrayScan(now: () => number = Date.now) {
  const lastText = useRef(-Infinity);
  return {
    swallow(e: KeyEvent, isCommand: (e: KeyEvent) => boolean): boolean {
      // The router already told this scan from typing (a whole code with its Enter).
      if (e.name === 'scan') return true;
      if (e.name === 'enter' && now() - lastText.current <= STRAY_SCAN_MS) {
        lastText.current = -Infinity;
        return true;
      }
      if (isTextInput(e) && !isCommand(e)) {
        lastText.current = now();
        return true;
      }
      lastText.current = -Infinity;
      return false;
    },
  };
}
