/**
 * Sign-in (签收, GD Art. 12 “市中心接收 / 经办机构接收”): only the site a shipment is addressed to
 * signs for it. The operator counts blind (the screen shows the expected count only after the
 * count is submitted); counted cards go into a storage place under a named custodian, damaged
 * ones become `defective` (HB Art. 16: never issued), cards not on the list are recorded as
 * extra with where the ledger thinks they are. A sign-in may be partial; closing the shipment
 * turns what is still missing into open discrepancies. One transaction: all of it or none.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements, type MovementInput } from '../../db/append-movements.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { insertDiscrepancy } from '../../db/discrepancies-repo.ts';
import { existingCardNos } from '../../db/imports-repo.ts';
import { isRetryOf, recordEmptyOperation } from '../../db/operations-repo.ts';
import { insertShipmentEvent, shipmentByNumber, shipmentCards, shipmentCounts, shipmentEventsOf, type ShipmentCardRow, type ShipmentHeader } from '../../db/shipments-repo.ts';
import { acceptsSignIn, boxKey, METHOD_LABELS, shipmentStatus, STATUS_LABELS } from '../domain/shipment.ts';
import type { ExpectedCard } from '../domain/check-in-session.ts';
import { STATE_LABELS, type CardState } from '../domain/card-states.ts';
import { requireSiteOperator } from './operators.ts';
import { SbkError } from '../domain/errors.ts';
import type { Actor } from './authenticate.ts';
import { shipmentText } from '../i18n/workflows/shipments.ts';

function requireAddressedHere(db: Ledger['db'], actor: Actor, number: string): ShipmentHeader {
  const h = shipmentByNumber(db, number.trim());
  if (!h) throw new SbkError('SHIPMENT_NOT_FOUND.signIn', { number });
  if (h.toSiteId !== actor.siteId) {
    throw new SbkError('SHIPMENT_WRONG_SITE', { number: h.number, toName: h.toName, toCode: h.toCode, site: actor.siteName }, { number: h.number, to: h.toCode });
  }
  const ev = shipmentEventsOf(db, [h.id]);
  const status = shipmentStatus({
    sent: ev.some((e) => e.type === 'sent'),
    cancelled: ev.some((e) => e.type === 'cancelled'),
    closed: ev.some((e) => e.type === 'closed'),
    receipts: ev.filter((e) => e.type === 'receipt').length,
    outstanding: shipmentCounts(db, [h.id]).get(h.id)?.outstanding ?? 0,
  });
  if (!acceptsSignIn(status)) {
    throw new SbkError('SHIPMENT_NOT_OPEN', { number: h.number, statusLabel: STATUS_LABELS[status] }, { number: h.number, status });
  }
  return h;
}

export type SignInStart = { number: string; from: { code: string; name: string }; methodLabel: string; expected: ExpectedCard[] };

/**
 * The cards still to be signed for, keyed by box as `批次/箱号` (what the hand-over sheet prints).
 * The screen keeps the count hidden until the operator submits.
 */
export function startSignIn(ledger: Ledger, actor: Actor, number: string): SignInStart {
  const h = requireAddressedHere(ledger.db, actor, number);
  const expected = shipmentCards(ledger.db, h.id)
    .filter((c) => c.outstanding)
    .map((c) => ({ cardNo: c.cardNo, box: c.boxLabel ? boxKey(c.batchCode ?? '—', c.boxLabel) : '-' }));
  return { number: h.number, from: { code: h.fromCode, name: h.fromName }, methodLabel: METHOD_LABELS[h.method], expected };
}

export type SignInInput = {
  number: string;
  /** Chosen when the sign-in started: submitting twice (a retry after a lost reply) acts once. */
  operationId: string;
  received: readonly string[];
  damaged?: readonly { cardNo: string; reason: string }[];
  extras?: readonly string[];
  /** Close the shipment: what is still outstanding becomes `missing` discrepancies. */
  close: boolean;
  /** 签收人: who signs the paper sheet; an operator of the receiving site, by 工号 or name. */
  signer: string;
  /** 责任人: who answers for the cards in the storage place from now on (an operator of the site, by 工号 or name); the signer when not given. */
  custodian?: string | null;
  placeName?: string | null;
  /** The operator's count before the expected count was shown (blind count). */
  countedBlind?: number | null;
};

