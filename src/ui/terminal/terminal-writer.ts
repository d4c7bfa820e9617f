/**
 * The stream Ink renders into. Ink runs in debug mode, so every render hands us the whole
 * frame; we keep what the terminal shows and write only the cells that changed (frame-diff.ts).
 * Renders that arrive together are coalesced, and on slow links capped to a few per second.
 */
import { EventEmitter } from 'node:events';
import { diffFrames, parseFrame, type Cell } from './frame-diff.ts';

const ESC = '\u001B';

export type TerminalOut = NodeJS.WriteStream | { write(s: string): boolean; columns?: number; rows?: number; on?: (e: 'resize', f: () => void) => unknown; off?: (e: 'resize', f: () => void) => unknown };

export type TerminalWriterOptions = {
  /** At most this many screen updates per second (the last state always gets written). */
  maxFps: number;
  /** Colours off (NO_COLOR); bold, inverse and underline stay. */
  noColor?: boolean;
};

export class TerminalWriter extends EventEmitter {
  readonly isTTY = true;
  private shown: Cell[][] | null = null;
  /** The last frame Ink handed over, as text (painted again after a status line). */
  private lastFrame: string | null = null;
  private pending: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = 0;
  private started = false;
  private bytes = 0;
  private ended = false;

  constructor(
    private readonly out: TerminalOut,
    private readonly opts: TerminalWriterOptions,
  ) {
    super();
    out.on?.('resize', this.onResize);
  }

  get columns(): number {
    return this.out.columns || 80;
  }

  get rows(): number {
    return this.out.rows || 24;
  }

  /** Total bytes written to the terminal (benchmarks, tests). */
  get bytesWritten(): number {
    return this.bytes;
  }

  /** Ink calls this with each complete frame. */
  write(frame: string): boolean {
    this.pending = frame;
    if (this.timer) return true;
    const interval = 1000 / this.opts.maxFps;
    // sbk-clock: the frame rate cap measures elapsed time only.
    const wait = Math.max(0, this.lastFlush + interval - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
    return true;
  }

  /** Writes the latest frame now (also on exit, so the last state is never lost). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending === null) return;
    const next = parseFrame(this.pending, !this.opts.noColor);
    this.lastFrame = this.pending;
    this.pending = null;
    let out = '';
    if (!this.started) {
      out += `${ESC}[?25l`; // the fields draw their own cursor
      this.started = true;
    }
    out += diffFrames(this.shown, next, this.rows);
    this.shown = next;
    this.lastFlush = Date.now(); // sbk-clock: elapsed time for the frame rate cap
    if (out) this.emitBytes(out);
  }

  /**
   * Shows `text` (already fitted to the width) in bold over the frame's last row at once,
   * past the frame rate cap: for a notice the program paints just before its event loop blocks
   * (a write waiting for another process's lock, db/write-tx.ts), when Ink cannot render. Ink's
   * frame is painted again as soon as the loop runs, so the notice lasts exactly as long as the
   * wait and the frame is whole afterwards.
   */
  showStatusNow(text: string): void {
    this.flush();
    if (this.ended || this.shown === null || this.shown.length === 0) return;
    const row = parseFrame(`${ESC}[1m${text}${ESC}[22m`, !this.opts.noColor)[0] ?? [];
    const next = [...this.shown.slice(0, -1), row];
    const out = diffFrames(this.shown, next, this.rows);
    this.shown = next;
    if (out) this.emitBytes(out);
    if (this.pending === null && this.lastFrame !== null) this.write(this.lastFrame);
  }

  /** Leaves the terminal usable: cursor shown, below the last frame. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.flush();
    this.out.off?.('resize', this.onResize);
    if (this.started) this.emitBytes(`${ESC}[0m${ESC}[${(this.shown?.length ?? 0) + 1};1H${ESC}[?25h`);
  }

  private emitBytes(s: string): void {
    this.bytes += Buffer.byteLength(s);
    this.out.write(s);
  }

  private readonly onResize = (): void => {
    // A resized terminal reflows what it shows: start from a clean screen (once per resize).
    this.shown = null;
    this.emit('resize');
  };
}
