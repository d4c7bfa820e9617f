import { eq } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { settings } from './schema.ts';

export function getSetting(db: LedgerDb, key: string): string | undefined {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

export function putSetting(tx: LedgerDb, key: string, value: string, setBy: number, setAt: string): void {
  tx.insert(settings)
    .values({ key, value, setBy, setAt })
    .onConflictDoUpdate({ target: settings.key, set: { value, setBy, setAt } })
    .run();
}
