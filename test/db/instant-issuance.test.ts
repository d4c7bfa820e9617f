/**
 * Instant issuance end to end on a real demo ledger with the simulated desk printer (the real
 * driver, framing and memory transport): a clean card, every printer fault ending with the blank
 * accounted for, the hopper's order checked at each feed, and interrupted jobs resolved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoLedger } from '../../src/workflows/demo-ledger.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { type Actor } from '../../src/domain/actor.ts';
import { openSiteDevices, type SiteDevices } from '../../src/workflows/site-devices.ts';
import { instantStations, stationForBank } from '../../src/workflows/instant-stations.ts';
import { testJpeg } from '../helpers/jpeg.ts';
import { makeInstantCard, trainingCardNo, type Applicant } from '../../src/workflows/instant-issuance.ts';
import { interruptedJobs, resolveInstantJob } from '../../src/workflows/instant-recovery.ts';
import { loadHopperAtCounter, unloadHopperAtCounter } from '../../src/workflows/hopper-loading.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { holderCardByNo } from '../../db/issuance-queries.ts';
import { cardsByNumbers } from '../../db/shipments-repo.ts';
import { hopperQueue } from '../../db/instant-jobs-repo.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { onHandPrefab } from '../../db/stock-count-repo.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { closeLedger, type Ledger } from '../../db/open-ledger.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const ICBC = '中国工商银行';
const PHOTO = readFileSync(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url)).toString('base64');
const idOf = (first17: string) => first17 + residentIdCheckChar(first17);

type Bench = { ledger: Ledger; actor: Actor; devices: SiteDevices };
const open: Bench[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) {
    await b.devices.close();
    closeLedger(b.ledger);
  }
});

async function bench(): Promise<Bench> {
  const { ledger } = createDemoLedger(join(tempDir(), 'demo.db'));
  const actor = authenticate(ledger, 'sunli', '680135');
  const devices = await openSiteDevices(ledger, { id: actor.siteId, code: actor.siteCode });
  const b = { ledger, actor, devices };
  open.push(b);
  return b;
}

function applicant(b: Bench, over: Partial<Applicant> = {}): Applicant {
  return { name: '王小明', idNumber: idOf('42010219900101001'), bank: ICBC, cardNo: trainingCardNo(b.ledger)!, photoBase64: PHOTO, ...over };
}

function station(b: Bench) {
  const s = stationForBank(instantStations(b.ledger, b.actor, b.devices), ICBC)!;
  return { ...s, ca: b.devices.ca! };
}

const sim = (b: Bench) => b.devices.printers[0]!.simulator!;
const hopperPlaceId = (b: Bench) => placesAt(b.ledger.db, b.actor.siteId).find((p) => p.kind === 'hopper')!.id;
const stateOf = (b: Bench, no: string) => cardsByNumbers(b.ledger.db, [no])[0]?.state;
const ok = (b: Bench) => expect(verifyLedger(b.ledger).problems).toEqual([]);

describe('instant issuance on the simulated desk printer', () => {
  it('makes, checks and issues a card: blank consumed, finished card issued to the applicant, face printed', async () => {
    const b = await bench();
    expect(b.devices.source).toBe('demo');
    const queue = hopperQueue(b.ledger.db, hopperPlaceId(b));
    expect(queue.length).toBe(4);
    const phases: string[] = [];
    const a = applicant(b);
    const r = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: a }, { onPhase: (p) => phases.push(p) });
    expect(r.status).toBe('issued');
    if (r.status !== 'issued') return;
    expect(phases).toEqual(['load', 'check_blank', 'write', 'ca', 'verify', 'print', 'record']);
    expect(r.blankNo).toBe(queue[0]!.cardNo);
    expect(stateOf(b, queue[0]!.cardNo)).toBe('consumed');
    const card = holderCardByNo(b.ledger.db, a.cardNo)!;
    expect(card).toMatchObject({ state: 'issued', holderName: '王小明', holderIdNumber: a.idNumber, bank: ICBC });
    expect(r.receipt.holderIdMasked).not.toContain(a.idNumber.slice(6, 14));
    const made = sim(b).bins.good[0]!;
    expect(made).toMatchObject({ ssn: a.idNumber, cardNo: a.cardNo, name: '王小明', caWritten: true, cardIdCode: queue[0]!.cardIdCode });
    expect(made.face).toContain(`姓名  王小明|宋体|8.5|320|180`);
    expect(made.face!.some((f) => f.startsWith(`${PHOTO}|46|127|234|300`))).toBe(true);
    expect(hopperQueue(b.ledger.db, hopperPlaceId(b)).length).toBe(3);
    expect(interruptedJobs(b.ledger, b.actor)).toEqual([]);
    ok(b);
    // verify ties jobs to movements: a forged "spoiled" step for a blank still in the hopper is caught.
    const job = b.ledger.sqlite.prepare('SELECT id, operator_id AS op FROM instant_jobs').get() as { id: number; op: number };
    b.ledger.sqlite.prepare("INSERT INTO instant_job_events (job_id, step, blank_card_id, operator_id, at) VALUES (?, 'failed', ?, ?, ?)").run(job.id, queue[1]!.id, job.op, new Date().toISOString());
    expect(verifyLedger(b.ledger).problems.map((p) => p.code)).toContain('INSTANT_JOB_WITHOUT_MOVEMENT');
  });

  it('a real-sized ID photo (30 KB, 40 KB in base64) goes through the framing to the printer intact', async () => {
    const b = await bench();
    const big = testJpeg(358, 441, 30_000).toString('base64');
    const r = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b, { photoBase64: big }) });
    expect(r.status).toBe('issued');
    expect(sim(b).bins.good[0]!.face!.some((f) => f === `${big}|46|127|234|300`)).toBe(true);
  });

  it('a rare-character name prints with 宋体-18030 and the typed character, the chip keeps the ledger spelling', async () => {
    const b = await bench();
    const r = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b, { name: '张[CHUI]', printedName: '张𰻝' }) });
    expect(r.status).toBe('issued');
    const made = sim(b).bins.good[0]!;
    expect(made.face).toContain('姓名  张𰻝|宋体-18030|8.5|320|180');
    expect(made.name).toBe('张[CHUI]');
    ok(b);
  });

  it('a print failure spoils the blank (bad bin) and the retry with the next blank succeeds', async () => {
    const b = await bench();
    const queue = hopperQueue(b.ledger.db, hopperPlaceId(b));
    const a = applicant(b);
    sim(b).injectFault('print_failure');
    const first = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: a });
    expect(first).toMatchObject({ status: 'failed', code: 'PRINTER_PRINT_FAILED', blankNo: queue[0]!.cardNo });
    expect(stateOf(b, queue[0]!.cardNo)).toBe('spoiled');
    expect(sim(b).bins.bad.map((c) => c.cardIdCode)).toEqual([queue[0]!.cardIdCode]);
    expect(cardsByNumbers(b.ledger.db, [a.cardNo])).toEqual([]);
    const second = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: a, attempt: 2 });
    expect(second).toMatchObject({ status: 'issued', blankNo: queue[1]!.cardNo });
    expect(stateOf(b, queue[1]!.cardNo)).toBe('consumed');
    expect(holderCardByNo(b.ledger.db, a.cardNo)!.state).toBe('issued');
    // The spoiled blank is out of the hopper and off the on-hand stock the daily count expects.
    expect(onHandPrefab(b.ledger.db, b.actor.siteId, ICBC).some((c) => c.cardNo === queue[0]!.cardNo)).toBe(false);
    ok(b);
  });

  it.each([
    ['chip_write', 'PRINTER_CHIP_WRITE_FAILED'],
    ['ca_failure', 'PRINTER_CA_FAILED'],
    ['unreadable_chip', 'READER_AUTH_FAILED'],
    ['jam', 'PRINTER_JAM'],
  ] as const)('fault %s: the job fails with %s and the blank is spoiled, nothing issued', async (fault, code) => {
    const b = await bench();
    const next = hopperQueue(b.ledger.db, hopperPlaceId(b))[0]!;
    const a = applicant(b);
    sim(b).injectFault(fault);
    const r = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: a });
    expect(r).toMatchObject({ status: 'failed', code, blankNo: next.cardNo });
    expect(stateOf(b, next.cardNo)).toBe('spoiled');
    expect(cardsByNumbers(b.ledger.db, [a.cardNo])).toEqual([]);
    if (fault === 'jam') sim(b).clearJam();
    expect(sim(b).cardAtReader()).toBeNull();
    ok(b);
  });

  it('the cover opened just before printing: the written card is ejected to the bad bin and spoiled, the hopper order still holds', async () => {
    const b = await bench();
    const [first, second] = hopperQueue(b.ledger.db, hopperPlaceId(b));
    const r = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b) }, { afterStep: (s) => s === 'print_sent' && sim(b).setCover(true) });
    expect(r).toMatchObject({ status: 'failed', code: 'PRINTER_COVER_OPEN', blankNo: first!.cardNo });
    expect(sim(b).cardAtReader()).toBeNull();
    expect(sim(b).bins.bad.map((c) => c.cardIdCode)).toEqual([first!.cardIdCode]);
    sim(b).setCover(false);
    const again = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b), attempt: 2 });
    expect(again).toMatchObject({ status: 'issued', blankNo: second!.cardNo });
    ok(b);
  });

  it('hopper empty at the printer: nothing is fed, the job is void and the ledger unchanged', async () => {
    const b = await bench();
    const before = hopperQueue(b.ledger.db, hopperPlaceId(b));
    sim(b).injectFault('hopper_empty');
    const r = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b) });
    expect(r).toMatchObject({ status: 'void', code: 'PRINTER_HOPPER_EMPTY' });
    expect(hopperQueue(b.ledger.db, hopperPlaceId(b))).toEqual(before);
    ok(b);
  });

  it.each([
    ['cover', 'PRINTER_COVER_OPEN'],
    ['ribbon', 'PRINTER_RIBBON_OUT'],
  ] as const)('%s: refused before any blank is fed, no job written', async (what, code) => {
    const b = await bench();
    const before = hopperQueue(b.ledger.db, hopperPlaceId(b));
    if (what === 'cover') sim(b).setCover(true);
    else sim(b).setRibbon('out');
    await expect(makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b) })).rejects.toMatchObject({ code });
    expect(hopperQueue(b.ledger.db, hopperPlaceId(b))).toEqual(before);
    expect(sim(b).hopperContents(1).length).toBe(4);
    expect(interruptedJobs(b.ledger, b.actor)).toEqual([]);
    ok(b);
  });

  it('a blank fed out of the ledger order stops the job: nothing written, nothing spoiled, the card put aside', async () => {
    const b = await bench();
    const before = hopperQueue(b.ledger.db, hopperPlaceId(b));
    // Someone put the hopper's cards back in another order.
    const chips = sim(b).emptyHopper(1);
    sim(b).placeInHopper(1, [chips[1]!, chips[0]!, ...chips.slice(2)]);
    const r = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b) });
    expect(r.status).toBe('void');
    if (r.status !== 'void') return;
    expect(r.code).toBe('HOPPER_ORDER_MISMATCH');
    expect(r.message).toContain(before[1]!.cardNo);
    expect(r.message).toContain(before[0]!.cardNo);
    expect(hopperQueue(b.ledger.db, hopperPlaceId(b))).toEqual(before);
    expect(sim(b).bins.bad[0]).toMatchObject({ cardIdCode: before[1]!.cardIdCode, ssn: '', caWritten: false });
    ok(b);
  });

  it('unloading and scanning the hopper in again in the order the cards lie makes the next feed match', async () => {
    const b = await bench();
    const before = hopperQueue(b.ledger.db, hopperPlaceId(b));
    const hopper = placesAt(b.ledger.db, b.actor.siteId).find((p) => p.kind === 'hopper')!.name;
    const safe = placesAt(b.ledger.db, b.actor.siteId).find((p) => p.kind !== 'hopper')!.name;
    expect(unloadHopperAtCounter(b.ledger, b.actor, b.devices, { operationId: randomUUID(), hopper, toPlace: safe })).toEqual({ unloaded: 4 });
    expect(sim(b).hopperContents(1)).toEqual([]);
    const order = [before[2]!, before[0]!, before[3]!, before[1]!].map((c) => c.cardNo);
    loadHopperAtCounter(b.ledger, b.actor, b.devices, { operationId: randomUUID(), hopper, cardNos: order });
    expect(hopperQueue(b.ledger.db, hopperPlaceId(b)).map((c) => c.cardNo)).toEqual(order);
    expect(sim(b).hopperContents(1).map((c) => c.cardIdCode)).toEqual([before[2]!, before[0]!, before[3]!, before[1]!].map((c) => c.cardIdCode));
    const r = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b) });
    expect(r).toMatchObject({ status: 'issued', blankNo: order[0] });
    ok(b);
  });

  it('refuses before touching the printer: bad ID, used card number, wrong bank, missing rare character, no photo', async () => {
    const b = await bench();
    const s = station(b);
    const run = (over: Partial<Applicant>) => makeInstantCard(b.ledger, b.actor, s, { operationId: randomUUID(), applicant: applicant(b, over) });
    await expect(run({ idNumber: '420102199001010010' })).rejects.toMatchObject({ code: 'ID_CHECKSUM' });
    const taken = cardsByNumbers(b.ledger.db, ['A10000001'])[0] ? 'A10000001' : holderCardByNo(b.ledger.db, 'A10000001')?.cardNo;
    if (taken) await expect(run({ cardNo: taken })).rejects.toMatchObject({ code: 'CARD_EXISTS' });
    await expect(run({ bank: '中国建设银行' })).rejects.toMatchObject({ code: 'HOPPER_WRONG_BANK' });
    await expect(run({ name: '张[CHUI]' })).rejects.toMatchObject({ code: 'FACE_RARE_NAME' });
    await expect(run({ photoBase64: Buffer.from('not a photo').toString('base64') })).rejects.toMatchObject({ code: 'PHOTO_NOT_IMAGE' });
    expect(sim(b).cardAtReader()).toBeNull();
    expect(sim(b).hopperContents(1).length).toBe(4);
    ok(b);
  });
});

describe('simulated printers of a demo ledger', () => {
  it('a demo ledger made again starts with fresh simulated printers, loaded as its hoppers say', async () => {
    const path = join(tempDir(), 'demo.db');
    const first = createDemoLedger(path).ledger;
    const actor = authenticate(first, 'sunli', '680135');
    const d1 = await openSiteDevices(first, { id: actor.siteId, code: actor.siteCode });
    d1.printers[0]!.simulator!.emptyHopper(1);
    await d1.close();
    closeLedger(first);
    const again = createDemoLedger(path).ledger;
    const d2 = await openSiteDevices(again, { id: actor.siteId, code: actor.siteCode });
    expect(d2.printers[0]!.simulator!.hopperContents(1)).toHaveLength(4);
    await d2.close();
    closeLedger(again);
  });
});

describe('interrupted jobs are resolved on restart', () => {
  const killAt = (step: string) => ({ afterStep: (s: string) => { if (s === step) throw new Error(`killed after ${step}`); } });

  it('killed between print and issue: the job is listed, and issuing it records the made card', async () => {
    const b = await bench();
    const a = applicant(b);
    const next = hopperQueue(b.ledger.db, hopperPlaceId(b))[0]!;
    await expect(makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: a }, killAt('printed'))).rejects.toThrow('killed');
    const [job] = interruptedJobs(b.ledger, b.actor);
    expect(job).toMatchObject({ lastStep: 'printed', needs: 'hand_to', cardNo: a.cardNo, blankNo: next.cardNo });
    // A new job cannot start on this printer until the interrupted one is resolved.
    await expect(makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b, { cardNo: 'T99999999' }) })).rejects.toMatchObject({ code: 'INSTANT_UNRESOLVED' });
    await expect(resolveInstantJob(b.ledger, b.actor, b.devices.printers[0]!.printer, job!.jobNo)).rejects.toMatchObject({ code: 'INSTANT_DECISION_REQUIRED' });
    const r = await resolveInstantJob(b.ledger, b.actor, b.devices.printers[0]!.printer, job!.jobNo, { handTo: 'applicant' });
    expect(r.outcome).toBe('issued');
    expect(holderCardByNo(b.ledger.db, a.cardNo)!.state).toBe('issued');
    expect(stateOf(b, next.cardNo)).toBe('consumed');
    expect(interruptedJobs(b.ledger, b.actor)).toEqual([]);
    ok(b);
  });

  it('killed while writing: the card at the reader goes to the bad bin and the blank is spoiled', async () => {
    const b = await bench();
    const next = hopperQueue(b.ledger.db, hopperPlaceId(b))[0]!;
    await expect(makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b) }, killAt('loaded'))).rejects.toThrow('killed');
    expect(sim(b).cardAtReader()?.cardIdCode).toBe(next.cardIdCode);
    const [job] = interruptedJobs(b.ledger, b.actor);
    const r = await resolveInstantJob(b.ledger, b.actor, b.devices.printers[0]!.printer, job!.jobNo);
    expect(r.outcome).toBe('failed');
    expect(sim(b).cardAtReader()).toBeNull();
    expect(sim(b).bins.bad.map((c) => c.cardIdCode)).toEqual([next.cardIdCode]);
    expect(stateOf(b, next.cardNo)).toBe('spoiled');
    ok(b);
  });

  it('killed right after the intent: the card at the reader is the next blank, the job is voided and the next job uses it', async () => {
    const b = await bench();
    const next = hopperQueue(b.ledger.db, hopperPlaceId(b))[0]!;
    const s = station(b);
    // The printer fed the card, then the host died before writing `loaded`.
    await s.printer.loadCard(1);
    const killed = makeInstantCard(b.ledger, b.actor, s, { operationId: randomUUID(), applicant: applicant(b) }, killAt('started'));
    await expect(killed).rejects.toThrow('killed');
    const [job] = interruptedJobs(b.ledger, b.actor);
    expect(job!.lastStep).toBe('started');
    expect((await resolveInstantJob(b.ledger, b.actor, s.printer, job!.jobNo)).outcome).toBe('void');
    expect(sim(b).cardAtReader()?.cardIdCode).toBe(next.cardIdCode);
    const r = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b) });
    expect(r).toMatchObject({ status: 'issued', blankNo: next.cardNo });
    ok(b);
  });

  it('killed during printing: the operator judges the face; a bad one is spoiled, a good one kept in stock for collection', async () => {
    for (const face of ['bad', 'good'] as const) {
      const b = await bench();
      const a = applicant(b);
      const next = hopperQueue(b.ledger.db, hopperPlaceId(b))[0]!;
      await expect(makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: a }, killAt('print_sent'))).rejects.toThrow('killed');
      // The print command reached the printer, which ejected the card (printed or not) before the host died.
      await b.devices.printers[0]!.printer.eject(1);
      const [job] = interruptedJobs(b.ledger, b.actor);
      expect(job!.needs).toBe('face_check');
      const r = await resolveInstantJob(b.ledger, b.actor, b.devices.printers[0]!.printer, job!.jobNo, { face, handTo: 'stock' });
      if (face === 'bad') {
        expect(r.outcome).toBe('failed');
        expect(stateOf(b, next.cardNo)).toBe('spoiled');
        expect(cardsByNumbers(b.ledger.db, [a.cardNo])).toEqual([]);
      } else {
        expect(r.outcome).toBe('stocked');
        expect(stateOf(b, next.cardNo)).toBe('consumed');
        expect(holderCardByNo(b.ledger.db, a.cardNo)!.state).toBe('in_stock');
      }
      ok(b);
    }
  });

  it('killed after recording print_sent but before the print command left: the unprinted card at the reader is spoiled, whatever the operator says', async () => {
    const b = await bench();
    const a = applicant(b);
    const next = hopperQueue(b.ledger.db, hopperPlaceId(b))[0]!;
    await expect(makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: a }, killAt('print_sent'))).rejects.toThrow('killed');
    expect(sim(b).cardAtReader()?.cardNo).toBe(a.cardNo);
    const [job] = interruptedJobs(b.ledger, b.actor);
    const r = await resolveInstantJob(b.ledger, b.actor, b.devices.printers[0]!.printer, job!.jobNo, { face: 'good', handTo: 'applicant' });
    expect(r.outcome).toBe('failed');
    expect(stateOf(b, next.cardNo)).toBe('spoiled');
    expect(cardsByNumbers(b.ledger.db, [a.cardNo])).toEqual([]);
    expect(sim(b).cardAtReader()).toBeNull();
    expect(sim(b).bins.bad.map((c) => c.cardIdCode)).toEqual([next.cardIdCode]);
    ok(b);
  });
});
