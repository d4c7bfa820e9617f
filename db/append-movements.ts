/**
 * The only writer of movements. Inside the caller's IMMEDIATE transaction it checks each
 * movement against the state machine, links it into the hash chain and updates the card's
 * projection; any error aborts the whole operation, so nothing is half-written.
 */
import { desc, eq } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { movements, operations, places } from './schema.ts';
import { createHash } from 'node:crypto';
import { GENESIS_HASH, identityString, movementHash, type HashedMovementContent } from './movement-hash.ts';
import { BULK_ROWS, insertMovementRows, selectCardRows, updateCardProjections, type CardRow } from './bulk-sql.ts';
import { isDemoLedger } from './ledger-meta.ts';
import { nextState, IN_STORAGE_STATES, stateAfter, statesAfter, type CardKind, type MovementType, type StateOrNone } from '../src/domain/card-states.ts';
import { SbkError } from '../src/domain/errors.ts';
import { endsRecall, recalledAfter } from '../src/domain/recall-marker.ts';
import { dbNow } from './ledger-clock.ts';

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

export type AppendResult = { operationId: string; movementIds: number[]; replayed: boolean };

/** What appendMovements reads of a card; a caller that has just written the card may pass it. */
export type CardSnapshot = Pick<CardRow, 'id' | 'kind' | 'cardNo' | 'state' | 'siteId' | 'placeId'> & {
  identity: string;
  /** Set when the card row has not been brought up to date yet (see `deferProjection`). */
  pending?: {
    stateSince: string;
    lastMovementId: number;
    receivedAt: string | null;
    pickedUpAt: string | null;
    /** A recall's time; '' when an issue ended the recall; null keeps what the row has. */
    recalledAt: string | null;
  };
};

/** Appends one movements row's values to `out`, in MOVEMENT_FIELDS (db/bulk-sql.ts) order. */
function pushMovement(out: unknown[], m: HashedMovementContent, cardId: number, prevHash: string, hash: string): void {
  out.push(
    m.id, m.operationId, cardId, m.type, m.fromState, m.toState, m.fromSiteId, m.fromPlaceId, m.toSiteId, m.toPlaceId,
    m.operatorId, m.secondOperatorId, m.counterpartRole, m.counterpartName, m.counterpartIdNumber, m.method, m.reason,
    m.refKind, m.refId, m.at, prevHash, hash,
  );
}

/** Brings the rows of these cards (each at most once) up to their snapshot. */
function writeProjections(tx: LedgerDb, list: Iterable<CardSnapshot>): void {
  const values: unknown[] = [];
  for (const c of list) {
    const p = c.pending!;
    values.push(c.id, c.state, c.siteId, c.placeId, p.stateSince, p.lastMovementId, p.receivedAt, p.pickedUpAt, p.recalledAt);
    // Not `delete`: that would turn 100,000 snapshot objects into slow dictionary objects.
    c.pending = undefined;
  }
  updateCardProjections(tx, values);
}

/** Writes the projection of cards whose update was deferred: one write per card, not per movement. */
export function flushProjections(tx: LedgerDb, known: Map<number, CardSnapshot>): void {
  writeProjections(
    tx,
    [...known.values()].filter((c) => c.pending),
  );
}

/** Reads these cards (at most BULK_ROWS distinct ones) into `into`; ids not in the ledger are left out. */
function readCards(tx: LedgerDb, ids: readonly number[], into: Map<number, CardSnapshot>): void {
  for (const c of selectCardRows(tx, [...new Set(ids)])) {
    into.set(c.id, { id: c.id, kind: c.kind, cardNo: c.cardNo, state: c.state, siteId: c.siteId, placeId: c.placeId, identity: identityString(c) });
  }
}

/** The newest movement: the chain goes on from its id and hash. */
export function chainHead(tx: LedgerDb): { id: number; hash: string; at: string } | undefined {
  return tx.select({ id: movements.id, hash: movements.hash, at: movements.at }).from(movements).orderBy(desc(movements.id)).limit(1).get();
}

function requestHash(op: OperationInput, moves: readonly MovementInput[]): string {
  // Hashed in pieces: one JSON string of a 100,000-card operation would cost tens of MB.
  const request = createHash('sha256').update(JSON.stringify([op.kind, op.operatorId, op.secondOperatorId ?? null]));
  let piece = '';
  for (const m of moves) {
    piece += JSON.stringify(m);
    if (piece.length >= 1 << 16) {
      request.update(piece);
      piece = '';
    }
  }
  return request.update(piece).digest('hex');
}

