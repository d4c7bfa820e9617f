/**
 * Renders an Ink element into an 80×24 (by default; any size, resizable) stub terminal for layout and keyboard tests,
 * exactly as the console runs (src/ui/run-console.tsx): Ink in debug mode hands every complete
 * frame to a TerminalWriter, which writes only the changed cells to the terminal.
 *
 * ink-testing-library 4 fixes `columns` at 100 and has no `rows`, so it can neither test an
 * 80×24 layout nor measure what a keystroke costs on a slow link; its `render()` /
 * `stdin.write()` / `lastFrame()` shape is kept here. Ink's debug path runs before its CI
 * check, so frames and byte counts are the same with and without the CI variable.
 */
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { ReactElement } from 'react';
import { TerminalWriter } from '../../src/ui/terminal/terminal-writer.ts';
import { StubStdin } from './stub-stdin.ts';
import { whenKeysHandled } from '../../src/ui/keys/pipelines.ts';

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

/** The terminal the writer writes to. */
class StubTerminal extends EventEmitter {
  readonly isTTY = true;
  readonly writes: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (s: string): boolean => {
    this.writes.push(s);
    return true;
  };
}

// ---- Stub streams ---------------------------------------------------------------------------

class StubStderr extends EventEmitter {
  readonly writes: string[] = [];
  write = (chunk: string): boolean => {
    this.writes.push(chunk);
    return true;
  };
}


// ---- The helper ------------------------------------------------------------------------------

export type ConsoleOptions = { columns?: number; rows?: number };

export type RenderedConsole = {
  /** The frame on screen now (Ink's output, without a trailing newline). */
  lastFrame(): string;
  /** Every distinct frame Ink rendered, in order. */
  frames: string[];
  stdin: { write(s: string): void };
  /** Writes `keys` as one read from the terminal, then waits until the result is on screen
   *  (plus `waitMs`, e.g. to let the router's Escape delay pass). */
  press(keys: string, waitMs?: number): Promise<void>;
  /** Resolves with the first frame that satisfies `pred`; rejects with the last frame after `timeoutMs`. */
  waitFor(pred: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Bytes the terminal received since render. */
  bytesWritten(): number;
  /** Everything the terminal received, in order (for replaying into a virtual terminal). */
  terminalWrites(): readonly string[];
  /** The terminal window is resized (as SIGWINCH tells a real program); resolves when the new frame is on screen. */
  resize(columns: number, rows: number): Promise<void>;
  /** The terminal's size now. */
  size(): { columns: number; rows: number };
  rerender(element: ReactElement): void;
  /** Resolves when the app calls Ink's exit(). */
  waitUntilExit(): Promise<unknown>;
  unmount(): void;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
// React 19 schedules with setImmediate in Node; then let follow-up timers and microtasks run.
const flushReact = () => new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 0)));

export function renderConsole(element: ReactElement, { columns = 80, rows = 24 }: ConsoleOptions = {}): RenderedConsole {
  const terminal = new StubTerminal(columns, rows);
  const writer = new TerminalWriter(terminal, { maxFps: 1000 });
  const stderr = new StubStderr();
  const stdin = new StubStdin();
  const frames: string[] = [];
  const inkWrite = writer.write.bind(writer);
  // In debug mode Ink writes each complete frame, as is, to the writer.
  writer.write = (frame: string): boolean => {
    if (frame !== frames.at(-1)) frames.push(frame);
    return inkWrite(frame);
  };

  const instance = render(element, {
    stdout: writer as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  writer.flush();

  const settle = async (waitMs = 0): Promise<void> => {
    await whenKeysHandled();
    await flushReact();
    if (waitMs > 0) {
      await sleep(waitMs);
      await flushReact();
    }
    writer.flush();
  };

  return {
    lastFrame: () => frames.at(-1) ?? '',
    frames,
    stdin: { write: (s: string) => stdin.write(s) },
    press: async (keys, waitMs) => {
      stdin.write(keys);
      await settle(waitMs);
    },
    waitFor: async (pred, timeoutMs = 1000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = frames.at(-1) ?? '';
        if (pred(frame)) {
          writer.flush();
          return frame;
        }
        if (Date.now() > deadline) throw new Error(`waitFor: timed out after ${timeoutMs} ms; last frame:\n${frame}`);
        await sleep(5);
      }
    },
    bytesWritten: () => {
      writer.flush();
      return writer.bytesWritten;
    },
    terminalWrites: () => terminal.writes,
    resize: async (cols, rws) => {
      terminal.columns = cols;
      terminal.rows = rws;
      terminal.emit('resize');
      await settle();
    },
    size: () => ({ columns: terminal.columns, rows: terminal.rows }),
    rerender: (el) => instance.rerender(el),
    waitUntilExit: () => instance.waitUntilExit(),
    unmount: () => {
      instance.unmount();
      instance.cleanup();
      writer.end();
    },
  };
}
