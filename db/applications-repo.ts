/**
 * Batch application files and their applicants (GD Annex 6), and the contact attempts of HB
 * Art. 14. All three tables are append-only. Applicants link to cards at read time through the
 * holder's ID number, so the maker's file may come before or after the application file.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { applicationFiles, applications, contactAttempts } from './schema.ts';

export type NewApplicationFile = typeof applicationFiles.$inferInsert;
export type NewApplication = Omit<typeof applications.$inferInsert, 'fileId'>;

export function applicationFileBySha(db: LedgerDb, sha: string): { id: number; at: string; operatorId: number; rowCount: number } | undefined {
  return db
    .select({ id: applicationFiles.id, at: applicationFiles.at, operatorId: applicationFiles.operatorId, rowCount: applicationFiles.rowCount })
    .from(applicationFiles)
    .where(eq(applicationFiles.contentSha256, sha))
    .get();
}

/** Rows written this many at a time (SQLite's limit on bound parameters). */
const CHUNK = 200;

export function insertApplicationFile(tx: LedgerDb, file: NewApplicationFile, rows: readonly NewApplication[]): number {
  const { id } = tx.insert(applicationFiles).values(file).returning({ id: applicationFiles.id }).get();
  for (let i = 0; i < rows.length; i += CHUNK) {
    tx.insert(applications)
      .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, fileId: id })))
      .run();
  }
  return id;
}

/** The applicant's latest application (by ID number), with what the contact list needs. */
export type ApplicantContact = {
  formCode: string;
  mobile: string | null;
  phone: string;
  address: string | null;
  unitCode: string | null;
  unitName: string | null;
};

export type WaitingCard = {
  cardId: number;
  cardNo: string;
  receivedAt: string;
  siteId: number;
  holderName: string | null;
  idNumber: string | null;
  holderPhone: string | null;
  application: ApplicantContact | null;
  lastContactAt: string | null;
  lastChannel: 'phone' | 'sms' | 'unit' | null;
  contacts: number;
};

type WaitingRow = Omit<WaitingCard, 'application'> & { formCode: string | null } & Omit<ApplicantContact, 'formCode' | 'phone'> & { appPhone: string | null };

/** Finished cards in `state` (at the office, not issued) at the sites, with their applicant and contacts since receipt. */
export function waitingCards(db: LedgerDb, siteIds: readonly number[], state: string, cardNo?: string): WaitingCard[] {
  if (siteIds.length === 0) return [];
  const rows = db.all<WaitingRow>(sql`
    SELECT c.id AS cardId, c.card_no AS cardNo, c.received_at AS receivedAt, c.site_id AS siteId,
      h.name AS holderName, h.id_number AS idNumber, h.phone AS holderPhone,
      a.form_code AS formCode, a.mobile AS mobile, a.phone AS appPhone, a.address AS address,
      a.unit_code AS unitCode, a.unit_name AS unitName,
      (SELECT max(k.at) FROM contact_attempts k WHERE k.card_id = c.id AND k.at >= c.received_at) AS lastContactAt,
      (SELECT k.channel FROM contact_attempts k WHERE k.card_id = c.id AND k.at >= c.received_at ORDER BY k.at DESC, k.id DESC LIMIT 1) AS lastChannel,
      (SELECT count(*) FROM contact_attempts k WHERE k.card_id = c.id AND k.at >= c.received_at) AS contacts
    FROM cards c
    LEFT JOIN holders h ON h.id = c.holder_id
    LEFT JOIN applications a ON a.id = (SELECT max(x.id) FROM applications x WHERE x.id_number = h.id_number)
    WHERE c.kind = 'finished' AND c.state = ${state} AND c.received_at IS NOT NULL
      AND c.site_id IN (${sql.join(siteIds.map((id) => sql`${id}`), sql`, `)})
      ${cardNo === undefined ? sql`` : sql`AND c.card_no = ${cardNo}`}
    ORDER BY c.received_at, c.card_no`);
  return rows.map(({ formCode, mobile, appPhone, address, unitCode, unitName, ...r }) => ({
    ...r,
    application: formCode === null ? null : { formCode, mobile, phone: appPhone ?? '', address, unitCode, unitName },
  }));
}

/** Waiting cards received before `beforeIso` with no contact recorded since: the home alert's count, without building the list. */
export function countUncontactedBefore(db: LedgerDb, siteIds: readonly number[], state: string, beforeIso: string): number {
  if (siteIds.length === 0) return 0;
  const row = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM cards c
    WHERE c.kind = 'finished' AND c.state = ${state} AND c.received_at IS NOT NULL AND c.received_at < ${beforeIso}
      AND c.site_id IN (${sql.join(siteIds.map((id) => sql`${id}`), sql`, `)})
      AND NOT EXISTS (SELECT 1 FROM contact_attempts k WHERE k.card_id = c.id AND k.at >= c.received_at)`);
  return row?.n ?? 0;
}

export type NewContact = typeof contactAttempts.$inferInsert;

export function insertContact(tx: LedgerDb, c: NewContact): number {
  return tx.insert(contactAttempts).values(c).returning({ id: contactAttempts.id }).get().id;
}

export function contactsOfCard(db: LedgerDb, cardId: number): (typeof contactAttempts.$inferSelect)[] {
  return db.select().from(contactAttempts).where(and(eq(contactAttempts.cardId, cardId))).orderBy(asc(contactAttempts.at), asc(contactAttempts.id)).all();
}
