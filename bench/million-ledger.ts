/**
 * The large ledger behind the overdue, sign-in, keystroke and console-memory rows: a Wuhan
 * ledger (420100) of M finished cards (default 1,000,000) with about 13 months of history,
 * written through the same db/ functions the workflows use (registerCards, appendMovements,
 * insertShipment, insertShipmentEvent, recordProvinceShipment) on a demo-flagged ledger, which
 * is what lets the operations carry times in the past. Deterministic (seeded), apart from `now`.
 *
 * Each month two batches (one per bank) reach the city centre with the province's shipment,
 * are signed in there, go out on one shipment per service office and are signed in at the
 * office; then the cards are issued at the counter (most of them within weeks), a few go to a
 * unit's agent, the rest stay in the office's safe. Of all cards, about:
 *
 *   85 %   issued
 *   12 %   in stock, received at the office within the last 6 months
 *   1.5 %  in stock, received more than 6 months ago (overdue: due for recall); at least 1,200
 *          of these (or 80 % of them on a small ledger) in one office, 江岸 (420102-01), so its
 *          clerk has a list of over a thousand rows
 *   0.5 %  with a unit's agent since more than 6 months (sleeping cards, overdue too)
 *
 * and one shipment of 500 cards sent from the city to 江岸 through dispatchShipment, on its
 * way (the sign-in row scans it). Time order is kept: every event is scheduled first, then
 * applied in time order, a few hundred thousand movements per write transaction.
 *
 * Built once per M and schema (the number of migrations) into os.tmpdir()/sbk-bench-cache/,
 * reused while younger than a week (the cohorts age with the calendar), rebuilt on request.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeLedger, type LedgerDb } from '../db/open-ledger.ts';
import { writeTx } from '../db/write-tx.ts';
import { appendMovements } from '../db/append-movements.ts';
import { insertBatch, registerCards, type NewCard } from '../db/register-cards.ts';
import { insertOperator, operatorByLogin } from '../db/operators-repo.ts';
import { placesAt, requireSite, type SiteRow } from '../db/sites-repo.ts';
import { insertShipment, insertShipmentEvent, shipmentByNumber } from '../db/shipments-repo.ts';
import { pepperPath, readPepper } from '../src/security/pepper-file.ts';
import { hashPin } from '../src/security/pin-hash.ts';
import { residentIdCheckChar } from '../src/domain/resident-id.ts';
import { luhnCheckDigit } from '../src/domain/luhn.ts';
import { seededRandom } from '../src/domain/seeded-random.ts';
import { provinceShipmentNumber, shipmentNumber } from '../src/domain/shipment.ts';
import { initLedger } from '../src/workflows/init-ledger.ts';
import { provinceAbove, recordProvinceShipment } from '../src/workflows/province-shipment.ts';
import { dispatchShipment } from '../src/workflows/shipment-dispatch.ts';
import { toActor } from '../src/workflows/authenticate.ts';
import { BENCH_ADMIN } from './large-ledger.ts';
import { nowMs } from './stats.ts';

export const CITY = '420100';
/** The office whose clerk has the long overdue list and the shipment on its way. */
export const FOCUS_OFFICE = '420102-01';
export const MILLION_CLERK = { login: 'zhangwei', name: '张伟', pin: '357902' } as const;
export const MILLION_SUPERVISOR = { login: 'lijuan', name: '李娟', pin: '246801' } as const;
const OTHER_CLERKS_PIN = '579024';

const COHORTS = 13;
/** Cohorts 0..6 were received at the offices more than 6 months ago; 7..12 within the last 6. */
const OLD_COHORTS = 7;
/** Cohorts whose agent pickups are more than 6 months old (a pickup comes a week after receipt). */
const PICKUP_COHORTS = 6;
/** In stock today, as a share of a recent cohort (7..12): the newest ones are still mostly unclaimed. */
const RECENT_STOCK = [0.12, 0.16, 0.2, 0.26, 0.36, 0.46] as const;
const SHARE = { overdue: 0.015, agent: 0.005 } as const;
const TX_MOVEMENTS = 250_000;
const BOX = 200;
const MAX_AGE_DAYS = 7;

