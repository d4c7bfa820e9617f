/**
 * The movements the issuance ledger (发放管理台账, GD Art. 12 一(三), Art. 14 一(二)) lists: every
 * hand-over to a holder, an agent or a unit, and every card sent by mail or signed for at the
 * door, of a period at some sites, with the card's holder, the operator and the mailing.
 */
import { sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';

/** The movement types that put a card into someone's hands (or the post's). */
export const ISSUANCE_LEDGER_TYPES = ['issue', 'agent_pickup', 'mail', 'mail_delivered'] as const;
export type IssuanceLedgerType = (typeof ISSUANCE_LEDGER_TYPES)[number];

export type IssuanceMovementRow = {
  movementId: number;
  type: IssuanceLedgerType;
  at: string;
  cardNo: string;
  holderName: string | null;
  holderIdNumber: string | null;
  siteCode: string;
  siteName: string;
  operatorLogin: string;
  operatorName: string;
  counterpartRole: string | null;
  counterpartName: string | null;
  method: string | null;
  reason: string | null;
  refKind: string | null;
  refId: string | null;
  /** The mailing a `mail` or `mail_delivered` movement belongs to. */
  carrier: string | null;
  trackingNo: string | null;
  address: string | null;
  /** The SMS pick-up code or signature reference of a `mail_delivered`. */
  deliveryCode: string | null;
  /** For a pickup's settlement (an `issue` of ref_kind pickup): the agent who took the card. */
  pickupAgent: string | null;
  /** For a pickup's settlement: how the holder's line came back (pickup_settlements), if recorded. */
  settledAs: 'holder_signed' | 'unit_signed' | 'not_received' | null;
};

type Tuple = [number, IssuanceLedgerType, string, string, string | null, string | null, string, string, string, string, string | null, string | null, string | null, string | null, string | null, string | null, string | null, string | null, string | null, string | null, string | null, IssuanceMovementRow['settledAs']];

/** The issuance movements at `siteIds` with `fromIso <= at < toIso`, in ledger order. */
export function issuanceMovements(db: LedgerDb, siteIds: readonly number[], fromIso: string, toIso: string): IssuanceMovementRow[] {
  if (siteIds.length === 0) return [];
  const scope = sql.join(
    siteIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const types = sql.join(
    ISSUANCE_LEDGER_TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  const rows = db.values<Tuple>(
    sql`select m.id, m.type, m.at, c.card_no, h.name, h.id_number, s.code, s.name, o.login, o.name,
        m.counterpart_role, m.counterpart_name, m.method, m.reason, m.ref_kind, m.ref_id,
        coalesce(ms.carrier, md.carrier), coalesce(ms.tracking_no, md.tracking_no), coalesce(ms.address, md.address), mo.detail,
        case when m.type = 'issue' and m.ref_kind = 'pickup' then (select p.counterpart_name from movements p
          where p.card_id = m.card_id and p.type = 'agent_pickup' and p.ref_kind = 'pickup' and p.ref_id = m.ref_id order by p.id desc limit 1) end,
        (select ps.outcome from pickup_settlements ps where m.ref_kind = 'pickup' and ps.operation_id = m.operation_id and ps.card_id = m.card_id order by ps.id desc limit 1)
      from movements m
      join cards c on c.id = m.card_id
      join sites s on s.id = m.to_site_id
      join operators o on o.id = m.operator_id
      left join holders h on h.id = c.holder_id
      left join mail_deliveries ms on m.type = 'mail' and ms.operation_id = m.operation_id and ms.card_id = m.card_id
      left join mail_outcomes mo on m.type = 'mail_delivered' and mo.operation_id = m.operation_id
      left join mail_deliveries md on md.id = mo.delivery_id and md.card_id = m.card_id
      where m.type in (${types}) and m.to_site_id in (${scope}) and m.at >= ${fromIso} and m.at < ${toIso}
      order by m.id`,
  );
  return rows.map(
    ([movementId, type, at, cardNo, holderName, holderIdNumber, siteCode, siteName, operatorLogin, operatorName, counterpartRole, counterpartName, method, reason, refKind, refId, carrier, trackingNo, address, deliveryCode, pickupAgent, settledAs]) => ({
      movementId,
      type,
      at,
      cardNo,
      holderName,
      holderIdNumber,
      siteCode,
      siteName,
      operatorLogin,
      operatorName,
      counterpartRole,
      counterpartName,
      method,
      reason,
      refKind,
      refId,
      carrier,
      trackingNo,
      address,
      deliveryCode,
      pickupAgent,
      settledAs,
    }),
  );
}