/** A place by id (cached for the operation): its site, and whether it is a hopper. */
type PlaceOf = (placeId: number) => { siteId: number; kind: string } | undefined;

/** What one call of appendMovements carries from move to move. */
type Chain = {
  readonly op: OperationInput;
  readonly at: string;
  readonly placeOf: PlaceOf;
  readonly ids: number[];
  prevHash: string;
  nextId: number;
};

/** The state a dispatch leaves a card in, per kind: a card on its way keeps no place. */
const DISPATCHED: ReadonlySet<string> = new Set(statesAfter('dispatch'));
/** States whose card lies in a named place (HB Art. 14). */
const PLACED: ReadonlySet<string> = new Set(IN_STORAGE_STATES);
/** The one of them whose place is a printer's hopper. */
const LOADED = stateAfter('load', 'prefab');

/**
 * The first answer again when this operation id was already used for the same request; an id
 * used for another request is refused; undefined for a new id.
 */
function answerRetry(tx: LedgerDb, op: OperationInput, requestSha256: string): AppendResult | undefined {
  const existing = tx.select().from(operations).where(eq(operations.id, op.id)).get();
  if (!existing) return undefined;
  if (existing.requestSha256 !== requestSha256) throw new SbkError('OPERATION_ID_REUSED.ledger', undefined, { operationId: op.id });
  const ids = tx.select({ id: movements.id }).from(movements).where(eq(movements.operationId, op.id)).all();
  return { operationId: op.id, movementIds: ids.map((r) => r.id), replayed: true };
}

/** The time the operation is recorded at: now, or a demo ledger's history time. */
function operationTime(tx: LedgerDb, op: OperationInput, now: string, head: { at: string } | undefined): string {
  if (op.at !== undefined) {
    if (!isDemoLedger(tx)) throw new SbkError('BACKDATING_REFUSED');
    return op.at;
  }
  // A real ledger's times only move forward; a clock set back would make the record lie.
  if (head && head.at > now) throw new SbkError('CLOCK_BEHIND', { now, last: head.at });
  return now;
}

/** Each place read once per operation: a file of cards received into one safe asks for it 100,000 times. */
function placeLookup(tx: LedgerDb): PlaceOf {
  const cache = new Map<number, { siteId: number; kind: string } | undefined>();
  return (placeId) => {
    if (!cache.has(placeId)) cache.set(placeId, tx.select({ siteId: places.siteId, kind: places.kind }).from(places).where(eq(places.id, placeId)).get());
    return cache.get(placeId);
  };
}

/** Where the card is put at its destination: the place asked for, or the one it keeps when it stays. */
function destinationPlace(card: CardSnapshot, m: MovementInput, toState: string, toSiteId: number, placeOf: PlaceOf): number | null {
  const staysHere = toSiteId === card.siteId && !DISPATCHED.has(toState);
  const toPlaceId = m.toPlaceId !== undefined ? m.toPlaceId : staysHere ? card.placeId : null;
  // HB Art. 14 / GD Art. 12: a card in stock is always in a named storage place.
  if (toPlaceId == null) {
    if (PLACED.has(toState)) throw new SbkError('PLACE_REQUIRED.stock', { cardNo: card.cardNo });
    return toPlaceId;
  }
  const place = placeOf(toPlaceId);
  if (place?.siteId !== toSiteId) throw new SbkError('PLACE_NOT_AT_SITE', undefined, { toPlaceId, toSiteId });
  // A hopper holds loaded blanks only; stock is never kept in a printer (GD Annex 9 二(二)).
  const loaded = toState === LOADED;
  if (PLACED.has(toState) && loaded !== (place.kind === 'hopper')) {
    throw new SbkError(loaded ? 'PLACE_KIND.hopper_only' : 'PLACE_KIND.not_storage', undefined, { toPlaceId, toState });
  }
  return toPlaceId;
}