const BANKS = [
  { name: '中国工商银行', bin: '621226', maker: '东信和平', code: 'G' },
  { name: '中国建设银行', bin: '621700', maker: '金邦达', code: 'J' },
] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '欧阳'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '子涵', '浩然', '雨桐', '梓萱', '思远', '建华', '国强', '志明', '春梅', '海燕', '文静', '晓东', '一鸣'];
const AREAS = ['420102', '420103', '420104', '420105', '420106', '420107', '420111', '420112', '420114', '420115', '420116', '420117'];
const UNITS = ['武汉钢铁有限公司', '东风汽车集团有限公司', '武汉市第一医院', '华中科技大学', '中铁大桥局集团', '武汉地铁集团'];

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CACHE_DIR = join(tmpdir(), 'sbk-bench-cache');

export type MillionInfo = {
  cards: number;
  movements: number;
  operations: number;
  builtAt: string;
  buildMs: number;
  dbBytes: number;
  /** The shipment city → 江岸 on its way (sign-in row). */
  inTransit: { number: string; cards: number };
  /** What the generator put there, by design (the overdue list counts it again). */
  planned: { issued: number; recentStock: number; overdueStock: number; overdueStockFocus: number; agentHeld: number };
};

export type MillionLedger = { path: string; info: MillionInfo; built: boolean };

const migrationCount = () => readdirSync(join(ROOT, 'db', 'migrations')).filter((f) => f.endsWith('.sql')).length;

export function millionLedgerPath(m: number): string {
  return join(CACHE_DIR, `wuhan-${m}-cards-m${migrationCount()}.db`);
}

/** The cached ledger of `m` cards, built first when missing, stale or `rebuild`. */
export function millionLedger(m: number, opts: { rebuild?: boolean; progress?: (s: string) => void } = {}): MillionLedger {
  const path = millionLedgerPath(m);
  const infoPath = `${path}.json`;
  const progress = opts.progress ?? (() => {});
  if (!opts.rebuild && existsSync(path) && existsSync(pepperPath(path)) && existsSync(infoPath)) {
    const info = JSON.parse(readFileSync(infoPath, 'utf8')) as MillionInfo;
    const ageDays = (Date.now() - Date.parse(info.builtAt)) / 86_400_000;
    if (ageDays < MAX_AGE_DAYS) return { path, info, built: false };
    progress(`cached ledger is ${ageDays.toFixed(1)} days old (its cohorts have aged): rebuilding`);
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  // This size's ledger for another schema is of no further use (2.5 GB at a million cards).
  const mine = `wuhan-${m}-cards-m`;
  for (const f of readdirSync(CACHE_DIR)) if (f.startsWith(mine) && !f.includes('.partial-')) rmSync(join(CACHE_DIR, f), { force: true });
  const partial = `${path}.partial-${process.pid}`;
  try {
    const info = buildMillionLedger(partial, m, progress);
    writeFileSync(infoPath, JSON.stringify(info, null, 2) + '\n');
    renameSync(pepperPath(partial), pepperPath(path));
    renameSync(partial, path);
    return { path, info, built: true };
  } catch (e) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, pepperPath(partial)]) rmSync(f, { force: true });
    throw e;
  }
}

// --- deterministic card data from the card's index ---------------------------------------

