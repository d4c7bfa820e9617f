/**
 * `sbk instant` and `sbk devices` as real processes over a real shared library: the stub
 * SSCardDriver (drivers/library/stub/, compiled here with `cc`), configured in devices.json as
 * `"transport": "library"` and loaded through koffi — the same flows cli-instant.test.ts runs
 * over the simulator, SIGKILLs included, and a hang inside iPrint: the call is killed at its
 * limit, the job is left for recovery, and recovery ejects the unprinted card and spoils it.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { cliAs, demoLedgerCopies, verifies } from '../helpers/demo-cli.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { HAVE_CC, readStub, setStubFaults, stubLibrary, writeStub } from '../helpers/sscard-stub.ts';

const copy = demoLedgerCopies('sbk-instant-lib-');
const cli = cliAs({ sunli: '680135', zhangwei: '357902' });
const PHOTO = fileURLToPath(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url));
const ID = '42010219900101001' + residentIdCheckChar('42010219900101001');
const make = (cardNo: string) => ['instant', 'make', '--name', '王小明', '--id', ID, '--bank', '中国工商银行', '--card-no', cardNo, '--photo', PHOTO];
const HOPPER = '制卡机1-卡盒1';

type Desk = { db: string; state: string; env: Record<string, string> };

/**
 * A demo ledger whose counter is the stub library: devices.json names it, and the stub's hopper 1
 * holds the blanks the ledger's hopper holds, in the ledger's feed order.
 */
function desk(opts: { printTimeoutMs?: number; path?: string } = {}): Desk {
  const db = copy();
  const dir = dirname(db);
  const path = opts.path ?? stubLibrary();
  const printer = { id: '制卡机1', transport: 'library', path, timeoutMs: 10_000, printTimeoutMs: opts.printTimeoutMs ?? 20_000, hoppers: { '1': HOPPER } };
  writeFileSync(join(dir, 'devices.json'), JSON.stringify({ sites: { '420102-B01': { printers: [printer], readers: [{ id: '读卡器1', transport: 'library', path }], ca: 'simulator' } } }));
  const c = new Database(db, { fileMustExist: true, readonly: true });
  const blanks = c
    .prepare(
      "SELECT k.card_id_code AS idCode, k.reset_code AS reset FROM cards k JOIN places p ON p.id = k.place_id WHERE p.name = ? AND k.kind = 'prefab' AND k.state = 'loaded' ORDER BY k.last_movement_id, k.id",
    )
    .all(HOPPER) as { idCode: string; reset: string | null }[];
  c.close();
  expect(blanks.length).toBeGreaterThan(3);
  const state = join(dir, 'sscard-stub.state');
  writeStub(state, {
    faults: { cover: false, jam: false, chipFails: false, hangInPrint: false },
    reader: null,
    hoppers: blanks.map((b) => ({ hopper: 1, idCode: b.idCode, reset: b.reset ?? '', region: '420102' })),
    good: [],
    bad: [],
  });
  return { db, state, env: { SSCARD_STUB_STATE: state } };
}

const ok = (d: Desk, args: string[]) => cli.ok(d.db, 'sunli', args, d.env);