/** What the movement's hash covers. */
function movementContent(chain: Chain, card: CardSnapshot, m: MovementInput, fromState: StateOrNone, to: Pick<CardSnapshot, 'state' | 'siteId' | 'placeId'>): HashedMovementContent {
  const { op } = chain;
  return {
    id: chain.nextId,
    operationId: op.id,
    cardNo: card.cardNo,
    identity: card.identity,
    type: m.type,
    fromState,
    toState: to.state,
    fromSiteId: fromState === 'none' ? null : card.siteId,
    fromPlaceId: fromState === 'none' ? null : card.placeId,
    toSiteId: to.siteId,
    toPlaceId: to.placeId,
    operatorId: op.operatorId,
    secondOperatorId: op.secondOperatorId ?? null,
    counterpartRole: m.counterpartRole ?? null,
    counterpartName: m.counterpartName ?? null,
    counterpartIdNumber: m.counterpartIdNumber ?? null,
    method: m.method ?? null,
    reason: m.reason ?? null,
    refKind: m.refKind ?? null,
    refId: m.refId ?? null,
    at: chain.at,
  };
}

/** Checks one move, appends its row's values to `rows` and brings the card's snapshot after it. */
function appendOne(chain: Chain, card: CardSnapshot, m: MovementInput, rows: unknown[]): void {
  const { op, at } = chain;
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
  const toPlaceId = destinationPlace(card, m, toState, toSiteId, chain.placeOf);
  const content = movementContent(chain, card, m, fromState, { state: toState, siteId: toSiteId, placeId: toPlaceId });
  const hash = movementHash(chain.prevHash, content);
  pushMovement(rows, content, card.id, chain.prevHash, hash);
  const before = card.pending;
  card.state = toState;
  card.siteId = toSiteId;
  card.placeId = toPlaceId;
  card.pending = {
    stateSince: at,
    lastMovementId: chain.nextId,
    receivedAt: m.type === 'receive' || m.type === 'found' ? at : (before?.receivedAt ?? null),
    pickedUpAt: m.type === 'agent_pickup' ? at : (before?.pickedUpAt ?? null),
    // null keeps the stored value, so an ended recall is written as '' (updateCardProjections).
    recalledAt: recalledAfter(m.type, at, before?.recalledAt || null) ?? (endsRecall(m.type) ? '' : null),
  };
  chain.ids.push(chain.nextId);
  chain.prevHash = hash;
  chain.nextId += 1;
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
  /** The current time, when the caller has already written it into rows of this operation
   *  (registerCards: into the new cards' rows). */
  now: string = dbNow(tx),
): AppendResult {
  const requestSha256 = requestHash(op, moves);
  const replayed = answerRetry(tx, op, requestSha256);
  if (replayed) return replayed;
  if (moves.length === 0) throw new SbkError('OPERATION_EMPTY');

  const head = chainHead(tx);
  const at = operationTime(tx, op, now, head);
  tx.insert(operations)
    .values({ id: op.id, kind: op.kind, operatorId: op.operatorId, requestSha256, at, movementCount: moves.length })
    .run();

  const chain: Chain = { op, at, placeOf: placeLookup(tx), ids: [], prevHash: head?.hash ?? GENESIS_HASH, nextId: (head?.id ?? 0) + 1 };
  // The moves are taken BULK_ROWS at a time: their cards read in one statement, their movements
  // inserted in one, and the rows of the cards they moved written in one (a card moved twice in a
  // window is written once). Cards read here are dropped after each window; a later move of one
  // reads the row just written.
  const read = new Map<number, CardSnapshot>();
  for (let w = 0; w < moves.length; w += BULK_ROWS) {
    const window = moves.slice(w, w + BULK_ROWS);
    readCards(
      tx,
      window.map((m) => m.cardId).filter((id) => !known?.has(id)),
      read,
    );
    const rows: unknown[] = [];
    const moved = new Map<number, CardSnapshot>();
    for (const m of window) {
      const card = known?.get(m.cardId) ?? read.get(m.cardId);
      if (!card) throw new SbkError('CARD_NOT_FOUND.ledger_id', { cardId: m.cardId });
      appendOne(chain, card, m, rows);
      if (!(deferProjection && known?.has(card.id))) moved.set(card.id, card);
    }
    insertMovementRows(tx, rows);
    writeProjections(tx, moved.values());
    read.clear();
  }
  return { operationId: op.id, movementIds: chain.ids, replayed: false };
}
