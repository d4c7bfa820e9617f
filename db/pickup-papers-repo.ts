/**
 * A batch pickup's paperwork (单位委托: unit, contact, authorisation period) and its per-holder
 * settlement (GD Art. 15; Annexes 3–4). Both tables are append-only; the sheet reads every card
 * the pickup ever took, whatever became of it since.
 */
import { sql, eq, inArray } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { pickupPapers, pickupSettlements } from './schema.ts';

export type NewPickupPapers = typeof pickupPapers.$inferInsert;
export type PickupPapersRow = typeof pickupPapers.$inferSelect;
export type NewPickupSettlement = typeof pickupSettlements.$inferInsert;

export function insertPickupPapers(tx: LedgerDb, row: NewPickupPapers): void {
  tx.insert(pickupPapers).values(row).run();
}

export function papersOfPickup(db: LedgerDb, ref: string): PickupPapersRow | undefined {
  return db.select().from(pickupPapers).where(eq(pickupPapers.pickupRef, ref)).get();
}

/** The papers of several pickups at once (the open-pickups list). */
export function papersOfPickups(db: LedgerDb, refs: readonly string[]): Map<string, PickupPapersRow> {
  if (refs.length === 0) return new Map();
  return new Map(db.select().from(pickupPapers).where(inArray(pickupPapers.pickupRef, [...refs])).all().map((r) => [r.pickupRef, r]));
}

export function insertSettlements(tx: LedgerDb, rows: readonly NewPickupSettlement[]): void {
  if (rows.length > 0) tx.insert(pickupSettlements).values([...rows]).run();
}

/**
 * The unit code of each card's holder's latest SBK2 application: absent from the map when the
 * holder has no application (nothing to check against), null when the application names no unit.
 */
export function applicationUnitsOfCards(db: LedgerDb, cardIds: readonly number[]): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (let i = 0; i < cardIds.length; i += 500) {
    const ids = sql.join(
      cardIds.slice(i, i + 500).map((id) => sql`${id}`),
      sql`, `,
    );
    const rows = db.all<{ cardId: number; unitCode: string | null }>(sql`
      SELECT c.id AS cardId, a.unit_code AS unitCode
      FROM cards c
      JOIN holders h ON h.id = c.holder_id
      JOIN applications a ON a.id = (SELECT max(x.id) FROM applications x WHERE x.id_number = h.id_number)
      WHERE c.id IN (${ids})`);
    for (const r of rows) out.set(r.cardId, r.unitCode);
  }
  return out;
}

export type PickupSheetRow = {
  cardId: number;
  cardNo: string;
  bank: string;
  siteId: number;
  holderName: string | null;
  holderIdNumber: string | null;
  /** The pickup movement: when, by whom, to which agent. */
  at: string;
  operatorName: string;
  agent: string | null;
  agentIdNumber: string | null;
  reason: string | null;
  /** The latest settlement line of the card in this pickup, if any. */
  outcome: 'holder_signed' | 'unit_signed' | 'not_received' | null;
  settledAt: string | null;
};

/** Every card the pickup took (its `agent_pickup` movements), in card-number order. */
export function pickupSheetRows(db: LedgerDb, ref: string): PickupSheetRow[] {
  return db.all<PickupSheetRow>(sql`
    SELECT c.id AS cardId, c.card_no AS cardNo, c.bank AS bank, m.to_site_id AS siteId,
      h.name AS holderName, h.id_number AS holderIdNumber,
      m.at AS at, o.name AS operatorName, m.counterpart_name AS agent, m.counterpart_id_number AS agentIdNumber, m.reason AS reason,
      (SELECT s.outcome FROM pickup_settlements s WHERE s.pickup_ref = ${ref} AND s.card_id = c.id ORDER BY s.id DESC LIMIT 1) AS outcome,
      (SELECT s.at FROM pickup_settlements s WHERE s.pickup_ref = ${ref} AND s.card_id = c.id ORDER BY s.id DESC LIMIT 1) AS settledAt
    FROM movements m
    JOIN cards c ON c.id = m.card_id
    JOIN operators o ON o.id = m.operator_id
    LEFT JOIN holders h ON h.id = c.holder_id
    WHERE m.type = 'agent_pickup' AND m.ref_kind = 'pickup' AND m.ref_id = ${ref}
    ORDER BY c.card_no`);
}
