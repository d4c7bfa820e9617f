import { WedgeDetector, type WedgeEvent } from '../../../drivers/scanner/keyboard-wedge.ts';
import { ESC_IDLE, escStep, type EscInput, type EscState } from './esc-sequence.ts';
import { charEvent, keyEvent, splitLines, type KeyEvent } from './key-event.ts';

export type Cancel = () => void;

export type PipelineDeps = {
  /** Hands one key to the handlers (the registry's dispatch). */
  readonly dispatch: (e: KeyEvent) => void;
  /** Whether a text field has focus now, after every key dispatched so far was applied. */
  readonly textFocused: () => boolean;
  /**
   * Runs `fn` once React has committed what the previous key did (its renders, layout effects
   * and the passive effects they scheduled): the next key meets the handlers, focus and state
   * that key left, as if it had arrived in a read of its own.
   */
  readonly afterCommit: (fn: () => void) => Cancel;
  /** Runs `fn` as soon as the current call stack (Ink's input batch) has unwound. */
  readonly soon: (fn: () => void) => Cancel;
  readonly setTimer: (fn: () => void, ms: number) => Cancel;
  /** Milliseconds on a monotonic clock (gaps between keys only). */
  readonly elapsedMs: () => number;
  /** How long a lone Escape waits for the rest of a sequence split by the link. */
  readonly escDelayMs: number;
  /** Characters closer than this that end in Enter are a barcode scan; 0: only within one read. */
  readonly scanGapMs: number;
  /**
   * How many leading characters of a would-be scan are command keys typed ahead (typed-ahead.ts);
   * 0 or absent: it is a scan.
   */
  readonly typedAheadKeys?: (value: string) => number;
};

type Arrival = { readonly kind: 'key'; readonly event: KeyEvent; readonly at: number; readonly read: number } | { readonly kind: 'inject'; readonly code: string };

/**
 * The one ordered path every key takes, from the terminal to the handlers:
 *
 *  1. the escape guard reassembles sequences a slow link split (esc-sequence.ts);
 *  2. each key is routed when its turn comes, not when it arrived: into a focused text field as
 *     text, or, while no field has focus, through the wedge detector that tells a barcode
 *     scanner's burst from typed command keys (drivers/scanner/keyboard-wedge.ts);
 *  3. keys are dispatched one at a time, each after React committed what the one before did.
 *
 * So however many keys one read holds (SSH, paste, type-ahead), the outcome is the one of
 * typing them one by one: `↓ ↓ ↓ Enter` opens the fourth item, `sunli Tab 680135` puts the PIN
 * into the PIN field, `3 n` opens 3 and then acts on it. Keys are never reordered: the guard
 * and the wedge hold keys back but hand them on in order, and nothing is routed while keys
 * that came before it wait.
 */
