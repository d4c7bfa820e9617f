import { auditEvents } from './schema.ts';
import type { LedgerDb } from './open-ledger.ts';
import { dbNow } from './ledger-clock.ts';

export type AuditType =
  | 'ledger_created'
  | 'login'
  | 'login_failed'
  | 'locked'
  | 'unlocked'
  | 'pin_changed'
  | 'operator_added'
  | 'setting_changed'
  | 'holder_deceased'
  | 'site_added'
  | 'site_edited'
  | 'site_retired'
  | 'place_added'
  | 'place_retired'
  | 'holder_flag'
  | 'holder_unflag';

/** Operator actions outside card movements; `detail` never holds a PIN or a full ID number. */
export function logAudit(
  tx: LedgerDb,
  e: { type: AuditType; operatorId?: number | null; subjectOperatorId?: number | null; siteId?: number | null; detail?: string | null },
): void {
  tx.insert(auditEvents)
    .values({
      at: dbNow(tx),
      type: e.type,
      operatorId: e.operatorId ?? null,
      subjectOperatorId: e.subjectOperatorId ?? null,
      siteId: e.siteId ?? null,
      detail: e.detail ?? null,
    })
    .run();
}
