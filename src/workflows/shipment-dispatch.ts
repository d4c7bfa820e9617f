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
import { isDefective, mayMove, stateLabel, statesAllowing, type StateOrNone } from '../domain/card-states.ts';
import { CHOOSABLE_METHODS, METHOD_LABELS, shipmentNumber, type ShipmentMethod } from '../domain/shipment.ts';
import { todayInChina } from '../domain/china-dates.ts';
import { parseBoxLabel } from '../domain/box-label.ts';
import { SbkError } from '../domain/errors.ts';
import type { Actor } from './authenticate.ts';
import { shipmentText } from '../i18n/workflows/shipments.ts';

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

/** Down to any site under the sender, or back up to a site above it; never sideways (GD Art. 12). */
export function checkDestination(db: LedgerDb, actor: Actor, toSiteCode: string) {
  const to = requireSite(db, toSiteCode);
  // A retired site keeps no cards (sbk site retire): nothing may be sent there again.
  if (to.retiredAt) throw new SbkError('SITE_RETIRED', { code: to.code });
  if (to.id === actor.siteId) throw new SbkError('SHIPMENT_SAME_SITE');
  if (!to.inScope) throw new SbkError('SHIPMENT_SITE_OUT_OF_SCOPE', { name: to.name, code: to.code });
  const down = subtreeIds(db, actor.siteId).includes(to.id);
  let up = false;
  for (let s = siteById(db, actor.siteId); s?.parentId != null; s = siteById(db, s.parentId)) {
    if (s.parentId === to.id) up = true;
  }
  if (!down && !up) throw new SbkError('SHIPMENT_NOT_IN_CHAIN', { name: to.name, code: to.code }, { to: to.code });
  return { to, direction: down ? ('down' as const) : ('up' as const) };
}

/** The cards a selection names, all at the operator's site and ready to go; otherwise an error naming the first problem. */
export function resolveSelection(db: LedgerDb, actor: Actor, select: CardSelection, direction?: 'up' | 'down'): StockCardRow[] {
  const chosen = new Map<number, StockCardRow>();
  const takeReady = (rows: StockCardRow[], what: string) => {
    // A defective card goes up only by its own number (HB Art. 16: re-made above), never with
    // the batch or box it lies in.
    const ready = rows.filter((c) => mayMove(c.kind, c.state, 'dispatch') && !isDefective(c.state));
    if (ready.length === 0) {
      // Name the states a card must be in, finished cards' when any are among them (those allow more).
      const states = statesAllowing('dispatch', rows.some((r) => r.kind === 'finished') ? 'finished' : 'prefab').map(stateLabel);
      throw new SbkError('SELECTION_EMPTY.shipmentNotReady', { what, states }, { what });
    }
    for (const c of ready) chosen.set(c.id, c);
  };
  for (const b of select.batches ?? []) takeReady(cardsOfBatchAtSite(db, actor.siteId, b.trim()), shipmentText.dispatch.batch({ batch: b }));
  for (const raw of select.boxes ?? []) {
    const key = raw.trim();
    const parsed = parseBoxLabel(key);
    if (!parsed) throw new SbkError('BOX_NOT_HERE.shipment', { box: key });
    const label = parsed.label;
    let batch = parsed.batch;
    if (!batch) {
      const found = batchesWithBoxAtSite(db, actor.siteId, label);
      if (found.length > 1) throw new SbkError('BOX_AMBIGUOUS', { label, batches: found }, { label });
      batch = found[0] ?? null;
    }
    if (!batch) throw new SbkError('BOX_NOT_HERE.shipment', { box: key });
    takeReady(cardsOfBatchAtSite(db, actor.siteId, batch, label), shipmentText.dispatch.box({ batch, box: label }));
  }
  const wanted = [...new Set((select.cards ?? []).map((c) => c.trim()).filter(Boolean))];
  const byNo = new Map(cardsByNumbers(db, wanted).map((c) => [c.cardNo, c]));
  for (const no of wanted) {
    const c = byNo.get(no);
    if (!c) throw new SbkError('CARD_NOT_FOUND.custody', { card: no }, { cardNo: no });
    const state = stateLabel(c.state as StateOrNone);
    if (c.siteId !== actor.siteId) {
      throw new SbkError('CARD_NOT_HERE.shipment', { card: no, site: siteById(db, c.siteId)?.name ?? '?', state }, { cardNo: no });
    }
    if (!mayMove(c.kind, c.state, 'dispatch')) throw new SbkError('CARD_NOT_DISPATCHABLE', { card: no, state }, { cardNo: no });
    // HB Art. 16: a defective card is re-made above; it is never sent down towards a counter.
    if (isDefective(c.state) && direction === 'down') throw new SbkError('CARD_DEFECTIVE_GOES_UP', { card: no }, { cardNo: no });
    chosen.set(c.id, c);
  }
  if (chosen.size === 0) throw new SbkError('SELECTION_EMPTY.shipment');
  const busy = draftsListing(db, [...chosen.keys()]);
  if (busy.length > 0) {
    const first = busy[0]!;
    throw new SbkError('CARD_IN_DRAFT', { card: chosen.get(first.cardId)!.cardNo, shipment: first.number }, { shipment: first.number });
  }
  return [...chosen.values()];
}

