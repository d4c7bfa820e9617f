import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterError, type CardFace, type ChipPersonalisation } from '../../drivers/printer/instant-printer.ts';
import { CMD } from '../../drivers/protocol/commands.ts';
import { DeviceClient } from '../../drivers/protocol/device-client.ts';
import { ReaderError } from '../../drivers/reader/basic-info.ts';
import { blankChip, type SimChip } from '../../drivers/simulator/sim-chip.ts';
import { SimulatedDeskPrinter, simulatedPrinterLink } from '../../drivers/simulator/simulated-desk-printer.ts';
import { createMemoryLink } from '../../drivers/transport/memory-transport.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

const blank = (id: string, bank = '6217000000000000001'): SimChip => blankChip({ cardIdCode: id, resetCode: `R${id}`, regionCode: '440100', bankCardNo: bank });

/** A printer with hoppers 1 and 2 (hopper 1 holding K1, K2, K3 in feed order), over a randomly chunked link. */
function rig(opts: { hoppers?: number[]; seed?: number } = {}) {
  const sim = new SimulatedDeskPrinter({ hoppers: opts.hoppers ?? [1, 2], deviceNo: 'SIM-01' });
  sim.placeInHopper(opts.hoppers?.[0] ?? 1, [blank('K1'), blank('K2'), blank('K3')]);
  const link = simulatedPrinterLink(sim, { chunk: 'random', seed: opts.seed ?? 7 });
  closers.push(link.close);
  return { sim, printer: link.printer };
}

const PERSON: ChipPersonalisation = { regionCode: '440104', ssn: '440104199003077777', cardNo: 'A12345678', name: '王𠀀明', issueDate: '20250301', expiryDate: '20350301' };
const CA = { signCert: 'SIGNCERT', encCert: 'ENCCERT', encKey: 'ENCKEY', masterKey: 'MK', adminPin: '123456' };
const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const FACE: CardFace = {
  texts: [
    { data: '姓名  王𠀀明', font: '宋体-18030', size: 8.5, left: 320, top: 180 },
    { data: '社会保障号码  440104199003077777', font: '宋体', size: 8.5, left: 320, top: 230 },
    { data: '卡号  A12345678', font: '宋体', size: 8.5, left: 320, top: 280 },
    { data: '发卡日期  2025年03月01日', font: '宋体', size: 8.5, left: 320, top: 330 },
    null,
    { data: '', font: '宋体', size: 8.5, left: 0, top: 0 },
  ],
  photos: [{ base64: PHOTO, left: 46, top: 127, width: 234, height: 300 }, null],
};
const PRINTED = [
  '姓名  王𠀀明|宋体-18030|8.5|320|180',
  '社会保障号码  440104199003077777|宋体|8.5|320|230',
  '卡号  A12345678|宋体|8.5|320|280',
  '发卡日期  2025年03月01日|宋体|8.5|320|330',
  `${PHOTO}|46|127|234|300`,
];

async function failure(p: Promise<unknown>): Promise<PrinterError | ReaderError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof PrinterError) && !(e instanceof ReaderError)) throw new Error(`expected a device error, got ${String(e)}`);
  return e;
}

async function personalised(r: ReturnType<typeof rig>) {
  await r.printer.loadCard(1);
  await r.printer.writePersonal(PERSON);
}

