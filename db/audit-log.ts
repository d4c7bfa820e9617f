import { and, count, desc, eq, gt, inArray } from 'drizzle-orm';
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
  | 'holder_unflag'
  /** A second operator's PIN was about to be checked for `operatorId`'s action (counted first). */
  | 'approval_attempt'
  | 'approval_passed'
  | 'approval_failed'
  /** The ledger file's owner reset an account without a PIN (`sbk operator recover`). */
  | 'recovered'
  /** An applicant's phone number was shown in full (HB Art. 14 contact list; detail: the card number). */
  | 'contact_phone_shown'
  /** The contact list was exported with full phone numbers for an SMS gateway (detail: the count). */
  | 'contact_phones_exported';

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

/** How many `type` events `operatorId` caused after `since` (an ISO time, exclusive). */
export function countAuditEvents(db: LedgerDb, e: { type: AuditType; operatorId: number; since: string }): number {
  const row = db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.type, e.type), eq(auditEvents.operatorId, e.operatorId), gt(auditEvents.at, e.since)))
    .get();
  return row?.n ?? 0;
}

/** When the latest event of one of `types` about `subjectOperatorId` happened, or null. */
export function lastAuditAbout(db: LedgerDb, e: { types: readonly AuditType[]; subjectOperatorId: number }): string | null {
  const row = db
    .select({ at: auditEvents.at })
    .from(auditEvents)
    .where(and(inArray(auditEvents.type, [...e.types]), eq(auditEvents.subjectOperatorId, e.subjectOperatorId)))
    .orderBy(desc(auditEvents.at))
    .limit(1)
    .get();
  return row?.at ?? null;
}
