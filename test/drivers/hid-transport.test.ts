import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CMD } from '../../drivers/protocol/commands.ts';
import { DeviceClient } from '../../drivers/protocol/device-client.ts';
import { ProtocolCardReader } from '../../drivers/reader/protocol-reader.ts';
import { SimulatedReaderDevice } from '../../drivers/simulator/simulated-reader-device.ts';
import { blankChip } from '../../drivers/simulator/sim-chip.ts';
import type { ByteTransport } from '../../drivers/transport/byte-transport.ts';
import { ReportJoiner, toReports, type ReportLayout } from '../../drivers/transport/hid-reports.ts';
import { HidTransport, type HidDeviceLike } from '../../drivers/transport/hid-transport.ts';

const layoutArb: fc.Arbitrary<ReportLayout> = fc.record({
  reportSize: fc.integer({ min: 3, max: 65 }),
  reportId: fc.option(fc.integer({ min: 1, max: 255 }), { nil: null }),
});

describe('HID reports', () => {
  it('property: bytes cut into reports and joined back are the same bytes', () => {
    fc.assert(
      fc.property(layoutArb, fc.uint8Array({ maxLength: 500 }), (layout, bytes) => {
        const reports = toReports(bytes, layout);
        for (const r of reports) expect(r.length).toBe(layout.reportSize);
        const joiner = new ReportJoiner(layout);
        expect(Array.from(Buffer.concat(reports.map((r) => joiner.push(r))))).toEqual(Array.from(bytes));
      }),
    );
  });

  it('lays a report out as [id] count data padding', () => {
    expect(Array.from(toReports(Uint8Array.of(9, 8, 7), { reportSize: 6, reportId: 4 })[0]!)).toEqual([4, 3, 9, 8, 7, 0]);
    expect(toReports(Uint8Array.of(1, 2, 3, 4, 5), { reportSize: 4, reportId: null }).map((r) => Array.from(r))).toEqual([
      [3, 1, 2, 3],
      [2, 4, 5, 0],
    ]);
  });

  it('ignores reports with another ID and rejects a count larger than the report', () => {
    const j = new ReportJoiner({ reportSize: 8, reportId: 2 });
    expect(j.push(Uint8Array.of(3, 1, 9, 0, 0, 0, 0, 0)).length).toBe(0);
    expect(() => j.push(Uint8Array.of(2, 7, 1, 1, 1, 1, 1, 1))).toThrow(expect.objectContaining({ code: 'HID_BAD_REPORT' }));
  });
});

/** A fake HIDAsync whose "firmware" is a simulated reader speaking the device protocol. */
class FakeHid extends EventEmitter implements HidDeviceLike {
  readonly written: number[][] = [];
  closed = false;
  private readonly firmwareListeners = new Set<(b: Uint8Array) => void>();
  private readonly joiner: ReportJoiner;

  constructor(private readonly layout: ReportLayout, firmware: SimulatedReaderDevice) {
    super();
    this.joiner = new ReportJoiner(layout);
    const deviceEnd: ByteTransport = {
      label: 'firmware',
      write: async (bytes) => {
        for (const r of toReports(bytes, layout)) setImmediate(() => this.emit('data', Buffer.from(r)));
      },
      onData: (l) => {
        this.firmwareListeners.add(l);
        return () => void this.firmwareListeners.delete(l);
      },
      close: async () => undefined,
    };
    firmware.attach(deviceEnd);
  }

  async write(data: number[] | Buffer): Promise<number> {
    const bytes = Array.from(data);
    this.written.push(bytes);
    // hidapi takes the report ID first, 0 for a device without numbered reports, and strips the 0.
    const report = this.layout.reportId === null ? bytes.slice(1) : bytes;
    const payload = this.joiner.push(Uint8Array.from(report));
    setImmediate(() => this.firmwareListeners.forEach((l) => l(payload)));
    return bytes.length;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('HidTransport', () => {
  for (const layout of [
    { reportSize: 64, reportId: null },
    { reportSize: 64, reportId: 1 },
    { reportSize: 8, reportId: null },
  ] satisfies ReportLayout[]) {
    it(`carries a reader conversation over ${layout.reportSize}-byte reports, report ID ${layout.reportId}`, async () => {
      const firmware = new SimulatedReaderDevice();
      firmware.insert({ ...blankChip({ cardIdCode: 'K001' }), ssn: '110101199003077777', cardNo: 'A12345678', name: '王𠀀明' });
      const hid = new FakeHid(layout, firmware);
      const t = new HidTransport(hid, layout, 'USB 1234:5678');
      const reader = new ProtocolCardReader(new DeviceClient(t));
      expect(reader.label).toBe('USB 1234:5678');
      const card = await reader.readBasic(1);
      expect(card).toMatchObject({ ssn: '110101199003077777', cardNo: 'A12345678', name: '王𠀀明', cardIdCode: 'K001' });
      for (const w of hid.written) {
        expect(w.length).toBe(layout.reportId === null ? layout.reportSize + 1 : layout.reportSize);
        expect(w[0]).toBe(layout.reportId ?? 0);
      }
      await t.close();
      expect(hid.closed).toBe(true);
    });
  }

  it('reports a device error on the next write and counts malformed reports', async () => {
    const hid = new FakeHid({ reportSize: 16, reportId: null }, new SimulatedReaderDevice());
    const t = new HidTransport(hid, { reportSize: 16, reportId: null }, 'USB test');
    const got: number[][] = [];
    t.onData((b) => got.push(Array.from(b)));
    hid.emit('data', Buffer.from([200, 1, 2]));
    hid.emit('data', Buffer.from([2, 7, 8]));
    expect(t.badReports).toBe(1);
    expect(got).toEqual([[7, 8]]);
    hid.emit('error', new Error('device disconnected'));
    await expect(t.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'HID_IO_ERROR' });
  });

  it('a request to a device that never answers times out through the HID layer', async () => {
    const silent = new (class extends EventEmitter implements HidDeviceLike {
      write(d: number[] | Buffer): number {
        return d.length;
      }
      close(): void {}
    })();
    const client = new DeviceClient(new HidTransport(silent, { reportSize: 64, reportId: null }, 'USB silent'), { timeoutMs: 30 });
    await expect(client.call(CMD.STATUS, [])).rejects.toMatchObject({ code: 'DEVICE_TIMEOUT' });
  });
});
