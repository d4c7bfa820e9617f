/**
 * How the demo ledger's history is written (demo-ledger.ts): each step is scheduled at a day
 * and a minute of office hours, then all are applied in time order, so the movement chain reads
 * chronologically. The steps are the ones the workflows record (a maker's batch registered,
 * shipments sent and signed for, cards handed over), written with the same texts.
 */
import { randomUUID } from 'node:crypto';
import type { LedgerDb } from '../../db/open-ledger.ts';
import { appendMovements, type MovementInput } from '../../db/append-movements.ts';
import { insertBatch, registerCards, type NewCard } from '../../db/register-cards.ts';
import { insertShipment, insertShipmentEvent } from '../../db/shipments-repo.ts';
import { requireSite } from '../../db/sites-repo.ts';
import { METHOD_LABELS, shipmentNumber, type ShipmentMethod } from '../domain/shipment.ts';
import { demoLedgerText } from '../i18n/workflows/demo-ledger.ts';
import { provinceAbove, recordProvinceShipment } from './province-shipment.ts';
import { DEMO_OPERATORS, DEMO_ROOT, type DemoBank } from './demo-ledger-data.ts';
import type { Gen } from './demo-cards.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo's sites and places, by role in the story; operators by login. */
export type DemoWorld = {
  op: Readonly<Record<string, number>>;
  site: Readonly<Record<'city' | 'jiangan' | 'jianghan' | 'qiaokou' | 'icbc' | 'ccb', number>>;
  place: Readonly<
    Record<'qiaokouSafe' | 'cityShelf' | 'jianganCabinet' | 'jianghanCabinet' | 'icbcHopper' | 'ccbHopper' | 'icbcSafe' | 'ccbSafe', number>
  >;
};

type Ids = () => number[];

/** One movement per card of `ids`, all alike. */
export const each =
  (ids: Ids, m: Omit<MovementInput, 'cardId'>) =>
  (): MovementInput[] =>
    ids().map((cardId) => ({ cardId, ...m }));

export class DemoScript {
  private readonly events: { at: string; seq: number; apply: () => void }[] = [];
  private readonly shipmentIds = new Map<string, number>();
  /** Office hours are China time: day 0 starts at 00:00 UTC+8 of today's date there. */
  private readonly chinaMidnight: number;

  constructor(
    private readonly tx: LedgerDb,
    readonly g: Gen,
    private readonly now: Date,
    readonly w: DemoWorld,
  ) {
    const chinaToday = new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10);
    this.chinaMidnight = Date.parse(`${chinaToday}T00:00:00+08:00`);
  }

  /** The China date `d` days ago. */
  isoDate(d: number): string {
    return new Date(this.chinaMidnight - d * DAY + 12 * HOUR).toISOString().slice(0, 10);
  }

  /** `minutes` after midnight `d` days ago, but never later than a minute ago. */
  at(d: number, minutes: number): string {
    return new Date(Math.min(this.chinaMidnight - d * DAY + minutes * 60_000, this.now.getTime() - 60_000)).toISOString();
  }

  /** The `n`-th shipment number from site `from` on the day `d` days ago. */
  num(from: string, d: number, n: number): string {
    return shipmentNumber(from, this.isoDate(d), n);
  }

  name(login: string): string {
    return DEMO_OPERATORS.find((o) => o.login === login)!.name;
  }

  schedule(d: number, minutes: number, apply: () => void): void {
    this.events.push({ at: this.at(d, minutes), seq: this.events.length, apply });
  }

  run(d: number, minutes: number, kind: string, login: string, moves: () => MovementInput[]): void {
    this.schedule(d, minutes, () => {
      appendMovements(this.tx, { id: randomUUID(), kind, operatorId: this.w.op[login]!, at: this.at(d, minutes) }, moves());
    });
  }

  /** A maker's batch registered at `siteId` by the city's supervisor; its card ids go to `into`. */
  batch(d: number, code: string, bank: DemoBank, siteId: number, list: NewCard[], into: number[]): void {
    this.schedule(d, 600, () => {
      const at = this.at(d, 600);
      const b = insertBatch(this.tx, { code, kind: list[0]!.kind, bank: bank.name, maker: bank.maker, cityCode: DEMO_ROOT, declaredCount: list.length, createdAt: at });
      const op = { id: randomUUID(), kind: 'import', operatorId: this.w.op.lijuan!, at };
      for (const id of registerCards(this.tx, op, b, siteId, list, { refKind: 'import', refId: code }).cardIds) into.push(id);
    });
  }

  /** The province's shipment of a batch to the city, as an import at the city records it. */
  fromProvince(d: number, code: string, ids: number[]): void {
    this.schedule(d, 601, () => {
      const city = requireSite(this.tx, DEMO_ROOT);
      const province = provinceAbove(this.tx, city);
      if (!province) return;
      const r = recordProvinceShipment(this.tx, { batchCode: code, province, city, cardIds: ids, operatorId: this.w.op.lijuan!, operationId: null, at: this.at(d, 601) });
      this.shipmentIds.set(r.number, r.id);
    });
  }

  /** Shipment `number` sent (GD Art. 12) as the dispatch workflow records it: header, list, sent event, movements. */
  dispatch(d: number, minutes: number, number: string, from: number, to: number, method: ShipmentMethod, login: string, ids: Ids): void {
    const who = this.w.op[login]!;
    const sender = this.name(login);
    this.schedule(d, minutes, () => {
      const trackingNo = method === 'courier' ? `SF${this.g.digits(12)}` : null;
      const row = { number, fromSiteId: from, toSiteId: to, method, trackingNo, senderName: sender, createdBy: who, createdAt: this.at(d, minutes), note: null };
      const id = insertShipment(this.tx, row, ids());
      insertShipmentEvent(this.tx, { shipmentId: id, type: 'sent', operatorId: who, at: this.at(d, minutes) });
      this.shipmentIds.set(number, id);
    });
    const move = { type: 'dispatch' as const, toSiteId: to, counterpartRole: 'sender' as const, counterpartName: sender, method: METHOD_LABELS[method] };
    this.run(d, minutes, 'dispatch', login, each(ids, { ...move, refKind: 'shipment', refId: number }));
  }

  /** Shipment `number` signed for in full by `login`, who keeps the cards in `placeId`. */
  signIn(d: number, minutes: number, number: string, login: string, placeId: number, ids: Ids): void {
    const signer = this.name(login);
    const move = { type: 'receive' as const, toPlaceId: placeId, counterpartRole: 'custodian' as const, counterpartName: signer };
    this.run(d, minutes, 'receive', login, each(ids, { ...move, method: demoLedgerText.signedIn({ signer }), refKind: 'shipment', refId: number }));
    this.schedule(d, minutes, () => {
      const n = ids().length;
      const counted = { countedBlind: n, expectedCount: n, received: n, damaged: 0, missing: 0, extras: 0 };
      const at = this.at(d, minutes);
      insertShipmentEvent(this.tx, { shipmentId: this.shipmentIds.get(number)!, type: 'receipt', operatorId: this.w.op[login]!, at, signerName: signer, custodianName: signer, placeId, ...counted });
    });
  }

  /** Every scheduled step, in time order (ties in the order they were scheduled). */
  play(): void {
    this.events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
    for (const e of this.events) e.apply();
  }
}
