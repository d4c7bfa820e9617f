/**
 * The demo ledger behind `npm start`: Wuhan's card centre and its districts from the fixtures,
 * two demo bank branches doing instant issuance, and months of synthetic history — batches
 * received, dispatched, issued, picked up by unit agents, overdue and recalled, prefab stock of
 * two banks in safes and hoppers. Deterministic (seeded), so tests can rely on its figures.
 * Only a demo ledger may carry history in the past (append-movements refuses it elsewhere).
 */
import { randomUUID } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { closeLedger, openLedger, type Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements, type MovementInput } from '../../db/append-movements.ts';
import { insertBatch, registerCards, type NewCard } from '../../db/register-cards.ts';
import { insertOperator, type Role } from '../../db/operators-repo.ts';
import { addPlace, placesAt, requireSite } from '../../db/sites-repo.ts';
import { pepperPath, readPepper } from '../security/pepper-file.ts';
import { hashPin } from '../security/pin-hash.ts';
import { residentIdCheckChar } from '../domain/resident-id.ts';
import { luhnCheckDigit } from '../domain/luhn.ts';
import type { SiteSeed } from '../domain/site-hierarchy.ts';
import { initLedger } from './init-ledger.ts';
import { recallReasonText } from '../domain/recall-reasons.ts';
import { insertShipment, insertShipmentEvent } from '../../db/shipments-repo.ts';
import { provinceShipmentNumber, shipmentNumber, type ShipmentMethod } from '../domain/shipment.ts';
import { provinceAbove, recordProvinceShipment } from './province-shipment.ts';
import { seededRandom } from '../domain/seeded-random.ts';

export const DEMO_ROOT = '420100';
export const DEMO_OFFICES = { jiangan: '420102-01', jianghan: '420103-01', qiaokou: '420104-01' } as const;
export const DEMO_BRANCHES = { icbc: '420102-B01', ccb: '420102-B02' } as const;

export const DEMO_SITES: SiteSeed[] = [
  {
    code: DEMO_BRANCHES.icbc,
    name: '工商银行武汉江岸支行（演示）',
    kind: 'bank_branch',
    regionCode: '420102',
    parentCode: '420102',
    bank: '中国工商银行',
    address: '江岸区解放大道1号（演示数据）',
  },
  {
    code: DEMO_BRANCHES.ccb,
    name: '建设银行武汉江岸支行（演示）',
    kind: 'bank_branch',
    regionCode: '420102',
    parentCode: '420102',
    bank: '中国建设银行',
    address: '江岸区沿江大道2号（演示数据）',
  },
];

export type DemoOperator = { login: string; name: string; role: Role; site: string; pin: string };

/** Demo PINs are shown on the login screen of a demo ledger only. */
export const DEMO_OPERATORS: DemoOperator[] = [
  { login: 'admin', name: '王建国', role: 'admin', site: DEMO_ROOT, pin: '135790' },
  { login: 'lijuan', name: '李娟', role: 'supervisor', site: DEMO_ROOT, pin: '246801' },
  { login: 'zhangwei', name: '张伟', role: 'clerk', site: DEMO_OFFICES.jiangan, pin: '357902' },
  { login: 'zhaomin', name: '赵敏', role: 'supervisor', site: DEMO_OFFICES.jiangan, pin: '468013' },
  { login: 'liuyang', name: '刘洋', role: 'clerk', site: DEMO_OFFICES.jianghan, pin: '579024' },
  { login: 'chenjing', name: '陈静', role: 'clerk', site: DEMO_OFFICES.qiaokou, pin: '802357' },
  { login: 'sunli', name: '孙丽', role: 'clerk', site: DEMO_BRANCHES.icbc, pin: '680135' },
  { login: 'zhoujie', name: '周洁', role: 'clerk', site: DEMO_BRANCHES.ccb, pin: '791246' },
];


const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '欧阳'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '子涵', '浩然', '雨桐', '梓萱', '思远'];
/** GD Art. 34: a character outside GB18030 is written as [PINYIN]; minority names carry a middle dot. */
const SPECIAL_NAMES = ['张[CHUI]', '阿依古丽·买买提', '李[YAN]华'];
const WUHAN_AREAS = ['420102', '420103', '420104', '420105', '420106', '420107', '420111', '420112', '420114', '420115'];

