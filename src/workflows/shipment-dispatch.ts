/**
 * Dispatch (发出, GD Art. 12 市内再次分发 and 回退): the operator's site hands whole batches,
 * boxes or single cards to a site above or below it. A shipment is created with its list fixed,
 * then sent: sending moves every listed card to `in_transit` towards the destination in one
 * transaction, with the method, sender and shipment number on each movement.
 */
import type { Ledger, LedgerDb } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements } from '../../db/append-movements.ts';
import { requireSite, siteById, subtreeIds } from '../../db/sites-repo.ts';
import {
  batchesWithBoxAtSite,
  cardsByNumbers,
  cardsOfBatchAtSite,
  countNumbersWithPrefix,
  draftsListing,
  insertShipment,
  insertShipmentEvent,
  shipmentByNumber,
  shipmentCards,
  shipmentEventsOf,
  type ShipmentHeader,
  type StockCardRow,
} from '../../db/shipments-repo.ts';
import { ruleFor, stateLabel, type CardKind, type StateOrNone } from '../domain/card-states.ts';
import { CHOOSABLE_METHODS, METHOD_LABELS, shipmentNumber, type ShipmentMethod } from '../domain/shipment.ts';
import { todayInChina } from '../domain/china-dates.ts';
import { SbkError } from '../domain/errors.ts';
import type { Actor } from './authenticate.ts';

export type CardSelection = {
  batches?: readonly string[];
  /** `批次/箱号`, or a bare box label when only one batch at the site has that box. */
  boxes?: readonly string[];
  cards?: readonly string[];
};

export type CreateShipmentInput = {
  toSiteCode: string;
  select: CardSelection;
  method: ShipmentMethod;
  trackingNo?: string | null;
  /** The person who hands the cards over; the operator when not given. */
  senderName?: string | null;
  note?: string | null;
};

export type ShipmentRef = { number: string; cards: number; replayed: boolean };

function canDispatch(kind: string, state: string): boolean {
  return ruleFor(kind as CardKind, 'dispatch')?.from.includes(state as StateOrNone) ?? false;
}

/** Down to any site under the sender, or back up to a site above it; never sideways (GD Art. 12). */
export function checkDestination(db: LedgerDb, actor: Actor, toSiteCode: string) {
  const to = requireSite(db, toSiteCode);
  if (to.id === actor.siteId) throw new SbkError('SHIPMENT_SAME_SITE', '不能发给本网点自己，请选择上级或下级网点。');
  if (!to.inScope) {
    throw new SbkError('SHIPMENT_SITE_OUT_OF_SCOPE', `${to.name}（${to.code}）不在本台账管辖范围内（省中心的收发在省卡管系统中办理）。`);
  }
  const down = subtreeIds(db, actor.siteId).includes(to.id);
  let up = false;
  for (let s = siteById(db, actor.siteId); s?.parentId != null; s = siteById(db, s.parentId)) {
    if (s.parentId === to.id) up = true;
  }
  if (!down && !up) {
    throw new SbkError(
      'SHIPMENT_NOT_IN_CHAIN',
      `${to.name}（${to.code}）既不是本网点的下级，也不是上级。成品卡按“省—市—县—网点”逐级分发和回退，不能平级调拨。`,
      { to: to.code },
    );
  }
  return { to, direction: down ? ('down' as const) : ('up' as const) };
}

