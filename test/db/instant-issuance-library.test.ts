/**
 * The instant-issuance workflow and the read-check at issuance over the library transport: a demo
 * ledger whose devices.json drives the stub SSCardDriver (compiled here) through koffi — the same
 * workflow code as over the simulator, with a different InstantPrinter / CardReader behind it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createDemoLedger } from '../../src/workflows/demo-ledger.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import type { Actor } from '../../src/domain/actor.ts';
import { openSiteDevices, type SiteDevices } from '../../src/workflows/site-devices.ts';
import { instantStations, stationForBank } from '../../src/workflows/instant-stations.ts';
import { makeInstantCard, trainingCardNo, type Applicant } from '../../src/workflows/instant-issuance.ts';
import { interruptedJobs, resolveInstantJob } from '../../src/workflows/instant-recovery.ts';
import { readCheck } from '../../src/workflows/read-check.ts';
import { simulatedChip } from '../../src/workflows/issue-desk.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { hopperQueue } from '../../db/instant-jobs-repo.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { cardsByNumbers } from '../../db/shipments-repo.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { closeLedger, type Ledger } from '../../db/open-ledger.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { HAVE_CC, readStub, setStubFaults, stubLibrary, writeStub } from '../helpers/sscard-stub.ts';

const ICBC = '中国工商银行';
const PHOTO = readFileSync(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url)).toString('base64');

type Bench = { ledger: Ledger; actor: Actor; devices: SiteDevices; state: string };
const open: Bench[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) {
    await b.devices.close();
    closeLedger(b.ledger);
  }
  delete process.env.SSCARD_STUB_STATE;
});

async function bench(printTimeoutMs = 20_000): Promise<Bench> {
  const { ledger } = createDemoLedger(join(tempDir(), 'demo.db'));
  const actor = authenticate(ledger, 'sunli', '680135');
  const hopper = placesAt(ledger.db, actor.siteId).find((p) => p.kind === 'hopper')!;
  const path = stubLibrary();
  writeFileSync(
    join(dirname(ledger.path), 'devices.json'),
    JSON.stringify({ sites: { [actor.siteCode]: { printers: [{ id: '制卡机1', transport: 'library', path, printTimeoutMs, hoppers: { '1': hopper.name } }], readers: [{ id: '读卡器1', transport: 'library', path }], ca: 'simulator' } } }),
  );
  const state = join(dirname(ledger.path), 'sscard-stub.state');
  const queue = hopperQueue(ledger.db, hopper.id);
  writeStub(state, { faults: { cover: false, jam: false, chipFails: false, hangInPrint: false }, reader: null, hoppers: queue.map((q) => ({ hopper: 1, idCode: q.cardIdCode ?? '', reset: q.resetCode ?? '', region: actor.siteCode.slice(0, 6) })), good: [], bad: [] });
  process.env.SSCARD_STUB_STATE = state;
  const devices = await openSiteDevices(ledger, { id: actor.siteId, code: actor.siteCode });
  expect(devices.problems).toEqual([]);
  const b = { ledger, actor, devices, state };
  open.push(b);
  return b;
}

const applicant = (b: Bench, over: Partial<Applicant> = {}): Applicant => ({ name: '王小明', idNumber: '42010219900101001' + residentIdCheckChar('42010219900101001'), bank: ICBC, cardNo: trainingCardNo(b.ledger)!, photoBase64: PHOTO, ...over });
const station = (b: Bench) => ({ ...stationForBank(instantStations(b.ledger, b.actor, b.devices), ICBC)!, ca: b.devices.ca! });
const ok = (b: Bench) => expect(verifyLedger(b.ledger).problems).toEqual([]);

describe.skipIf(!HAVE_CC)('instant issuance over the SSCardDriver library (stub) — skipped: no C compiler `cc`', { timeout: 60_000 }, () => {
  it('makes, checks and issues a card; a rare-character name reaches the chip in GB18030', async () => {
    const b = await bench();
    expect(b.devices.printers[0]).toMatchObject({ transport: 'library' });
    const phases: string[] = [];
    const a = applicant(b, { name: '张[CHUI]', printedName: '张𰻝' });
    const r = await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: a }, { onPhase: (p) => phases.push(p) });
    expect(r.status).toBe('issued');
    expect(phases).toEqual(['load', 'check_blank', 'write', 'ca', 'verify', 'print', 'record']);
    expect(readStub(b.state).good).toEqual([expect.objectContaining({ cardNo: a.cardNo, ssn: a.idNumber, printed: true })]);
    expect(interruptedJobs(b.ledger, b.actor)).toEqual([]);
    ok(b);
  });

  it('a hang inside iPrint: the call is killed at its limit, the job waits at print_sent, and recovery spoils the unprinted card', async () => {
    const b = await bench(1000);
    setStubFaults(b.state, { hangInPrint: true });
    const a = applicant(b);
    await expect(makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: a })).rejects.toMatchObject({ code: 'DEVICE_LIBRARY_TIMEOUT' });
    const [job] = interruptedJobs(b.ledger, b.actor);
    expect(job).toMatchObject({ lastStep: 'print_sent' });
    setStubFaults(b.state, { hangInPrint: false });
    const res = await resolveInstantJob(b.ledger, b.actor, station(b).printer, job!.jobNo);
    expect(res.outcome).toBe('failed');
    expect(readStub(b.state).bad).toEqual([expect.objectContaining({ cardNo: a.cardNo, printed: false })]);
    expect(cardsByNumbers(b.ledger.db, [job!.blankNo])[0]?.state).toBe('spoiled');
    ok(b);
    expect((await makeInstantCard(b.ledger, b.actor, station(b), { operationId: randomUUID(), applicant: applicant(b) })).status).toBe('issued');
  });

  it('read-check at issuance reads the card through the library reader: the right card passes, another name is a mismatch', async () => {
    const b = await bench();
    const { cardNo } = b.ledger.sqlite.prepare("SELECT card_no AS cardNo FROM cards WHERE kind = 'finished' AND holder_id IS NOT NULL ORDER BY id LIMIT 1").get() as { cardNo: string };
    const chip = simulatedChip(b.ledger, cardNo);
    const put = (name: string) =>
      writeStub(b.state, { ...readStub(b.state), reader: { idCode: chip.cardIdCode, reset: chip.resetCode, region: chip.regionCode, ssn: chip.ssn, cardNo: chip.cardNo, name, issue: chip.issueDate, expiry: chip.expiryDate, printed: true } });
    const reader = b.devices.readers[0]!;
    expect(reader.transport).toBe('library');
    put(chip.name);
    expect(await readCheck(b.ledger, reader.reader, cardNo)).toMatchObject({ kind: 'passed' });
    put('李四');
    expect(await readCheck(b.ledger, reader.reader, cardNo)).toMatchObject({ kind: 'mismatch' });
    writeStub(b.state, { ...readStub(b.state), reader: null });
    await expect(readCheck(b.ledger, reader.reader, cardNo)).rejects.toMatchObject({ code: 'READER_NO_CARD' });
  });
});
