import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16 } from '../../drivers/protocol/crc16.ts';
import { encodeFrame, FrameDecoder, MAX_PAYLOAD, type Frame } from '../../drivers/protocol/frame.ts';

const frameArb: fc.Arbitrary<Frame> = fc.record({
  seq: fc.integer({ min: 0, max: 255 }),
  cmd: fc.integer({ min: 0, max: 255 }),
  payload: fc.oneof(
    { weight: 6, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constant(new Uint8Array(0)) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: MAX_PAYLOAD, maxLength: MAX_PAYLOAD }) },
    // Payloads full of STX/ETX bytes are the hardest for resynchronisation.
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((a) => a.map((b) => (b % 3 === 0 ? 0x02 : b % 3 === 1 ? 0x03 : b))) },
  ),
});

/** Frames with random garbage before each, then the whole stream cut at random points. */
const streamArb = fc
  .array(fc.tuple(fc.uint8Array({ maxLength: 12 }), frameArb), { minLength: 1, maxLength: 6 })
  .chain((parts) => {
    const spans: { start: number; end: number }[] = [];
    const bytes: number[] = [];
    for (const [garbage, f] of parts) {
      bytes.push(...garbage);
      const e = encodeFrame(f);
      spans.push({ start: bytes.length, end: bytes.length + e.length });
      for (const b of e) bytes.push(b);
    }
    const stream = Uint8Array.from(bytes);
    return fc.record({
      frames: fc.constant(parts.map(([, f]) => f)),
      spans: fc.constant(spans),
      stream: fc.constant(stream),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, stream.length - 1) }), { maxLength: 20 }).map((c) => c.sort((a, b) => a - b)),
    });
  });

function decodeInPieces(stream: Uint8Array, cuts: number[]): { frames: Frame[]; errors: number } {
  const d = new FrameDecoder();
  const frames: Frame[] = [];
  let from = 0;
  for (const c of [...cuts, stream.length]) {
    frames.push(...d.push(stream.subarray(from, c)));
    from = c;
  }
  return { frames, errors: d.errors };
}

const plain = (fs: Frame[]) => fs.map((f) => ({ seq: f.seq, cmd: f.cmd, payload: Array.from(f.payload) }));

describe('crc16 (CCITT-FALSE)', () => {
  it('gives the catalogue check value', () => {
    expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
    expect(crc16(new Uint8Array(0))).toBe(0xffff);
  });
});

describe('encodeFrame', () => {
  it('lays out STX, seq, cmd, length, payload, CRC and ETX', () => {
    const f = encodeFrame({ seq: 7, cmd: 0x10, payload: Uint8Array.of(0xaa, 0xbb) });
    const crc = crc16(Uint8Array.of(7, 0x10, 0, 2, 0xaa, 0xbb));
    expect(Array.from(f)).toEqual([0x02, 7, 0x10, 0, 2, 0xaa, 0xbb, crc >> 8, crc & 0xff, 0x03]);
  });

  it('refuses a payload over the cap', () => {
    expect(() => encodeFrame({ seq: 0, cmd: 0, payload: new Uint8Array(MAX_PAYLOAD + 1) })).toThrow(expect.objectContaining({ code: 'DEVICE_PAYLOAD_TOO_LARGE' }));
  });
});

describe('FrameDecoder', () => {
  it('property: any chunking, with garbage between frames, yields exactly the frames in order', () => {
    fc.assert(
      fc.property(streamArb, ({ frames, stream, cuts }) => {
        expect(plain(decodeInPieces(stream, cuts).frames)).toEqual(plain(frames));
      }),
      { numRuns: 300 },
    );
  });

  it('property: one corrupted byte loses at most the frame it hits', () => {
    fc.assert(
      fc.property(streamArb, fc.nat(), fc.integer({ min: 1, max: 255 }), ({ frames, spans, stream, cuts }, at, flip) => {
        const pos = at % stream.length;
        const damaged = stream.slice();
        damaged[pos]! ^= flip;
        const hit = spans.findIndex((s) => pos >= s.start && pos < s.end);
        const expected = hit < 0 ? frames : frames.filter((_, i) => i !== hit);
        expect(plain(decodeInPieces(damaged, cuts).frames)).toEqual(plain(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('drops a frame whose length was lengthened by noise without holding back the next one', () => {
    const a = encodeFrame({ seq: 1, cmd: 1, payload: Uint8Array.of(1, 2, 3) });
    const b = encodeFrame({ seq: 2, cmd: 1, payload: Uint8Array.of(4) });
    a[3] = 0x0f; // length 0x0f03: more bytes than will ever come before the reply is needed
    const d = new FrameDecoder();
    expect(d.push(a)).toEqual([]);
    expect(plain(d.push(b))).toEqual([{ seq: 2, cmd: 1, payload: [4] }]);
    expect(d.errors).toBe(1);
  });

  it('counts a bad CRC, a bad ETX and an oversize length as errors', () => {
    const good = encodeFrame({ seq: 9, cmd: 9, payload: Uint8Array.of(9) });
    const badCrc = good.slice();
    badCrc[6]! ^= 1;
    const badEtx = good.slice();
    badEtx[badEtx.length - 1] = 0x04;
    const oversize = Uint8Array.of(0x02, 0, 0, 0xff, 0xff);
    const d = new FrameDecoder();
    const out = [...d.push(badCrc), ...d.push(badEtx), ...d.push(oversize), ...d.push(good)];
    expect(plain(out)).toEqual([{ seq: 9, cmd: 9, payload: [9] }]);
    expect(d.errors).toBe(3);
  });
});
