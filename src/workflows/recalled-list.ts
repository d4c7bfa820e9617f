/**
 * The recalled cards wherever they are, and the city's 逾期且滞留 list (GD Art. 32 二: 市卡管机构
 * 经办人员在“逾期且滞留”栏目中对已回收且滞留超过6个月的成品卡进行清单查询，按照规定进行社保功能和
 * 银行账户的注销). A recall stays on the card through the shipment back (recall-marker.ts), so the
 * city sees its offices' recalled cards, and the second-issuance deadline (GD Art. 33 一(六):
 * 对已回收的社保卡应在6个月内进行二次发放) runs wherever the card lies. Stranded cards are the
 * ones the cancellation list (recall.ts cancellationList) names as past the window.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { recalledCards } from '../../db/recalled-queries.ts';
import { requireSite, subtreeIds } from '../../db/sites-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { isIsoDate, todayInChina } from '../domain/china-dates.ts';
import { addCalendarMonths } from '../domain/calendar.ts';
import { stateLabel, type StateOrNone } from '../domain/card-states.ts';
import type { Actor } from './authenticate.ts';
import { ledgerProfile } from './issue-card.ts';

export type RecalledRow = {
  cardNo: string;
  holderName: string | null;
  holderIdMasked: string | null;
  site: { code: string; name: string };
  place: string | null;
  state: string;
  stateLabel: string;
  recalledOn: string;
  reason: string | null;
  /** The last day of the second issuance (GD Art. 33 一(六)); null where the profile has none (HB Art. 17). */
  secondIssueBy: string | null;
  /** 逾期且滞留: recalled and not issued again within the window. */
  stranded: boolean;
};

export type RecalledFilter = { siteCode?: string; asOf?: string; strandedOnly?: boolean };

export function recalledList(ledger: Ledger, actor: Actor, filter: RecalledFilter = {}, now: Date = ledger.now()): RecalledRow[] {
  const asOf = filter.asOf ?? todayInChina(now);
  if (!isIsoDate(asOf)) throw new SbkError('DATE_INVALID.custody', { date: asOf });
  const mine = subtreeIds(ledger.db, actor.siteId);
  let scope = mine;
  if (filter.siteCode) {
    const s = requireSite(ledger.db, filter.siteCode);
    if (!mine.includes(s.id)) throw new SbkError('SITE_OUT_OF_SCOPE.custody', { site: filter.siteCode });
    scope = subtreeIds(ledger.db, s.id);
  }
  const months = ledgerProfile(ledger).secondIssueMonths;
  const rows: RecalledRow[] = [];
  for (const c of recalledCards(ledger.db, scope)) {
    const recalledOn = todayInChina(new Date(c.recalledAt));
    const secondIssueBy = months === null ? null : addCalendarMonths(recalledOn, months);
    // Without a second issuance (Hubei) a recalled card is for cancelling or sealing at once.
    const stranded = secondIssueBy === null || asOf > secondIssueBy;
    if (filter.strandedOnly && !stranded) continue;
    rows.push({
      cardNo: c.cardNo,
      holderName: c.holderName,
      holderIdMasked: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : null,
      site: { code: c.siteCode, name: c.siteName },
      place: c.placeName,
      state: c.state,
      stateLabel: stateLabel(c.state as StateOrNone),
      recalledOn,
      reason: c.reason,
      secondIssueBy,
      stranded,
    });
  }
  return rows;
}
