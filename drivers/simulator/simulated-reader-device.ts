/**
 * The device side of a simulated standalone desk reader: it answers READ_BASIC (and STATUS)
 * over the device protocol the way a real reader answers iReadCardBas, so the demo's reader
 * goes through the same framing and error mapping as a USB one.
 */
import { CMD, REPLY_BIT } from '../protocol/commands.ts';
import { decodeFields, encodeFields, type FieldValue } from '../protocol/fields.ts';
import { encodeFrame, FrameDecoder } from '../protocol/frame.ts';
import { formatBasicInfo, type BasicCardInfo } from '../reader/basic-info.ts';
import type { ByteTransport } from '../transport/byte-transport.ts';
import { simulatorReplies as R } from '../../src/i18n/drivers/simulator.ts';

export class SimulatedReaderDevice {
  private card: BasicCardInfo | null = null;
  private nextFault: number | null = null;

  insert(chip: BasicCardInfo | null): void {
    this.card = chip ? { ...chip } : null;
  }

  /** The next read returns this negative code once (e.g. -21: the chip fails authentication). */
  failNext(code: number): void {
    this.nextFault = code;
  }

  attach(device: ByteTransport): void {
    const decoder = new FrameDecoder();
    device.onData((bytes) => {
      for (const f of decoder.push(bytes)) {
        const [code, out] = this.handle(f.cmd, f.payload);
        device.write(encodeFrame({ seq: f.seq, cmd: f.cmd | REPLY_BIT, payload: encodeFields([code, out]) })).catch(() => undefined);
      }
    });
  }

  private handle(cmd: number, payload: Uint8Array): [number, string] {
    let args: FieldValue[];
    try {
      args = decodeFields(payload);
    } catch {
      return [-109, R.badFields];
    }
    if (cmd === CMD.STATUS) return [0, `card=${this.card ? 1 : 0}`];
    if (cmd !== CMD.READ_BASIC) return [-109, R.readerUnsupportedCommand({ cmd })];
    const [iface] = args;
    if (args.length !== 1 || typeof iface !== 'number' || iface < 1 || iface > 4) return [-109, R.badInterface];
    if (this.nextFault !== null) {
      const code = this.nextFault;
      this.nextFault = null;
      return [code, R.injectedFault];
    }
    if (!this.card) return [-2, R.noCard];
    return [0, formatBasicInfo(this.card)];
  }
}
