/**
 * Recalled cards wherever they are (cards.recalled_at, src/domain/recall-marker.ts): the city's
 * view of what its offices recalled and sent back (GD Art. 32 二), read through the partial index
 * cards_recalled_ix, which holds only them.
 */
import { sql } from 'drizzle-orm';
import type { LedgerDb } from './open-ledger.ts';
import { RECALL_OPEN_STATES } from '../src/domain/card-states.ts';
import { stateList } from './state-sql.ts';

export type RecalledCardRow = {
  cardNo: string;
  state: string;
  siteCode: string;
  siteName: string;
  placeName: string | null;
  holderName: string | null;
  holderIdNumber: string | null;
  recalledAt: string;
  /** The reason of the recall the card carries (its last recall, or the post's return: 邮寄信息错误). */
  reason: string | null;
};

/** The finished cards with an open recall at these sites, oldest recall first. */
export function recalledCards(db: LedgerDb, siteIds: readonly number[]): RecalledCardRow[] {
  if (siteIds.length === 0) return [];
  const scope = sql.join(
    siteIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = db.values<[string, string, string, string, string | null, string | null, string | null, string, string | null]>(
    sql`select c.card_no, c.state, s.code, s.name, p.name, h.name, h.id_number, c.recalled_at,
        (select m.reason from movements m where m.card_id = c.id and m.type in ('recall', 'mail_returned') order by m.id desc limit 1)
      from cards c indexed by cards_recalled_ix
      join sites s on s.id = c.site_id
      left join places p on p.id = c.place_id
      left join holders h on h.id = c.holder_id
      where c.recalled_at is not null and c.site_id in (${scope}) and c.kind = 'finished' and c.state in ${stateList(RECALL_OPEN_STATES)}
      order by c.recalled_at, c.card_no`,
  );
  return rows.map(([cardNo, state, siteCode, siteName, placeName, holderName, holderIdNumber, recalledAt, reason]) => ({
    cardNo,
    state,
    siteCode,
    siteName,
    placeName,
    holderName,
    holderIdNumber,
    recalledAt,
    reason,
  }));
}