type Gen = {
  rnd: () => number;
  pick: <T>(xs: readonly T[]) => T;
  digits: (n: number) => string;
  hex: (n: number) => string;
};

function generator(seed: number): Gen {
  const rnd = seededRandom(seed);
  return {
    rnd,
    pick: (xs) => xs[Math.floor(rnd() * xs.length)]!,
    digits: (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join(''),
    hex: (n) => Array.from({ length: n }, () => '0123456789ABCDEF'[Math.floor(rnd() * 16)]).join(''),
  };
}

function residentId(g: Gen): string {
  const year = 1940 + Math.floor(g.rnd() * 75);
  const month = 1 + Math.floor(g.rnd() * 12);
  const day = 1 + Math.floor(g.rnd() * 28);
  const first17 = `${g.pick(WUHAN_AREAS)}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${g.digits(3)}`;
  return first17 + residentIdCheckChar(first17);
}

function bankCard(g: Gen, bin: string): string {
  const partial = bin + g.digits(18 - bin.length);
  return partial + luhnCheckDigit(partial);
}

const BANKS = {
  icbc: { name: '中国工商银行', bin: '621226', maker: '东信和平' },
  ccb: { name: '中国建设银行', bin: '621700', maker: '金邦达' },
} as const;

function finishedCards(g: Gen, prefix: string, n: number, bank: (typeof BANKS)[keyof typeof BANKS], issueDate: string, specialAt: number[] = []): NewCard[] {
  const expiry = `${Number(issueDate.slice(0, 4)) + 10}${issueDate.slice(4)}`; // HB Art. 2: valid 10 years
  return Array.from({ length: n }, (_, i) => {
    const special = specialAt.indexOf(i);
    const name = special >= 0 ? SPECIAL_NAMES[special % SPECIAL_NAMES.length]! : g.pick(SURNAMES) + g.pick(GIVEN);
    return {
      kind: 'finished' as const,
      cardNo: `${prefix}${String(i + 1).padStart(9 - prefix.length, '0')}`,
      cardIdCode: `420100D15600000${g.hex(17)}`.slice(0, 32),
      resetCode: `3B6C0000${g.hex(18)}`,
      bankCardNo: bankCard(g, bank.bin),
      bank: bank.name,
      maker: bank.maker,
      boxLabel: `${String(Math.floor(i / 20) + 1).padStart(2, '0')}`,
      boxPosition: `${String(Math.floor(i / 20) + 1).padStart(2, '0')}-${String((i % 20) + 1).padStart(3, '0')}`,
      holder: { idType: 'resident_id', idNumber: residentId(g), name },
      issueDate,
      expiryDate: expiry,
    };
  });
}

function prefabCards(g: Gen, prefix: string, n: number, bank: (typeof BANKS)[keyof typeof BANKS]): NewCard[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'prefab' as const,
    cardNo: `${prefix}${String(i + 1).padStart(9 - prefix.length, '0')}`,
    cardIdCode: `420100D15600000${g.hex(17)}`.slice(0, 32),
    resetCode: `3B6C0000${g.hex(18)}`,
    bankCardNo: bankCard(g, bank.bin),
    bank: bank.name,
    maker: bank.maker,
    boxLabel: String(Math.floor(i / 25) + 1).padStart(2, '0'),
    boxPosition: `${String(Math.floor(i / 25) + 1).padStart(2, '0')}-${String((i % 25) + 1).padStart(3, '0')}`,
  }));
}

export type DemoResult = { ledger: Ledger; cards: number; movements: number };

/**
 * Built under a temporary name and renamed when complete, so an interrupted `npm start` never
 * leaves a half-made demo ledger behind that the next start would open.
 */
