/**
 * The demo ledger's months of history (demo-ledger.ts), chapter by chapter: four batches of
 * finished cards and the prefab blanks of two banks. Steps are scheduled in this order and the
 * seeded generator is asked in this order, so the demo's figures stay the same from run to run.
 */
import { provinceShipmentNumber } from '../domain/shipment.ts';
import { recallReasonText } from '../domain/recall-reasons.ts';
import { demoLedgerText } from '../i18n/workflows/demo-ledger.ts';
import { issuanceText } from '../i18n/workflows/issuance.ts';
import { finishedCards, prefabCards } from './demo-cards.ts';
import { BANKS, DEMO_OFFICES, DEMO_PICKUP, DEMO_ROOT, type DemoBank } from './demo-ledger-data.ts';
import { each, type DemoScript } from './demo-script.ts';

const T = demoLedgerText;

export function writeDemoStory(s: DemoScript): void {
  firstBatch(s);
  secondBatch(s);
  thirdBatch(s);
  fourthBatch(s);
  // Prefab blanks (GD Art. 36: important blank certificates) for two banks' instant issuance.
  const { site, place } = s.w;
  prefabStock(s, { code: 'YZ-ICBC-2026-11', bank: BANKS.icbc, prefix: 'Y1', branch: site.icbc, safe: place.icbcSafe, hopper: place.icbcHopper, clerk: 'sunli' }, { ago: 20, loaded: 10, consumed: 5, spoiled: 1 });
  prefabStock(s, { code: 'YZ-CCB-2026-11', bank: BANKS.ccb, prefix: 'Y2', branch: site.ccb, safe: place.ccbSafe, hopper: place.ccbHopper, clerk: 'zhoujie' }, { ago: 10, loaded: 8, consumed: 3, spoiled: 0 });
}

/** A card handed to its holder (or a relative) at an office's counter. */
function issueAtOffice(s: DemoScript, d: number, minutes: number, login: string, cardId: () => number, receiver: string): void {
  s.run(d, minutes, 'issue', login, () => [{ cardId: cardId(), type: 'issue', counterpartRole: 'receiver', counterpartName: receiver, method: T.collectedAtOffice }]);
}

/** Batch 1 arrived 230 days ago and went to three offices; its leftovers are overdue now. */
function firstBatch(s: DemoScript): void {
  const { site, place } = s.w;
  const c1: number[] = [];
  s.batch(230, '420100-2026-0301', BANKS.icbc, site.city, finishedCards(s.g, 'A1', 60, BANKS.icbc, s.isoDate(240), [3, 17]), c1);
  s.fromProvince(230, '420100-2026-0301', c1);
  s.signIn(229, 600, provinceShipmentNumber('420100-2026-0301'), 'lijuan', place.cityShelf, () => c1);
  const toJiangan = () => c1.slice(0, 24);
  const toJianghan = () => c1.slice(24, 44);
  const toQiaokou = () => c1.slice(44, 60);
  const [s1, s2, s3] = [s.num(DEMO_ROOT, 228, 1), s.num(DEMO_ROOT, 228, 2), s.num(DEMO_ROOT, 228, 3)];
  s.dispatch(228, 600, s1, site.city, site.jiangan, 'staff', 'lijuan', toJiangan);
  s.dispatch(228, 620, s2, site.city, site.jianghan, 'post', 'lijuan', toJianghan);
  s.dispatch(228, 640, s3, site.city, site.qiaokou, 'staff', 'lijuan', toQiaokou);
  s.signIn(226, 600, s1, 'zhangwei', place.jianganCabinet, toJiangan);
  s.signIn(225, 600, s2, 'liuyang', place.jianghanCabinet, toJianghan);
  s.signIn(225, 660, s3, 'chenjing', place.qiaokouSafe, toQiaokou);
  atJiangan(s, toJiangan);
  // 江汉: twelve issued; the other eight are past six months now.
  for (let i = 0; i < 12; i++) {
    issueAtOffice(s, 210 - i * 4, 600 + i, 'liuyang', () => toJianghan()[i]!, i % 4 === 0 ? T.receiver.spouse : T.receiver.self);
  }
}