/** The cards a selection names, all at the operator's site and ready to go; otherwise an error naming the first problem. */
export function resolveSelection(db: LedgerDb, actor: Actor, select: CardSelection): StockCardRow[] {
  const chosen = new Map<number, StockCardRow>();
  const takeReady = (rows: StockCardRow[], what: string) => {
    const ready = rows.filter((c) => canDispatch(c.kind, c.state));
    if (ready.length === 0) {
      throw new SbkError('SELECTION_EMPTY', `${what}在本网点没有可发出的卡（须为在库${rows.some((r) => r.kind === 'finished') ? '或已回收' : ''}）。`, { what });
    }
    for (const c of ready) chosen.set(c.id, c);
  };
  for (const b of select.batches ?? []) takeReady(cardsOfBatchAtSite(db, actor.siteId, b.trim()), `批次 ${b}`);
  for (const raw of select.boxes ?? []) {
    const key = raw.trim();
    const slash = key.lastIndexOf('/');
    let batch = slash > 0 ? key.slice(0, slash) : null;
    const label = slash > 0 ? key.slice(slash + 1) : key;
    if (!batch) {
      const found = batchesWithBoxAtSite(db, actor.siteId, label);
      if (found.length > 1) {
        throw new SbkError('BOX_AMBIGUOUS', `本网点有 ${found.length} 个批次都有箱号 ${label}（${found.join('、')}），请用“批次/箱号”指明。`, { label });
      }
      batch = found[0] ?? null;
    }
    if (!batch) throw new SbkError('BOX_NOT_HERE', `本网点没有箱号为 ${key} 的卡箱。`, { box: key });
    takeReady(cardsOfBatchAtSite(db, actor.siteId, batch, label), `箱 ${batch}/${label} `);
  }
  const wanted = [...new Set((select.cards ?? []).map((c) => c.trim()).filter(Boolean))];
  const byNo = new Map(cardsByNumbers(db, wanted).map((c) => [c.cardNo, c]));
  for (const no of wanted) {
    const c = byNo.get(no);
    if (!c) throw new SbkError('CARD_NOT_FOUND', `台账中没有卡号 ${no}。`, { cardNo: no });
    if (c.siteId !== actor.siteId) {
      const at = siteById(db, c.siteId);
      throw new SbkError('CARD_NOT_HERE', `卡 ${no} 不在本网点，台账记录在 ${at?.name ?? '?'}（${stateLabel(c.state as StateOrNone)}）。`, { cardNo: no });
    }
    if (!canDispatch(c.kind, c.state)) {
      throw new SbkError('CARD_NOT_DISPATCHABLE', `卡 ${no} 当前为“${stateLabel(c.state as StateOrNone)}”，不能发出。`, { cardNo: no });
    }
    chosen.set(c.id, c);
  }
  if (chosen.size === 0) throw new SbkError('SELECTION_EMPTY', '没有选择任何卡：请指定批次、箱或卡号。');
  const busy = draftsListing(db, [...chosen.keys()]);
  if (busy.length > 0) {
    const first = busy[0]!;
    throw new SbkError('CARD_IN_DRAFT', `卡 ${chosen.get(first.cardId)?.cardNo} 已在待发出的交接单 ${first.number} 中；请先发出或撤销该单。`, {
      shipment: first.number,
    });
  }
  return [...chosen.values()];
}

function createIn(tx: LedgerDb, actor: Actor, input: CreateShipmentInput, now: Date): { id: number; number: string; cards: number } {
  if (!CHOOSABLE_METHODS.includes(input.method)) {
    throw new SbkError('SHIPMENT_METHOD', `发放方式须为：${CHOOSABLE_METHODS.map((m) => `${m}（${METHOD_LABELS[m]}）`).join('、')}。`);
  }
  const { to } = checkDestination(tx, actor, input.toSiteCode);
  const list = resolveSelection(tx, actor, input.select);
  const prefix = shipmentNumber(actor.siteCode, todayInChina(now), 0).slice(0, -3);
  const number = shipmentNumber(actor.siteCode, todayInChina(now), countNumbersWithPrefix(tx, prefix) + 1);
  const id = insertShipment(
    tx,
    {
      number,
      fromSiteId: actor.siteId,
      toSiteId: to.id,
      method: input.method,
      trackingNo: input.trackingNo?.trim() || null,
      senderName: input.senderName?.trim() || actor.name,
      createdBy: actor.id,
      createdAt: now.toISOString(),
      note: input.note?.trim() || null,
    },
    list.map((c) => c.id),
  );
  return { id, number, cards: list.length };
}

/** Records a shipment with its list fixed; nothing moves until it is sent. */
export function createShipment(ledger: Ledger, actor: Actor, input: CreateShipmentInput): ShipmentRef {
  const r = writeTx(ledger, (tx) => createIn(tx, actor, input, new Date()));
  return { number: r.number, cards: r.cards, replayed: false };
}

