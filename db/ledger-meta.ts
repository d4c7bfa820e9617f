import { eq } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { ledgerMeta } from './schema.ts';

export type MetaKey = 'root_site_code' | 'created_at' | 'is_demo' | 'rule_profile' | 'name';

export function getMeta(db: LedgerDb, key: MetaKey): string | undefined {
  return db.select().from(ledgerMeta).where(eq(ledgerMeta.key, key)).get()?.value;
}

export function setMeta(db: LedgerDb, key: MetaKey, value: string): void {
  db.insert(ledgerMeta).values({ key, value }).onConflictDoUpdate({ target: ledgerMeta.key, set: { value } }).run();
}

export function isDemoLedger(db: LedgerDb): boolean {
  return getMeta(db, 'is_demo') === '1';
}
