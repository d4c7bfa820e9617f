/**
 * Two ByteTransport ends joined in memory, for the simulator and tests. Delivery is
 * asynchronous (setImmediate) like a real device, and writes can be cut into small or random
 * chunks, as USB HID reports cut them, so the frame decoder sees realistic input. `noise`
 * damages or loses bytes on purpose to exercise resynchronisation and timeouts.
 */
import { SbkError } from '../../src/domain/errors.ts';
import { deviceTexts } from '../../src/i18n/drivers/devices.ts';
import { seededRandom } from '../../src/domain/seeded-random.ts';
import type { ByteTransport } from './byte-transport.ts';

export type MemoryLinkOptions = {
  /** Bytes per delivered chunk; 'random' = 1..16 bytes from `seed`. Default: each write whole. */
  chunk?: number | 'random';
  seed?: number;
  label?: string;
};

export type LinkNoise = {
  /** Flip every bit of byte `at` (default 0) of the next write on either end. */
  corruptNextByte(at?: number): void;
  /** The first chunk of the next write on either end never arrives. */
  dropNextChunk(): void;
};

export type MemoryLink = { host: ByteTransport; device: ByteTransport; noise: LinkNoise };

type End = ByteTransport & { listeners: Set<(b: Uint8Array) => void> };

export function createMemoryLink(opts: MemoryLinkOptions = {}): MemoryLink {
  const random = seededRandom(opts.seed ?? 1);
  const label = opts.label ?? deviceTexts.names.simulatedDevice;
  let corruptAt: number | null = null;
  let dropChunk = false;
  let closed = false;

  const sizes = (n: number): number[] => {
    const out: number[] = [];
    for (let left = n; left > 0; ) {
      const c = opts.chunk === 'random' ? 1 + Math.floor(random() * 16) : (opts.chunk ?? left);
      const take = Math.min(Math.max(1, c), left);
      out.push(take);
      left -= take;
    }
    return out;
  };

  const makeEnd = (peer: () => End): End => {
    const listeners = new Set<(b: Uint8Array) => void>();
    return {
      label,
      listeners,
      async write(bytes: Uint8Array): Promise<void> {
        if (closed) throw new SbkError('DEVICE_CLOSED', undefined, { device: label });
        const data = bytes.slice();
        if (corruptAt !== null && corruptAt < data.length) data[corruptAt]! ^= 0xff;
        corruptAt = null;
        let at = 0;
        for (const size of sizes(data.length)) {
          const chunk = data.subarray(at, at + size);
          at += size;
          if (dropChunk) {
            dropChunk = false;
            continue;
          }
          setImmediate(() => {
            if (closed) return;
            for (const l of peer().listeners) l(chunk);
          });
        }
      },
      onData(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      async close(): Promise<void> {
        closed = true;
      },
    };
  };

  const host: End = makeEnd(() => device);
  const device: End = makeEnd(() => host);
  return {
    host,
    device,
    noise: {
      corruptNextByte: (at = 0) => void (corruptAt = at),
      dropNextChunk: () => void (dropChunk = true),
    },
  };
}
