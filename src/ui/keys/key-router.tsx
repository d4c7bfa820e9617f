import { createContext, useCallback, useContext, useLayoutEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';
import { DEFAULT_ESC_DELAY_MS } from './esc-sequence.ts';
import type { KeyEvent } from './key-event.ts';
import { useHandlerRegistry } from './use-handler-registry.ts';
import type { Entry, KeyHandler } from './handler-entry.ts';
import { useRawInput } from './use-raw-input.ts';
import { atomsOfRead } from './read-atoms.ts';
import { KeyPipeline } from './key-pipeline.ts';
import { typedAheadKeys } from './typed-ahead.ts';
import { isCardCode } from '../../domain/card-code-scan.ts';
import { trackPipeline } from './pipelines.ts';
import { unstable_cancelCallback, unstable_IdlePriority, unstable_scheduleCallback, type Task } from 'scheduler';

/**
 * The console's single keyboard entry point (the gemini-cli pattern): one useInput here, and
 * every screen, list, field and modal registers a handler with a priority. A key goes to the
 * active handlers from the highest priority down until one returns `true` (consumed).
 */
export { PRIORITY, type Entry, type KeyHandler } from './handler-entry.ts';

export type KeyRouter = {
  /** Adds a handler; returns the function that removes it. */
  readonly register: (entry: Entry) => () => void;
  /**
   * A code from a scanner that does not type (USB HID POS): into a focused field as text and
   * Enter, as a keyboard-mode scanner would type it; elsewhere as one scan event.
   */
  readonly injectScan: (code: string) => void;
  /** Whether a text field has focus now (a handler at PRIORITY.text is active). */
  readonly isTextFocused: () => boolean;
  /** Calls `listener` whenever that changes; returns the function that stops it. */
  readonly subscribeTextFocus: (listener: () => void) => () => void;
  /** A handler's flags changed (called by useKeyHandler). */
  readonly changed: () => void;
  /**
   * Tells the router which keys are commands on the screen now (the registry's bindings of its
   * context), so a command key typed ahead of a code is not read as part of a scan.
   */
  readonly setCommandKeys: (isCommand: (e: KeyEvent) => boolean) => void;
};

/**
 * Runs `fn` once React has done everything the last key set off. Ink's React renders an update
 * on its scheduler, and effects run after the commit, where a data load may set state again.
 * A callback at idle priority on that same scheduler runs only when no render or effect is
 * pending there; the setImmediate after it lets effects flushed after that commit land, and a
 * second round covers state those effects set. Measured: one round leaves an effect's state one
 * key behind.
 */
function afterReactCommit(fn: () => void): () => void {
  let cancelled = false;
  let task: Task | undefined;
  let immediate: NodeJS.Immediate | undefined;
  const round = (left: number): void => {
    task = unstable_scheduleCallback(unstable_IdlePriority, () => {
      immediate = setImmediate(() => {
        if (cancelled) return;
        if (left > 1) round(left - 1);
        else fn();
      });
    });
  };
  round(2);
  return () => {
    cancelled = true;
    if (task) unstable_cancelCallback(task);
    if (immediate) clearImmediate(immediate);
  };
}

export const KeyRouterContext = createContext<KeyRouter | null>(null);

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
  const handlers = useHandlerRegistry(onUnhandled);
  const rawRef = useRawInput();
  const pipelineRef = useRef<KeyPipeline | undefined>(undefined);
  const commandKeys = useRef<(e: KeyEvent) => boolean>(() => false);
  pipelineRef.current ??= new KeyPipeline({
    dispatch: handlers.dispatch,
    textFocused: handlers.textFocused,
    afterCommit: afterReactCommit,
    soon: (fn) => {
      let live = true;
      queueMicrotask(() => {
        if (live) fn();
      });
      return () => {
        live = false;
      };
    },
    setTimer: (fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    },
    // sbk-clock: the gap between keys tells a scanner from a typist; elapsed time only.
    elapsedMs: () => performance.now(),
    escDelayMs,
    scanGapMs,
    typedAheadKeys: (value) => typedAheadKeys(value, isCardCode, commandKeys.current),
  });
  const pipeline = pipelineRef.current;
  useLayoutEffect(() => trackPipeline(pipeline), [pipeline]);

  // Stable: Ink re-subscribes useInput whenever the handler's identity changes.
  const onInput = useCallback(
    (input: string, key: Key): void => pipeline.push(atomsOfRead(input, key, rawRef.current)),
    [pipeline, rawRef],
  );
  useInput(onInput);

  const routerRef = useRef<KeyRouter | undefined>(undefined);
  routerRef.current ??= {
    injectScan: (code) => pipeline.injectScan(code),
    register: handlers.register,
    isTextFocused: handlers.isTextFocused,
    subscribeTextFocus: handlers.subscribeTextFocus,
    changed: handlers.focusChanged,
    setCommandKeys: (isCommand) => {
      commandKeys.current = isCommand;
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
    const flagsChanged = entry.priority !== opts.priority || entry.isActive !== (opts.isActive ?? true);
    entry.priority = opts.priority;
    entry.isActive = opts.isActive ?? true;
    if (flagsChanged) router.changed();
  });
  useLayoutEffect(() => router.register(entry), [router, entry]);
}

/** Whether a text field has focus: printable keys are typed into it, not taken as commands. */
export function useTextFocused(): boolean {
  const router = useContext(KeyRouterContext);
  if (!router) throw new Error('useTextFocused: no <KeyRouterProvider> above this component');
  return useSyncExternalStore(router.subscribeTextFocus, router.isTextFocused);
}

/** Tells the router the command keys of `context` while the calling component is mounted (typed-ahead.ts). */
export function useCommandKeys(isCommand: (e: KeyEvent) => boolean): void {
  const router = useContext(KeyRouterContext);
  if (!router) throw new Error('useCommandKeys: no <KeyRouterProvider> above this component');
  useLayoutEffect(() => router.setCommandKeys(isCommand), [router, isCommand]);
}
