/**
 * A maker's file as physical lines, read in chunks (issue 18: an import streams its file, so
 * memory stays flat however long it is). The same rules as decodeMakerFile (decode-text.ts):
 * UTF-8 tried first and strictly, else GB18030; a UTF-8 BOM is dropped. The decoders run with
 * `stream: true`, so a character whose bytes straddle two chunks is decoded whole, and a CR at
 * the end of one chunk waits for the next to see whether an LF follows (CRLF is one line end).
 * Lines are split exactly as `text.split(/\r\n|\r|\n/)` splits the whole text.
 */
import type { DecodedText } from './decode-text.ts';

/**
 * Where a file's bytes come from, in chunks, as often as asked (each call starts at byte 0). A
 * chunk may be overwritten once the next one is asked for: whoever keeps bytes copies them.
 */
export type MakerBytes = { readonly size: number; chunks(): Iterable<Uint8Array> };

export type MakerEncoding = Pick<DecodedText, 'encoding' | 'bom'>;

const BOM = [0xef, 0xbb, 0xbf] as const;

/** Bytes already in memory, handed out in slices of `chunkBytes` (no copies). */
export function bytesSource(bytes: Uint8Array, chunkBytes = 1 << 20): MakerBytes {
  return {
    size: bytes.length,
    *chunks() {
      for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, Math.min(bytes.length, i + chunkBytes));
    },
  };
}

/** The chunks without the first `skip` bytes. */
function* skipping(chunks: Iterable<Uint8Array>, skip: number): Generator<Uint8Array> {
  let left = skip;
  for (const c of chunks) {
    if (left >= c.length) {
      left -= c.length;
      continue;
    }
    yield left > 0 ? c.subarray(left) : c;
    left = 0;
  }
}

/**
 * Watches the chunks of one pass (the caller's, e.g. the one that hashes the file) and says at
 * the end which encoding decodeMakerFile would have chosen.
 */
export class EncodingSniffer {
  private readonly strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private valid = true;
  /** The first bytes, held until there are 3 of them (the BOM question); null once settled. */
  private head: Uint8Array | null = new Uint8Array(0);
  private bom = false;

  push(chunk: Uint8Array): void {
    if (this.head === null) return this.feed(chunk);
    const joined = new Uint8Array(this.head.length + chunk.length);
    joined.set(this.head);
    joined.set(chunk, this.head.length);
    if (joined.length < 3) {
      this.head = joined;
      return;
    }
    this.head = null;
    this.bom = joined[0] === BOM[0] && joined[1] === BOM[1] && joined[2] === BOM[2];
    this.feed(this.bom ? joined.subarray(3) : joined);
  }

  private feed(c: Uint8Array): void {
    if (!this.valid || c.length === 0) return;
    try {
      this.strict.decode(c, { stream: true });
    } catch {
      this.valid = false;
    }
  }

  done(): MakerEncoding {
    if (this.head !== null) this.feed(this.head);
    if (this.valid) {
      try {
        this.strict.decode();
      } catch {
        this.valid = false;
      }
    }
    return { encoding: this.bom || this.valid ? 'utf-8' : 'gb18030', bom: this.bom };
  }
}

/** Which encoding decodeMakerFile would choose for these bytes, read in one pass of chunks. */
export function sniffEncoding(src: MakerBytes): MakerEncoding {
  const s = new EncodingSniffer();
  for (const c of src.chunks()) s.push(c);
  return s.done();
}

/** The file's physical lines, decoded chunk by chunk (a fresh pass on each call). */
export function* makerLines(src: MakerBytes, enc: MakerEncoding, read?: { bytes: number }): Generator<string> {
  // A file with a BOM is UTF-8 even when broken (decode-text.ts): U+FFFD marks the broken bytes.
  const decoder = new TextDecoder(enc.encoding, { ignoreBOM: true });
  const skip = enc.bom ? 3 : 0;
  let carry = '';
  for (const chunk of skipping(src.chunks(), skip)) {
    if (read) read.bytes += chunk.length;
    carry = yield* splitLines(carry + decoder.decode(chunk, { stream: true }), false);
  }
  const rest = yield* splitLines(carry + decoder.decode(), true);
  yield rest;
}

const LINE_END = /\r\n|\r|\n/g;

/**
 * Yields every complete line of `text` and returns what is left after the last line end. Unless
 * `final`, a CR at the very end is left in the rest: an LF may start the next chunk.
 */
function* splitLines(text: string, final: boolean): Generator<string, string> {
  LINE_END.lastIndex = 0;
  let start = 0;
  for (let m = LINE_END.exec(text); m !== null; m = LINE_END.exec(text)) {
    if (!final && m[0] === '\r' && m.index === text.length - 1) break;
    yield text.slice(start, m.index);
    start = m.index + m[0].length;
    // The regex is shared: a caller may run another splitLines between two yields.
    LINE_END.lastIndex = start;
  }
  return text.slice(start);
}
