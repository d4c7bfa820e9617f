/**
 * The demo ledger behind `npm start`: Wuhan's card centre and its districts from the fixtures,
 * two demo bank branches doing instant issuance, and months of synthetic history — batches
 * received, dispatched, issued, picked up by unit agents, overdue and recalled, prefab stock of
 * two banks in safes and hoppers (demo-story.ts). Deterministic (seeded), so tests can rely on
 * its figures. Only a demo ledger may carry history in the past (append-movements refuses it elsewhere).
 */
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { closeLedger, openLedger, type Ledger, type LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { insertOperator } from '../../db/operators-repo.ts';
import { addPlace, placesAt, requireSite } from '../../db/sites-repo.ts';
import { pepperPath, readPepper } from '../security/pepper-file.ts';
import { hashPin } from '../security/pin-hash.ts';
import { clockFrom, type Clock } from '../domain/clock.ts';
import { initLedger } from './init-ledger.ts';
import { devicesText } from '../i18n/workflows/sites-devices.ts';
import { DEMO_BRANCHES, DEMO_OFFICES, DEMO_OPERATORS, DEMO_PLACES, DEMO_ROOT, DEMO_SITES } from './demo-ledger-data.ts';
import { generator } from './demo-cards.ts';
import { DemoScript, type DemoWorld } from './demo-script.ts';
import { writeDemoStory } from './demo-story.ts';

/** Each demo bank's one hopper sits in its simulated printer as hopper 1 (as `sbk place add --kind hopper` would record it). */
const DEMO_HOPPER = { printerId: devicesText.demoPrinterId, hopperNo: 1 };

export { DEMO_BRANCHES, DEMO_OFFICES, DEMO_OPERATORS, DEMO_ROOT, DEMO_SITES, type DemoOperator } from './demo-ledger-data.ts';

export type DemoResult = { ledger: Ledger; cards: number; movements: number };

/**
 * Built under a temporary name and renamed when complete, so an interrupted `npm start` never
 * leaves a half-made demo ledger behind that the next start would open. The history ends at
 * `now` (default: the ledger's clock, `SBK_NOW` or the system's).
 */
export function createDemoLedger(path: string, now?: Date): DemoResult {
  const partial = `${path}.partial-${process.pid}`;
  const clock = now ? { now: clockFrom(now) } : {};
  try {
    fillDemoLedger(partial, clock);
  } catch (e) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, pepperPath(partial)]) rmSync(f, { force: true });
    throw e;
  }
  renameSync(pepperPath(partial), pepperPath(path));
  // A demo ledger made afresh starts with fresh simulated printers: an old state file would hold
  // blanks of the ledger it replaces (site-devices.ts seeds a new one from the ledger's hoppers).
  rmSync(join(dirname(path), 'devices-sim'), { recursive: true, force: true });
  renameSync(partial, path);
  const ledger = openLedger(path, { mustExist: true, ...clock });
  const counts = ledger.sqlite.prepare('SELECT (SELECT count(*) FROM cards) AS cards, (SELECT count(*) FROM movements) AS movements').get() as {
    cards: number;
    movements: number;
  };
  return { ledger, ...counts };
}

function fillDemoLedger(path: string, clock: { now?: Clock }): void {
  const [adminSeed] = DEMO_OPERATORS;
  const { ledger } = initLedger({
    path,
    siteCode: DEMO_ROOT,
    admin: { login: adminSeed!.login, name: adminSeed!.name, pin: adminSeed!.pin },
    demo: true,
    extraSites: DEMO_SITES,
    adminDemoPin: true,
    ...clock,
  });
  const pepper = readPepper(ledger.path);
  const now = ledger.now();
  writeTx(ledger, (tx) => {
    const script = new DemoScript(tx, generator(20261123), now, demoWorld(tx, pepper));
    writeDemoStory(script);
    script.play();
  });
  closeLedger(ledger);
}

/** The demo's operators (beyond the admin) and the storage places it adds to the fixtures' safes. */
function demoWorld(tx: LedgerDb, pepper: Buffer): DemoWorld {
  const site = (code: string) => requireSite(tx, code).id;
  const op: Record<string, number> = { admin: 1 };
  for (const o of DEMO_OPERATORS.slice(1)) {
    op[o.login] = insertOperator(tx, { login: o.login, name: o.name, role: o.role, siteId: site(o.site), pinHash: hashPin(o.pin, pepper), demoPin: o.pin });
  }
  const sites = {
    city: site(DEMO_ROOT),
    jiangan: site(DEMO_OFFICES.jiangan),
    jianghan: site(DEMO_OFFICES.jianghan),
    qiaokou: site(DEMO_OFFICES.qiaokou),
    icbc: site(DEMO_BRANCHES.icbc),
    ccb: site(DEMO_BRANCHES.ccb),
  };
  const place = {
    qiaokouSafe: placesAt(tx, sites.qiaokou)[0]!.id,
    cityShelf: addPlace(tx, sites.city, DEMO_PLACES.cityShelf, 'shelf'),
    jianganCabinet: addPlace(tx, sites.jiangan, DEMO_PLACES.officeCabinet, 'cabinet'),
    jianghanCabinet: addPlace(tx, sites.jianghan, DEMO_PLACES.officeCabinet, 'cabinet'),
    icbcHopper: addPlace(tx, sites.icbc, DEMO_PLACES.hopper, 'hopper', null, DEMO_HOPPER),
    ccbHopper: addPlace(tx, sites.ccb, DEMO_PLACES.hopper, 'hopper', null, DEMO_HOPPER),
    icbcSafe: addPlace(tx, sites.icbc, DEMO_PLACES.prefabSafe, 'safe'),
    ccbSafe: addPlace(tx, sites.ccb, DEMO_PLACES.prefabSafe, 'safe'),
  };
  return { op, site: sites, place };
}
