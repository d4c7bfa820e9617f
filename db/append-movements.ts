/**
 * The only writer of movements. Inside the caller's IMMEDIATE transaction it checks each
 * movement against the state machine, links it into the hash chain and updates the card's
 * projection; any error aborts the whole operation, so nothing is half-written.
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { cards, holders, movements, operations, places } from './schema.ts';
import { createHash } from 'node:crypto';
import { GENESIS_HASH, identityString, movementHash } from './movement-hash.ts';
import { isDemoLedger } from './ledger-meta.ts';
import { nextState, type CardKind, type MovementType, type StateOrNone } from '../src/domain/card-states.ts';
import { SbkError } from '../src/domain/errors.ts';

export type OperationInput = {
  /** Chosen by the caller before submitting: the same id again returns the first result. */
  id: string;
  kind: string;
  operatorId: number;
  secondOperatorId?: number | null;
  /** Only demo ledgers may carry history in the past; a real ledger always records now. */
  at?: string;
};

export type MovementInput = {
  cardId: number;
  type: MovementType;
  /** Default: the card's current site. */
  toSiteId?: number;
  /** Default: the current place when the card stays at its site, none when it moves away. */
  toPlaceId?: number | null;
  counterpartRole?: 'signer' | 'receiver' | 'agent' | 'custodian' | 'sender' | null;
  counterpartName?: string | null;
  counterpartIdNumber?: string | null;
  method?: string | null;
  reason?: string | null;
  refKind?: string | null;
  refId?: string | null;
};

const MOVEMENT_FIELDS = [
  'id', 'operationId', 'cardId', 'type', 'fromState', 'toState', 'fromSiteId', 'fromPlaceId', 'toSiteId', 'toPlaceId',
  'operatorId', 'secondOperatorId', 'counterpartRole', 'counterpartName', 'counterpartIdNumber', 'method', 'reason',
  'refKind', 'refId', 'at', 'prevHash', 'hash',
] as const satisfies readonly (keyof typeof movements.$inferInsert)[];

export type AppendResult = { operationId: string; movementIds: number[]; replayed: boolean };

/** What appendMovements reads of a card; a caller that has just written the card may pass it. */
export type CardSnapshot = {
  id: number;
  kind: string;
  cardNo: string;
  state: string;
  siteId: number;
  placeId: number | null;
  identity: string;
  /** Set when the card row has not been brought up to date yet (see `deferProjection`). */
  pending?: { stateSince: string; lastMovementId: number; receivedAt: string | null; pickedUpAt: string | null };
};

/** The one statement that writes a card's projection (state, site, place) after its movements. */
function prepareProjectionUpdate(tx: LedgerDb) {
  return tx
    .update(cards)
    .set({
      state: sql.placeholder('state'),
      siteId: sql.placeholder('siteId'),
      placeId: sql.placeholder('placeId'),
      stateSince: sql.placeholder('stateSince'),
      lastMovementId: sql.placeholder('lastMovementId'),
      // Null: this write brings no newer receipt or pickup, the column keeps what it had.
      receivedAt: sql`coalesce(${sql.placeholder('receivedAt')}, ${cards.receivedAt})`,
      pickedUpAt: sql`coalesce(${sql.placeholder('pickedUpAt')}, ${cards.pickedUpAt})`,
    } as unknown as Partial<typeof cards.$inferInsert>)
    .where(eq(cards.id, sql.placeholder('id')))
    .prepare();
}

/** Writes the projection of cards whose update was deferred: one write per card, not per movement. */
export function flushProjections(tx: LedgerDb, known: Map<number, CardSnapshot>): void {
  const update = prepareProjectionUpdate(tx);
  for (const c of known.values()) {
    if (!c.pending) continue;
    update.run({ id: c.id, state: c.state, siteId: c.siteId, placeId: c.placeId, ...c.pending });
    delete c.pending;
  }
}

