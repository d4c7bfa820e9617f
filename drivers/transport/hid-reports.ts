/**
 * A byte stream over fixed-size USB HID reports. Each report carries its report ID (when the
 * device numbers its reports), one count byte, that many data bytes and zero padding, so the
 * stream survives the padding HID adds. Pure: hid-transport.ts does the I/O.
 */
import { SbkError } from '../../src/domain/errors.ts';

export type ReportLayout = {
  /** Whole report length in bytes, the report ID included when there is one (commonly 64). */
  reportSize: number;
  reportId: number | null;
};

/** Data bytes one report can carry. */
export function reportCapacity(layout: ReportLayout): number {
  const cap = layout.reportSize - 1 - (layout.reportId === null ? 0 : 1);
  // The count is one byte; a capacity outside 1..255 is a configuration mistake.
  if (!Number.isInteger(cap) || cap < 1 || cap > 255) {
    throw new SbkError('HID_BAD_LAYOUT', { reportSize: layout.reportSize }, { ...layout });
  }
  return cap;
}

export function toReports(bytes: Uint8Array, layout: ReportLayout): Uint8Array[] {
  const cap = reportCapacity(layout);
  const head = layout.reportId === null ? 0 : 1;
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += cap) {
    const data = bytes.subarray(at, at + cap);
    const r = new Uint8Array(layout.reportSize);
    if (layout.reportId !== null) r[0] = layout.reportId;
    r[head] = data.length;
    r.set(data, head + 1);
    out.push(r);
  }
  return out;
}

export class ReportJoiner {
  private readonly cap: number;
  constructor(private readonly layout: ReportLayout) {
    this.cap = reportCapacity(layout);
  }

  /** The data bytes of one report; empty for a report with another ID. Throws HID_BAD_REPORT on a bad count. */
  push(report: Uint8Array): Uint8Array {
    let at = 0;
    if (this.layout.reportId !== null) {
      if (report[0] !== this.layout.reportId) return new Uint8Array(0);
      at = 1;
    }
    const n = report[at];
    if (n === undefined || n > this.cap || at + 1 + n > report.length) {
      throw new SbkError('HID_BAD_REPORT', undefined, { count: n ?? null, length: report.length });
    }
    return report.slice(at + 1, at + 1 + n);
  }
}
