import { eq, inArray } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { batches, cards, imports, operators, sites } from './schema.ts';

export type ImportRow = typeof imports.$inferSelect;

/** A file imported before, found by its content hash, with who imported it. */
export function importByHash(db: LedgerDb, sha256: string) {
  return db
    .select({ id: imports.id, fileName: imports.fileName, at: imports.at, rowCount: imports.rowCount, operatorName: operators.name, siteName: sites.name })
    .from(imports)
    .innerJoin(operators, eq(operators.id, imports.operatorId))
    .innerJoin(sites, eq(sites.id, imports.siteId))
    .where(eq(imports.contentSha256, sha256))
    .get();
}

export function insertImport(tx: LedgerDb, row: Omit<ImportRow, 'id'>): number {
  return tx.insert(imports).values(row).returning({ id: imports.id }).get().id;
}

/** Which of these card numbers the ledger already holds, with where they are. */
export function existingCardNos(db: LedgerDb, cardNos: readonly string[]): Map<string, { state: string; siteName: string }> {
  const found = new Map<string, { state: string; siteName: string }>();
  // SQLite limits bound parameters per statement; 500 per query stays well inside it.
  for (let i = 0; i < cardNos.length; i += 500) {
    const chunk = cardNos.slice(i, i + 500);
    const rows = db
      .select({ cardNo: cards.cardNo, state: cards.state, siteName: sites.name })
      .from(cards)
      .innerJoin(sites, eq(sites.id, cards.siteId))
      .where(inArray(cards.cardNo, chunk))
      .all();
    for (const r of rows) found.set(r.cardNo, { state: r.state, siteName: r.siteName });
  }
  return found;
}

export function batchByCode(db: LedgerDb, code: string) {
  return db.select().from(batches).where(eq(batches.code, code)).get();
}

/** Card identification codes and bank card numbers the ledger already holds, with their card. */
export function existingIdentityCodes(
  db: LedgerDb,
  cardIdCodes: readonly string[],
  bankCardNos: readonly string[],
): { cardIdCodes: Map<string, string>; bankCardNos: Map<string, string> } {
  const out = { cardIdCodes: new Map<string, string>(), bankCardNos: new Map<string, string>() };
  for (let i = 0; i < cardIdCodes.length; i += 500) {
    const chunk = cardIdCodes.slice(i, i + 500);
    for (const r of db.select({ code: cards.cardIdCode, cardNo: cards.cardNo }).from(cards).where(inArray(cards.cardIdCode, chunk)).all()) {
      if (r.code) out.cardIdCodes.set(r.code, r.cardNo);
    }
  }
  for (let i = 0; i < bankCardNos.length; i += 500) {
    const chunk = bankCardNos.slice(i, i + 500);
    for (const r of db.select({ no: cards.bankCardNo, cardNo: cards.cardNo }).from(cards).where(inArray(cards.bankCardNo, chunk)).all()) {
      if (r.no) out.bankCardNos.set(r.no, r.cardNo);
    }
  }
  return out;
}