export class KeyPipeline {
  private esc: EscState = ESC_IDLE;
  private escTimer: Cancel | undefined;
  private readonly arrivals: Arrival[] = [];
  private readonly ready: KeyEvent[] = [];
  private wedge: WedgeDetector | undefined;
  private wedgeRead = -1;
  private wedgeTimer: Cancel | undefined;
  private tick: Cancel | undefined;
  /** A key was dispatched and React has not yet been seen to finish what it set off. */
  private uncommitted = false;
  private reads = 0;
  /** The read being handed over now (see currentRead). */
  private open: { read: number; at: number } | undefined;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly deps: PipelineDeps) {}

  /** The keys of one read, in order (read-atoms.ts). */
  push(events: readonly KeyEvent[]): void {
    const { read, at } = this.currentRead();
    for (const event of events) this.escInput({ kind: 'key', event }, at, read);
    // Nothing pending: the first key is handled right here, inside Ink's input batch, which
    // renders it as soon as the batch ends (a scan reaches the screen in one frame, at once).
    if (!this.tick && !this.uncommitted && !this.closed) this.step();
    this.kick();
  }

  /**
   * Ink splits one chunk from the terminal into several events (an escape sequence, then text):
   * events handed over in the same turn of the event loop are one read, with one arrival time,
   * so a scan right after an arrow key or an Escape in the same read is still one scan.
   */
  private currentRead(): { read: number; at: number } {
    if (!this.open) {
      this.open = { read: ++this.reads, at: this.deps.elapsedMs() };
      const opened = this.open;
      queueMicrotask(() => {
        if (this.open === opened) this.open = undefined;
      });
    }
    return this.open;
  }

  /** A code from a scanner that does not type (USB HID POS), in order with the keys. */
  injectScan(code: string): void {
    this.arrivals.push({ kind: 'inject', code });
    this.kick();
  }

  /** Nothing held, queued or waiting for a commit. */
  isIdle(): boolean {
    return this.arrivals.length === 0 && this.ready.length === 0 && !this.tick && !this.uncommitted && !this.esc.pending && !this.wedge;
  }

  /** Resolves once every key that has arrived was handled (tests; a clean shutdown). */
  whenIdle(): Promise<void> {
    if (this.isIdle() || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.escTimer?.();
    this.wedgeTimer?.();
    this.tick?.();
    this.tick = undefined;
    this.notifyIdle(true);
  }

  private escInput(input: EscInput, at: number, read: number): void {
    const { state, emit } = escStep(this.esc, input);
    this.esc = state;
    this.escTimer?.();
    this.escTimer = undefined;
    if (state.pending) {
      this.escTimer = this.deps.setTimer(() => {
        this.escTimer = undefined;
        this.escInput({ kind: 'timeout' }, this.deps.elapsedMs(), ++this.reads);
        this.kick();
      }, this.deps.escDelayMs);
    }
    for (const event of emit) this.arrivals.push({ kind: 'key', event, at, read });
  }

  private kick(): void {
    if (this.tick || this.closed) return;
    const work = this.arrivals.length > 0 || this.ready.length > 0;
    if (!work && !this.uncommitted) {
      this.notifyIdle();
      return;
    }
    const run = (): void => {
      this.tick = undefined;
      this.uncommitted = false;
      if (work) this.step();
      this.kick();
    };
    // After a dispatch, the next key waits until React has finished with it. With nothing
    // dispatched since, a key only has to leave Ink's input batch (where nothing would be
    // committed before the next key): a scan on an idle screen goes straight to its field.
    this.tick = this.uncommitted ? this.deps.afterCommit(run) : this.deps.soon(run);
  }

  /** Routes what must be routed before the next dispatch, then dispatches one key. */
  private step(): void {
    while (this.ready.length === 0 && this.arrivals.length > 0) this.route(this.arrivals.shift()!);
    const next = this.ready.shift();
    if (!next) return;
    const intoField = next.name === 'char' && !next.ctrl && !next.meta && this.deps.textFocused();
    this.uncommitted = true;
    this.deps.dispatch(next);
    // Text typed into a field cannot move the focus, and the field submits what its last edit
    // left (not what was rendered): a scan's Enter goes in the same commit as its text, so the
    // terminal sees one frame per scan, not two.
    if (!intoField) return;
    const after = this.arrivals[0];
    if (this.ready.length === 0 && after?.kind === 'key' && after.event.name === 'enter') this.route(this.arrivals.shift()!);
    if (this.ready[0]?.name === 'enter') this.deps.dispatch(this.ready.shift()!);
  }

  private route(a: Arrival): void {
    if (a.kind === 'inject') {
      this.flushWedge();
      const focused = this.deps.textFocused();
      this.ready.push(...(focused ? [charEvent(a.code), keyEvent('enter')] : [keyEvent('scan', a.code)]));
      return;
    }
    const e = a.event;
    const typed = (e.name === 'char' && !e.ctrl && !e.meta) || e.name === 'enter';
    if (!typed || this.deps.textFocused()) {
      this.flushWedge();
      // One at a time: a pasted block may hold more lines than a spread can pass (issue 18).
      for (const part of splitLines(e)) this.ready.push(part);
      return;
    }
    this.feedWedge(e.name === 'enter' ? '\r' : e.char, a.at, a.read);
  }

  private feedWedge(text: string, at: number, read: number): void {
    const gap = this.deps.scanGapMs;
    // With no gap allowed, only a scan within one read counts: a new read starts a new burst.
    if (gap === 0 && this.wedge && this.wedgeRead !== read) this.flushWedge();
    this.wedge ??= new WedgeDetector({ maxGapMs: gap });
    this.wedgeRead = read;
    this.take(this.wedge.feed(text, at), at, read);
    this.wedgeTimer?.();
    this.wedgeTimer = this.deps.setTimer(() => {
      this.wedgeTimer = undefined;
      this.flushWedge();
      this.kick();
    }, gap + 1);
  }

  private flushWedge(): void {
    this.wedgeTimer?.();
    this.wedgeTimer = undefined;
    const w = this.wedge;
    this.wedge = undefined;
    if (w) this.take(w.flush(Number.POSITIVE_INFINITY));
  }

  /**
   * A scan is one event; typed keys go on one by one, as if each had come in a read of its own.
   * A "scan" that is command keys typed ahead of a code: the keys go on, and the code with its
   * Enter is routed again once they were handled, ahead of everything that came after it.
   */
  private take(events: readonly WedgeEvent[], at = 0, read = 0): void {
    for (const w of events) {
      if (w.kind === 'scan') {
        const lead = this.deps.typedAheadKeys?.(w.value) ?? 0;
        if (lead === 0) {
          this.ready.push(keyEvent('scan', w.value));
          continue;
        }
        const chars = [...w.value];
        for (const c of chars.slice(0, lead)) this.ready.push(charEvent(c));
        const again: Arrival[] = [...chars.slice(lead).map((c) => charEvent(c)), keyEvent('enter')].map((event) => ({ kind: 'key', event, at, read }));
        this.arrivals.unshift(...again);
        continue;
      }
      for (const c of w.text) this.ready.push(c === '\r' || c === '\n' ? keyEvent('enter') : charEvent(c));
    }
  }

  private notifyIdle(force = false): void {
    if (!force && !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
