/**
 * Renders an Ink element into an 80×24 (by default) stub terminal for layout and keyboard tests.
 *
 * ink-testing-library 4 fixes `columns` at 100, has no `rows`, and renders with `debug: true`
 * (unthrottled full frames), so it can neither test an 80×24 layout nor measure what a
 * keystroke costs on a slow link. This helper renders the way the console runs:
 * `incrementalRendering: true`, `debug: false`, `patchConsole: false`, `exitOnCtrlC: false`.
 *
 * Frames do not come from what Ink writes: with incremental rendering the writes are line
 * diffs, and when the CI environment variable is set Ink writes nothing at all until unmount
 * (is-in-ci, read once when Ink loads). Instead the helper reads the frame Ink just rendered
 * (`lastOutput` of Ink's instance for this stdout, via Ink's internal `instances` map) after
 * every render, so `lastFrame()` and `frames` are the same with and without CI. `bytesWritten()`
 * counts what Ink wrote to the stub terminal; under CI, where Ink writes nothing per frame, it
 * replays the frames through Ink's own incremental log-update to count the same bytes.
 * Pinned to ink 6.8's internals; `renderConsole` throws if they move.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { render } from 'ink';
import type { ReactElement } from 'react';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  ctrlU: '\u0015',
  ctrlC: '\u0003',
} as const;

// ---- Ink internals (ink 6.8) ---------------------------------------------------------------

type InkInstance = { lastOutput: string; hasPendingThrottledRender: boolean };
type LogUpdate = ((output: string) => boolean) & { willRender(output: string): boolean; sync(output: string): void };
type LogUpdateModule = { default: { create(stream: unknown, opts: { incremental: boolean }): LogUpdate } };

const inkEntry = createRequire(import.meta.url).resolve('ink');
const internal = (file: string): string => new URL(file, pathToFileURL(inkEntry)).href;
const instances = ((await import(internal('./instances.js'))) as { default: WeakMap<object, InkInstance> }).default;
const logUpdate = ((await import(internal('./log-update.js'))) as LogUpdateModule).default;
const isInCi = ((await import(pathToFileURL(createRequire(inkEntry).resolve('is-in-ci')).href)) as { default: boolean })
  .default;

/** True when Ink runs in CI mode in this process (it decides once, when it is first loaded). */
export const INK_IN_CI = isInCi;

const BSU = '\u001B[?2026h';
const ESU = '\u001B[?2026l';
const CLEAR_TERMINAL = '\u001B[2J\u001B[3J\u001B[H';

// ---- Stub streams ----------------------------------------------------------------------------

class StubStdout extends EventEmitter {
  readonly isTTY = true;
  readonly writes: string[] = [];
  bytes = 0;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.writes.push(s);
    this.bytes += Buffer.byteLength(s);
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  };
}

class StubStderr extends EventEmitter {
  readonly writes: string[] = [];
  write = (chunk: string): boolean => {
    this.writes.push(chunk);
    return true;
  };
}

/** Shaped like ink-testing-library's: Ink reads stdin on 'readable' through read(). */
class StubStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
  };
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

// ---- The helper ------------------------------------------------------------------------------

export type ConsoleOptions = {
  columns?: number;
  rows?: number;
  /** Ink's render throttle; the console runs at 10-15. Default: Ink's default (30). */
  maxFps?: number;
};

export type RenderedConsole = {
  /** The frame on screen now (Ink's output, without a trailing newline). */
  lastFrame(): string;
  /** Every distinct frame Ink rendered, in order. */
  frames: string[];
  stdin: { write(s: string): void };
  /** Writes `keys` as one read from the terminal, then waits until Ink has rendered the result
   *  (plus `waitMs`, e.g. to let the router's Escape delay pass). */
  press(keys: string, waitMs?: number): Promise<void>;
  /** Resolves with the first frame that satisfies `pred`; rejects with the last frame after `timeoutMs`. */
  waitFor(pred: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Bytes the terminal received since render (see the file comment for CI). */
  bytesWritten(): number;
  /** The CI substitute for bytesWritten (always computed, so the helper's own test can check it
   *  against the real count outside CI). */
  bytesReplayed(): number;
  rerender(element: ReactElement): void;
  unmount(): void;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// React 19 schedules with setImmediate in Node; then let follow-up timers and microtasks run.
const flush = () => new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 0)));

export function renderConsole(element: ReactElement, { columns = 80, rows = 24, maxFps }: ConsoleOptions = {}): RenderedConsole {
  const stdout = new StubStdout(columns, rows);
  const stderr = new StubStderr();
  const stdin = new StubStdin();
  const frames: string[] = [];

  // Replay for CI (see above): the same steps as Ink.onRender's non-CI path.
  let replayBytes = 0;
  const sink = { isTTY: true, write: (s: string) => ((replayBytes += Buffer.byteLength(s)), true) };
  const replayLog = logUpdate.create(sink, { incremental: true });
  let replayLastHeight = 0;
  const replay = (output: string): void => {
    const height = output.split('\n').length;
    const toRender = height >= rows ? output : output + '\n';
    if (replayLastHeight >= rows) {
      sink.write(BSU + CLEAR_TERMINAL + output + ESU);
      replayLog.sync(toRender);
    } else if (replayLog.willRender(toRender)) {
      sink.write(BSU);
      replayLog(toRender);
      sink.write(ESU);
    }
    replayLastHeight = height;
  };

  let ink: InkInstance | undefined;
  const capture = (): void => {
    if (!ink) return;
    const out = ink.lastOutput;
    if (out === frames.at(-1)) return;
    frames.push(out);
    replay(out);
  };

  const instance = render(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: false,
    incrementalRendering: true,
    patchConsole: false,
    exitOnCtrlC: false,
    ...(maxFps === undefined ? {} : { maxFps }),
    // Called inside Ink's onRender before it stores the frame; read it once that returns.
    onRender: () => queueMicrotask(capture),
  });
  ink = instances.get(stdout);
  if (!ink || typeof ink.lastOutput !== 'string') {
    instance.unmount();
    throw new Error('renderConsole: cannot reach the Ink instance (ink internals changed?)');
  }
  capture();

  const settle = async (waitMs = 0): Promise<void> => {
    await flush();
    if (waitMs > 0) {
      await sleep(waitMs);
      await flush();
    }
    // A render inside the throttle window is deferred to its trailing edge.
    for (let i = 0; i < 200 && ink?.hasPendingThrottledRender; i++) await sleep(5);
    await flush();
  };

  return {
    lastFrame: () => ink?.lastOutput ?? '',
    frames,
    stdin: { write: (s: string) => stdin.write(s) },
    press: async (keys, waitMs) => {
      stdin.write(keys);
      await settle(waitMs);
    },
    waitFor: async (pred, timeoutMs = 1000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = ink?.lastOutput ?? '';
        if (pred(frame)) return frame;
        if (Date.now() > deadline) throw new Error(`waitFor: timed out after ${timeoutMs} ms; last frame:\n${frame}`);
        await sleep(5);
      }
    },
    bytesWritten: () => (isInCi ? replayBytes : stdout.bytes),
    bytesReplayed: () => replayBytes,
    rerender: (el) => instance.rerender(el),
    unmount: () => {
      instance.unmount();
      instance.cleanup();
    },
  };
}