function sendIn(tx: LedgerDb, actor: Actor, header: ShipmentHeader): ShipmentRef {
  if (header.fromSiteId !== actor.siteId) {
    throw new SbkError('SHIPMENT_NOT_OURS', `交接单 ${header.number} 是 ${header.fromName} 的，只能由发出网点发出。`);
  }
  const events = shipmentEventsOf(tx, [header.id]);
  if (events.some((e) => e.type === 'cancelled')) throw new SbkError('SHIPMENT_CANCELLED', `交接单 ${header.number} 已撤销，不能发出。`);
  const list = shipmentCards(tx, header.id);
  if (events.some((e) => e.type === 'sent')) return { number: header.number, cards: list.length, replayed: true };
  const opId = `ship-send:${header.number}`;
  appendMovements(
    tx,
    { id: opId, kind: 'dispatch', operatorId: actor.id },
    list.map((c) => ({
      cardId: c.cardId,
      type: 'dispatch' as const,
      toSiteId: header.toSiteId,
      counterpartRole: 'sender' as const,
      counterpartName: header.senderName,
      method: METHOD_LABELS[header.method],
      reason: header.trackingNo ? `运单号 ${header.trackingNo}` : null,
      refKind: 'shipment',
      refId: header.number,
    })),
  );
  insertShipmentEvent(tx, { shipmentId: header.id, type: 'sent', operationId: opId, operatorId: actor.id, at: new Date().toISOString() });
  return { number: header.number, cards: list.length, replayed: false };
}

function requireShipment(db: LedgerDb, number: string): ShipmentHeader {
  const h = shipmentByNumber(db, number.trim());
  if (!h) throw new SbkError('SHIPMENT_NOT_FOUND', `没有交接单 ${number}。可用 sbk ship list 查看。`, { number });
  return h;
}

/** Sends a created shipment: every card goes in transit at once, or none does. Sending twice is harmless. */
export function sendShipment(ledger: Ledger, actor: Actor, number: string): ShipmentRef {
  return writeTx(ledger, (tx) => sendIn(tx, actor, requireShipment(tx, number)));
}

/** Create and send in one transaction: what the console's dispatch screen does. */
export function dispatchShipment(ledger: Ledger, actor: Actor, input: CreateShipmentInput): ShipmentRef {
  return writeTx(ledger, (tx) => {
    const { number } = createIn(tx, actor, input, new Date());
    return sendIn(tx, actor, requireShipment(tx, number));
  });
}

/** Only a shipment not yet sent can be cancelled; its cards never moved. */
export function cancelShipment(ledger: Ledger, actor: Actor, number: string, reason: string): void {
  writeTx(ledger, (tx) => {
    const h = requireShipment(tx, number);
    if (h.fromSiteId !== actor.siteId) throw new SbkError('SHIPMENT_NOT_OURS', `交接单 ${h.number} 是 ${h.fromName} 的，只能由发出网点撤销。`);
    const events = shipmentEventsOf(tx, [h.id]);
    if (events.some((e) => e.type === 'cancelled')) return;
    if (events.some((e) => e.type === 'sent')) throw new SbkError('SHIPMENT_ALREADY_SENT', `交接单 ${h.number} 已发出，不能撤销；请由收方签收后再退回。`);
    insertShipmentEvent(tx, { shipmentId: h.id, type: 'cancelled', operatorId: actor.id, at: new Date().toISOString(), note: reason.trim() || null });
  });
}

export { requireShipment };

export type Destination = { code: string; name: string; kind: string; direction: 'down' | 'up' };

/** Where the operator's site may send cards: every in-scope site below it, then the sites above it (returns). */
export function dispatchDestinations(ledger: Ledger, actor: Actor): Destination[] {
  const down = subtreeIds(ledger.db, actor.siteId)
    .filter((id) => id !== actor.siteId)
    .map((id) => siteById(ledger.db, id)!)
    .filter((s) => s.inScope)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((s) => ({ code: s.code, name: s.name, kind: s.kind, direction: 'down' as const }));
  const up: Destination[] = [];
  for (let s = siteById(ledger.db, actor.siteId); s?.parentId != null; ) {
    s = siteById(ledger.db, s.parentId);
    if (s?.inScope) up.push({ code: s.code, name: s.name, kind: s.kind, direction: 'up' });
  }
  return [...up, ...down];
}

/** The cards a selection would put on a shipment (the dispatch screen's running list); writes nothing. */
export function selectCards(ledger: Ledger, actor: Actor, select: CardSelection): StockCardRow[] {
  return resolveSelection(ledger.db, actor, select);
}
