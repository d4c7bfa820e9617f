/**
 * 邮递上门 (GD Art. 14; HB Art. 36): the mailings (mail_deliveries) and how they ended
 * (mail_outcomes), both append-only; the cards now in the post.
 */
import { sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { mailDeliveries, mailOutcomes } from './schema.ts';
import { MAILED_STATES } from '../src/domain/card-states.ts';
import { stateList } from './state-sql.ts';

export type MailDeliveryInsert = Omit<typeof mailDeliveries.$inferInsert, 'id'>;
export type MailOutcomeInsert = Omit<typeof mailOutcomes.$inferInsert, 'id'>;

export function insertMailDelivery(tx: LedgerDb, row: MailDeliveryInsert): void {
  tx.insert(mailDeliveries).values(row).run();
}

export function insertMailOutcome(tx: LedgerDb, row: MailOutcomeInsert): void {
  tx.insert(mailOutcomes).values(row).run();
}

export type OpenMailing = { id: number; recipient: string; address: string; carrier: string; trackingNo: string; at: string };

/** The card's mailing that has no outcome yet (the one it is out on), if any. */
export function openMailing(db: LedgerDb, cardId: number): OpenMailing | undefined {
  return db
    .values<[number, string, string, string, string, string]>(
      sql`select d.id, d.recipient, d.address, d.carrier, d.tracking_no, d.at from mail_deliveries d
        where d.card_id = ${cardId} and not exists (select 1 from mail_outcomes o where o.delivery_id = d.id)
        order by d.id desc limit 1`,
    )
    .map(([id, recipient, address, carrier, trackingNo, at]) => ({ id, recipient, address, carrier, trackingNo, at }))[0];
}

export type MailedCardRow = OpenMailing & {
  cardNo: string;
  siteCode: string;
  siteName: string;
  holderName: string | null;
  holderIdNumber: string | null;
  operatorName: string;
};

/** The cards in the post from these sites, with their open mailing, oldest mailing first. */
export function mailedCards(db: LedgerDb, siteIds: readonly number[]): MailedCardRow[] {
  if (siteIds.length === 0) return [];
  const scope = sql.join(
    siteIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return db
    .values<[string, string, string, string | null, string | null, number, string, string, string, string, string, string]>(
      sql`select c.card_no, s.code, s.name, h.name, h.id_number, d.id, d.recipient, d.address, d.carrier, d.tracking_no, d.at, o.name
        from cards c
        join sites s on s.id = c.site_id
        left join holders h on h.id = c.holder_id
        join mail_deliveries d on d.id = (select max(x.id) from mail_deliveries x where x.card_id = c.id)
        join operators o on o.id = d.operator_id
        where c.kind = 'finished' and c.state in ${stateList(MAILED_STATES)} and c.site_id in (${scope})
        order by d.at, c.card_no`,
    )
    .map(([cardNo, siteCode, siteName, holderName, holderIdNumber, id, recipient, address, carrier, trackingNo, at, operatorName]) => ({
      cardNo,
      siteCode,
      siteName,
      holderName,
      holderIdNumber,
      id,
      recipient,
      address,
      carrier,
      trackingNo,
      at,
      operatorName,
    }));
}
