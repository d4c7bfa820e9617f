/**
 * Telling a barcode scanner in keyboard mode (a "wedge": it types the code and presses Enter)
 * from a person typing. A scanner types far faster than a hand: its characters arrive with gaps
 * of a few milliseconds, a person's with tens to hundreds. So characters that follow each other
 * within maxGapMs and end in CR or LF, at least minLength long, are a scan; everything else is
 * keys, handed on in the order typed. Pure: the caller feeds timestamps and calls flush() on a
 * timer so a lone keystroke is not held back longer than maxGapMs.
 *
 * A very fast typist who enters minLength characters and Enter within maxGapMs of each other
 * would count as a scan; at the default 35 ms that is over 1700 characters a minute.
 */
/** `reads`: the keys' text as it arrived, one string per feed() (a read is one key, or a paste). */
export type WedgeEvent = { kind: 'scan'; value: string } | { kind: 'keys'; text: string; reads: string[] };

export class WedgeDetector {
  private readonly maxGapMs: number;
  private readonly minLength: number;
  /** Characters of the current burst (a run with small gaps), not yet handed on. */
  private pending: string[] = [];
  /** The same characters split by the feed() that brought them. */
  private segments: string[] = [];
  private lastAt: number | null = null;
  /** A scan just ended with CR: scanners that send CR LF must not leave a stray Enter behind. */
  private afterCr = false;

  constructor(opts: { maxGapMs?: number; minLength?: number } = {}) {
    this.maxGapMs = opts.maxGapMs ?? 35;
    this.minLength = Math.max(1, opts.minLength ?? 4);
  }

  /** `text` arrived at `atMs`; its characters count as arriving together (gap 0). */
  feed(text: string, atMs: number): WedgeEvent[] {
    const out: WedgeEvent[] = [];
    let segment = -1;
    const keep = (c: string) => {
      this.pending.push(c);
      if (segment < 0 || segment >= this.segments.length) {
        this.segments.push('');
        segment = this.segments.length - 1;
      }
      this.segments[segment] += c;
    };
    for (const c of text) {
      const close = this.lastAt !== null && atMs - this.lastAt <= this.maxGapMs;
      if (!close && this.pending.length > 0) this.emitKeys(out);
      const swallow = this.afterCr && close && c === '\n';
      this.afterCr = false;
      this.lastAt = atMs;
      if (swallow) continue;
      if (c === '\r' || c === '\n') {
        if (this.pending.length >= this.minLength) {
          out.push({ kind: 'scan', value: this.pending.join('') });
          this.pending = [];
          this.segments = [];
          this.afterCr = c === '\r';
        } else {
          keep(c);
          this.emitKeys(out);
        }
      } else {
        keep(c);
      }
    }
    return out;
  }

  /** Hands on a burst that ended without Enter once maxGapMs has passed since its last character. */
  flush(atMs: number): WedgeEvent[] {
    const out: WedgeEvent[] = [];
    if (this.pending.length > 0 && this.lastAt !== null && atMs - this.lastAt > this.maxGapMs) this.emitKeys(out);
    return out;
  }

  private emitKeys(out: WedgeEvent[]): void {
    const text = this.pending.join('');
    const reads = this.segments;
    this.pending = [];
    this.segments = [];
    const last = out[out.length - 1];
    if (last?.kind === 'keys') {
      last.text += text;
      last.reads.push(...reads);
    } else out.push({ kind: 'keys', text, reads });
  }
}
