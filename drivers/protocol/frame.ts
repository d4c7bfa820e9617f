/**
 * Device framing: STX 0x02, seq u8, cmd u8, payload length u16 BE, payload, CRC-16 over
 * seq..payload u16 BE, ETX 0x03. USB HID reports and the in-memory link both cut the stream
 * at arbitrary points, and a cable can flip bits, so the decoder takes any chunking and
 * resynchronises by itself: a damaged frame is dropped, never the frames after it.
 */
import { SbkError } from '../../src/domain/errors.ts';
import { crc16 } from './crc16.ts';

export const STX = 0x02;
export const ETX = 0x03;
/**
 * The length field's whole range: iPrint carries the applicant's photo in base64 (GD Annex 9
 * 二(二) sPhoto), and an ID photo of 10-40 KB becomes up to ~55 KB of text. A corrupted length
 * cannot stall the link: the decoder looks past an incomplete frame for a complete valid one.
 */
export const MAX_PAYLOAD = 0xffff;
/** STX, seq, cmd, length (2), CRC (2), ETX. */
const OVERHEAD = 8;

export type Frame = { seq: number; cmd: number; payload: Uint8Array };

export function encodeFrame(f: Frame): Uint8Array {
  const n = f.payload.length;
  if (n > MAX_PAYLOAD) {
    // A real ID photo can exceed this; say so instead of letting the device drop the frame.
    throw new SbkError('DEVICE_PAYLOAD_TOO_LARGE', { bytes: n, max: MAX_PAYLOAD });
  }
  const out = new Uint8Array(n + OVERHEAD);
  out[0] = STX;
  out[1] = f.seq & 0xff;
  out[2] = f.cmd & 0xff;
  out[3] = n >>> 8;
  out[4] = n & 0xff;
  out.set(f.payload, 5);
  const crc = crc16(out, 1, 5 + n);
  out[5 + n] = crc >>> 8;
  out[6 + n] = crc & 0xff;
  out[7 + n] = ETX;
  return out;
}

type Check = { kind: 'ok'; frame: Frame; end: number } | { kind: 'bad' } | { kind: 'short' };

export class FrameDecoder {
  /** Candidate frames thrown away (bad length, ETX or CRC): shown on the devices screen. */
  errors = 0;
  private buf = new Uint8Array(0);

  push(chunk: Uint8Array): Frame[] {
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf);
    joined.set(chunk, this.buf.length);
    const buf = joined;
    const out: Frame[] = [];
    let pos = 0;
    for (;;) {
      const stx = buf.indexOf(STX, pos);
      if (stx < 0) {
        pos = buf.length;
        break;
      }
      pos = stx;
      const head = check(buf, pos);
      if (head.kind === 'ok') {
        out.push(head.frame);
        pos = head.end;
      } else if (head.kind === 'bad') {
        this.errors++;
        pos++;
      } else {
        // The head claims more bytes than we have. If noise lengthened it, waiting would hold
        // back the frames behind it (and a request/reply link sends nothing more until they are
        // answered), so look for a complete valid frame further on and give up the head if one exists.
        const later = this.completeFrameAfter(buf, pos);
        if (later < 0) break;
        this.errors++;
        pos = later;
      }
    }
    this.buf = buf.slice(pos);
    return out;
  }

  private completeFrameAfter(buf: Uint8Array, from: number): number {
    for (let i = buf.indexOf(STX, from + 1); i >= 0; i = buf.indexOf(STX, i + 1)) {
      if (check(buf, i).kind === 'ok') return i;
    }
    return -1;
  }
}

function check(buf: Uint8Array, at: number): Check {
  if (buf.length - at < 5) return { kind: 'short' };
  const n = (buf[at + 3]! << 8) | buf[at + 4]!;
  if (n > MAX_PAYLOAD) return { kind: 'bad' };
  const end = at + n + OVERHEAD;
  if (buf.length < end) return { kind: 'short' };
  // ETX first: it rejects most false starts without computing a CRC.
  if (buf[end - 1] !== ETX) return { kind: 'bad' };
  const crc = (buf[end - 3]! << 8) | buf[end - 2]!;
  if (crc16(buf, at + 1, at + 5 + n) !== crc) return { kind: 'bad' };
  return { kind: 'ok', end, frame: { seq: buf[at + 1]!, cmd: buf[at + 2]!, payload: buf.slice(at + 5, at + 5 + n) } };
}
