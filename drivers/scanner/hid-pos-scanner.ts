/**
 * Barcode scanners in USB HID POS mode (usage page 0x8C, "HID Point of Sale Usage Tables"):
 * the code comes in input reports, each with a length byte and up to a fixed number of data
 * bytes, so a long code (a 2D code on a box label) spans several reports. A report with fewer
 * bytes than it can hold, or a CR/LF suffix, ends the code. A code whose length is an exact
 * multiple of the capacity needs the scanner's CR suffix (the usual factory setting) to end.
 */
import iconv from 'iconv-lite';

export type ScannerReportLayout = {
  /** Input report ID carrying scanned data (byte 0), or null for unnumbered reports. */
  reportId: number | null;
  /** Index in the report of the data-length byte. */
  lengthByte: number;
  /** Index in the report of the first data byte. */
  dataOffset: number;
  reportSize: number;
  /** Data bytes one report holds; default reportSize - dataOffset (vendors reserve a tail). */
  dataCapacity?: number;
};

/**
 * Newland (common at Chinese counters): report ID 0x02, byte 1 the length, bytes 2-57 the data
 * (56), 58-61 reserved, 62 the symbology. Honeywell differs (3-byte AIM id first: dataOffset 5).
 */
export const DEFAULT_SCANNER_LAYOUT: ScannerReportLayout = { reportId: 0x02, lengthByte: 1, dataOffset: 2, reportSize: 64, dataCapacity: 56 };

const CR = 0x0d;
const LF = 0x0a;

function capacity(l: ScannerReportLayout): number {
  return l.dataCapacity ?? l.reportSize - l.dataOffset;
}

export class HidPosScanner {
  private readonly listeners = new Set<(code: string) => void>();
  private parts: Uint8Array[] = [];

  constructor(
    source: { on(ev: 'data', cb: (b: Uint8Array) => void): void },
    private readonly layout: ScannerReportLayout = DEFAULT_SCANNER_LAYOUT,
  ) {
    source.on('data', (b) => this.onReport(b));
  }

  onScan(cb: (code: string) => void): () => void {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  }

  private onReport(r: Uint8Array): void {
    const l = this.layout;
    if (l.reportId !== null && r[0] !== l.reportId) return;
    const cap = capacity(l);
    const n = Math.min(r[l.lengthByte] ?? 0, cap, Math.max(0, r.length - l.dataOffset));
    const data = r.subarray(l.dataOffset, l.dataOffset + n);
    const end = data.findIndex((b) => b === CR || b === LF);
    this.parts.push(data.slice(0, end < 0 ? n : end));
    if (end >= 0 || n < cap) this.finish();
  }

  private finish(): void {
    const bytes = Buffer.concat(this.parts);
    this.parts = [];
    if (bytes.length === 0) return;
    // GB18030 is ASCII-compatible and also covers scanners set to send Chinese text (GBK).
    const code = iconv.decode(bytes, 'gb18030');
    for (const l of this.listeners) l(code);
  }
}

/** The reports a scanner in this layout sends for `code` (tests and the demo). */
export function simulatedScannerReports(code: string, layout: ScannerReportLayout = DEFAULT_SCANNER_LAYOUT): Uint8Array[] {
  const bytes = iconv.encode(code, 'gb18030');
  const cap = capacity(layout);
  const out: Uint8Array[] = [];
  // An exact multiple of the capacity gets a trailing empty report, so the last full one is not read as "more to come".
  for (let at = 0; at < bytes.length || at % cap === 0; at += cap) {
    const data = bytes.subarray(at, at + cap);
    const r = new Uint8Array(layout.reportSize);
    if (layout.reportId !== null) r[0] = layout.reportId;
    r[layout.lengthByte] = data.length;
    r.set(data, layout.dataOffset);
    out.push(r);
    if (data.length < cap) break;
  }
  return out;
}
