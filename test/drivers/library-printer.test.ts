/**
 * The library transport over a real shared library: the stub SSCardDriver (C, compiled here),
 * loaded by koffi in the host process. Each call of the standard, the faults on demand, a call
 * that hangs (killed at its time limit) and the messages for a missing library or koffi.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { LibraryHost } from '../../drivers/library/library-host.ts';
import { LibraryInstantPrinter } from '../../drivers/library/library-printer.ts';
import { PrinterError } from '../../drivers/printer/instant-printer.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { HAVE_CC, readStub, setStubFaults, stubLibrary, writeStub } from '../helpers/sscard-stub.ts';

const open: LibraryInstantPrinter[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
  delete process.env.SSCARD_STUB_STATE;
});

async function printer(opts: { timeoutMs?: number; printTimeoutMs?: number } = {}): Promise<{ p: LibraryInstantPrinter; state: string }> {
  const state = join(tempDir(), 'stub.state');
  writeStub(state, {
    faults: { cover: false, jam: false, chipFails: false, hangInPrint: false },
    reader: null,
    hoppers: [
      { hopper: 1, idCode: '420100D156000005010000001', reset: '3B6D0000', region: '420102' },
      { hopper: 1, idCode: '420100D156000005010000002', reset: '3B6D0001', region: '420102' },
    ],
    good: [],
    bad: [],
  });
  process.env.SSCARD_STUB_STATE = state;
  const host = await LibraryHost.open({ device: '制卡机L', path: stubLibrary(), timeoutMs: opts.timeoutMs ?? 5000, printTimeoutMs: opts.printTimeoutMs ?? 5000 });
  const p = new LibraryInstantPrinter(host);
  open.push(p);
  return { p, state };
}

const face = { texts: [{ data: '姓名  王小明', font: '宋体', size: 8.5, left: 320, top: 180 }], photos: [{ base64: 'AAAA', left: 46, top: 127, width: 234, height: 300 }] };

describe.skipIf(!HAVE_CC)('library printer over the stub SSCardDriver (skipped: no C compiler `cc` on this machine)', () => {
  it('loads, reads the blank, writes, certifies, reads back (GB18030 name) and prints to the good bin', async () => {
    const { p, state } = await printer();
    expect(await p.version()).toBe('SSCardDriver stub 1.0');
    expect((await p.status()).cardAtReader).toBe(false);
    await p.loadCard(1);
    const blank = await p.readBasic(3);
    expect(blank).toMatchObject({ cardIdCode: '420100D156000005010000001', ssn: '', cardNo: '', name: '' });
    await p.writePersonal({ regionCode: '420102', ssn: '420102199001010011', cardNo: 'T00000001', name: '王𠀀明', issueDate: '20261207', expiryDate: '20361207' });
    const key = await p.writeCaStep1();
    expect(key).toContain('420100D156000005010000001');
    await p.writeCaStep2({ signCert: 's', encCert: 'e', encKey: 'k', masterKey: 'm', adminPin: '123456' });
    const back = await p.readBasic(3);
    expect(back).toMatchObject({ ssn: '420102199001010011', cardNo: 'T00000001', name: '王𠀀明' });
    await p.print(1, face);
    const st = readStub(state);
    expect(st.reader).toBeNull();
    expect(st.good).toHaveLength(1);
    expect(st.good[0]).toMatchObject({ cardNo: 'T00000001', printed: true });
    expect(st.hoppers).toHaveLength(1);
  });

  it('negative returns become the printer and reader errors, with the reason the library gave', async () => {
    const { p, state } = await printer();
    await expect(p.readBasic(3)).rejects.toMatchObject({ code: 'READER_NO_CARD' });
    await expect(p.eject(2)).rejects.toMatchObject({ code: 'PRINTER_NO_CARD' });
    setStubFaults(state, { cover: true });
    await expect(p.loadCard(1)).rejects.toMatchObject({ code: 'PRINTER_COVER_OPEN', reason: 'cover open' });
    setStubFaults(state, { cover: false, jam: true });
    await expect(p.loadCard(1)).rejects.toBeInstanceOf(PrinterError);
    expect(readStub(state).bad).toHaveLength(1);
    setStubFaults(state, { jam: false, chipFails: true });
    await p.loadCard(1);
    await expect(p.writePersonal({ regionCode: '420102', ssn: '1', cardNo: '2', name: '张三', issueDate: '20261207', expiryDate: '20361207' })).rejects.toMatchObject({ code: 'PRINTER_CHIP_WRITE_FAILED' });
    await p.eject(2);
    expect(readStub(state).bad).toHaveLength(2);
    await expect(p.loadCard(1)).rejects.toMatchObject({ code: 'PRINTER_HOPPER_EMPTY' });
  });

  it('a call that hangs inside iPrint is killed at its limit (DEVICE_LIBRARY_TIMEOUT); the next call starts a new host', async () => {
    const { p, state } = await printer({ printTimeoutMs: 800 });
    await p.loadCard(1);
    setStubFaults(state, { hangInPrint: true });
    const t0 = Date.now();
    await expect(p.print(1, face)).rejects.toMatchObject({ code: 'DEVICE_LIBRARY_TIMEOUT' });
    expect(Date.now() - t0).toBeLessThan(5000);
    // The card is still at the reader, unprinted; the printer answers again.
    expect((await p.status()).cardAtReader).toBe(true);
    setStubFaults(state, { hangInPrint: false });
    await p.eject(2);
    expect(readStub(state).bad[0]).toMatchObject({ printed: false });
  });

  it('a missing library or koffi says what to install', async () => {
    await expect(LibraryHost.open({ device: '制卡机L', path: '/nonexistent/SSCardDriver.DLL', timeoutMs: 5000, printTimeoutMs: 5000 })).rejects.toMatchObject({
      code: 'DEVICE_LIBRARY_MISSING',
      message: expect.stringContaining('SSCardDriver.DLL'),
    });
    await expect(LibraryHost.open({ device: '制卡机L', path: stubLibrary(), timeoutMs: 5000, printTimeoutMs: 5000, koffiPath: null })).rejects.toMatchObject({
      code: 'KOFFI_MISSING',
      message: expect.stringContaining('npm install koffi'),
    });
    // A file that is not a library: loading fails with the path and advice.
    await expect(LibraryHost.open({ device: '制卡机L', path: join(tempDir(), '..'), timeoutMs: 5000, printTimeoutMs: 5000 })).rejects.toMatchObject({ code: 'DEVICE_LIBRARY_LOAD_FAILED' });
  });
});