export function createDemoLedger(path: string, now: Date = new Date()): DemoResult {
  const partial = `${path}.partial-${process.pid}`;
  try {
    fillDemoLedger(partial, now);
  } catch (e) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, pepperPath(partial)]) rmSync(f, { force: true });
    throw e;
  }
  renameSync(pepperPath(partial), pepperPath(path));
  // A demo ledger made afresh starts with fresh simulated printers: an old state file would hold
  // blanks of the ledger it replaces (site-devices.ts seeds a new one from the ledger's hoppers).
  rmSync(join(dirname(path), 'devices-sim'), { recursive: true, force: true });
  renameSync(partial, path);
  const ledger = openLedger(path, { mustExist: true });
  const counts = ledger.sqlite.prepare('SELECT (SELECT count(*) FROM cards) AS cards, (SELECT count(*) FROM movements) AS movements').get() as {
    cards: number;
    movements: number;
  };
  return { ledger, ...counts };
}

function fillDemoLedger(path: string, now: Date): void {
  const [adminSeed] = DEMO_OPERATORS;
  const { ledger } = initLedger({
    path,
    siteCode: DEMO_ROOT,
    admin: { login: adminSeed!.login, name: adminSeed!.name, pin: adminSeed!.pin },
    demo: true,
    extraSites: DEMO_SITES,
    adminDemoPin: true,
  });
  const g = generator(20261123);
  const pepper = readPepper(ledger.path);
  // Office hours are China time: day 0 starts at 00:00 UTC+8 of today's date there.
  const chinaToday = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const chinaMidnight = Date.parse(`${chinaToday}T00:00:00+08:00`);
  const isoDate = (d: number) => new Date(chinaMidnight - d * 86_400_000 + 12 * 3_600_000).toISOString().slice(0, 10);

  writeTx(ledger, (tx) => {
    const site = (code: string) => requireSite(tx, code).id;
    const op: Record<string, number> = {};
    op.admin = 1;
    for (const o of DEMO_OPERATORS.slice(1)) {
      op[o.login] = insertOperator(tx, { login: o.login, name: o.name, role: o.role, siteId: site(o.site), pinHash: hashPin(o.pin, pepper), demoPin: o.pin });
    }
    const city = site(DEMO_ROOT);
    const jiangan = site(DEMO_OFFICES.jiangan);
    const jianghan = site(DEMO_OFFICES.jianghan);
    const qiaokou = site(DEMO_OFFICES.qiaokou);
    const icbc = site(DEMO_BRANCHES.icbc);
    const ccb = site(DEMO_BRANCHES.ccb);
    const qiaokouSafe = placesAt(tx, qiaokou)[0]!.id;
    const cityShelf = addPlace(tx, city, '成品卡库A架', 'shelf');
    const jianganCabinet = addPlace(tx, jiangan, '发卡柜', 'cabinet');
    const jianghanCabinet = addPlace(tx, jianghan, '发卡柜', 'cabinet');
    const icbcHopper = addPlace(tx, icbc, '制卡机1-卡盒1', 'hopper');
    const ccbHopper = addPlace(tx, ccb, '制卡机1-卡盒1', 'hopper');
    const icbcSafe = addPlace(tx, icbc, '预制卡保险柜', 'safe');
    const ccbSafe = addPlace(tx, ccb, '预制卡保险柜', 'safe');

    // Events are scheduled, then applied in time order, so the chain reads chronologically.
    const events: { at: string; seq: number; apply: () => void }[] = [];
    const at = (d: number, minutes: number) => {
      const t = Math.min(chinaMidnight - d * 86_400_000 + minutes * 60_000, now.getTime() - 60_000);
      return new Date(t).toISOString();
    };
    const schedule = (d: number, minutes: number, apply: () => void) => events.push({ at: at(d, minutes), seq: events.length, apply });
    const run = (d: number, minutes: number, kind: string, who: number, moves: () => MovementInput[]) =>
      schedule(d, minutes, () => {
        appendMovements(tx, { id: randomUUID(), kind, operatorId: who, at: at(d, minutes) }, moves());
      });
    const each = (ids: () => number[], m: Omit<MovementInput, 'cardId'>) => () => ids().map((cardId) => ({ cardId, ...m }));
    const batch = (d: number, code: string, bank: (typeof BANKS)[keyof typeof BANKS], siteId: number, list: NewCard[], into: number[]) =>
      schedule(d, 600, () => {
        const kind = list[0]!.kind;
        const b = insertBatch(tx, { code, kind, bank: bank.name, maker: bank.maker, cityCode: DEMO_ROOT, declaredCount: list.length, createdAt: at(d, 600) });
        into.push(...registerCards(tx, { id: randomUUID(), kind: 'import', operatorId: op.lijuan!, at: at(d, 600) }, b, siteId, list, { refKind: 'import', refId: code }).cardIds);
      });
    const signer = (name: string) => ({ counterpartRole: 'custodian' as const, counterpartName: name });
    // Shipments (GD Art. 12) as the dispatch workflow records them: header, list, sent and receipt events.
    const shipmentIds = new Map<string, number>();
    const ship = (d: number, minutes: number, number: string, from: number, to: number, method: ShipmentMethod, sender: string, who: number, ids: () => number[]) =>
      schedule(d, minutes, () => {
        const id = insertShipment(tx, { number, fromSiteId: from, toSiteId: to, method, trackingNo: method === 'courier' ? `SF${g.digits(12)}` : null, senderName: sender, createdBy: who, createdAt: at(d, minutes), note: null }, ids());
        insertShipmentEvent(tx, { shipmentId: id, type: 'sent', operatorId: who, at: at(d, minutes) });
        shipmentIds.set(number, id);
      });
    const receipt = (d: number, minutes: number, number: string, who: number, signerName: string, placeId: number, n: number) =>
      schedule(d, minutes, () => {
        insertShipmentEvent(tx, { shipmentId: shipmentIds.get(number)!, type: 'receipt', operatorId: who, at: at(d, minutes), signerName, custodianName: signerName, placeId, countedBlind: n, expectedCount: n, received: n, damaged: 0, missing: 0, extras: 0 });
      });
    const cityRow = requireSite(tx, DEMO_ROOT);
    const province = provinceAbove(tx, cityRow);
    const fromProvince = (d: number, code: string, ids: number[]) =>
      schedule(d, 601, () => {
        if (!province) return;
        const r = recordProvinceShipment(tx, { batchCode: code, province, city: cityRow, cardIds: ids, operatorId: op.lijuan!, operationId: null, at: at(d, 601) });
        shipmentIds.set(r.number, r.id);
      });
    const num = (from: string, d: number, n: number) => shipmentNumber(from, isoDate(d), n);

    // Batch 1 arrived 230 days ago and went to three offices; its leftovers are overdue now.
    const c1: number[] = [];
    batch(230, '420100-2026-0301', BANKS.icbc, city, finishedCards(g, 'A1', 60, BANKS.icbc, isoDate(240), [3, 17]), c1);
    fromProvince(230, '420100-2026-0301', c1);
    const p1 = provinceShipmentNumber('420100-2026-0301');
    run(229, 600, 'receive', op.lijuan!, each(() => c1, { type: 'receive', toPlaceId: cityShelf, ...signer('李娟'), method: '逐级签收（签收人 李娟）', refKind: 'shipment', refId: p1 }));
    receipt(229, 600, p1, op.lijuan!, '李娟', cityShelf, 60);
    const toJiangan = () => c1.slice(0, 24);
    const toJianghan = () => c1.slice(24, 44);
    const toQiaokou = () => c1.slice(44, 60);
    const [s1, s2, s3] = [num(DEMO_ROOT, 228, 1), num(DEMO_ROOT, 228, 2), num(DEMO_ROOT, 228, 3)];
    ship(228, 600, s1, city, jiangan, 'staff', '李娟', op.lijuan!, toJiangan);
    run(228, 600, 'dispatch', op.lijuan!, each(toJiangan, { type: 'dispatch', toSiteId: jiangan, counterpartRole: 'sender', counterpartName: '李娟', method: '专人送达', refKind: 'shipment', refId: s1 }));
    ship(228, 620, s2, city, jianghan, 'post', '李娟', op.lijuan!, toJianghan);
    run(228, 620, 'dispatch', op.lijuan!, each(toJianghan, { type: 'dispatch', toSiteId: jianghan, counterpartRole: 'sender', counterpartName: '李娟', method: '邮寄', refKind: 'shipment', refId: s2 }));
    ship(228, 640, s3, city, qiaokou, 'staff', '李娟', op.lijuan!, toQiaokou);
    run(228, 640, 'dispatch', op.lijuan!, each(toQiaokou, { type: 'dispatch', toSiteId: qiaokou, counterpartRole: 'sender', counterpartName: '李娟', method: '专人送达', refKind: 'shipment', refId: s3 }));
    run(226, 600, 'receive', op.zhangwei!, each(toJiangan, { type: 'receive', toPlaceId: jianganCabinet, ...signer('张伟'), method: '逐级签收（签收人 张伟）', refKind: 'shipment', refId: s1 }));
    receipt(226, 600, s1, op.zhangwei!, '张伟', jianganCabinet, 24);
    run(225, 600, 'receive', op.liuyang!, each(toJianghan, { type: 'receive', toPlaceId: jianghanCabinet, ...signer('刘洋'), method: '逐级签收（签收人 刘洋）', refKind: 'shipment', refId: s2 }));
    receipt(225, 600, s2, op.liuyang!, '刘洋', jianghanCabinet, 20);
    run(225, 660, 'receive', op.chenjing!, each(toQiaokou, { type: 'receive', toPlaceId: qiaokouSafe, ...signer('陈静'), method: '逐级签收（签收人 陈静）', refKind: 'shipment', refId: s3 }));
    receipt(225, 660, s3, op.chenjing!, '陈静', qiaokouSafe, 16);
    // 江岸: ten collected in person, six picked up by a unit's agent and never delivered (sleeping).
    for (let i = 0; i < 10; i++) {
      run(220 - i * 3, 600 + i, 'issue', op.zhangwei!, () => [{ cardId: toJiangan()[i]!, type: 'issue', counterpartRole: 'receiver', counterpartName: '本人', method: '网点领取' }]);
    }
    run(205, 630, 'agent_pickup', op.zhangwei!, each(() => toJiangan().slice(10, 16), { type: 'agent_pickup', counterpartRole: 'agent', counterpartName: '周建华（武汉钢铁有限公司）', method: '集体代领', reason: '单位授权代领，授权书编号 WG-2026-17', refKind: 'pickup', refId: `DL-${DEMO_OFFICES.jiangan}-${isoDate(205).replaceAll('-', '')}-01` }));
    run(30, 600, 'recall', op.zhangwei!, () => [{ cardId: toJiangan()[16]!, type: 'recall', reason: recallReasonText('dead'), refKind: 'recall', refId: 'R-0001' }]);
    // The recalled card goes back up to the city (GD Art. 32 回退); nobody has signed for it yet.
    const back = num(DEMO_OFFICES.jiangan, 12, 1);
    ship(12, 600, back, jiangan, city, 'staff', '张伟', op.zhangwei!, () => [toJiangan()[16]!]);
    run(12, 600, 'dispatch', op.zhangwei!, () => [{ cardId: toJiangan()[16]!, type: 'dispatch', toSiteId: city, counterpartRole: 'sender', counterpartName: '张伟', method: '专人送达', refKind: 'shipment', refId: back }]);
    run(29, 600, 'mark_defective', op.zhangwei!, () => [{ cardId: toJiangan()[17]!, type: 'mark_defective', reason: '读卡检测：芯片无法读取' }]);
    // 江汉: twelve issued; the other eight are past six months now.
    for (let i = 0; i < 12; i++) {
      run(210 - i * 4, 600 + i, 'issue', op.liuyang!, () => [{ cardId: toJianghan()[i]!, type: 'issue', counterpartRole: 'receiver', counterpartName: i % 4 === 0 ? '代办：配偶' : '本人', method: '网点领取' }]);
    }

    // Batch 2: sixty days ago to 江汉, some issued since.
    const c2: number[] = [];
    batch(62, '420100-2026-0901', BANKS.ccb, city, finishedCards(g, 'B2', 40, BANKS.ccb, isoDate(70), [5]), c2);
    fromProvince(62, '420100-2026-0901', c2);
    const p2 = provinceShipmentNumber('420100-2026-0901');
    run(61, 600, 'receive', op.lijuan!, each(() => c2, { type: 'receive', toPlaceId: cityShelf, ...signer('李娟'), method: '逐级签收（签收人 李娟）', refKind: 'shipment', refId: p2 }));
    receipt(61, 600, p2, op.lijuan!, '李娟', cityShelf, 40);
    const s4 = num(DEMO_ROOT, 60, 1);
    ship(60, 600, s4, city, jianghan, 'post', '李娟', op.lijuan!, () => c2);
    run(60, 600, 'dispatch', op.lijuan!, each(() => c2, { type: 'dispatch', toSiteId: jianghan, counterpartRole: 'sender', counterpartName: '李娟', method: '邮寄', refKind: 'shipment', refId: s4 }));
    run(58, 600, 'receive', op.liuyang!, each(() => c2, { type: 'receive', toPlaceId: jianghanCabinet, ...signer('刘洋'), method: '逐级签收（签收人 刘洋）', refKind: 'shipment', refId: s4 }));
    receipt(58, 600, s4, op.liuyang!, '刘洋', jianghanCabinet, 40);
    for (let i = 0; i < 15; i++) {
      run(55 - i * 3, 600 + i, 'issue', op.liuyang!, () => [{ cardId: c2[i]!, type: 'issue', counterpartRole: 'receiver', counterpartName: '本人', method: '网点领取' }]);
    }

    // Batch 3: on its way to 硚口 right now.
    const c3: number[] = [];
    batch(6, '420100-2026-1101', BANKS.icbc, city, finishedCards(g, 'C3', 30, BANKS.icbc, isoDate(12)), c3);
    fromProvince(6, '420100-2026-1101', c3);
    const p3 = provinceShipmentNumber('420100-2026-1101');
    run(5, 600, 'receive', op.lijuan!, each(() => c3, { type: 'receive', toPlaceId: cityShelf, ...signer('李娟'), method: '逐级签收（签收人 李娟）', refKind: 'shipment', refId: p3 }));
    receipt(5, 600, p3, op.lijuan!, '李娟', cityShelf, 30);
    const s5 = num(DEMO_ROOT, 2, 1);
    ship(2, 600, s5, city, qiaokou, 'courier', '李娟', op.lijuan!, () => c3);
    run(2, 600, 'dispatch', op.lijuan!, each(() => c3, { type: 'dispatch', toSiteId: qiaokou, counterpartRole: 'sender', counterpartName: '李娟', method: '快递', refKind: 'shipment', refId: s5 }));

    // Batch 4: the maker's file arrived this morning with the province's shipment; not signed in yet.
    const c4: number[] = [];
    batch(0, '420100-2026-1120', BANKS.ccb, city, finishedCards(g, 'D4', 24, BANKS.ccb, isoDate(5)), c4);
    fromProvince(0, '420100-2026-1120', c4);

    // Prefab blanks (GD Art. 36: important blank certificates) for two banks' instant issuance.
    const prefab = (code: string, bank: (typeof BANKS)[keyof typeof BANKS], prefix: string, branch: number, safe: number, hopper: number, ago: number, loaded: number, consumed: number, spoiled: number, clerk: number, clerkName: string) => {
      const ids: number[] = [];
      batch(ago + 1, code, bank, branch, prefabCards(g, prefix, 50, bank), ids);
      run(ago, 600, 'receive', clerk, each(() => ids, { type: 'receive', toPlaceId: safe, ...signer(clerkName), refKind: 'shipment', refId: `${code}-IN` }));
      run(ago - 1, 540, 'load', clerk, each(() => ids.slice(0, loaded), { type: 'load', toPlaceId: hopper }));
      for (let i = 0; i < consumed; i++) {
        run(ago - 2 - i, 600, 'consume', clerk, () => [{ cardId: ids[i]!, type: 'consume', reason: '即时制卡', refKind: 'instant', refId: `I-${prefix}-${i + 1}` }]);
      }
      for (let i = consumed; i < consumed + spoiled; i++) {
        run(ago - 3, 700, 'spoil', clerk, () => [{ cardId: ids[i]!, type: 'spoil', reason: '打印失败：色带断裂，卡片出至废卡箱' }]);
      }
    };
    prefab('YZ-ICBC-2026-11', BANKS.icbc, 'Y1', icbc, icbcSafe, icbcHopper, 20, 10, 5, 1, op.sunli!, '孙丽');
    prefab('YZ-CCB-2026-11', BANKS.ccb, 'Y2', ccb, ccbSafe, ccbHopper, 10, 8, 3, 0, op.zhoujie!, '周洁');

    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
    for (const e of events) e.apply();
  });
  closeLedger(ledger);
}