/** 江岸: ten collected in person, six picked up by a unit's agent and never delivered (sleeping), one recalled, one defective. */
function atJiangan(s: DemoScript, toJiangan: () => number[]): void {
  for (let i = 0; i < 10; i++) issueAtOffice(s, 220 - i * 3, 600 + i, 'zhangwei', () => toJiangan()[i]!, T.receiver.self);
  const pickup = {
    type: 'agent_pickup' as const,
    counterpartRole: 'agent' as const,
    counterpartName: issuanceText.pickup.agent({ agent: DEMO_PICKUP.agent, unit: DEMO_PICKUP.unit }),
    method: issuanceText.pickup.method,
    reason: issuanceText.pickup.authorisation({ ref: DEMO_PICKUP.authorisation }),
  };
  const pickupRef = `DL-${DEMO_OFFICES.jiangan}-${s.isoDate(205).replaceAll('-', '')}-01`;
  s.run(205, 630, 'agent_pickup', 'zhangwei', each(() => toJiangan().slice(10, 16), { ...pickup, refKind: 'pickup', refId: pickupRef }));
  s.run(30, 600, 'recall', 'zhangwei', () => [{ cardId: toJiangan()[16]!, type: 'recall', reason: recallReasonText('dead'), refKind: 'recall', refId: 'R-0001' }]);
  // The recalled card goes back up to the city (GD Art. 32 回退); nobody has signed for it yet.
  s.dispatch(12, 600, s.num(DEMO_OFFICES.jiangan, 12, 1), s.w.site.jiangan, s.w.site.city, 'staff', 'zhangwei', () => [toJiangan()[16]!]);
  s.run(29, 600, 'mark_defective', 'zhangwei', () => [{ cardId: toJiangan()[17]!, type: 'mark_defective', reason: T.chipUnreadable }]);
}

/** Batch 2: sixty days ago to 江汉, some issued since. */
function secondBatch(s: DemoScript): void {
  const { site, place } = s.w;
  const c2: number[] = [];
  s.batch(62, '420100-2026-0901', BANKS.ccb, site.city, finishedCards(s.g, 'B2', 40, BANKS.ccb, s.isoDate(70), [5]), c2);
  s.fromProvince(62, '420100-2026-0901', c2);
  s.signIn(61, 600, provinceShipmentNumber('420100-2026-0901'), 'lijuan', place.cityShelf, () => c2);
  const s4 = s.num(DEMO_ROOT, 60, 1);
  s.dispatch(60, 600, s4, site.city, site.jianghan, 'post', 'lijuan', () => c2);
  s.signIn(58, 600, s4, 'liuyang', place.jianghanCabinet, () => c2);
  for (let i = 0; i < 15; i++) issueAtOffice(s, 55 - i * 3, 600 + i, 'liuyang', () => c2[i]!, T.receiver.self);
}

/** Batch 3: on its way to 硚口 right now. */
function thirdBatch(s: DemoScript): void {
  const { site, place } = s.w;
  const c3: number[] = [];
  s.batch(6, '420100-2026-1101', BANKS.icbc, site.city, finishedCards(s.g, 'C3', 30, BANKS.icbc, s.isoDate(12)), c3);
  s.fromProvince(6, '420100-2026-1101', c3);
  s.signIn(5, 600, provinceShipmentNumber('420100-2026-1101'), 'lijuan', place.cityShelf, () => c3);
  s.dispatch(2, 600, s.num(DEMO_ROOT, 2, 1), site.city, site.qiaokou, 'courier', 'lijuan', () => c3);
}

/** Batch 4: the maker's file arrived this morning with the province's shipment; not signed in yet. */
function fourthBatch(s: DemoScript): void {
  const c4: number[] = [];
  s.batch(0, '420100-2026-1120', BANKS.ccb, s.w.site.city, finishedCards(s.g, 'D4', 24, BANKS.ccb, s.isoDate(5)), c4);
  s.fromProvince(0, '420100-2026-1120', c4);
}

type PrefabBranch = { code: string; bank: DemoBank; prefix: string; branch: number; safe: number; hopper: number; clerk: string };

/** Fifty blanks received `ago` days back, some loaded into the hopper, made into cards or spoiled since. */
function prefabStock(s: DemoScript, b: PrefabBranch, n: { ago: number; loaded: number; consumed: number; spoiled: number }): void {
  const ids: number[] = [];
  const { ago } = n;
  s.batch(ago + 1, b.code, b.bank, b.branch, prefabCards(s.g, b.prefix, 50, b.bank), ids);
  const custodian = { counterpartRole: 'custodian' as const, counterpartName: s.name(b.clerk) };
  s.run(ago, 600, 'receive', b.clerk, each(() => ids, { type: 'receive', toPlaceId: b.safe, ...custodian, refKind: 'shipment', refId: `${b.code}-IN` }));
  s.run(ago - 1, 540, 'load', b.clerk, each(() => ids.slice(0, n.loaded), { type: 'load', toPlaceId: b.hopper }));
  for (let i = 0; i < n.consumed; i++) {
    s.run(ago - 2 - i, 600, 'consume', b.clerk, () => [{ cardId: ids[i]!, type: 'consume', reason: T.instantIssue, refKind: 'instant', refId: `I-${b.prefix}-${i + 1}` }]);
  }
  for (let i = n.consumed; i < n.consumed + n.spoiled; i++) {
    s.run(ago - 3, 700, 'spoil', b.clerk, () => [{ cardId: ids[i]!, type: 'spoil', reason: T.printFailed }]);
  }
}