/** A 32-bit mix of i (splitmix-like): names and codes that look random but need no storage. */
function mix(i: number, salt: number): number {
  let x = (i + 1) * 0x9e3779b1 + salt * 0x85ebca6b;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

export const cardNoOf = (i: number): string => `W${String(i + 1).padStart(8, '0')}`;
const holderName = (i: number): string => SURNAMES[mix(i, 1) % SURNAMES.length]! + GIVEN[mix(i, 2) % GIVEN.length]!;
const BIRTH_BASE = Date.UTC(1945, 0, 1);
const BIRTH_SPAN = 27_000; // days: born 1945 .. 2018

/** Unique for i < 12 × 1000 × 27,000: area, birth date and sequence all follow from i. */
function residentIdOf(i: number): string {
  const area = AREAS[i % AREAS.length]!;
  const rest = Math.floor(i / AREAS.length);
  const seq = rest % 1000;
  const day = (Math.floor(rest / 1000) * 7919) % BIRTH_SPAN; // 7919 is prime to 27,000: a bijection
  const birth = new Date(BIRTH_BASE + day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function finishedCard(i: number, bank: (typeof BANKS)[number], posInBatch: number, issueDate: string): NewCard {
  const box = String(Math.floor(posInBatch / BOX) + 1).padStart(3, '0');
  const partial = `${bank.bin}${String(i).padStart(12, '0')}`;
  return {
    kind: 'finished',
    cardNo: cardNoOf(i),
    cardIdCode: `420100D15600000${i.toString(16).toUpperCase().padStart(17, '0')}`,
    resetCode: `3B6C0000${mix(i, 3).toString(16).toUpperCase().padStart(8, '0')}${mix(i, 4).toString(16).toUpperCase().padStart(8, '0')}00`,
    bankCardNo: partial + luhnCheckDigit(partial),
    bank: bank.name,
    maker: bank.maker,
    boxLabel: box,
    boxPosition: `${box}-${String((posInBatch % BOX) + 1).padStart(3, '0')}`,
    holder: { idType: 'resident_id', idNumber: residentIdOf(i), name: holderName(i) },
    issueDate,
    expiryDate: `${Number(issueDate.slice(0, 4)) + 10}${issueDate.slice(4)}`,
  };
}

/** Splits `total` over `weights` in whole numbers (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, j) => [r - Math.floor(r), j] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

// --- the build ------------------------------------------------------------------------------

type Event = { at: string; seq: number; moves: number; apply: (tx: LedgerDb) => void };

export function buildMillionLedger(path: string, m: number, progress: (s: string) => void = () => {}): MillionInfo {
  const t0 = nowMs();
  const now = new Date();
  const rnd = seededRandom(0x5b1c_0001);
  const inTransitSize = m >= 5000 ? 500 : Math.max(100, Math.floor(m / 10));
  if (m < inTransitSize + COHORTS * 40) throw new Error(`--million-cards ${m}: too few cards for 13 monthly cohorts and a 500-card shipment`);

  const { ledger } = initLedger({ path, siteCode: CITY, admin: { ...BENCH_ADMIN }, demo: true });
  // Build-time connection settings only (the file is a cache): a page cache large enough for the
  // indexes the cohorts touch. Every row still goes through the db/ functions.
  ledger.sqlite.pragma('cache_size = -524288');

  const chinaToday = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const chinaMidnight = Date.parse(`${chinaToday}T00:00:00+08:00`);
  const at = (daysAgo: number, minutes: number) => new Date(Math.min(chinaMidnight - daysAgo * 86_400_000 + minutes * 60_000, now.getTime() - 60_000)).toISOString();
  const isoDate = (daysAgo: number) => new Date(chinaMidnight - daysAgo * 86_400_000 + 12 * 3_600_000).toISOString().slice(0, 10);

  // Sites, storage places and operators: a clerk at every office, a supervisor at the city.
  const city = requireSite(ledger.db, CITY);
  const offices = ledger.sqlite
    .prepare(`SELECT code FROM sites WHERE kind = 'service_office' AND in_scope = 1 ORDER BY code`)
    .all()
    .map((r) => requireSite(ledger.db, (r as { code: string }).code));
  const focus = offices.findIndex((o) => o.code === FOCUS_OFFICE);
  if (focus < 0) throw new Error(`no ${FOCUS_OFFICE} in the fixture sites`);
  const place = (s: SiteRow) => placesAt(ledger.db, s.id).find((p) => p.kind !== 'hopper')!.id;
  const cityPlace = place(city);
  const officePlace = offices.map(place);
  const pepper = readPepper(ledger.path);
  const otherHash = hashPin(OTHER_CLERKS_PIN, pepper);
  const { supervisorId, clerkIds } = writeTx(ledger, (tx) => {
    const supervisorId = insertOperator(tx, { login: MILLION_SUPERVISOR.login, name: MILLION_SUPERVISOR.name, role: 'supervisor', siteId: city.id, pinHash: hashPin(MILLION_SUPERVISOR.pin, pepper) });
    const clerkIds = offices.map((o, j) =>
      j === focus
        ? insertOperator(tx, { login: MILLION_CLERK.login, name: MILLION_CLERK.name, role: 'clerk', siteId: o.id, pinHash: hashPin(MILLION_CLERK.pin, pepper) })
        : insertOperator(tx, { login: `clerk-${o.code}`, name: holderName(900_000_000 + j), role: 'clerk', siteId: o.id, pinHash: otherHash }),
    );
    return { supervisorId, clerkIds };
  });
  const clerkName = (j: number) => (j === focus ? MILLION_CLERK.name : holderName(900_000_000 + j));
  const province = provinceAbove(ledger.db, city);

  // Office sizes: 江岸 an average one, the others between 0.6 and 1.4 of it.
  const weights = offices.map((_, j) => (j === focus ? 1 : 0.6 + 0.8 * rnd()));
  const perCohort = apportion(m - inTransitSize, Array(COHORTS).fill(1));
  const overdueTotal = Math.round(SHARE.overdue * m);
  const focusOverdue = Math.min(Math.round(0.8 * overdueTotal), Math.max(1200, Math.round(0.1 * overdueTotal)));
  const focusOverdueBy = apportion(focusOverdue, Array(OLD_COHORTS).fill(1));
  const otherOverdueBy = apportion(overdueTotal - focusOverdue, Array(OLD_COHORTS).fill(1));
  const agentBy = apportion(Math.round(SHARE.agent * m), Array(PICKUP_COHORTS).fill(1));

  const cardId = new Int32Array(m);
  const events: Event[] = [];
  const schedule = (daysAgo: number, minutes: number, moves: number, apply: (tx: LedgerDb) => void) => events.push({ at: at(daysAgo, minutes), seq: events.length, moves, apply });
  const planned = { issued: 0, recentStock: 0, overdueStock: 0, overdueStockFocus: 0, agentHeld: 0 };
  // Issues: one operation per office, day and half-day (the counter's morning and afternoon).
  const issues = new Map<string, { age: number; office: number; half: number; cards: number[] }>();
  const shuffle = (xs: number[]) => {
    for (let k = xs.length - 1; k > 0; k--) {
      const j = Math.floor(rnd() * (k + 1));
      [xs[k], xs[j]] = [xs[j]!, xs[k]!];
    }
    return xs;
  };

  let next = 0; // the next card index
  const registerBatch = (code: string, bank: (typeof BANKS)[number], first: number, n: number, age: number) => {
    const issueDate = isoDate(age + 12);
    schedule(age, 600, n, (tx) => {
      const list = Array.from({ length: n }, (_, p) => finishedCard(first + p, bank, p, issueDate));
      const b = insertBatch(tx, { code, kind: 'finished', bank: bank.name, maker: bank.maker, cityCode: CITY, declaredCount: n, createdAt: at(age, 600) });
      const ids = registerCards(tx, { id: randomUUID(), kind: 'import', operatorId: supervisorId, at: at(age, 600) }, b, city.id, list, { refKind: 'import', refId: code }).cardIds;
      ids.forEach((id, p) => (cardId[first + p] = id));
      if (province) recordProvinceShipment(tx, { batchCode: code, province, city, cardIds: ids, operatorId: supervisorId, operationId: null, at: at(age, 600) });
    });
    const number = provinceShipmentNumber(code);
    schedule(age - 1, 570, n, (tx) => {
      const opId = randomUUID();
      appendMovements(
        tx,
        { id: opId, kind: 'sign_in', operatorId: supervisorId, at: at(age - 1, 570) },
        Array.from({ length: n }, (_, p) => ({
          cardId: cardId[first + p]!,
          type: 'receive' as const,
          toPlaceId: cityPlace,
          counterpartRole: 'custodian' as const,
          counterpartName: MILLION_SUPERVISOR.name,
          method: `逐级签收（签收人 ${MILLION_SUPERVISOR.name}）`,
          refKind: 'shipment',
          refId: number,
        })),
      );
      if (province) {
        const shipmentId = shipmentByNumber(tx, number)!.id;
        insertShipmentEvent(tx, { shipmentId, type: 'receipt', operationId: opId, operatorId: supervisorId, at: at(age - 1, 570), signerName: MILLION_SUPERVISOR.name, custodianName: MILLION_SUPERVISOR.name, placeId: cityPlace, countedBlind: n, expectedCount: n, received: n, damaged: 0, missing: 0, extras: 0 });
      }
    });
  };

  for (let k = 0; k < COHORTS; k++) {
    const officeAge = 15 + 30 * (COHORTS - 1 - k); // days since the offices received this cohort (before jitter)
    const cityAge = officeAge + 4;
    // Two batches, one per bank; each split over the offices in contiguous runs (whole boxes, mostly).
    const perBank = apportion(perCohort[k]!, [1, 1]);
    const groups: number[][] = offices.map(() => []);
    BANKS.forEach((bank, b) => {
      const n = perBank[b]!;
      const first = next;
      next += n;
      const month = isoDate(cityAge).slice(0, 7);
      registerBatch(`${CITY}-${month}-${bank.code}${String(k + 1).padStart(2, '0')}`, bank, first, n, cityAge);
      let at0 = first;
      for (const [j, c] of apportion(n, weights).entries()) {
        for (let p = 0; p < c; p++) groups[j]!.push(at0 + p);
        at0 += c;
      }
    });

    // Fates, exact per cohort and office.
    const old = k < OLD_COHORTS;
    const otherSizes = groups.map((g, j) => (j === focus ? 0 : g.length));
    const overdueHere = old ? apportion(otherOverdueBy[k]!, otherSizes).map((x, j) => (j === focus ? focusOverdueBy[k]! : x)) : groups.map(() => 0);
    const agentHere = k < PICKUP_COHORTS ? apportion(agentBy[k]!, groups.map((g) => g.length)) : groups.map(() => 0);

    groups.forEach((cards, j) => {
      if (cards.length === 0) return;
      const office = offices[j]!;
      const age = officeAge + Math.floor(rnd() * 3);
      const number = shipmentNumber(CITY, isoDate(cityAge - 2), j + 1);
      // The city sends each office its share, and the office signs it in two days later.
      schedule(cityAge - 2, 540 + j, cards.length, (tx) => {
        const ids = cards.map((i) => cardId[i]!);
        const shipmentId = insertShipment(
          tx,
          { number, fromSiteId: city.id, toSiteId: office.id, method: 'staff', trackingNo: null, senderName: MILLION_SUPERVISOR.name, createdBy: supervisorId, createdAt: at(cityAge - 2, 540 + j), note: null },
          ids,
        );
        const opId = `ship-send:${number}`;
        appendMovements(
          tx,
          { id: opId, kind: 'dispatch', operatorId: supervisorId, at: at(cityAge - 2, 540 + j) },
          ids.map((id) => ({ cardId: id, type: 'dispatch' as const, toSiteId: office.id, counterpartRole: 'sender' as const, counterpartName: MILLION_SUPERVISOR.name, method: '专人送达', refKind: 'shipment', refId: number })),
        );
        insertShipmentEvent(tx, { shipmentId, type: 'sent', operationId: opId, operatorId: supervisorId, at: at(cityAge - 2, 540 + j) });
      });
      schedule(age, 600 + j, cards.length, (tx) => {
        const opId = randomUUID();
        appendMovements(
          tx,
          { id: opId, kind: 'sign_in', operatorId: clerkIds[j]!, at: at(age, 600 + j) },
          cards.map((i) => ({
            cardId: cardId[i]!,
            type: 'receive' as const,
            toPlaceId: officePlace[j]!,
            counterpartRole: 'custodian' as const,
            counterpartName: clerkName(j),
            method: `逐级签收（签收人 ${clerkName(j)}）`,
            refKind: 'shipment',
            refId: number,
          })),
        );
        const shipmentId = shipmentByNumber(tx, number)!.id;
        const n = cards.length;
        insertShipmentEvent(tx, { shipmentId, type: 'receipt', operationId: opId, operatorId: clerkIds[j]!, at: at(age, 600 + j), signerName: clerkName(j), custodianName: clerkName(j), placeId: officePlace[j]!, countedBlind: n, expectedCount: n, received: n, damaged: 0, missing: 0, extras: 0 });
      });

      // Who stays in the safe, who goes to a unit's agent, who is issued (and when).
      const order = shuffle([...cards]);
      const stay = old ? Math.min(order.length, overdueHere[j]!) : Math.round(RECENT_STOCK[k - OLD_COHORTS]! * order.length);
      const agent = Math.min(order.length - stay, agentHere[j]!);
      if (old) {
        planned.overdueStock += stay;
        if (j === focus) planned.overdueStockFocus += stay;
      } else planned.recentStock += stay;
      planned.agentHeld += agent;
      if (agent > 0) {
        const picked = order.slice(stay, stay + agent);
        const pickupAge = age - 7;
        const unit = UNITS[(k + j) % UNITS.length]!;
        const agentName = holderName(800_000_000 + k * 100 + j);
        const ref = `DL-${office.code}-${isoDate(pickupAge).replaceAll('-', '')}-01`;
        schedule(pickupAge, 630, picked.length, (tx) =>
          appendMovements(
            tx,
            { id: randomUUID(), kind: 'agent_pickup', operatorId: clerkIds[j]!, at: at(pickupAge, 630) },
            picked.map((i) => ({
              cardId: cardId[i]!,
              type: 'agent_pickup' as const,
              toPlaceId: null,
              counterpartRole: 'agent' as const,
              counterpartName: `${agentName}（${unit}）`,
              counterpartIdNumber: residentIdOf(700_000_000 + k * 100 + j),
              method: '集体代领',
              reason: `单位授权代领，授权书编号 ${office.code}-${k + 1}`,
              refKind: 'pickup',
              refId: ref,
            })),
          ),
        );
      }
      for (const i of order.slice(stay + agent)) {
        // Most holders come within a few weeks; some take months.
        const u = rnd();
        const issueAge = age - 1 - Math.floor((age - 2) * u * u * u);
        const half = rnd() < 0.55 ? 0 : 1;
        const key = `${issueAge}|${j}|${half}`;
        let g = issues.get(key);
        if (!g) issues.set(key, (g = { age: issueAge, office: j, half, cards: [] }));
        g.cards.push(i);
        planned.issued += 1;
      }
    });
  }
  for (const g of issues.values()) {
    const minutes = g.half === 0 ? 570 + g.office : 870 + g.office;
    schedule(g.age, minutes, g.cards.length, (tx) => {
      const opId = randomUUID();
      appendMovements(
        tx,
        { id: opId, kind: 'issue', operatorId: clerkIds[g.office]!, at: at(g.age, minutes) },
        g.cards.map((i) => ({ cardId: cardId[i]!, type: 'issue' as const, toPlaceId: null, counterpartRole: 'receiver' as const, counterpartName: holderName(i), method: '本人领取', reason: '未做读卡检测', refKind: 'issue', refId: opId })),
      );
    });
  }
  // The batch that goes out to 江岸 now: registered and signed in at the city these last days.
  const transitBatch = `${CITY}-${isoDate(3).slice(0, 7)}-T01`;
  const transitFirst = next;
  registerBatch(transitBatch, BANKS[0], transitFirst, inTransitSize, 3);
  next += inTransitSize;
  if (next !== m) throw new Error(`generator: ${next} cards planned for ${m}`);

  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
  const total = events.reduce((s, e) => s + e.moves, 0);
  progress(`million ledger: ${m.toLocaleString('en')} cards, ${total.toLocaleString('en')} movements in ${events.length.toLocaleString('en')} operations, ${path}`);
  let done = 0;
  let lastReport = nowMs();
  for (let from = 0; from < events.length; ) {
    let to = from;
    let moves = 0;
    while (to < events.length && (moves < TX_MOVEMENTS || to === from)) moves += events[to++]!.moves;
    writeTx(ledger, (tx) => {
      for (let e = from; e < to; e++) events[e]!.apply(tx);
    });
    done += moves;
    from = to;
    if (nowMs() - lastReport > 10_000 || from === events.length) {
      lastReport = nowMs();
      progress(`million ledger: ${((100 * done) / total).toFixed(0)}% of the movements after ${((nowMs() - t0) / 1000).toFixed(0)} s`);
    }
  }
  events.length = 0;

  // The shipment on its way, through the dispatch workflow (recorded now, after all the history).
  const supervisor = toActor(ledger, operatorByLogin(ledger.db, MILLION_SUPERVISOR.login)!);
  const sent = dispatchShipment(ledger, supervisor, { toSiteCode: FOCUS_OFFICE, select: { batches: [transitBatch] }, method: 'staff', senderName: MILLION_SUPERVISOR.name });

  const counts = ledger.sqlite.prepare('SELECT (SELECT count(*) FROM cards) AS cards, (SELECT count(*) FROM movements) AS movements, (SELECT count(*) FROM operations) AS operations').get() as {
    cards: number;
    movements: number;
    operations: number;
  };
  ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  closeLedger(ledger);
  return {
    ...counts,
    builtAt: now.toISOString(),
    buildMs: nowMs() - t0,
    dbBytes: statSync(path).size,
    inTransit: { number: sent.number, cards: sent.cards },
    planned,
  };
}
