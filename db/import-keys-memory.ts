/**
 * The values a maker file's duplicate checks remember (db/import-keys.ts), in memory for a file
 * small enough (src/workflows/import-maker-file.ts KEYS_IN_MEMORY_BYTES): exact, and without a
 * JavaScript string or map entry per value. Each value is copied once, as bytes, into fixed
 * 1 MiB pages (its kind, its length, its UTF-8 bytes); an open-addressing table of typed arrays
 * maps it to its first line. 300,000 values (a 100,000-row file) are some 7 MiB of pages and
 * 4 MiB of table, none of which the garbage collector walks; 400,000 look-ups take 0.2 s of CPU,
 * where the scratch database paid a B-tree insert with a page-cache miss for every value (1.0–1.3 s
 * for 300,000) and maps of strings held several times the bytes.
 */
import type { MakerKeyKind, SeenKeys } from '../src/domain/maker-file.ts';

const KIND_NO: Readonly<Record<MakerKeyKind, number>> = { cardNo: 0, cardIdCode: 1, bankCardNo: 2 };
const PAGE_BYTES = 1 << 20;
/** Before each value's bytes: its kind, and its length in two bytes. */
const HEADER_BYTES = 3;
/** A value longer than this is no card number or code (the file's own checks refuse it): kept in a map instead. */
const LONGEST_IN_PAGES = 4096;
/** The table is grown past this share of its slots in use. */
const MAX_LOAD = 0.6;

/** FNV-1a over the kind and the bytes of a value as it lies in a page. */
function hashBytes(page: Uint8Array, at: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < end; i++) h = Math.imul(h ^ page[i]!, 0x01000193);
  h ^= h >>> 15;
  return h >>> 0;
}

function tableSize(values: number): number {
  let cap = 1 << 12;
  while (cap * MAX_LOAD < values) cap <<= 1;
  return cap;
}

/** An open-addressing table of typed arrays over byte pages: each value kept once, with its first line. */
class ByteKeyTable implements SeenKeys {
  private readonly pages: Buffer[] = [Buffer.allocUnsafe(PAGE_BYTES)];
  private page: Buffer = this.pages[0]!;
  private used = 0;
  private cap: number;
  /** Per slot: 1 + the entry's position (page × PAGE_BYTES + offset), 0 when free; and its first line. */
  private where: Int32Array;
  private lines: Int32Array;
  private count = 0;
  private readonly long = new Map<string, number>();

  constructor(values: number) {
    this.cap = tableSize(values);
    this.where = new Int32Array(this.cap);
    this.lines = new Int32Array(this.cap);
  }

  firstLine(kind: MakerKeyKind, value: string, line: number): number | undefined {
    if (value.length > LONGEST_IN_PAGES) {
      const key = `${KIND_NO[kind]}:${value}`;
      const first = this.long.get(key);
      if (first === undefined) this.long.set(key, line);
      return first;
    }
    // Written where it would be kept: if it is new, it stays there; if not, the space is reused.
    if (this.used + HEADER_BYTES + value.length * 3 > PAGE_BYTES) {
      if (this.pages.length * PAGE_BYTES >= 0x7fff0000) throw new Error('db/import-keys-memory.ts: more values than 2 GiB');
      this.pages.push((this.page = Buffer.allocUnsafe(PAGE_BYTES)));
      this.used = 0;
    }
    const { page, used } = this;
    const len = page.write(value, used + HEADER_BYTES, 'utf8');
    page[used] = KIND_NO[kind];
    page[used + 1] = len >>> 8;
    page[used + 2] = len & 0xff;
    const end = used + HEADER_BYTES + len;
    const s = this.slotOf(hashBytes(page, used, end), page, used, end);
    if (this.where[s] !== 0) return this.lines[s];
    this.where[s] = (this.pages.length - 1) * PAGE_BYTES + used + 1;
    this.lines[s] = line;
    this.used = end;
    if (++this.count > this.cap * MAX_LOAD) this.grow();
    return undefined;
  }

  bytes(): number {
    return this.pages.length * PAGE_BYTES + this.cap * 8;
  }

  close(): void {
    this.pages.length = 0;
    this.long.clear();
  }

  /** Slot of the entry that equals src[at, end), or of the free slot where it goes. */
  private slotOf(h: number, src: Uint8Array, at: number, end: number): number {
    const mask = this.cap - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const w = this.where[s]!;
      if (w === 0) return s;
      const pos = w - 1;
      const p = this.pages[Math.floor(pos / PAGE_BYTES)]!;
      let o = pos % PAGE_BYTES;
      const len = end - at;
      if (p[o] !== src[at] || ((p[o + 1]! << 8) | p[o + 2]!) !== len - HEADER_BYTES) continue;
      o += HEADER_BYTES;
      let i = at + HEADER_BYTES;
      while (i < end && p[o] === src[i]) {
        i++;
        o++;
      }
      if (i === end) return s;
    }
  }

  private grow(): void {
    const oldWhere = this.where;
    const oldLines = this.lines;
    this.cap <<= 1;
    this.where = new Int32Array(this.cap);
    this.lines = new Int32Array(this.cap);
    const mask = this.cap - 1;
    for (let s = 0; s < oldWhere.length; s++) {
      const w = oldWhere[s]!;
      if (w === 0) continue;
      const pos = w - 1;
      const p = this.pages[Math.floor(pos / PAGE_BYTES)]!;
      const o = pos % PAGE_BYTES;
      const end = o + HEADER_BYTES + ((p[o + 1]! << 8) | p[o + 2]!);
      let t = hashBytes(p, o, end) & mask;
      while (this.where[t] !== 0) t = (t + 1) & mask;
      this.where[t] = w;
      this.lines[t] = oldLines[s]!;
    }
  }
}

/** `values`: how many values to expect (the table grows past it when the guess was short). */
export function memoryImportKeys(values: number): SeenKeys & { close(): void; bytes(): number } {
  return new ByteKeyTable(values);
}
