/**
 * `sbk instant` and `sbk devices` as real processes on a demo ledger with the simulated printer,
 * whose physical state (the card at the reader, the bins) lives in a file and so survives the
 * process: the process is SIGKILLed between print and issue, and a new process resolves the job.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliAs, demoLedgerCopies, verifies } from '../helpers/demo-cli.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';

const copy = demoLedgerCopies('sbk-instant-');
const { sbk, ok, refused, text } = cliAs({ sunli: '680135', zhangwei: '357902' });
const PHOTO = fileURLToPath(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url));
const ID = '42010219900101001' + residentIdCheckChar('42010219900101001');
const make = (cardNo: string) => ['instant', 'make', '--name', '王小明', '--id', ID, '--bank', '中国工商银行', '--card-no', cardNo, '--photo', PHOTO];

function simState(db: string): { reader: { cardIdCode: string } | null; good: unknown[]; bad: unknown[] } {
  const s = JSON.parse(readFileSync(join(dirname(db), 'devices-sim', '420102-B01-制卡机1.json'), 'utf8'));
  return { reader: s.atReader, good: s.bins.good, bad: s.bins.bad };
}

describe('sbk instant', () => {
  it('makes and issues a card; the card and the blank are where the ledger says', () => {
    const db = copy();
    const r = ok(db, 'sunli', make('T00000001'));
    expect(r).toMatchObject({ status: 'issued', cardNo: 'T00000001' });
    const card = ok(db, 'sunli', ['card', 'T00000001']);
    expect(JSON.stringify(card)).toContain('issued');
    const blank = ok(db, 'sunli', ['card', r.blankNo]);
    expect(JSON.stringify(blank)).toContain('consumed');
    verifies(db);
  });

  it('killed between print and issue: a new process lists the job and resolves it', () => {
    const db = copy();
    const killed = sbk(db, 'sunli', make('T00000002'), { SBK_FAILPOINT: 'printed' });
    expect(killed.signal).toBe('SIGKILL');
    expect(simState(db).good.length).toBe(1);
    verifies(db);
    const pending = ok(db, 'sunli', ['instant', 'pending']);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ lastStep: 'printed', needs: 'hand_to', cardNo: 'T00000002' });
    expect(JSON.stringify(pending)).not.toContain(ID);
    refused(db, 'sunli', make('T00000003'), 'INSTANT_UNRESOLVED');
    refused(db, 'sunli', ['instant', 'resolve', pending[0].jobNo], 'INSTANT_DECISION_REQUIRED');
    const r = ok(db, 'sunli', ['instant', 'resolve', pending[0].jobNo, '--hand-to', 'applicant']);
    expect(r).toMatchObject({ outcome: 'issued', cardNo: 'T00000002' });
    expect(ok(db, 'sunli', ['instant', 'pending'])).toEqual([]);
    verifies(db);
    expect(ok(db, 'sunli', make('T00000003'))).toMatchObject({ status: 'issued' });
    verifies(db);
  });

  it('killed while the chip was being written: the restart ejects the card to the bad bin and spoils the blank', () => {
    const db = copy();
    const killed = sbk(db, 'sunli', make('T00000004'), { SBK_FAILPOINT: 'loaded' });
    expect(killed.signal).toBe('SIGKILL');
    expect(simState(db).reader).not.toBeNull();
    const [job] = ok(db, 'sunli', ['instant', 'pending']);
    const r = ok(db, 'sunli', ['instant', 'resolve', job.jobNo]);
    expect(r.outcome).toBe('failed');
    expect(simState(db).reader).toBeNull();
    expect(simState(db).bad.length).toBe(1);
    expect(JSON.stringify(ok(db, 'sunli', ['card', job.blankNo]))).toContain('spoiled');
    verifies(db);
  });
});

describe('sbk devices', () => {
  it('lists the demo counter: a simulated printer with its hoppers and a simulated reader', () => {
    const db = copy();
    const r = ok(db, 'sunli', ['devices']);
    expect(r.source).toBe('demo');
    expect(r.devices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: '制卡机1', kind: 'printer', transport: 'simulator', state: 'ready' }),
        expect.objectContaining({ id: '读卡器1', kind: 'reader', transport: 'simulator' }),
      ]),
    );
    expect(r.usb).toBeNull();
    const t = text(db, 'sunli', ['devices']);
    expect(t.stdout).toContain('卡盒1有卡');
  });

  it('test eject with no card at the reader names the fault', () => {
    const db = copy();
    refused(db, 'sunli', ['devices', 'eject'], 'PRINTER_NO_CARD');
  });

  // This machine (and CI) has no libusb; where it has, the real module loads and this does not apply.
  const noLibusb = !['/usr/lib/x86_64-linux-gnu/libusb-1.0.so.0', '/lib/x86_64-linux-gnu/libusb-1.0.so.0', '/usr/lib/libusb-1.0.so.0'].some(existsSync);
  it.runIf(noLibusb)('a USB HID printer configured without libusb: listed as unavailable with the package to install', () => {
    const db = copy();
    writeFileSync(
      join(dirname(db), 'devices.json'),
      JSON.stringify({ sites: { '420102-B01': { printers: [{ id: '制卡机A', transport: 'hid', vendorId: '0x1d6b', productId: '0x0104', hoppers: { '1': '制卡机1-卡盒1' } }], readers: [{ id: '读卡器A', transport: 'simulator' }] } } }),
    );
    const r = ok(db, 'sunli', ['devices']);
    expect(r.source).toBe('file');
    const printer = r.devices.find((d: { id: string }) => d.id === '制卡机A');
    expect(printer).toMatchObject({ state: 'error', error: { code: 'HID_LIBUSB_MISSING' } });
    expect(printer.error.message).toContain('apt-get install libusb-1.0-0');
    expect(r.devices.find((d: { id: string }) => d.id === '读卡器A')).toMatchObject({ state: 'ready' });
    // The rest of the CLI works without libusb; only the printer is unavailable.
    refused(db, 'sunli', make('T00000005'), 'HID_LIBUSB_MISSING');
    expect(ok(db, 'sunli', ['prefab', 'stock']).length).toBeGreaterThan(0);
  });

  it('a malformed devices.json is refused with the place of the mistake', () => {
    const db = copy();
    writeFileSync(join(dirname(db), 'devices.json'), JSON.stringify({ sites: { '420102-B01': { printers: [{ id: 'P', transport: 'hid', vendorId: 'xyz', productId: '0x1', hoppers: { '1': 'h' } }] } } }));
    const r = sbk(db, 'sunli', ['devices']);
    expect(r.code).toBe(1);
    expect(r.json().error.code).toBe('DEVICE_CONFIG');
    expect(r.json().error.message).toContain('vendorId');
  });
});
