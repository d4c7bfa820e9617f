/**
 * The console as run-console.tsx runs it — `<App>` rendered by Ink in debug mode into a
 * TerminalWriter — but over an 80×24 stub terminal and a fake stdin that the bench types into
 * (shaped like test/helpers/render-console.tsx's). Keeps the last frame Ink produced, so a
 * keystroke's bytes can be set against a full redraw of the same screen.
 */
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { App } from '../src/ui/app.tsx';
import type { ConsoleServices } from '../src/ui/console-services.ts';
import { TerminalWriter } from '../src/ui/terminal/terminal-writer.ts';
import { nowMs } from './stats.ts';
import { StubStdin } from '../test/helpers/stub-stdin.ts';

export const KEYS = { up: '\u001B[A', down: '\u001B[B', enter: '\r' } as const;

class StubTerminal extends EventEmitter {
  readonly isTTY = true;
  readonly writes: { at: number; s: string }[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (s: string): boolean => {
    this.writes.push({ at: nowMs(), s });
    return true;
  };
}


const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type Harness = {
  writer: TerminalWriter;
  terminal: StubTerminal;
  /** The last complete frame Ink handed to the writer. */
  lastFrame(): string;
  /** Every complete frame Ink handed to the writer, with when (nowMs) it did. */
  readonly frames: { at: number; frame: string }[];
  /** Types `keys` as one read and returns at once (the caller watches `frames` and `terminal.writes`). */
  type(keys: string): void;
  /** Types `keys` as one read, waits for a frame that satisfies `until`, then for the writer's flush. */
  press(keys: string, until: (frame: string) => boolean, timeoutMs?: number): Promise<void>;
  waitFor(pred: (frame: string) => boolean, timeoutMs?: number): Promise<void>;
  /** Lets the writer's coalescing timer fire (a 30 fps writer waits ≤ 34 ms), then flushes what is left. */
  settle(): Promise<void>;
  unmount(): void;
};

export function renderHarness(services: ConsoleServices, { columns = 80, rows = 24, maxFps = 30 } = {}): Harness {
  const terminal = new StubTerminal(columns, rows);
  const writer = new TerminalWriter(terminal, { maxFps });
  const stdin = new StubStdin();
  const stderr = new StubTerminal(columns, rows);
  let last = '';
  const frames: { at: number; frame: string }[] = [];
  const inkWrite = writer.write.bind(writer);
  writer.write = (frame: string): boolean => {
    last = frame;
    frames.push({ at: nowMs(), frame });
    return inkWrite(frame);
  };
  const instance = render(<App services={services} />, {
    stdout: writer as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const waitFor = async (pred: (frame: string) => boolean, timeoutMs = 5000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!pred(last)) {
      if (Date.now() > deadline) throw new Error(`console harness: timed out; last frame:\n${last}`);
      await sleep(2);
    }
  };
  const settle = async (): Promise<void> => {
    await sleep(60);
    writer.flush();
  };
  return {
    writer,
    terminal,
    lastFrame: () => last,
    frames,
    type: (keys) => stdin.write(keys),
    waitFor,
    settle,
    press: async (keys, until, timeoutMs) => {
      stdin.write(keys);
      await waitFor(until, timeoutMs);
      await settle();
    },
    unmount: () => {
      instance.unmount();
      instance.cleanup();
      writer.end();
    },
  };
}