function createIn(tx: LedgerDb, actor: Actor, input: CreateShipmentInput, now: Date): { id: number; number: string; cards: number } {
  if (!CHOOSABLE_METHODS.includes(input.method)) {
    throw new SbkError('SHIPMENT_METHOD', { methods: CHOOSABLE_METHODS.map((m) => ({ code: m, label: METHOD_LABELS[m] })) });
  }
  const { to, direction } = checkDestination(tx, actor, input.toSiteCode);
  const list = resolveSelection(tx, actor, input.select, direction);
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
  const r = writeTx(ledger, (tx) => createIn(tx, actor, input, ledger.now()));
  return { number: r.number, cards: r.cards, replayed: false };
}

function sendIn(tx: LedgerDb, actor: Actor, header: ShipmentHeader, now: Date): ShipmentRef {
  if (header.fromSiteId !== actor.siteId) throw new SbkError('SHIPMENT_NOT_OURS.send', { number: header.number, from: header.fromName });
  const events = shipmentEventsOf(tx, [header.id]);
  if (events.some((e) => e.type === 'cancelled')) throw new SbkError('SHIPMENT_CANCELLED', { number: header.number });
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
      reason: header.trackingNo ? shipmentText.dispatch.trackingReason({ trackingNo: header.trackingNo }) : null,
      refKind: 'shipment',
      refId: header.number,
    })),
  );
  insertShipmentEvent(tx, { shipmentId: header.id, type: 'sent', operationId: opId, operatorId: actor.id, at: now.toISOString() });
  return { number: header.number, cards: list.length, replayed: false };
}

function requireShipment(db: LedgerDb, number: string): ShipmentHeader {
  const h = shipmentByNumber(db, number.trim());
  if (!h) throw new SbkError('SHIPMENT_NOT_FOUND.dispatch', { number });
  return h;
}

/** Sends a created shipment: every card goes in transit at once, or none does. Sending twice is harmless. */
export function sendShipment(ledger: Ledger, actor: Actor, number: string): ShipmentRef {
  return writeTx(ledger, (tx) => sendIn(tx, actor, requireShipment(tx, number), ledger.now()));
}

/** Create and send in one transaction: what the console's dispatch screen does. */
export function dispatchShipment(ledger: Ledger, actor: Actor, input: CreateShipmentInput): ShipmentRef {
  return writeTx(ledger, (tx) => {
    const now = ledger.now();
    const { number } = createIn(tx, actor, input, now);
    return sendIn(tx, actor, requireShipment(tx, number), now);
  });
}

/** Only a shipment not yet sent can be cancelled; its cards never moved. */
export function cancelShipment(ledger: Ledger, actor: Actor, number: string, reason: string): void {
  writeTx(ledger, (tx) => {
    const h = requireShipment(tx, number);
    if (h.fromSiteId !== actor.siteId) throw new SbkError('SHIPMENT_NOT_OURS.cancel', { number: h.number, from: h.fromName });
    const events = shipmentEventsOf(tx, [h.id]);
    if (events.some((e) => e.type === 'cancelled')) return;
    if (events.some((e) => e.type === 'sent')) throw new SbkError('SHIPMENT_ALREADY_SENT', { number: h.number });
    insertShipmentEvent(tx, { shipmentId: h.id, type: 'cancelled', operatorId: actor.id, at: ledger.now().toISOString(), note: reason.trim() || null });
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
