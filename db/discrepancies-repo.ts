import { and, asc, eq, isNull } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { boxes, discrepancies, discrepancyClosures, operators } from './schema.ts';

export type NewDiscrepancy = Omit<typeof discrepancies.$inferInsert, 'id'>;

export function insertDiscrepancy(tx: LedgerDb, d: NewDiscrepancy): number {
  return tx.insert(discrepancies).values(d).returning({ id: discrepancies.id }).get().id;
}

export function listDiscrepancies(db: LedgerDb, siteIds: readonly number[], openOnly: boolean) {
  const rows = db
    .select({
      id: discrepancies.id,
      siteId: discrepancies.siteId,
      kind: discrepancies.kind,
      cardNo: discrepancies.cardNo,
      box: boxes.label,
      refKind: discrepancies.refKind,
      refId: discrepancies.refId,
      note: discrepancies.note,
      openedAt: discrepancies.openedAt,
      openedBy: operators.name,
      closedAt: discrepancyClosures.closedAt,
      closeReason: discrepancyClosures.reason,
    })
    .from(discrepancies)
    .innerJoin(operators, eq(operators.id, discrepancies.openedBy))
    .leftJoin(boxes, eq(boxes.id, discrepancies.boxId))
    .leftJoin(discrepancyClosures, eq(discrepancyClosures.discrepancyId, discrepancies.id))
    .where(openOnly ? isNull(discrepancyClosures.discrepancyId) : undefined)
    .orderBy(asc(discrepancies.id))
    .all();
  const wanted = new Set(siteIds);
  return rows.filter((r) => wanted.has(r.siteId));
}

export function discrepancyById(db: LedgerDb, id: number) {
  return db
    .select({
      id: discrepancies.id,
      siteId: discrepancies.siteId,
      kind: discrepancies.kind,
      cardId: discrepancies.cardId,
      cardNo: discrepancies.cardNo,
      refKind: discrepancies.refKind,
      refId: discrepancies.refId,
      closed: discrepancyClosures.discrepancyId,
    })
    .from(discrepancies)
    .leftJoin(discrepancyClosures, eq(discrepancyClosures.discrepancyId, discrepancies.id))
    .where(and(eq(discrepancies.id, id)))
    .get();
}

export function closeDiscrepancyRow(tx: LedgerDb, c: typeof discrepancyClosures.$inferInsert): void {
  tx.insert(discrepancyClosures).values(c).run();
}
