/**
 * Cards enter the ledger only through `register`: a card row is created in the transient state
 * `none` and its first movement moves it to `expected` in the same transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { batches, boxes, cards, holders } from './schema.ts';
import { appendMovements, type AppendResult, type CardSnapshot, type OperationInput } from './append-movements.ts';
import { identityString } from './movement-hash.ts';
import { SbkError } from '../src/domain/errors.ts';
import type { CardKind } from '../src/domain/card-states.ts';

const CARD_FIELDS = [
  'kind', 'cardNo', 'cardIdCode', 'resetCode', 'bankCardNo', 'bank', 'maker', 'batchId', 'boxId', 'boxPosition',
  'holderId', 'issueDate', 'expiryDate', 'state', 'siteId', 'placeId', 'stateSince', 'lastMovementId',
] as const satisfies readonly (keyof typeof cards.$inferInsert)[];

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
    throw new SbkError('BATCH_EXISTS', `制卡批次 ${b.code} 已在台账中，不能重复登记。`, { batch: b.code });
  }
  return tx
    .insert(batches)
    .values({ ...b, cityCode: b.cityCode ?? null, importId: b.importId ?? null, createdAt: b.createdAt ?? new Date().toISOString() })
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
): AppendResult & { cardIds: number[]; cards: Map<number, CardSnapshot> } {
  const boxCache = new Map<string, number>();
  const cardIds: number[] = [];
  const at = op.at ?? new Date().toISOString();
  // Prepared once per call (see append-movements.ts): an import runs these per card.
  const insertCard = tx
    .insert(cards)
    .values(Object.fromEntries(CARD_FIELDS.map((f) => [f, sql.placeholder(f)])) as unknown as typeof cards.$inferInsert)
    .returning({ id: cards.id })
    .prepare();
  const known = new Map<number, CardSnapshot>();
  let holderOf: ((h: NewHolder) => number) | undefined;
  for (const c of list) {
    const holderId = c.holder ? (holderOf ??= holderUpserter(tx))(c.holder) : null;
    const box = c.boxLabel && batchId != null ? boxId(tx, batchId, c.boxLabel, boxCache) : null;
    let row: { id: number } | undefined;
    try {
      row = insertCard.get({
      kind: c.kind,
      cardNo: c.cardNo,
      cardIdCode: c.cardIdCode ?? null,
      resetCode: c.resetCode ?? null,
      bankCardNo: c.bankCardNo ?? null,
      bank: c.bank,
      maker: c.maker,
      batchId,
      boxId: box,
      boxPosition: c.boxPosition ?? null,
      holderId,
      issueDate: c.issueDate ?? null,
      expiryDate: c.expiryDate ?? null,
      state: 'none',
      siteId,
      placeId: null,
      stateSince: at,
      lastMovementId: 0,
      });
    } catch (e) {
      // The unique index on card_no is the check: one lookup fewer per card on a large import.
      if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const what = e.message.includes('card_id_code') ? '卡识别码' : e.message.includes('bank_card_no') ? '银行卡号' : null;
        throw what
          ? new SbkError('CODE_IN_LEDGER', `卡 ${c.cardNo} 的${what}与台账中另一张卡相同，不能登记。请联系卡商核对。`, { cardNo: c.cardNo })
          : new SbkError('CARD_EXISTS', `卡号 ${c.cardNo} 已在台账中，不能重复登记。`, { cardNo: c.cardNo });
      }
      throw e;
    }
    cardIds.push(row!.id);
    const identity = identityString({
      cardNo: c.cardNo,
      kind: c.kind,
      cardIdCode: c.cardIdCode ?? null,
      bankCardNo: c.bankCardNo ?? null,
      holderIdType: c.holder?.idType ?? null,
      holderIdNumber: c.holder?.idNumber ?? null,
      holderName: c.holder?.name ?? null,
    });
    known.set(row!.id, { id: row!.id, kind: c.kind, cardNo: c.cardNo, state: 'none', siteId, placeId: null, identity });
  }
  const res = appendMovements(
    tx,
    op,
    cardIds.map((cardId) => ({ cardId, type: 'register' as const, toSiteId: siteId, toPlaceId: null, ...ref })),
    known,
    deferProjection,
  );
  return { ...res, cardIds, cards: known };
}
