/**
 * Reading shipments: the inbound list a receiving site works from (with how many working days
 * each has been on the way), the outbound list, one shipment's cards, and its hand-over sheet.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { ledgerHeadOf } from '../../db/seal-chain.ts';
import { listSites, subtreeIds } from '../../db/sites-repo.ts';
import { shipmentByNumber, shipmentCards, shipmentCounts, shipmentEventsOf, shipmentHeaders, type ShipmentHeader } from '../../db/shipments-repo.ts';
import { acceptsSignIn, boxKey, METHOD_LABELS, shipmentStatus, STATUS_LABELS, type HandoverSheet, type ShipmentMethod, type ShipmentStatus } from '../domain/shipment.ts';
import { todayInChina, type DeadlineBasis, type WorkingCalendar } from '../domain/calendar.ts';
import { SbkError } from '../domain/errors.ts';
import type { Actor } from './authenticate.ts';
import { transitWarningDays } from './settings.ts';

export type ShipmentSummary = {
  number: string;
  from: { code: string; name: string };
  to: { code: string; name: string };
  direction: 'down' | 'up';
  method: ShipmentMethod;
  methodLabel: string;
  trackingNo: string | null;
  senderName: string;
  createdBy: string;
  createdAt: string;
  sentAt: string | null;
  status: ShipmentStatus;
  statusLabel: string;
  cards: number;
  outstanding: number;
  /** Working days since it was sent, while cards are still on the way. */
  ageWorkingDays: number | null;
  ageBasis: DeadlineBasis | null;
  /** On the way longer than the configured number of working days. */
  late: boolean;
};

export type ListFilter = { direction: 'inbound' | 'outbound'; includeDone?: boolean };

function summarize(ledger: Ledger, headers: ShipmentHeader[], calendar: WorkingCalendar, now: Date): ShipmentSummary[] {
  const ids = headers.map((h) => h.id);
  const counts = shipmentCounts(ledger.db, ids);
  const events = shipmentEventsOf(ledger.db, ids);
  const limit = transitWarningDays(ledger);
  const today = todayInChina(now);
  const parentOf = new Map(listSites(ledger.db).map((x) => [x.id, x.parentId]));
  const isAbove = (upper: number, lower: number) => {
    for (let id = parentOf.get(lower); id != null; id = parentOf.get(id)) if (id === upper) return true;
    return false;
  };
  return headers.map((h) => {
    const ev = events.filter((e) => e.shipmentId === h.id);
    const sent = ev.find((e) => e.type === 'sent');
    const c = counts.get(h.id) ?? { cards: 0, outstanding: 0 };
    const status = shipmentStatus({
      sent: Boolean(sent),
      cancelled: ev.some((e) => e.type === 'cancelled'),
      closed: ev.some((e) => e.type === 'closed'),
      receipts: ev.filter((e) => e.type === 'receipt').length,
      outstanding: c.outstanding,
    });
    const onTheWay = status === 'in_transit' || status === 'partial';
    const age = sent && onTheWay ? calendar.countWorkingDays(todayInChina(new Date(sent.at)), today) : null;
    return {
      number: h.number,
      from: { code: h.fromCode, name: h.fromName },
      to: { code: h.toCode, name: h.toName },
      direction: isAbove(h.toSiteId, h.fromSiteId) ? 'up' : 'down',
      method: h.method,
      methodLabel: METHOD_LABELS[h.method],
      trackingNo: h.trackingNo,
      senderName: h.senderName,
      createdBy: h.createdByName,
      createdAt: h.createdAt,
      sentAt: sent?.at ?? null,
      status,
      statusLabel: STATUS_LABELS[status],
      cards: c.cards,
      outstanding: status === 'draft' || status === 'cancelled' ? 0 : c.outstanding,
      ageWorkingDays: age?.days ?? null,
      ageBasis: age?.basis ?? null,
      late: age !== null && age.days > limit,
    };
  });
}

/**
 * Inbound: shipments addressed to the operator's own site (only that site signs them in).
 * Outbound: shipments it sent or is preparing. Done ones (received, closed, cancelled) only on request.
 */
export function listShipments(ledger: Ledger, actor: Actor, filter: ListFilter, calendar: WorkingCalendar, now: Date = ledger.now()): ShipmentSummary[] {
  const headers = shipmentHeaders(ledger.db, filter.direction === 'inbound' ? { toSiteIds: [actor.siteId] } : { fromSiteIds: [actor.siteId] });
  const all = summarize(ledger, headers, calendar, now);
  // A draft is the sender's business until it is sent: the receiver never sees it.
  const visible = filter.direction === 'inbound' ? all.filter((s) => s.status !== 'draft') : all;
  const open = (s: ShipmentSummary) => s.status === 'draft' || s.status === 'in_transit' || s.status === 'partial';
  return filter.includeDone ? visible : visible.filter(open);
}