describe('ProtocolInstantPrinter over the simulator', () => {
  it('status reports the card position, hoppers, cover, ribbon and jam', async () => {
    const { sim, printer } = rig();
    expect(await printer.status()).toEqual({ cardAtReader: false, hoppers: [{ hopper: 1, state: 'loaded' }, { hopper: 2, state: 'empty' }], coverOpen: false, ribbon: 'ok', jammed: false });
    sim.setCover(true);
    sim.setRibbon('low');
    await printer.loadCard(0);
    expect(await printer.status()).toMatchObject({ cardAtReader: true, coverOpen: true, ribbon: 'low', jammed: false });
    expect(printer.label).toBe('模拟制卡机');
  });

  it('loadCard(0) feeds the lowest hopper first-in first-out, and returns at once when a card is already there', async () => {
    const { sim, printer } = rig();
    await printer.loadCard(0);
    expect(sim.cardAtReader()?.cardIdCode).toBe('K1');
    await printer.loadCard(1);
    expect(sim.cardAtReader()?.cardIdCode).toBe('K1');
    expect(sim.hopperContents(1).map((c) => c.cardIdCode)).toEqual(['K2', 'K3']);
  });

  it('loadCard(n) feeds hopper n; an empty hopper is PRINTER_HOPPER_EMPTY, an unfitted one PRINTER_BAD_ARGUMENT', async () => {
    const { sim, printer } = rig();
    const e = await failure(printer.loadCard(2));
    expect(e).toBeInstanceOf(PrinterError);
    expect(e).toMatchObject({ code: 'PRINTER_HOPPER_EMPTY', returnCode: -101 });
    expect((e as PrinterError).reason).toContain('卡盒 2');
    expect(await failure(printer.loadCard(5))).toMatchObject({ code: 'PRINTER_BAD_ARGUMENT', returnCode: -109 });
    sim.placeInHopper(2, [blank('B1', '6222000000000000002')]);
    await printer.loadCard(2);
    expect(sim.cardAtReader()).toMatchObject({ cardIdCode: 'B1', bankCardNo: '6222000000000000002' });
  });

  it('a single-hopper machine feeds its hopper whatever n is', async () => {
    const { sim, printer } = rig({ hoppers: [3] });
    await printer.loadCard(7);
    expect(sim.cardAtReader()?.cardIdCode).toBe('K1');
  });

  it('readBasic of a blank reads empty ssn, card number and name', async () => {
    const { printer } = rig();
    await printer.loadCard(0);
    expect(await printer.readBasic()).toEqual({
      regionCode: '440100',
      ssn: '',
      cardNo: '',
      cardIdCode: 'K1',
      name: '',
      resetCode: 'RK1',
      specVersion: '3.00',
      issueDate: '',
      expiryDate: '',
      terminalNo: '',
      deviceNo: 'SIM-01',
    });
  });

  it('writePersonal writes the six fields (rare-name character included)', async () => {
    const r = rig();
    await personalised(r);
    expect(await r.printer.readBasic(1)).toMatchObject({ ...PERSON, cardIdCode: 'K1' });
    expect(r.sim.cardAtReader()).toMatchObject(PERSON);
  });

  it('writePersonal without a card is PRINTER_NO_CARD', async () => {
    const { printer } = rig();
    expect(await failure(printer.writePersonal(PERSON))).toMatchObject({ code: 'PRINTER_NO_CARD', returnCode: -107 });
  });

  it('CA step 1 returns the signing public key, step 2 writes the certificates', async () => {
    const r = rig();
    await r.printer.loadCard(0);
    expect(await failure(r.printer.writeCaStep1())).toMatchObject({ code: 'PRINTER_BAD_ARGUMENT', returnCode: -109 });
    await r.printer.writePersonal(PERSON);
    expect(await failure(r.printer.writeCaStep2(CA))).toMatchObject({ returnCode: -109 });
    expect(await r.printer.writeCaStep1()).toBe(createHash('sha256').update('K1').digest('hex'));
    await r.printer.writeCaStep2(CA);
    expect(r.sim.cardAtReader()?.caWritten).toBe(true);
  });

  it('print puts the face on the card and ejects it to the good bin', async () => {
    const r = rig();
    await personalised(r);
    await r.printer.print(1, FACE);
    expect(r.sim.cardAtReader()).toBeNull();
    expect(r.sim.bins.good).toHaveLength(1);
    expect(r.sim.bins.good[0]).toMatchObject({ cardIdCode: 'K1', name: '王𠀀明', face: PRINTED });
    expect(r.sim.bins.bad).toEqual([]);
  });

  it('eject(2) sends the card to the bad bin unprinted; eject with no card is PRINTER_NO_CARD', async () => {
    const r = rig();
    await r.printer.loadCard(0);
    await r.printer.eject(2);
    expect(r.sim.bins.bad.map((c) => [c.cardIdCode, c.face])).toEqual([['K1', null]]);
    expect(r.sim.cardAtReader()).toBeNull();
    expect(await failure(r.printer.eject(1))).toMatchObject({ code: 'PRINTER_NO_CARD', returnCode: -107 });
  });

  it('an unknown command is refused with -109', async () => {
    const sim = new SimulatedDeskPrinter({ hoppers: [1] });
    const link = createMemoryLink({ chunk: 'random', seed: 5 });
    sim.attach(link.device);
    const c = new DeviceClient(link.host);
    closers.push(() => c.close());
    expect((await c.call(0x7e, [])).code).toBe(-109);
    expect((await c.call(CMD.LOAD_CARD, ['one'])).code).toBe(-109);
  });
});

