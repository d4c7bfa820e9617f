/**
 * Re-make orders (HB Art. 16: 应重新制卡): that the re-make of a defective card was ordered, and
 * the latest order of each card on the re-make list. Append-only.
 */
import { inArray } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { readInChunks } from './bulk-sql.ts';
import { remakeOrders } from './schema.ts';

export type NewRemakeOrder = Omit<typeof remakeOrders.$inferInsert, 'id'>;
export type RemakeOrderRow = typeof remakeOrders.$inferSelect;

export function insertRemakeOrders(tx: LedgerDb, rows: readonly NewRemakeOrder[]): void {
  if (rows.length > 0) tx.insert(remakeOrders).values([...rows]).run();
}

/** The latest order of each of these cards that has one. */
export function latestRemakeOrders(db: LedgerDb, cardIds: readonly number[]): Map<number, RemakeOrderRow> {
  const out = new Map<number, RemakeOrderRow>();
  const rows = readInChunks(cardIds, (part) => db.select().from(remakeOrders).where(inArray(remakeOrders.cardId, part)).all());
  for (const r of rows) if ((out.get(r.cardId)?.id ?? 0) < r.id) out.set(r.cardId, r);
  return out;
}
