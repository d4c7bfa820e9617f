import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCANNER_LAYOUT, HidPosScanner, simulatedScannerReports, type ScannerReportLayout } from '../../drivers/scanner/hid-pos-scanner.ts';

function scanner(layout: ScannerReportLayout = DEFAULT_SCANNER_LAYOUT) {
  const source = new EventEmitter();
  const s = new HidPosScanner({ on: (ev, cb) => void source.on(ev, cb) }, layout);
  const codes: string[] = [];
  s.onScan((c) => codes.push(c));
  const send = (reports: Uint8Array[]) => reports.forEach((r) => source.emit('data', Buffer.from(r)));
  return { codes, send, s };
}

describe('HidPosScanner', () => {
  it('joins a code spread over several reports', () => {
    const { codes, send } = scanner();
    const code = 'SBK|440100|' + '0123456789'.repeat(12);
    const reports = simulatedScannerReports(code);
    expect(reports.length).toBe(3);
    expect(reports.every((r) => r.length === 64 && r[0] === 0x02)).toBe(true);
    send(reports);
    expect(codes).toEqual([code]);
  });

  it('a code of exactly two full reports ends with an empty one', () => {
    const { codes, send } = scanner();
    const code = 'X'.repeat(112);
    const reports = simulatedScannerReports(code);
    expect(reports.map((r) => r[1])).toEqual([56, 56, 0]);
    send(reports);
    expect(codes).toEqual([code]);
  });

  it('a CR suffix ends the code, reports with another ID are ignored, and successive scans stay apart', () => {
    const { codes, send } = scanner();
    send([Uint8Array.of(0x05, 3, 0x41, 0x42, 0x43)]);
    send(simulatedScannerReports('A12345678\r'));
    send(simulatedScannerReports('6217000000000000001'));
    expect(codes).toEqual(['A12345678', '6217000000000000001']);
  });

  it('works with a Honeywell-style layout (AIM symbology id before the data) and unnumbered reports', () => {
    const honeywell: ScannerReportLayout = { reportId: 0x02, lengthByte: 1, dataOffset: 5, reportSize: 64, dataCapacity: 56 };
    const a = scanner(honeywell);
    a.send(simulatedScannerReports('Z'.repeat(70), honeywell));
    expect(a.codes).toEqual(['Z'.repeat(70)]);
    const plain: ScannerReportLayout = { reportId: null, lengthByte: 0, dataOffset: 1, reportSize: 8 };
    const b = scanner(plain);
    b.send(simulatedScannerReports('卡号A12345678', plain));
    expect(b.codes).toEqual(['卡号A12345678']);
  });

  it('stops calling a listener once unsubscribed', () => {
    const { s, send, codes } = scanner();
    const more: string[] = [];
    const off = s.onScan((c) => more.push(c));
    send(simulatedScannerReports('AAAA1111'));
    off();
    send(simulatedScannerReports('BBBB2222'));
    expect(codes).toEqual(['AAAA1111', 'BBBB2222']);
    expect(more).toEqual(['AAAA1111']);
  });
});
