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
import { insertShipmentEvent, shipmentByNumber, shipmentCards, shipmentCounts, shipmentEventsOf, type ShipmentHeader } from '../../db/shipments-repo.ts';
import { acceptsSignIn, boxKey, METHOD_LABELS, shipmentStatus, STATUS_LABELS } from '../domain/shipment.ts';
import type { ExpectedCard } from '../domain/check-in-session.ts';
import { STATE_LABELS, type CardState } from '../domain/card-states.ts';
import { SbkError } from '../domain/errors.ts';
import type { Actor } from './authenticate.ts';

function requireAddressedHere(db: Ledger['db'], actor: Actor, number: string): ShipmentHeader {
  const h = shipmentByNumber(db, number.trim());
  if (!h) throw new SbkError('SHIPMENT_NOT_FOUND', `没有交接单 ${number}。请核对交接单号。`, { number });
  if (h.toSiteId !== actor.siteId) {
    throw new SbkError('SHIPMENT_WRONG_SITE', `交接单 ${h.number} 发往 ${h.toName}（${h.toCode}），只能由该网点签收；本网点是 ${actor.siteName}。`, {
      number: h.number,
      to: h.toCode,
    });
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
    throw new SbkError('SHIPMENT_NOT_OPEN', `交接单 ${h.number} 当前为“${STATUS_LABELS[status]}”，不能签收。`, { number: h.number, status });
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
  /** 签收人: who signs the paper sheet. */
  signer: string;
  /** 责任人: who answers for the cards in the storage place from now on; the signer when not given. */
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

export function signInShipment(ledger: Ledger, actor: Actor, input: SignInInput): SignInSummary {
  const signer = input.signer.trim();
  if (!signer) throw new SbkError('SIGNER_REQUIRED', '签收必须登记签收人姓名（GD 第十二条）。');
  const custodian = input.custodian?.trim() || signer;
  const storage = placesAt(ledger.db, actor.siteId).filter((p) => p.kind !== 'hopper');
  const place = input.placeName ? storage.find((p) => p.name === input.placeName!.trim()) : storage[0];
  if (!place) {
    throw new SbkError('PLACE_NOT_FOUND', `本网点没有保管地点“${input.placeName ?? ''}”。可用的有：${storage.map((p) => p.name).join('、') || '无'}。`);
  }

  return writeTx(ledger, (tx) => {
    const existing = shipmentByNumber(tx, input.number.trim());
    if (existing && isRetryOf(tx, input.operationId, ['sign_in'], actor.id)) {
      const ev = shipmentEventsOf(tx, [existing.id]);
      const first = ev.find((e) => e.type === 'receipt' && e.operationId === input.operationId);
      if (!first) throw new SbkError('OPERATION_ID_REUSED', '同一操作编号已用于另一交接单的签收，未做任何更改。请重新发起签收。', { operationId: input.operationId });
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
    const h = requireAddressedHere(tx, actor, input.number);
    const open = new Map(
      shipmentCards(tx, h.id)
        .filter((c) => c.outstanding)
        .map((c) => [c.cardNo, c]),
    );
    const listed = (cardNo: string) => {
      const c = open.get(cardNo);
      if (!c) {
        throw new SbkError(
          'CARD_NOT_IN_SHIPMENT',
          `卡 ${cardNo} 不是交接单 ${h.number} 中待签收的卡（可能已签收，或不在此单中：不在单中的卡请作为“多出”登记）。`,
          { cardNo, number: h.number },
        );
      }
      return c;
    };
    const damaged = input.damaged ?? [];
    const receivedNos = [...new Set(input.received.map((c) => c.trim()).filter(Boolean))];
    const damagedNos = new Set(damaged.map((d) => d.cardNo.trim()));
    const ref = { refKind: 'shipment', refId: h.number };
    const moves: MovementInput[] = [
      ...receivedNos
        .filter((no) => !damagedNos.has(no))
        .map((no) => ({
          cardId: listed(no).cardId,
          type: 'receive' as const,
          toPlaceId: place.id,
          counterpartRole: 'custodian' as const,
          counterpartName: custodian,
          method: `逐级签收（签收人 ${signer}）`,
          ...ref,
        })),
      // HB Art. 16: a damaged finished card is never issued; a damaged blank is spoiled (GD Art. 36).
      ...damaged.map((d) => {
        const c = listed(d.cardNo.trim());
        return {
          cardId: c.cardId,
          type: c.kind === 'prefab' ? ('spoil' as const) : ('mark_defective' as const),
          toPlaceId: place.id,
          reason: `到货损坏：${d.reason.trim() || '未说明'}`,
          ...ref,
        };
      }),
    ];
    const handled = new Set([...receivedNos, ...damagedNos]);
    const missing = input.close ? [...open.values()].filter((c) => !handled.has(c.cardNo)) : [];
    const extras = [...new Set((input.extras ?? []).map((e) => e.trim()).filter((e) => e && !open.has(e)))];
    const operationId = input.operationId;
    if (moves.length > 0) appendMovements(tx, { id: operationId, kind: 'sign_in', operatorId: actor.id }, moves);
    else recordEmptyOperation(tx, operationId, 'sign_in', actor.id);

    const now = new Date().toISOString();
    const base = { siteId: actor.siteId, operationId, openedBy: actor.id, openedAt: now, ...ref } as const;
    for (const c of missing) {
      insertDiscrepancy(tx, { ...base, kind: 'missing', cardId: c.cardId, cardNo: c.cardNo, boxId: c.boxId, note: `交接单 ${h.number} 签收时缺少${c.boxLabel ? `（箱 ${c.boxLabel}）` : ''}` });
    }
    for (const d of damaged) {
      const c = listed(d.cardNo.trim());
      insertDiscrepancy(tx, { ...base, kind: 'damaged', cardId: c.cardId, cardNo: c.cardNo, boxId: c.boxId, note: d.reason.trim() || '到货损坏' });
    }
    const whereNow = existingCardNos(tx, extras);
    for (const cardNo of extras) {
      const k = whereNow.get(cardNo);
      insertDiscrepancy(tx, {
        ...base,
        kind: 'extra',
        cardId: null,
        cardNo,
        boxId: null,
        note: k ? `不在交接单 ${h.number} 中；台账记录在 ${k.siteName}（${STATE_LABELS[k.state as CardState] ?? k.state}）` : `不在交接单 ${h.number} 中，台账中也没有此卡`,
      });
    }
    const counts = {
      expectedCount: open.size,
      received: moves.length - damaged.length,
      damaged: damaged.length,
      missing: missing.length,
      extras: extras.length,
    };
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
    if (input.close && outstanding > 0) {
      insertShipmentEvent(tx, { shipmentId: h.id, type: 'closed', operatorId: actor.id, at: now, note: `签收结单，缺少 ${missing.length} 张` });
    }
    return {
      number: h.number,
      expected: counts.expectedCount,
      received: counts.received,
      damaged: counts.damaged,
      extras: counts.extras,
      missing: counts.missing,
      outstanding: input.close ? 0 : outstanding,
      closed: input.close && outstanding > 0,
      replayed: false,
    };
  });
}