/** A shipment as its receiving site's list shows it: no card count while it is still to be signed in. */
export type InboundListing = Omit<ShipmentSummary, 'cards' | 'outstanding'> & { cards: number | null; outstanding: number | null };

/**
 * Sign-in is counted blind (签收盲点, shipment-sign-in.ts): the receiving site learns how many
 * cards a shipment holds only after submitting its own count, so a list it signs in from names
 * the shipment, the sender and the days on the way, never the count.
 */
export function blindInbound(s: ShipmentSummary): InboundListing {
  return acceptsSignIn(s.status) ? { ...s, cards: null, outstanding: null } : s;
}

/** A shipment may be read by its two ends and by the sites above either of them. */
function requireVisible(ledger: Ledger, actor: Actor, number: string): ShipmentHeader {
  const h = shipmentByNumber(ledger.db, number.trim());
  const mine = new Set(subtreeIds(ledger.db, actor.siteId));
  if (!h || !(mine.has(h.fromSiteId) || mine.has(h.toSiteId))) {
    throw new SbkError('SHIPMENT_NOT_FOUND.list', { number });
  }
  return h;
}

/**
 * The receiving side of a shipment it has still to sign in counts blind (blindInbound): the
 * ledger tells it neither the count nor the cards — not in the list, not in `ship show`, not on
 * a sheet — until its first count is in. A site above the sender (or both ends) sees it all, and
 * so does a city for the province step: it imported the maker's file that lists the cards.
 */
function blindToActor(ledger: Ledger, actor: Actor, h: ShipmentHeader, s: ShipmentSummary): boolean {
  const mine = new Set(subtreeIds(ledger.db, actor.siteId));
  return h.method !== 'province' && s.status === 'in_transit' && mine.has(h.toSiteId) && !mine.has(h.fromSiteId);
}

export function shipmentSummary(ledger: Ledger, actor: Actor, number: string, calendar: WorkingCalendar, now: Date = ledger.now()): InboundListing {
  const h = requireVisible(ledger, actor, number);
  const s = summarize(ledger, [h], calendar, now)[0]!;
  return blindToActor(ledger, actor, h, s) ? blindInbound(s) : s;
}

export type ShipmentCard = { cardNo: string; batch: string | null; box: string | null; holderName: string | null; state: string; outstanding: boolean };

/** Null for the receiving side before its sign-in (blindToActor). */
export function shipmentDetail(ledger: Ledger, actor: Actor, number: string, calendar: WorkingCalendar, now: Date = ledger.now()): ShipmentCard[] | null {
  const h = requireVisible(ledger, actor, number);
  if (blindToActor(ledger, actor, h, summarize(ledger, [h], calendar, now)[0]!)) return null;
  return shipmentCards(ledger.db, h.id).map((c) => ({
    cardNo: c.cardNo,
    batch: c.batchCode,
    box: c.boxLabel,
    holderName: c.holderName,
    state: c.state,
    outstanding: c.outstanding,
  }));
}

/** The data of the paper hand-over sheet (交接单); formatting lives in src/domain/handover-sheet-format.ts. */
export function handoverSheet(ledger: Ledger, actor: Actor, number: string, calendar: WorkingCalendar, now: Date = ledger.now()): HandoverSheet {
  const h = requireVisible(ledger, actor, number);
  if (blindToActor(ledger, actor, h, summarize(ledger, [h], calendar, now)[0]!)) throw new SbkError('SHIPMENT_BLIND', { number: h.number });
  const list = shipmentCards(ledger.db, h.id);
  const sent = shipmentEventsOf(ledger.db, [h.id]).find((e) => e.type === 'sent');
  const tally = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].map(([k, count]) => ({ k, count }));
  };
  return {
    number: h.number,
    from: { code: h.fromCode, name: h.fromName },
    to: { code: h.toCode, name: h.toName },
    method: h.method,
    trackingNo: h.trackingNo,
    senderName: h.senderName,
    createdBy: h.createdByName,
    sentAt: sent?.at ?? null,
    createdAt: h.createdAt,
    batches: tally(list.map((c) => c.batchCode ?? '—')).map(({ k, count }) => ({ code: k, count })),
    boxes: tally(list.filter((c) => c.boxLabel).map((c) => boxKey(c.batchCode ?? '—', c.boxLabel!))).map(({ k, count }) => ({ key: k, count })),
    cards: list.map((c) => ({
      cardNo: c.cardNo,
      batch: c.batchCode ?? '—',
      box: c.boxLabel,
      holderName: c.holderName,
      kind: c.kind,
    })),
    note: h.note,
    ledgerHead: ledgerHeadOf(ledger.sqlite),
  };
}
