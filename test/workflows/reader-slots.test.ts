/**
 * What lies on a simulated reader (reader-slots.ts, simulated-card-slot.ts) and the read-check
 * over it (read-check.ts readCheckWith): the card put there is what is read; another card or
 * none stops the read-check; auto puts the card being issued there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDemoLedger } from '../../src/workflows/demo-ledger.ts';
import { closeLedger, type Ledger } from '../../db/open-ledger.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { openSiteDevices, type SiteDevices } from '../../src/workflows/site-devices.ts';
import { readCheckWith, siteReaderFor } from '../../src/workflows/read-check.ts';
import { readerSlotsFile, readerSlot } from '../../src/workflows/reader-slots.ts';
import { insertSimulatedCard, removeSimulatedCard } from '../../src/workflows/simulated-card-slot.ts';
import { isSbkError } from '../../src/domain/errors.ts';

let ledger: Ledger;
let devices: SiteDevices;
const cards: string[] = [];
let who: ReturnType<typeof authenticate>;
const actor = () => who;

async function code(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
    return 'ok';
  } catch (e) {
    return isSbkError(e) ? e.code : String(e);
  }
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sbk-slots-'));
  ledger = createDemoLedger(join(dir, 'demo.db')).ledger;
  who = authenticate(ledger, 'zhangwei', '357902');
  const a = actor();
  devices = await openSiteDevices(ledger, { id: a.siteId, code: a.siteCode });
  const rows = ledger.sqlite.prepare("SELECT c.card_no AS no FROM cards c JOIN sites s ON s.id = c.site_id WHERE s.code = ? AND c.holder_id IS NOT NULL AND c.state = 'in_stock' ORDER BY c.card_no LIMIT 2").all(a.siteCode) as { no: string }[];
  cards.push(...rows.map((r) => r.no));
}, 60_000);
afterAll(async () => {
  await devices.close();
  closeLedger(ledger);
  rmSync(dirname(ledger.path), { recursive: true, force: true });
});

describe('a simulated card on the simulated reader', () => {
  it('the card put there is read; another card or none stops the read-check', async () => {
    const [a, b] = cards as [string, string];
    const reader = siteReaderFor(devices);
    expect(reader.simulator).not.toBeNull();
    // A demo's reader starts on auto (npm start issues with a real read); taking the card off ends that.
    expect(readerSlot(ledger, actor().siteCode, reader.id)).toEqual({ card: null, auto: true });
    removeSimulatedCard(ledger, actor(), reader.id);
    expect(await code(readCheckWith(ledger, devices, reader, a))).toBe('READER_NO_CARD');
    expect(insertSimulatedCard(ledger, actor(), undefined, a)).toEqual({ reader: reader.id, card: a, auto: false });
    const passed = await readCheckWith(ledger, devices, reader, a);
    expect(passed.kind).toBe('passed');
    expect(await code(readCheckWith(ledger, devices, reader, b))).toBe('READ_CHECK_OTHER_CARD');
    expect(removeSimulatedCard(ledger, actor(), reader.id)).toMatchObject({ removed: a, card: null });
    expect(await code(readCheckWith(ledger, devices, reader, a))).toBe('READER_NO_CARD');
  });

  it('auto: the card being issued goes on the reader at the read-check', async () => {
    const [a, b] = cards as [string, string];
    const reader = siteReaderFor(devices);
    insertSimulatedCard(ledger, actor(), reader.id, null, true);
    expect((await readCheckWith(ledger, devices, reader, a)).kind).toBe('passed');
    expect((await readCheckWith(ledger, devices, reader, b)).kind).toBe('passed');
    expect(readerSlot(ledger, actor().siteCode, reader.id)).toEqual({ card: b, auto: true });
    removeSimulatedCard(ledger, actor(), reader.id);
  });

  it('refuses a reader that is not configured, a card the ledger lacks; a damaged state file says so', async () => {
    expect(await code(() => insertSimulatedCard(ledger, actor(), '读卡器9', cards[0]!))).toBe('READER_NOT_CONFIGURED');
    expect(await code(() => insertSimulatedCard(ledger, actor(), undefined, 'Z99999999'))).toBe('CARD_NOT_FOUND');
    writeFileSync(readerSlotsFile(ledger), '{ not json');
    expect(await code(() => insertSimulatedCard(ledger, actor(), undefined, cards[0]!))).toBe('SIM_READER_STATE');
    rmSync(readerSlotsFile(ledger));
  });
});
