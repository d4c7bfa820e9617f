import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { WedgeDetector, type WedgeEvent } from '../../../drivers/scanner/keyboard-wedge.ts';
import { charEvent, keyEvent, splitLines } from './key-event.ts';
import { TICK, type KeyPart } from './use-key-queue.ts';

export type WedgeInput = {
  /** A typed character (or '\r' for Enter) while no text field has focus. */
  readonly feed: (text: string) => void;
  /** Hands on whatever is held now (before a key that is not typing). */
  readonly flush: () => void;
};

/**
 * Keyboard-wedge scanners (drivers/scanner/keyboard-wedge.ts), only while no text field has
 * focus (a field takes a scan as typed text and Enter anyway): characters that follow each
 * other within `scanGapMs` and end in Enter are one `scan` event, not command keys.
 */
export function useWedgeInput(feedParts: (parts: KeyPart[]) => void, scanGapMs: number): WedgeInput {
  const wedgeRef = useRef<WedgeDetector | null>(null);
  const timerRef = useRef<NodeJS.Timeout | null>(null);
  const fromWedge = useCallback(
    (events: WedgeEvent[]): void => {
      // Held keys go on read by read, as they came, a tick apart like separate reads: "q" then
      // "y" are two keys, and the "y" meets the dialog the "q" opened; a paste is one text.
      for (const w of events) {
        if (w.kind === 'scan') {
          feedParts([keyEvent('scan', w.value)]);
          continue;
        }
        const parts: KeyPart[] = [];
        w.reads.forEach((r, i) => {
          if (i > 0) parts.push(TICK);
          parts.push(...(r === '\r' ? [keyEvent('enter')] : splitLines(charEvent(r))));
        });
        feedParts(parts);
      }
    },
    [feedParts],
  );
  const flush = useCallback((): void => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    const w = wedgeRef.current;
    wedgeRef.current = null;
    if (w) fromWedge(w.flush(Number.POSITIVE_INFINITY));
  }, [fromWedge]);
  useLayoutEffect(() => () => {
    if (timerRef.current) clearTimeout(timerRef.current);
  }, []);
  const feed = useCallback(
    (text: string): void => {
      if (scanGapMs === 0) {
        // One read at a time: a whole scan in it is a scan, anything else acts at once.
        const w = new WedgeDetector({ maxGapMs: 0 });
        fromWedge([...w.feed(text, 0), ...w.flush(Number.POSITIVE_INFINITY)]);
        return;
      }
      wedgeRef.current ??= new WedgeDetector({ maxGapMs: scanGapMs });
      // sbk-clock: the gap between keys tells a scanner from a typist; elapsed time only.
      fromWedge(wedgeRef.current.feed(text, Date.now()));
      if (timerRef.current) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(flush, scanGapMs + 1);
    },
    [fromWedge, flush, scanGapMs],
  );
  return useMemo(() => ({ feed, flush }), [feed, flush]);
}