export type SignInSummary = {
  number: string;
  expected: number;
  received: number;
  damaged: number;
  extras: number;
  missing: number;
  /** Still on the way under this shipment after this sign-in (0 once closed or complete). */
  outstanding: number;
  closed: boolean;
  replayed: boolean;
};

/** Where signed-for cards go: the named storage place, or the site's first one. */
function signInPlace(db: Ledger['db'], actor: Actor, placeName: string | null | undefined) {
  const storage = placesAt(db, actor.siteId).filter((p) => p.kind !== 'hopper');
  const place = placeName ? storage.find((p) => p.name === placeName.trim()) : storage[0];
  if (!place) throw new SbkError('PLACE_NOT_FOUND.signIn', { name: placeName ?? '', available: storage.map((p) => p.name) });
  return place;
}

/** A sign-in submitted again under its operation id (a retry after a lost reply): what the first one did. */
function replayedSignIn(tx: Ledger['db'], existing: ShipmentHeader, operationId: string): SignInSummary {
  const ev = shipmentEventsOf(tx, [existing.id]);
  const first = ev.find((e) => e.type === 'receipt' && e.operationId === operationId);
  if (!first) throw new SbkError('OPERATION_ID_REUSED.signIn', undefined, { operationId });
  return {
    number: existing.number,
    expected: first.expectedCount ?? 0,
    received: first.received ?? 0,
    damaged: first.damaged ?? 0,
    extras: first.extras ?? 0,
    missing: first.missing ?? 0,
    outstanding: shipmentCounts(tx, [existing.id]).get(existing.id)?.outstanding ?? 0,
    closed: ev.some((e) => e.type === 'closed'),
    replayed: true,
  };
}

/** The shipment's cards still to be signed for, by number; `listed` refuses a card not among them. */
function openCardsOf(tx: Ledger['db'], h: ShipmentHeader): { open: Map<string, ShipmentCardRow>; listed: (cardNo: string) => ShipmentCardRow } {
  const open = new Map(
    shipmentCards(tx, h.id)
      .filter((c) => c.outstanding)
      .map((c) => [c.cardNo, c]),
  );
  const listed = (cardNo: string) => {
    const c = open.get(cardNo);
    if (!c) throw new SbkError('CARD_NOT_IN_SHIPMENT', { card: cardNo, number: h.number }, { cardNo, number: h.number });
    return c;
  };
  return { open, listed };
}

type SignInParts = {
  h: ShipmentHeader;
  listed: (cardNo: string) => ShipmentCardRow;
  placeId: number;
  signer: string;
  custodian: string;
  receivedNos: readonly string[];
  damaged: readonly { cardNo: string; reason: string }[];
};

/** Counted cards into the storage place; damaged ones defective (finished) or spoiled (blanks). */
function signInMoves(p: SignInParts): MovementInput[] {
  const damagedNos = new Set(p.damaged.map((d) => d.cardNo.trim()));
  const ref = { refKind: 'shipment', refId: p.h.number };
  return [
    ...p.receivedNos
      .filter((no) => !damagedNos.has(no))
      .map((no) => ({
        cardId: p.listed(no).cardId,
        type: 'receive' as const,
        toPlaceId: p.placeId,
        counterpartRole: 'custodian' as const,
        counterpartName: p.custodian,
        method: shipmentText.signIn.method({ signer: p.signer }),
        ...ref,
      })),
    // HB Art. 16: a damaged finished card is never issued; a damaged blank is spoiled (GD Art. 36).
    ...p.damaged.map((d) => {
      const c = p.listed(d.cardNo.trim());
      return {
        cardId: c.cardId,
        type: c.kind === 'prefab' ? ('spoil' as const) : ('mark_defective' as const),
        toPlaceId: p.placeId,
        reason: shipmentText.signIn.damagedReason({ reason: d.reason.trim() }),
        ...ref,
      };
    }),
  ];
}

type Base = { siteId: number; operationId: string; openedBy: number; openedAt: string; refKind: string; refId: string };

