import { createContext, useCallback, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { DEFAULT_ESC_DELAY_MS, isEscTailPrefix } from './esc-sequence.ts';
import { charEvent, fromInk, keyEvent, splitLines, type KeyEvent } from './key-event.ts';
import { useEscGuard } from './use-esc-guard.ts';
import { WedgeDetector, type WedgeEvent } from '../../../drivers/scanner/keyboard-wedge.ts';

/**
 * The console's single keyboard entry point (the gemini-cli pattern): one useInput here, and
 * every screen, list, field and modal registers a handler with a priority. A key goes to the
 * active handlers from the highest priority down until one returns `true` (consumed).

 */

export const PRIORITY = {
  /** Confirmation dialogs, the help overlay: while one is open nothing below sees keys it consumes. */
  modal: 300,
  /** The focused text field: swallows printable keys so `q` or `?` typed into it stay text. */
  text: 200,
  /** The current screen's own keys. */
  screen: 100,
  /** Help, back, quit: the keys that work everywhere unless something above took them. */
  global: 0,
} as const;

export type KeyHandler = (e: KeyEvent) => boolean;

type Entry = { handler: KeyHandler; priority: number; isActive: boolean; seq: number };

export type KeyRouter = {
  /** Adds a handler; returns the function that removes it. */
  readonly register: (entry: Entry) => () => void;
  /**
   * A code from a scanner that does not type (USB HID POS): into a focused field as text and
   * Enter, as a keyboard-mode scanner would type it; elsewhere as one scan event.
   */
  readonly injectScan: (code: string) => void;
};

export const KeyRouterContext = createContext<KeyRouter | null>(null);

const ESC = '\u001B';
/** In the key queue: wait a tick here, as between two reads. */
const TICK: unique symbol = Symbol('tick');

export type KeyRouterProviderProps = {
  readonly children?: ReactNode;
  /** How long a lone Escape is held in case the rest of an arrow key's sequence follows. */
  readonly escDelayMs?: number;
  /** Called with keys no handler consumed (diagnostics, tests). */
  readonly onUnhandled?: (e: KeyEvent) => void;
  /**
   * While no text field has focus, characters that follow each other within this many ms and
   * end in Enter are one barcode scan (a `scan` event), not commands: a scanned `A10000017`
   * must not open menu 1 on its way. Single keys wait this long before they act. 0: only a
   * scan that arrives in one read counts, and nothing waits (tests).
   */
  readonly scanGapMs?: number;
};

export const DEFAULT_SCAN_GAP_MS = 35;

export function KeyRouterProvider({ children, escDelayMs = DEFAULT_ESC_DELAY_MS, onUnhandled, scanGapMs = DEFAULT_SCAN_GAP_MS }: KeyRouterProviderProps) {
  // Handlers live in a ref, not state: registering, re-prioritising or swapping a handler never
  // re-renders the tree, and dispatching a key costs no render unless a handler sets state.
  const entriesRef = useRef(new Set<Entry>());
  const seqRef = useRef(0);
  const onUnhandledRef = useRef(onUnhandled);
  useLayoutEffect(() => {
    onUnhandledRef.current = onUnhandled;
  });

  const dispatch = useCallback((e: KeyEvent): void => {
    const active = [...entriesRef.current]
      .filter((entry) => entry.isActive)
      // Equal priority: the most recently registered first (a dialog opened later sits on top).
      .sort((a, b) => b.priority - a.priority || b.seq - a.seq);
    for (const entry of active) {
      if (entry.handler(e) === true) return;
    }
    onUnhandledRef.current?.(e);
  }, []);

  const guard = useEscGuard(dispatch, escDelayMs);

  const rawRef = useRef('');

  // Ink's useInput strips the ESC from a sequence it could not parse (a split "ESC [" arrives as
  // the text "["), and reports the Backspace byte as `delete`; both need the raw string. Tap the
  // stream Ink's useInput listens to; prependListener keeps the tap ahead of the useInput below
  // whatever order effects ran in.
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

  // One read can hold several scans or type-ahead ("P1\rP2\r", "lijuan\r246801\r"). What follows
  // an Enter waits for the next tick, so the state the Enter changed (a cleared field, a new
  // focus, an updated count) is committed before the next part is handled. Reads that arrive
  // during that wait queue behind it: handled first, they would reorder and glue scans together.
  const queueRef = useRef<(KeyEvent | typeof TICK)[]>([]);
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
  const feedParts = useCallback(
    (parts: (KeyEvent | typeof TICK)[]): void => {
      queueRef.current.push(...parts);
      if (!waitingRef.current) drain();
    },
    [drain],
  );

  // Keyboard-wedge scanners (drivers/scanner/keyboard-wedge.ts): only while no text field has
  // focus, because a field takes a scan as typed text followed by Enter anyway.
  const wedgeRef = useRef<WedgeDetector | null>(null);
  const wedgeTimerRef = useRef<NodeJS.Timeout | null>(null);
  const fromWedge = useCallback(
    (events: WedgeEvent[]): void => {
      // Keys are handed on read by read, as they came: "q" then "y" are two keys, a paste is one text.
      // Held keys go on read by read, as they came, a tick apart like separate reads: "q" then "y"
      // are two keys, and the "y" meets the dialog the "q" opened.
      for (const w of events) {
        if (w.kind === 'scan') {
          feedParts([keyEvent('scan', w.value)]);
          continue;
        }
        const parts: (KeyEvent | typeof TICK)[] = [];
        w.reads.forEach((r, i) => {
          if (i > 0) parts.push(TICK);
          parts.push(...(r === '\r' ? [keyEvent('enter')] : splitLines(charEvent(r))));
        });
        feedParts(parts);
      }
    },
    [feedParts],
  );
  const flushWedge = useCallback((): void => {
    if (wedgeTimerRef.current) clearTimeout(wedgeTimerRef.current);
    wedgeTimerRef.current = null;
    const w = wedgeRef.current;
    wedgeRef.current = null;
    if (w) fromWedge(w.flush(Number.POSITIVE_INFINITY));
  }, [fromWedge]);
  useLayoutEffect(() => () => {
    if (wedgeTimerRef.current) clearTimeout(wedgeTimerRef.current);
  }, []);
  const textFocused = (): boolean => [...entriesRef.current].some((entry) => entry.isActive && entry.priority === PRIORITY.text);

  // Stable: Ink re-subscribes useInput whenever the handler's identity changes.
  const onInput = useCallback(
    (input: string, key: Key): void => {
      const raw = rawRef.current;
      const e = fromInk(input, key, raw);
      if (!e) return;
      if (raw.length > 1 && raw.startsWith(ESC) && e.name === 'char' && isEscTailPrefix(raw.slice(1))) {
        // Ink flushed an incomplete sequence ("ESC [", "ESC O", "ESC [ 5"): its ESC starts the wait.
        flushWedge();
        feedParts([keyEvent('escape'), charEvent(raw.slice(1))]);
        return;
      }
      const typed = (e.name === 'char' && !e.ctrl && !e.meta) || e.name === 'enter';
      if (!typed || textFocused()) {
        flushWedge();
        feedParts(splitLines(e));
        return;
      }
      const text = e.name === 'enter' ? '\r' : e.char;
      if (scanGapMs === 0) {
        // One read at a time: a whole scan in it is a scan, anything else acts at once.
        const w = new WedgeDetector({ maxGapMs: 0 });
        fromWedge([...w.feed(text, 0), ...w.flush(Number.POSITIVE_INFINITY)]);
        return;
      }
      wedgeRef.current ??= new WedgeDetector({ maxGapMs: scanGapMs });
      fromWedge(wedgeRef.current.feed(text, Date.now()));
      if (wedgeTimerRef.current) clearTimeout(wedgeTimerRef.current);
      wedgeTimerRef.current = setTimeout(flushWedge, scanGapMs + 1);
    },
    [guard, feedParts, flushWedge, fromWedge, scanGapMs],
  );
  useInput(onInput);

  const routerRef = useRef<KeyRouter | undefined>(undefined);
  const injectRef = useRef<(code: string) => void>(() => {});
  injectRef.current = (code: string) => {
    flushWedge();
    feedParts(textFocused() ? splitLines(charEvent(`${code}\r`)) : [keyEvent('scan', code)]);
  };
  routerRef.current ??= {
    injectScan: (code) => injectRef.current(code),
    register: (entry) => {
      entry.seq = ++seqRef.current;
      entriesRef.current.add(entry);
      return () => {
        entriesRef.current.delete(entry);
      };
    },
  };

  return <KeyRouterContext.Provider value={routerRef.current}>{children}</KeyRouterContext.Provider>;
}

/**
 * Registers `handler` with the router for the lifetime of the calling component. Return `true`
 * to consume a key; anything else passes it to the next handler down.
 *
 * The latest `handler` closure is always the one called, so it can be an inline arrow reading
 * current state; changing it, `priority` or `isActive` costs nothing (no re-registration, no
 * render).
 */
export function useKeyHandler(handler: KeyHandler, opts: { priority: number; isActive?: boolean }): void {
  const router = useContext(KeyRouterContext);
  if (!router) throw new Error('useKeyHandler: no <KeyRouterProvider> above this component');
  const entryRef = useRef<Entry | undefined>(undefined);
  entryRef.current ??= { handler, priority: opts.priority, isActive: opts.isActive ?? true, seq: 0 };
  const entry = entryRef.current;

  // Layout effects run in the commit itself, so a key arriving right after a render already
  // sees this render's handler and flags (passive effects may still be pending then).
  useLayoutEffect(() => {
    entry.handler = handler;
    entry.priority = opts.priority;
    entry.isActive = opts.isActive ?? true;
  });
  useLayoutEffect(() => router.register(entry), [router, entry]);
}
