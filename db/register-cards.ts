/**
 * Cards enter the ledger only through `register`: a card starts in the transient state `none`
 * and its first movement moves it to `expected` in the same transaction. (Its row is written
 * once, already as it stands after that movement; see registerCards.)
 */
import { and, eq, sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { batches, boxes, holders } from './schema.ts';
import { appendMovements, chainHead, flushProjections, type AppendResult, type CardSnapshot, type MovementInput, type OperationInput } from './append-movements.ts';
import { identityString } from './movement-hash.ts';
import { BULK_ROWS, insertCardRows } from './bulk-sql.ts';
import { SbkError } from '../src/domain/errors.ts';
import { ruleFor, type CardKind } from '../src/domain/card-states.ts';
import { dbNow } from './ledger-clock.ts';

export type NewHolder = { idType: string; idNumber: string; name: string; phone?: string | null };

export type NewCard = {
  kind: CardKind;
  cardNo: string;
  cardIdCode?: string | null;
  resetCode?: string | null;
  bankCardNo?: string | null;
  bank: string;
  maker: string;
  boxLabel?: string | null;
  boxPosition?: string | null;
  holder?: NewHolder | null;
  issueDate?: string | null;
  expiryDate?: string | null;
};

export type NewBatch = {
  code: string;
  kind: CardKind;
  bank: string;
  maker: string;
  cityCode?: string | null;
  declaredCount: number;
  importId?: number | null;
  createdAt?: string;
};

export function insertBatch(tx: LedgerDb, b: NewBatch): number {
  if (tx.select({ id: batches.id }).from(batches).where(eq(batches.code, b.code)).get()) {
    throw new SbkError('BATCH_EXISTS.register', { batch: b.code });
  }
  return tx
    .insert(batches)
    .values({ ...b, cityCode: b.cityCode ?? null, importId: b.importId ?? null, createdAt: b.createdAt ?? dbNow(tx) })
    .returning({ id: batches.id })
    .get().id;
}

/**
 * The holder's row, found by ID document or created. Its two statements are prepared once per
 * call of this function: registerCards keeps the returned function for a whole file, where
 * building and preparing them for each card cost more than SQLite's own work (bench/million-ledger).
 */
function holderUpserter(tx: LedgerDb): (h: NewHolder) => number {
  const find = tx
    .select({ id: holders.id })
    .from(holders)
    .where(and(eq(holders.idType, sql.placeholder('idType')), eq(holders.idNumber, sql.placeholder('idNumber'))))
    .prepare();
  const insert = tx
    .insert(holders)
    .values({ idType: sql.placeholder('idType'), idNumber: sql.placeholder('idNumber'), name: sql.placeholder('name'), phone: sql.placeholder('phone') } as unknown as typeof holders.$inferInsert)
    .returning({ id: holders.id })
    .prepare();
  return (h) => find.get({ idType: h.idType, idNumber: h.idNumber })?.id ?? insert.get({ idType: h.idType, idNumber: h.idNumber, name: h.name, phone: h.phone ?? null })!.id;
}

export function upsertHolder(tx: LedgerDb, h: NewHolder): number {
  return holderUpserter(tx)(h);
}

function boxId(tx: LedgerDb, batchId: number, label: string, cache: Map<string, number>): number {
  const cached = cache.get(label);
  if (cached) return cached;
  const found = tx.select({ id: boxes.id }).from(boxes).where(and(eq(boxes.batchId, batchId), eq(boxes.label, label))).get();
  const id = found?.id ?? tx.insert(boxes).values({ batchId, label }).returning({ id: boxes.id }).get().id;
  cache.set(label, id);
  return id;
}

/** The error for a card row the unique indexes refused, or undefined for any other failure. */
function duplicateError(e: unknown, cardNo: string): SbkError | undefined {
  // The unique index on card_no is the check: one lookup fewer per card on a large import.
  if (!(e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE')) return undefined;
  if (e.message.includes('card_id_code')) return new SbkError('CODE_IN_LEDGER.card_id_code', { cardNo });
  if (e.message.includes('bank_card_no')) return new SbkError('CODE_IN_LEDGER.bank_card_no', { cardNo });
  return new SbkError('CARD_EXISTS.register', { cardNo });
}

/**
 * A second movement for every card, appended as its own operation right after the registration
 * in the same transaction (an import that also receives the cards it registers).
 */
export type ThenMove = { op: OperationInput; move: Omit<MovementInput, 'cardId'> };

/** A card row's projection columns but for last_movement_id. */
type Projection = Pick<CardSnapshot, 'state' | 'siteId' | 'placeId'> & Omit<NonNullable<CardSnapshot['pending']>, 'lastMovementId'>;

/**
 * How a card row of `kind` stands once its movements are appended: registered (and moved on by
 * `then`). Worked out once per kind for the whole list.
 */
function expectedProjections(siteId: number, at: string, now: string, then: ThenMove | undefined): (kind: CardKind) => Projection {
  const byKind = new Map<string, Projection>();
  return (kind) => {
    let e = byKind.get(kind);
    if (e) return e;
    const registered = ruleFor(kind, 'register')?.to ?? 'none';
    if (!then) {
      e = { state: registered, siteId, placeId: null, stateSince: at, receivedAt: null, pickedUpAt: null, recalledAt: null };
    } else {
      const { type, toSiteId, toPlaceId } = then.move;
      const thenAt = then.op.at ?? now;
      e = {
        state: ruleFor(kind, type)?.to ?? registered,
        siteId: toSiteId ?? siteId,
        placeId: toPlaceId ?? null,
        stateSince: thenAt,
        receivedAt: type === 'receive' || type === 'found' ? thenAt : null,
        pickedUpAt: type === 'agent_pickup' ? thenAt : null,
        // A new card has no recall, and its first two movements never are one.
        recalledAt: null,
      };
    }
    byKind.set(kind, e);
    return e;
  };
}

/** What inserting the card rows of one list needs besides the rows. */
type CardWriter = {
  readonly tx: LedgerDb;
  readonly batchId: number | null;
  readonly expected: (kind: CardKind) => Projection;
  /** The last movement id of the list's first card; the i-th card's is this + i. */
  readonly lastMovementIdBase: number;
  readonly boxCache: Map<string, number>;
  holderOf?: (h: NewHolder) => number;
};

/** Appends the card row of the list's `index`-th card to `rows`, in CARD_FIELDS (db/bulk-sql.ts) order. */
function pushCardRow(rows: unknown[], w: CardWriter, c: NewCard, index: number): void {
  const e = w.expected(c.kind);
  rows.push(
    c.kind,
    c.cardNo,
    c.cardIdCode ?? null,
    c.resetCode ?? null,
    c.bankCardNo ?? null,
    c.bank,
    c.maker,
    w.batchId,
    c.boxLabel && w.batchId != null ? boxId(w.tx, w.batchId, c.boxLabel, w.boxCache) : null,
    c.boxPosition ?? null,
    c.holder ? (w.holderOf ??= holderUpserter(w.tx))(c.holder) : null,
    c.issueDate ?? null,
    c.expiryDate ?? null,
    e.state,
    e.siteId,
    e.placeId,
    e.stateSince,
    w.lastMovementIdBase + index,
    e.receivedAt,
    e.pickedUpAt,
  );
}

/** The new card before its first movement, which is what appendMovements checks. */
function unregistered(id: number, c: NewCard, siteId: number): CardSnapshot {
  const identity = identityString({
    cardNo: c.cardNo,
    kind: c.kind,
    cardIdCode: c.cardIdCode ?? null,
    bankCardNo: c.bankCardNo ?? null,
    holderIdType: c.holder?.idType ?? null,
    holderIdNumber: c.holder?.idNumber ?? null,
    holderName: c.holder?.name ?? null,
  });
  return { id, kind: c.kind, cardNo: c.cardNo, state: 'none', siteId, placeId: null, identity };
}

/** Inserts the cards BULK_ROWS at a time; returns their ids in list order and their snapshots in `known`. */
function insertCards(w: CardWriter, list: readonly NewCard[], siteId: number, known: Map<number, CardSnapshot>): number[] {
  const cardIds: number[] = [];
  for (let from = 0; from < list.length; from += BULK_ROWS) {
    const part = list.slice(from, from + BULK_ROWS);
    const rows: unknown[] = [];
    part.forEach((c, i) => pushCardRow(rows, w, c, from + i));
    const ids = insertCardRows(w.tx, rows, (e, i) => duplicateError(e, part[i]!.cardNo) ?? e);
    part.forEach((c, i) => {
      const id = ids[i]!;
      cardIds.push(id);
      known.set(id, unregistered(id, c, siteId));
    });
  }
  return cardIds;
}

/** Marks written every card whose movements left it as its row was inserted; the rest still need a write. */
function settleGuesses(cardIds: readonly number[], known: Map<number, CardSnapshot>, w: CardWriter): void {
  cardIds.forEach((id, i) => {
    const c = known.get(id)!;
    const p = c.pending;
    const e = w.expected(c.kind as CardKind);
    const asWritten =
      p && c.state === e.state && c.siteId === e.siteId && c.placeId === e.placeId && p.stateSince === e.stateSince &&
      p.lastMovementId === w.lastMovementIdBase + i && p.receivedAt === e.receivedAt && p.pickedUpAt === e.pickedUpAt && p.recalledAt === e.recalledAt;
    if (asWritten) c.pending = undefined;
  });
}

/** Creates the cards of one batch at `siteId` and registers them (state `expected`). */
export function registerCards(
  tx: LedgerDb,
  op: OperationInput,
  batchId: number | null,
  siteId: number,
  list: readonly NewCard[],
  ref: { refKind: string; refId: string },
  /** Leave the card rows for the caller's flushProjections() (it moves the cards on first). */
  deferProjection = false,
  then?: ThenMove,
): AppendResult & { cardIds: number[]; cards: Map<number, CardSnapshot>; then?: AppendResult } {
  const now = dbNow(tx);
  const at = op.at ?? now;
  // Each card row is inserted as it will stand after its movements, which appendMovements numbers
  // on from the chain's head in list order and records at `now`: one write per card instead of an
  // insert and an update (two with `then`). A card whose movements came out otherwise is written
  // again below, so a wrong guess costs time, never a wrong row.
  const firstMovementId = (chainHead(tx)?.id ?? 0) + 1;
  const writer: CardWriter = {
    tx,
    batchId,
    expected: expectedProjections(siteId, at, now, then),
    // The i-th card's last movement: its registration, or the one after it.
    lastMovementIdBase: firstMovementId + (then ? list.length : 0),
    boxCache: new Map(),
  };
  const known = new Map<number, CardSnapshot>();
  const cardIds = insertCards(writer, list, siteId, known);
  const res = appendMovements(
    tx,
    op,
    cardIds.map((cardId) => ({ cardId, type: 'register' as const, toSiteId: siteId, toPlaceId: null, ...ref })),
    known,
    true,
    now,
  );
  const thenRes = then && appendMovements(tx, then.op, cardIds.map((cardId) => ({ cardId, ...then.move })), known, true, now);
  settleGuesses(cardIds, known, writer);
  if (!deferProjection) flushProjections(tx, known);
  return { ...res, cardIds, cards: known, ...(thenRes && { then: thenRes }) };
}