/** What the sign-in leaves open for the office: missing cards (on closing), damaged ones, extras. */
function recordDiscrepancies(tx: Ledger['db'], p: SignInParts, base: Base, missing: readonly ShipmentCardRow[], extras: readonly string[]): void {
  const number = p.h.number;
  for (const c of missing) {
    insertDiscrepancy(tx, { ...base, kind: 'missing', cardId: c.cardId, cardNo: c.cardNo, boxId: c.boxId, note: shipmentText.signIn.missingNote({ number, box: c.boxLabel }) });
  }
  for (const d of p.damaged) {
    const c = p.listed(d.cardNo.trim());
    insertDiscrepancy(tx, { ...base, kind: 'damaged', cardId: c.cardId, cardNo: c.cardNo, boxId: c.boxId, note: d.reason.trim() || shipmentText.signIn.damagedNote });
  }
  const whereNow = existingCardNos(tx, extras);
  for (const cardNo of extras) {
    const k = whereNow.get(cardNo);
    const note = k
      ? shipmentText.signIn.extraKnownNote({ number, site: k.siteName, state: STATE_LABELS[k.state as CardState] ?? k.state })
      : shipmentText.signIn.extraUnknownNote({ number });
    insertDiscrepancy(tx, { ...base, kind: 'extra', cardId: null, cardNo, boxId: null, note });
  }
}

export function signInShipment(ledger: Ledger, actor: Actor, input: SignInInput): SignInSummary {
  if (!input.signer.trim()) throw new SbkError('SIGNER_REQUIRED');
  // GD Art. 12: the signer and the custodian are people of the receiving site, by 工号 or name.
  const signer = requireSiteOperator(ledger.db, actor.siteId, input.signer, 'signer').name;
  const custodian = input.custodian?.trim() ? requireSiteOperator(ledger.db, actor.siteId, input.custodian, 'custodian').name : signer;
  const place = signInPlace(ledger.db, actor, input.placeName);
  return writeTx(ledger, (tx) => {
    const existing = shipmentByNumber(tx, input.number.trim());
    if (existing && isRetryOf(tx, input.operationId, ['sign_in'], actor.id)) return replayedSignIn(tx, existing, input.operationId);
    const h = requireAddressedHere(tx, actor, input.number);
    const { open, listed } = openCardsOf(tx, h);
    const damaged = input.damaged ?? [];
    const receivedNos = [...new Set(input.received.map((c) => c.trim()).filter(Boolean))];
    const parts: SignInParts = { h, listed, placeId: place.id, signer, custodian, receivedNos, damaged };
    const moves = signInMoves(parts);
    const handled = new Set([...receivedNos, ...damaged.map((d) => d.cardNo.trim())]);
    const missing = input.close ? [...open.values()].filter((c) => !handled.has(c.cardNo)) : [];
    const extras = [...new Set((input.extras ?? []).map((e) => e.trim()).filter((e) => e && !open.has(e)))];
    const operationId = input.operationId;
    if (moves.length > 0) appendMovements(tx, { id: operationId, kind: 'sign_in', operatorId: actor.id }, moves);
    else recordEmptyOperation(tx, operationId, 'sign_in', actor.id);

    const now = ledger.now().toISOString();
    recordDiscrepancies(tx, parts, { siteId: actor.siteId, operationId, openedBy: actor.id, openedAt: now, refKind: 'shipment', refId: h.number }, missing, extras);
    const counts = { expectedCount: open.size, received: moves.length - damaged.length, damaged: damaged.length, missing: missing.length, extras: extras.length };
    insertShipmentEvent(tx, {
      shipmentId: h.id,
      type: 'receipt',
      operationId,
      operatorId: actor.id,
      at: now,
      signerName: signer,
      custodianName: custodian,
      placeId: place.id,
      countedBlind: input.countedBlind ?? null,
      ...counts,
    });
    const outstanding = open.size - handled.size;
    const closed = input.close && outstanding > 0;
    if (closed) insertShipmentEvent(tx, { shipmentId: h.id, type: 'closed', operatorId: actor.id, at: now, note: shipmentText.signIn.closedNote({ missing: missing.length }) });
    return {
      number: h.number,
      expected: counts.expectedCount,
      received: counts.received,
      damaged: counts.damaged,
      extras: counts.extras,
      missing: counts.missing,
      outstanding: input.close ? 0 : outstanding,
      closed,
      replayed: false,
    };
  });
}