describe('simulated faults', () => {
  it('no card: the next read is READER_NO_CARD (-2), then reads work again', async () => {
    const { sim, printer } = rig();
    await printer.loadCard(0);
    sim.injectFault('no_card');
    const e = await failure(printer.readBasic());
    expect(e).toBeInstanceOf(ReaderError);
    expect(e).toMatchObject({ code: 'READER_NO_CARD', returnCode: -2 });
    expect((await printer.readBasic()).cardIdCode).toBe('K1');
    sim.injectFault('no_card');
    await printer.eject(1);
    expect(await failure(printer.readBasic())).toMatchObject({ code: 'READER_NO_CARD', returnCode: -2 });
  });

  it('unreadable chip: READER_AUTH_FAILED (-21), the card stays at the reader', async () => {
    const { sim, printer } = rig();
    await printer.loadCard(0);
    sim.injectFault('unreadable_chip');
    expect(await failure(printer.readBasic())).toMatchObject({ code: 'READER_AUTH_FAILED', returnCode: -21 });
    expect(sim.cardAtReader()?.cardIdCode).toBe('K1');
  });

  it('jam while loading: PRINTER_JAM on every call until cleared, clearJam hands back the stuck card', async () => {
    const { sim, printer } = rig();
    sim.injectFault('jam');
    expect(await failure(printer.loadCard(0))).toMatchObject({ code: 'PRINTER_JAM', returnCode: -102 });
    expect(await printer.status()).toMatchObject({ jammed: true, cardAtReader: false });
    expect(await failure(printer.loadCard(0))).toMatchObject({ code: 'PRINTER_JAM', returnCode: -102 });
    expect(await failure(printer.eject(2))).toMatchObject({ returnCode: -102 });
    expect(await failure(printer.readBasic())).toMatchObject({ returnCode: -102 });
    expect(sim.clearJam()?.cardIdCode).toBe('K1');
    expect(await printer.status()).toMatchObject({ jammed: false });
    await printer.loadCard(0);
    expect(sim.cardAtReader()?.cardIdCode).toBe('K2');
  });

  it('jam while printing: the card is stuck inside, in neither bin', async () => {
    const r = rig();
    await personalised(r);
    r.sim.injectFault('jam');
    expect(await failure(r.printer.print(1, FACE))).toMatchObject({ code: 'PRINTER_JAM', returnCode: -102 });
    expect(r.sim.cardAtReader()).toBeNull();
    expect(r.sim.bins).toEqual({ good: [], bad: [] });
    expect(r.sim.clearJam()).toMatchObject({ cardIdCode: 'K1', name: '王𠀀明', face: null });
    expect(r.sim.clearJam()).toBeNull();
  });

  it('hopper empty: PRINTER_HOPPER_EMPTY though the hopper holds cards (a sensor fault); they stay put', async () => {
    const { sim, printer } = rig();
    sim.injectFault('hopper_empty');
    expect(await failure(printer.loadCard(1))).toMatchObject({ code: 'PRINTER_HOPPER_EMPTY', returnCode: -101 });
    expect(sim.hopperContents(1)).toHaveLength(3);
    expect(sim.cardAtReader()).toBeNull();
  });

  it('chip write failure on the personal data: PRINTER_CHIP_WRITE_FAILED, the card stays blank at the reader for the bad bin', async () => {
    const { sim, printer } = rig();
    await printer.loadCard(0);
    sim.injectFault('chip_write');
    expect(await failure(printer.writePersonal(PERSON))).toMatchObject({ code: 'PRINTER_CHIP_WRITE_FAILED', returnCode: -105 });
    expect(sim.cardAtReader()).toMatchObject({ cardIdCode: 'K1', ssn: '', name: '' });
    await printer.eject(2);
    expect(sim.bins.bad.map((c) => c.cardIdCode)).toEqual(['K1']);
  });

  it('chip write failure on the CA step 2: PRINTER_CHIP_WRITE_FAILED, no certificates on the card', async () => {
    const r = rig();
    await personalised(r);
    await r.printer.writeCaStep1();
    r.sim.injectFault('chip_write');
    expect(await failure(r.printer.writeCaStep2(CA))).toMatchObject({ code: 'PRINTER_CHIP_WRITE_FAILED', returnCode: -105 });
    expect(r.sim.cardAtReader()).toMatchObject({ cardIdCode: 'K1', caWritten: false });
  });

  it('CA failure: PRINTER_CA_FAILED on step 1', async () => {
    const r = rig();
    await personalised(r);
    r.sim.injectFault('ca_failure');
    expect(await failure(r.printer.writeCaStep1())).toMatchObject({ code: 'PRINTER_CA_FAILED', returnCode: -108 });
    expect(r.sim.cardAtReader()?.caWritten).toBe(false);
    expect(await r.printer.writeCaStep1()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('print failure: PRINTER_PRINT_FAILED and the card ends in the bad bin', async () => {
    const r = rig();
    await personalised(r);
    r.sim.injectFault('print_failure');
    const e = await failure(r.printer.print(1, FACE));
    expect(e).toMatchObject({ code: 'PRINTER_PRINT_FAILED', returnCode: -106 });
    expect((e as PrinterError).reason).not.toBe('');
    expect(r.sim.cardAtReader()).toBeNull();
    expect(r.sim.bins.good).toEqual([]);
    expect(r.sim.bins.bad.map((c) => c.cardIdCode)).toEqual(['K1']);
  });

  it('cover open: PRINTER_COVER_OPEN before anything moves; closing it lets the print through', async () => {
    const r = rig();
    await personalised(r);
    r.sim.setCover(true);
    expect(await failure(r.printer.print(1, FACE))).toMatchObject({ code: 'PRINTER_COVER_OPEN', returnCode: -103 });
    expect(r.sim.cardAtReader()?.cardIdCode).toBe('K1');
    r.sim.setCover(false);
    await r.printer.print(1, FACE);
    expect(r.sim.bins.good.map((c) => c.cardIdCode)).toEqual(['K1']);
  });

  it('ribbon out: PRINTER_RIBBON_OUT, the card waits at the reader; a low ribbon still prints', async () => {
    const r = rig();
    await personalised(r);
    r.sim.setRibbon('out');
    expect(await failure(r.printer.print(1, FACE))).toMatchObject({ code: 'PRINTER_RIBBON_OUT', returnCode: -104 });
    expect(r.sim.cardAtReader()?.cardIdCode).toBe('K1');
    r.sim.setRibbon('low');
    await r.printer.print(1, FACE);
    expect(r.sim.bins.good[0]?.face).toEqual(PRINTED);
  });

  it('print without a card is PRINTER_NO_CARD; a `|` in the data is refused before sending', async () => {
    const { printer } = rig();
    expect(await failure(printer.print(1, FACE))).toMatchObject({ code: 'PRINTER_NO_CARD', returnCode: -107 });
    await expect(printer.print(1, { texts: [{ data: 'a|b', font: '宋体', size: 8, left: 0, top: 0 }], photos: [] })).rejects.toMatchObject({ code: 'DEVICE_BAD_REQUEST' });
  });
});