// Each scenario runs several CLI processes, each starting the library host: minutes on a busy machine.
describe.skipIf(!HAVE_CC)('sbk instant over the SSCardDriver library (stub) — skipped: no C compiler `cc` on this machine', { timeout: 180_000 }, () => {
  it('makes and issues a card; the blank is consumed and the card lies in the good bin, printed', () => {
    const d = desk();
    const r = ok(d, make('T00000001'));
    expect(r).toMatchObject({ status: 'issued', cardNo: 'T00000001' });
    expect(JSON.stringify(ok(d, ['card', 'T00000001']))).toContain('issued');
    expect(JSON.stringify(ok(d, ['card', r.blankNo]))).toContain('consumed');
    const st = readStub(d.state);
    expect(st.reader).toBeNull();
    expect(st.good).toEqual([expect.objectContaining({ cardNo: 'T00000001', ssn: ID, printed: true })]);
    verifies(d.db);
  });

  it('a chip write error spoils the blank and ejects it to the bad bin', () => {
    const d = desk();
    setStubFaults(d.state, { chipFails: true });
    const r = cli.sbk(d.db, 'sunli', make('T00000002'), d.env);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.json()).toMatchObject({ status: 'failed', code: 'PRINTER_CHIP_WRITE_FAILED' });
    const st = readStub(d.state);
    expect(st.reader).toBeNull();
    expect(st.bad).toHaveLength(1);
    expect(ok(d, ['instant', 'pending'])).toEqual([]);
    verifies(d.db);
  });

  it('cover open: nothing is fed, the job is void; a jam while feeding spoils the blank the hopper fed', () => {
    const d = desk();
    setStubFaults(d.state, { cover: true });
    expect(cli.sbk(d.db, 'sunli', make('T00000003'), d.env).json()).toMatchObject({ status: 'void', code: 'PRINTER_COVER_OPEN' });
    expect(readStub(d.state).bad).toHaveLength(0);
    setStubFaults(d.state, { cover: false, jam: true });
    expect(cli.sbk(d.db, 'sunli', make('T00000003'), d.env).json()).toMatchObject({ status: 'failed', code: 'PRINTER_JAM' });
    expect(readStub(d.state).bad).toHaveLength(1);
    setStubFaults(d.state, { jam: false });
    expect(ok(d, make('T00000003'))).toMatchObject({ status: 'issued' });
    verifies(d.db);
  });

  it('killed between print and issue: a new process lists the job and resolves it', () => {
    const d = desk();
    const killed = cli.sbk(d.db, 'sunli', make('T00000004'), { ...d.env, SBK_FAILPOINT: 'printed' });
    expect(killed.signal).toBe('SIGKILL');
    expect(readStub(d.state).good).toHaveLength(1);
    verifies(d.db);
    const pending = ok(d, ['instant', 'pending']);
    expect(pending[0]).toMatchObject({ lastStep: 'printed', needs: 'hand_to', cardNo: 'T00000004' });
    expect(ok(d, ['instant', 'resolve', pending[0].jobNo, '--hand-to', 'applicant'])).toMatchObject({ outcome: 'issued', cardNo: 'T00000004' });
    expect(ok(d, make('T00000005'))).toMatchObject({ status: 'issued' });
    verifies(d.db);
  });

  it('killed while the chip was being written: the restart ejects the card to the bad bin and spoils the blank', () => {
    const d = desk();
    const killed = cli.sbk(d.db, 'sunli', make('T00000006'), { ...d.env, SBK_FAILPOINT: 'loaded' });
    expect(killed.signal).toBe('SIGKILL');
    expect(readStub(d.state).reader).not.toBeNull();
    const [job] = ok(d, ['instant', 'pending']);
    expect(ok(d, ['instant', 'resolve', job.jobNo]).outcome).toBe('failed');
    const st = readStub(d.state);
    expect(st.reader).toBeNull();
    expect(st.bad).toHaveLength(1);
    expect(JSON.stringify(ok(d, ['card', job.blankNo]))).toContain('spoiled');
    verifies(d.db);
  });

  it('a hang inside iPrint: the call is killed at its limit, the job is left for recovery, which ejects and spoils the unprinted card', () => {
    const d = desk({ printTimeoutMs: 1500 });
    setStubFaults(d.state, { hangInPrint: true });
    const t0 = Date.now();
    const r = cli.sbk(d.db, 'sunli', make('T00000007'), d.env);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.json().error.code).toBe('DEVICE_LIBRARY_TIMEOUT');
    expect(r.json().error.message).toContain('iPrint');
    expect(readStub(d.state).reader).toMatchObject({ cardNo: 'T00000007', printed: false });
    verifies(d.db);
    const [job] = ok(d, ['instant', 'pending']);
    expect(job).toMatchObject({ lastStep: 'print_sent', cardNo: 'T00000007' });
    // The printer is mended; recovery finds the card still at the reader: never printed, spoiled.
    setStubFaults(d.state, { hangInPrint: false });
    const res = ok(d, ['instant', 'resolve', job.jobNo]);
    expect(res).toMatchObject({ outcome: 'failed', blankNo: job.blankNo });
    const st = readStub(d.state);
    expect(st.reader).toBeNull();
    expect(st.bad).toEqual([expect.objectContaining({ cardNo: 'T00000007', printed: false })]);
    expect(ok(d, ['instant', 'pending'])).toEqual([]);
    expect(ok(d, make('T00000008'))).toMatchObject({ status: 'issued' });
    verifies(d.db);
  });
});

describe.skipIf(!HAVE_CC)('sbk devices with library devices — skipped: no C compiler `cc` on this machine', { timeout: 120_000 }, () => {
  it('lists the library printer and reader with the library and its version', () => {
    const d = desk();
    const r = ok(d, ['devices']);
    expect(r.devices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: '制卡机1', kind: 'printer', transport: 'library', state: 'ready', library: { path: stubLibrary(), version: 'SSCardDriver stub 1.0' } }),
        expect.objectContaining({ id: '读卡器1', kind: 'reader', transport: 'library', state: 'ready' }),
      ]),
    );
    const t = cli.text(d.db, 'sunli', ['devices'], d.env);
    expect(t.stdout).toContain('厂商动态库');
    expect(t.stdout).toContain('SSCardDriver stub 1.0');
  });

  it('a missing library is reported with what to install; the rest of the CLI works', () => {
    const d = desk({ path: '/opt/sscard/SSCardDriver.so' });
    const r = ok(d, ['devices']);
    const printer = r.devices.find((x: { id: string }) => x.id === '制卡机1');
    expect(printer).toMatchObject({ transport: 'library', state: 'error', error: { code: 'DEVICE_LIBRARY_MISSING' } });
    expect(printer.error.message).toContain('/opt/sscard/SSCardDriver.so');
    expect(printer.error.message).toContain('SSCardDriver.DLL');
    cli.refused(d.db, 'sunli', make('T00000009'), 'DEVICE_LIBRARY_MISSING', d.env);
    expect(ok(d, ['prefab', 'stock']).length).toBeGreaterThan(0);
  });
});
