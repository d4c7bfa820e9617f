/**
 * The host end of the device protocol: sends one command, waits for its reply. Calls are
 * queued so only one is ever on the wire (the device is a single mechanism), and nothing is
 * retried here: a PRINT whose reply was lost may still have printed, and only the caller, who
 * can ask STATUS and look at the card, may decide to send it again.
 */
import { SbkError } from '../../src/domain/errors.ts';
import type { ByteTransport } from '../transport/byte-transport.ts';
import { REPLY_BIT, SLOW_COMMANDS } from './commands.ts';
import { decodeFields, encodeFields, type FieldValue } from './fields.ts';
import { encodeFrame, FrameDecoder, type Frame } from './frame.ts';

export type DeviceReply = { code: number; out: string };

export type DeviceClientOptions = {
  /** For quick calls (STATUS, READ_BASIC). Default 5 s. */
  timeoutMs?: number;
  /** For calls that move a card or write a chip (SLOW_COMMANDS). Default 90 s: a print takes tens of seconds. */
  slowTimeoutMs?: number;
};

type Waiting = { seq: number; cmd: number; resolve: (r: DeviceReply) => void; reject: (e: unknown) => void };

export class DeviceClient {
  private readonly decoder = new FrameDecoder();
  private readonly unsubscribe: () => void;
  private readonly timeoutMs: number;
  private readonly slowTimeoutMs: number;
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private waiting: Waiting | null = null;
  private closed = false;

  constructor(
    private readonly t: ByteTransport,
    opts: DeviceClientOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 5_000;
    this.slowTimeoutMs = opts.slowTimeoutMs ?? 90_000;
    this.unsubscribe = t.onData((bytes) => {
      for (const f of this.decoder.push(bytes)) this.onFrame(f);
    });
  }

  get label(): string {
    return this.t.label;
  }

  /** Frames the decoder threw away since the link opened (for the devices screen). */
  get frameErrors(): number {
    return this.decoder.errors;
  }

  call(cmd: number, args: readonly FieldValue[]): Promise<DeviceReply> {
    const run = this.queue.then(() => this.send(cmd, args));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.waiting?.reject(closedError());
    this.waiting = null;
    await this.t.close();
  }

  private async send(cmd: number, args: readonly FieldValue[]): Promise<DeviceReply> {
    if (this.closed) throw closedError();
    const seq = (this.seq = (this.seq + 1) & 0xff);
    const bytes = encodeFrame({ seq, cmd, payload: encodeFields(args) });
    const ms = SLOW_COMMANDS.has(cmd) ? this.slowTimeoutMs : this.timeoutMs;
    return new Promise<DeviceReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new SbkError('DEVICE_TIMEOUT', undefined, { device: this.t.label, cmd, seq, timeoutMs: ms }));
      }, ms);
      const done = <T>(fn: (v: T) => void) => (v: T) => {
        clearTimeout(timer);
        this.waiting = null;
        fn(v);
      };
      this.waiting = { seq, cmd, resolve: done(resolve), reject: done(reject) };
      this.t.write(bytes).catch((e: unknown) => this.waiting?.seq === seq && this.waiting.reject(e));
    });
  }

  private onFrame(f: Frame): void {
    const w = this.waiting;
    // A reply to an earlier call that timed out arrives with an older seq: not ours.
    if (!w || f.seq !== w.seq || f.cmd !== (w.cmd | REPLY_BIT)) return;
    try {
      const [code, out, ...rest] = decodeFields(f.payload);
      if (typeof code !== 'number' || typeof out !== 'string' || rest.length > 0) {
        throw new SbkError('DEVICE_BAD_REPLY.reply_shape', undefined, { cmd: w.cmd });
      }
      w.resolve({ code, out });
    } catch (e) {
      w.reject(e);
    }
  }
}

function closedError(): SbkError {
  return new SbkError('DEVICE_CLOSED');
}
