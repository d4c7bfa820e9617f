/**
 * The payload of a frame: a sequence of typed fields, so an argument list survives the wire
 * without a separator that names or photos could contain.
 *   int32:  'I' (0x49), 4 bytes big-endian two's complement
 *   string: 'S' (0x53), u16 BE byte length, GB18030 bytes
 * GB18030 because the national reader interface returns GBK text, and GB18030 is its superset
 * whose 4-byte sequences carry the rare-name characters (GD Annex 9 二(二) “支持生僻字”:
 * cards are printed with “宋体-18030”).
 */
import iconv from 'iconv-lite';
import { SbkError } from '../../src/domain/errors.ts';

export type FieldValue = number | string;

const TAG_INT = 0x49;
const TAG_STR = 0x53;

export function encodeFields(values: readonly FieldValue[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const v of values) {
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) {
        throw new SbkError('DEVICE_BAD_REQUEST.int_range', { value: v });
      }
      const b = new Uint8Array(5);
      b[0] = TAG_INT;
      new DataView(b.buffer).setInt32(1, v);
      parts.push(b);
    } else {
      const text = iconv.encode(v, 'gb18030');
      if (text.length > 0xffff) {
        throw new SbkError('DEVICE_BAD_REQUEST.text_length', { bytes: text.length });
      }
      const b = new Uint8Array(3 + text.length);
      b[0] = TAG_STR;
      b[1] = text.length >>> 8;
      b[2] = text.length & 0xff;
      b.set(text, 3);
      parts.push(b);
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function decodeFields(payload: Uint8Array): FieldValue[] {
  const out: FieldValue[] = [];
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  let at = 0;
  while (at < payload.length) {
    const tag = payload[at]!;
    if (tag === TAG_INT) {
      if (at + 5 > payload.length) throw bad('DEVICE_BAD_REPLY.int_truncated', at);
      out.push(view.getInt32(at + 1));
      at += 5;
    } else if (tag === TAG_STR) {
      if (at + 3 > payload.length) throw bad('DEVICE_BAD_REPLY.text_truncated', at);
      const n = view.getUint16(at + 1);
      if (at + 3 + n > payload.length) throw bad('DEVICE_BAD_REPLY.text_truncated', at);
      const bytes = payload.subarray(at + 3, at + 3 + n);
      const text = iconv.decode(Buffer.from(bytes), 'gb18030');
      // iconv-lite replaces bad sequences silently; re-encoding shows whether any were there.
      if (!iconv.encode(text, 'gb18030').equals(bytes)) throw bad('DEVICE_BAD_REPLY.not_gb18030', at);
      out.push(text);
      at += 3 + n;
    } else {
      throw new SbkError('DEVICE_BAD_REPLY.field_tag', { tag }, { offset: at });
    }
  }
  return out;
}

/** A reply payload that is not a field list, found at byte `offset`. */
function bad(key: 'DEVICE_BAD_REPLY.int_truncated' | 'DEVICE_BAD_REPLY.text_truncated' | 'DEVICE_BAD_REPLY.not_gb18030', offset: number): SbkError {
  return new SbkError(key, undefined, { offset });
}