export function appendMovements(
  tx: LedgerDb,
  op: OperationInput,
  moves: readonly MovementInput[],
  /** Cards the caller wrote in this same transaction, as they are now: saves a read per card.
   *  Kept up to date here, so the caller can pass them on to its next operation. */
  known?: Map<number, CardSnapshot>,
  /** With `known`: leave the card rows to one flushProjections() call before the transaction
   *  ends (an import that registers and receives writes each card once instead of twice). */
  deferProjection = false,
): AppendResult {
  // Hashed move by move: one JSON string of a 100,000-card operation would cost tens of MB.
  const request = createHash('sha256').update(JSON.stringify([op.kind, op.operatorId, op.secondOperatorId ?? null]));
  for (const m of moves) request.update(JSON.stringify(m));
  const requestSha256 = request.digest('hex');
  const existing = tx.select().from(operations).where(eq(operations.id, op.id)).get();
  if (existing) {
    if (existing.requestSha256 !== requestSha256) {
      throw new SbkError('OPERATION_ID_REUSED', '同一操作编号已用于另一项不同的操作，未做任何更改。请重新发起操作。', {
        operationId: op.id,
      });
    }
    const ids = tx.select({ id: movements.id }).from(movements).where(eq(movements.operationId, op.id)).all();
    return { operationId: op.id, movementIds: ids.map((r) => r.id), replayed: true };
  }
  if (moves.length === 0) throw new SbkError('OPERATION_EMPTY', '没有要登记的卡片。');

  const head = tx.select({ id: movements.id, hash: movements.hash, at: movements.at }).from(movements).orderBy(desc(movements.id)).limit(1).get();
  const now = new Date().toISOString();
  let at = now;
  if (op.at !== undefined) {
    if (!isDemoLedger(tx)) {
      throw new SbkError('BACKDATING_REFUSED', '正式台账不能补记过去的时间，所有流转按当前时间记录。');
    }
    at = op.at;
  } else if (head && head.at > now) {
    // A real ledger's times only move forward; a clock set back would make the record lie.
    throw new SbkError('CLOCK_BEHIND', `本机时钟（${now}）早于台账最后一条记录（${head.at}），请校正系统时间后再操作。`);
  }

  tx.insert(operations)
    .values({ id: op.id, kind: op.kind, operatorId: op.operatorId, requestSha256, at, movementCount: moves.length })
    .run();

  // Prepared once per operation: a 100,000-card receipt runs these statements 100,000 times,
  // and building the SQL text each time cost more than SQLite's own work (bench row 1).
  const selectCard = tx
    .select({
      id: cards.id,
      kind: cards.kind,
      cardNo: cards.cardNo,
      state: cards.state,
      siteId: cards.siteId,
      placeId: cards.placeId,
      cardIdCode: cards.cardIdCode,
      bankCardNo: cards.bankCardNo,
      holderIdType: holders.idType,
      holderIdNumber: holders.idNumber,
      holderName: holders.name,
    })
    .from(cards)
    .leftJoin(holders, eq(holders.id, cards.holderId))
    .where(eq(cards.id, sql.placeholder('id')))
    .prepare();
  const read = (id: number): CardSnapshot | undefined => {
    const c = selectCard.get({ id });
    return c && { id: c.id, kind: c.kind, cardNo: c.cardNo, state: c.state, siteId: c.siteId, placeId: c.placeId, identity: identityString(c) };
  };
  const insertMovement = tx
    .insert(movements)
    .values(Object.fromEntries(MOVEMENT_FIELDS.map((f) => [f, sql.placeholder(f)])) as unknown as typeof movements.$inferInsert)
    .prepare();
  const updateCard = prepareProjectionUpdate(tx);
  const placeCache = new Map<number, { siteId: number; kind: string } | undefined>();
  const placeOf = (placeId: number) => {
    if (!placeCache.has(placeId)) placeCache.set(placeId, tx.select({ siteId: places.siteId, kind: places.kind }).from(places).where(eq(places.id, placeId)).get());
    return placeCache.get(placeId);
  };

  let prevHash = head?.hash ?? GENESIS_HASH;
  let nextId = (head?.id ?? 0) + 1;
  const ids: number[] = [];
  for (const m of moves) {
    const card = known?.get(m.cardId) ?? read(m.cardId);
    if (!card) throw new SbkError('CARD_NOT_FOUND', `台账中没有编号为 ${m.cardId} 的卡。`);
    const fromState = card.state as StateOrNone;
    const toState = nextState({
      kind: card.kind as CardKind,
      from: fromState,
      type: m.type,
      cardNo: card.cardNo,
      operatorId: op.operatorId,
      secondOperatorId: op.secondOperatorId ?? null,
      counterpartName: m.counterpartName ?? null,
      reason: m.reason ?? null,
    });
    const toSiteId = m.toSiteId ?? card.siteId;
    const staysHere = toSiteId === card.siteId && toState !== 'in_transit';
    const toPlaceId = m.toPlaceId !== undefined ? m.toPlaceId : staysHere ? card.placeId : null;
    // HB Art. 14 / GD Art. 12: a card in stock is always in a named storage place.
    if (toPlaceId == null && (toState === 'in_stock' || toState === 'loaded')) {
      throw new SbkError('PLACE_REQUIRED', `卡 ${card.cardNo} 入库须指定保管地点（保险柜、卡柜或卡盒）。`, { cardNo: card.cardNo });
    }
    if (toPlaceId != null) {
      const place = placeOf(toPlaceId);
      if (place?.siteId !== toSiteId) {
        throw new SbkError('PLACE_NOT_AT_SITE', '所选保管地点不属于该网点，请重新选择保管地点。', { toPlaceId, toSiteId });
      }
      // A hopper holds loaded blanks only; stock is never kept in a printer (GD Annex 9 二(二)).
      if ((toState === 'loaded') !== (place.kind === 'hopper') && (toState === 'loaded' || toState === 'in_stock')) {
        throw new SbkError('PLACE_KIND', toState === 'loaded' ? '预制卡只能装入制卡机卡盒。' : '卡盒不是保管地点：入库请选择保险柜、卡柜或货架。', { toPlaceId, toState });
      }
    }
    const row = {
      id: nextId,
      operationId: op.id,
      cardId: card.id,
      type: m.type,
      fromState,
      toState,
      fromSiteId: fromState === 'none' ? null : card.siteId,
      fromPlaceId: fromState === 'none' ? null : card.placeId,
      toSiteId,
      toPlaceId,
      operatorId: op.operatorId,
      secondOperatorId: op.secondOperatorId ?? null,
      counterpartRole: m.counterpartRole ?? null,
      counterpartName: m.counterpartName ?? null,
      counterpartIdNumber: m.counterpartIdNumber ?? null,
      method: m.method ?? null,
      reason: m.reason ?? null,
      refKind: m.refKind ?? null,
      refId: m.refId ?? null,
      at,
    };
    const hash = movementHash(prevHash, { ...row, cardNo: card.cardNo, identity: card.identity });
    insertMovement.run({ ...row, prevHash, hash });
    const snap = known?.get(card.id);
    const receivedAt = m.type === 'receive' || m.type === 'found' ? at : null;
    const pickedUpAt = m.type === 'agent_pickup' ? at : null;
    if (snap && deferProjection) {
      const before = snap.pending;
      Object.assign(snap, {
        state: toState,
        siteId: toSiteId,
        placeId: toPlaceId,
        pending: { stateSince: at, lastMovementId: nextId, receivedAt: receivedAt ?? before?.receivedAt ?? null, pickedUpAt: pickedUpAt ?? before?.pickedUpAt ?? null },
      });
    } else {
      updateCard.run({ id: card.id, state: toState, siteId: toSiteId, placeId: toPlaceId, stateSince: at, lastMovementId: nextId, receivedAt, pickedUpAt });
      if (snap) Object.assign(snap, { state: toState, siteId: toSiteId, placeId: toPlaceId });
    }
    ids.push(nextId);
    prevHash = hash;
    nextId += 1;
  }
  return { operationId: op.id, movementIds: ids, replayed: false };
}
