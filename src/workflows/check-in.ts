/**
 * Physical check-in of an imported batch (入库清点): the cards a maker's file made `expected` at
 * the operator's site are counted box by box (src/domain/check-in-session.ts); confirming moves
 * the counted ones into a storage place under a custodian, records damaged ones as `defective`
 * and leaves what is missing, or extra, as open discrepancies that only a supervisor closes.
 */
import { and, eq } from 'drizzle-orm';
import type { Ledger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { appendMovements, type MovementInput } from '../../db/append-movements.ts';
import { batches, boxes, cards } from '../../db/schema.ts';
import { isRetryOf, recordEmptyOperation } from '../../db/operations-repo.ts';
import { placesAt, subtreeIds } from '../../db/sites-repo.ts';
import { closeDiscrepancyRow, discrepancyById, insertDiscrepancy, listDiscrepancies } from '../../db/discrepancies-repo.ts';
import { existingCardNos } from '../../db/imports-repo.ts';
import type { CheckInResult, ExpectedCard } from '../domain/check-in-session.ts';
import { STATE_LABELS, type CardState } from '../domain/card-states.ts';
import { SbkError } from '../domain/errors.ts';
import { requireRole, type Actor } from './authenticate.ts';

/** Where counted cards can go at the operator's site (safes, cabinets, shelves; not hoppers). */
export function storagePlaces(ledger: Ledger, actor: Actor) {
  return placesAt(ledger.db, actor.siteId).filter((p) => p.kind !== 'hopper');
}

export type CheckInBatch = { code: string; kind: string; bank: string; expected: number };

/** Batches with cards waiting to be counted in at the operator's site. */
export function batchesAwaitingCheckIn(ledger: Ledger, actor: Actor): CheckInBatch[] {
  const rows = ledger.db
    .select({ code: batches.code, kind: batches.kind, bank: batches.bank, cardId: cards.id })
    .from(cards)
    .innerJoin(batches, eq(batches.id, cards.batchId))
    .where(and(eq(cards.siteId, actor.siteId), eq(cards.state, 'expected')))
    .all();
  const by = new Map<string, CheckInBatch>();
  for (const r of rows) {
    const b = by.get(r.code) ?? { code: r.code, kind: r.kind, bank: r.bank, expected: 0 };
    b.expected += 1;
    by.set(r.code, b);
  }
  return [...by.values()];
}

export function expectedCards(ledger: Ledger, actor: Actor, batchCode: string): ExpectedCard[] {
  const rows = ledger.db
    .select({ cardNo: cards.cardNo, box: boxes.label })
    .from(cards)
    .innerJoin(batches, eq(batches.id, cards.batchId))
    .leftJoin(boxes, eq(boxes.id, cards.boxId))
    .where(and(eq(batches.code, batchCode), eq(cards.siteId, actor.siteId), eq(cards.state, 'expected')))
    .all();
  if (rows.length === 0) {
    throw new SbkError('NOTHING_TO_CHECK_IN', `本网点没有批次 ${batchCode} 的待入库卡片。请先导入制卡数据文件。`, { batch: batchCode });
  }
  return rows.map((r) => ({ cardNo: r.cardNo, box: r.box ?? '-' }));
}

export type ConfirmInput = {
  /** Chosen when the session started: confirming twice (a retry after a lost reply) acts once. */
  operationId: string;
  batchCode: string;
  placeName?: string;
  custodian?: string;
  result: CheckInResult;
};

export type ConfirmSummary = { received: number; damaged: number; missing: number; extras: number; replayed: boolean };

export function confirmCheckIn(ledger: Ledger, actor: Actor, input: ConfirmInput): ConfirmSummary {
  const { result } = input;
  const places = placesAt(ledger.db, actor.siteId);
  const place = input.placeName ? places.find((p) => p.name === input.placeName) : places[0];
  if (!place) throw new SbkError('PLACE_NOT_FOUND', `本网点没有保管地点“${input.placeName ?? ''}”。`);
  const ref = { refKind: 'checkin', refId: input.operationId };
  const custodian = input.custodian?.trim() || actor.name;

  return writeTx(ledger, (tx) => {
    if (isRetryOf(tx, input.operationId, ['checkin'], actor.id)) {
      return { received: result.received.length, damaged: result.damaged.length, missing: result.missing.length, extras: result.extras.length, replayed: true };
    }
    const idOf = new Map(
      tx
        .select({ id: cards.id, cardNo: cards.cardNo, boxId: cards.boxId, kind: cards.kind })
        .from(cards)
        .innerJoin(batches, eq(batches.id, cards.batchId))
        .where(and(eq(batches.code, input.batchCode), eq(cards.siteId, actor.siteId), eq(cards.state, 'expected')))
        .all()
        .map((c) => [c.cardNo, c]),
    );
    // Only cards still waiting: a second session on the same batch, confirmed after the first,
    // must not record cards already in stock as missing.
    const card = (cardNo: string) => {
      const c = idOf.get(cardNo);
      if (!c) {
        throw new SbkError('CHECKIN_STALE', `卡 ${cardNo} 已不在本批待入库清单中（可能已由他人清点入库）。请重新开始清点此批次。`, { cardNo });
      }
      return c;
    };
    const moves: MovementInput[] = [
      ...result.received.map((cardNo) => ({
        cardId: card(cardNo).id,
        type: 'receive' as const,
        toPlaceId: place.id,
        counterpartRole: 'custodian' as const,
        counterpartName: custodian,
        method: '逐箱清点入库',
        ...ref,
      })),
      // HB Art. 16: a damaged finished card is never issued; a damaged blank is spoiled (GD Art. 36).
      ...result.damaged.map((d) => {
        const c = card(d.cardNo);
        return { cardId: c.id, type: c.kind === 'prefab' ? ('spoil' as const) : ('mark_defective' as const), reason: `到货损坏：${d.reason}`, ...ref };
      }),
    ];
    // Nothing counted still records the discrepancies; movements need at least one card.
    const operationId = input.operationId;
    if (moves.length > 0) appendMovements(tx, { id: operationId, kind: 'checkin', operatorId: actor.id }, moves);
    else recordEmptyOperation(tx, operationId, 'checkin', actor.id);
    const now = new Date().toISOString();
    for (const m of result.missing) {
      const c = card(m.cardNo);
      insertDiscrepancy(tx, { siteId: actor.siteId, kind: 'missing', cardId: c.id, cardNo: m.cardNo, boxId: c.boxId, note: `箱 ${m.box} 清点时缺少`, operationId, openedBy: actor.id, openedAt: now, ...ref });
    }
    for (const d of result.damaged) {
      const c = card(d.cardNo);
      insertDiscrepancy(tx, { siteId: actor.siteId, kind: 'damaged', cardId: c.id, cardNo: d.cardNo, boxId: c.boxId, note: d.reason, operationId, openedBy: actor.id, openedAt: now, ...ref });
    }
    const known = existingCardNos(tx, result.extras);
    for (const cardNo of result.extras) {
      const k = known.get(cardNo);
      insertDiscrepancy(tx, {
        siteId: actor.siteId,
        kind: 'extra',
        cardId: null,
        cardNo,
        boxId: null,
        note: k ? `不在本批清单中；台账记录在 ${k.siteName}（${STATE_LABELS[k.state as CardState] ?? k.state}）` : '不在本批清单中，台账中也没有此卡',
        operationId,
        openedBy: actor.id,
        openedAt: now,
        ...ref,
      });
    }
    return { received: result.received.length, damaged: result.damaged.length, missing: result.missing.length, extras: result.extras.length, replayed: false };
  });
}

export function openDiscrepancies(ledger: Ledger, actor: Actor, all = false) {
  return listDiscrepancies(ledger.db, subtreeIds(ledger.db, actor.siteId), !all);
}

/** Only a supervisor closes a discrepancy, and always with a reason (found, declared lost, …). */
export function closeDiscrepancy(ledger: Ledger, actor: Actor, id: number, reason: string): void {
  requireRole(actor, 'supervisor');
  if (!reason.trim()) throw new SbkError('REASON_REQUIRED', '关闭差异必须填写原因。');
  const d = discrepancyById(ledger.db, id);
  if (!d || !subtreeIds(ledger.db, actor.siteId).includes(d.siteId)) throw new SbkError('DISCREPANCY_NOT_FOUND', `没有编号为 ${id} 的差异记录。`);
  if (d.closed != null) throw new SbkError('DISCREPANCY_CLOSED', `差异 ${id} 已经关闭。`);
  writeTx(ledger, (tx) => closeDiscrepancyRow(tx, { discrepancyId: id, closedBy: actor.id, closedAt: new Date().toISOString(), reason: reason.trim() }));
}
