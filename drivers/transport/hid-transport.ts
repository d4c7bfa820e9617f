/**
 * ByteTransport over a USB HID device (node-hid's HIDAsync, or a fake in tests), carrying the
 * byte stream in reports as hid-reports.ts lays them out.
 */
import { SbkError } from '../../src/domain/errors.ts';
import type { ByteTransport } from './byte-transport.ts';
import { ReportJoiner, toReports, type ReportLayout } from './hid-reports.ts';
import type { NodeHidLike } from './load-node-hid.ts';

/** The part of node-hid's HIDAsync this transport uses. */
export interface HidDeviceLike {
  write(data: number[] | Buffer): Promise<number> | number;
  on(ev: 'data', cb: (b: Buffer) => void): void;
  on(ev: 'error', cb: (e: Error) => void): void;
  close(): Promise<void> | void;
}

export class HidTransport implements ByteTransport {
  private readonly listeners = new Set<(b: Uint8Array) => void>();
  private readonly joiner: ReportJoiner;
  private failure: Error | null = null;
  private closed = false;
  /** Reports dropped as malformed; the frame layer resynchronises after them. */
  badReports = 0;

  constructor(
    private readonly dev: HidDeviceLike,
    private readonly layout: ReportLayout,
    readonly label: string,
  ) {
    this.joiner = new ReportJoiner(layout);
    dev.on('data', (b) => {
      let data: Uint8Array;
      try {
        data = this.joiner.push(b);
      } catch {
        this.badReports++;
        return;
      }
      if (data.length === 0) return;
      for (const l of this.listeners) l(data);
    });
    // Unplugging shows up here; the next write reports it, and a call in flight times out.
    dev.on('error', (e) => (this.failure = e));
  }

  static async open(hid: NodeHidLike, path: string, layout: ReportLayout, label: string): Promise<HidTransport> {
    try {
      return new HidTransport(await hid.HIDAsync.open(path), layout, label);
    } catch (e) {
      throw new SbkError('HID_OPEN_FAILED', { device: label, cause: message(e) }, { path });
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.closed) throw new SbkError('DEVICE_CLOSED', undefined, { device: this.label });
    for (const report of toReports(bytes, this.layout)) {
      if (this.failure) throw ioError(this.label, this.failure);
      // hidapi: “The first byte of data[] must contain the Report ID. For devices which only
      // support a single report, this must be set to 0x0.”
      const out = this.layout.reportId === null ? Buffer.concat([Buffer.of(0), report]) : Buffer.from(report);
      try {
        await this.dev.write(out);
      } catch (e) {
        throw ioError(this.label, e);
      }
    }
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    await this.dev.close();
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function ioError(label: string, e: unknown): SbkError {
  return new SbkError('HID_IO_ERROR', { device: label, cause: message(e) }, { device: label });
}
