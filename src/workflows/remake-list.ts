/**
 * The re-make list (`sbk remake list`, the console's 重制清单): finished cards that failed the
 * read-check or were found damaged, wherever they are in the operator's subtree — still at an
 * office, on their way up (returning) or back at the city — with why and when they were marked,
 * and whether the holder already has a newer card. HB Art. 16: 读卡检测时如发现质量不合格…的卡，
 * 应重新制卡，严禁将质量不合格的卡发放给申领人.
 */
import type { Ledger } from '../../db/open-ledger.ts';
import { requireSite, subtreeIds } from '../../db/sites-repo.ts';
import { remakeCandidates } from '../../db/ways-back-queries.ts';
import { latestRemakeOrders } from '../../db/remake-orders-repo.ts';
import { SbkError } from '../domain/errors.ts';
import { maskIdNumber } from '../domain/mask.ts';
import { formatLocalTime } from '../domain/china-dates.ts';
import { spreadsheetCsv } from '../text/text-table.ts';
import { stateLabel, type StateOrNone } from '../domain/card-states.ts';
import { waysBackText } from '../i18n/workflows/ways-back.ts';
import type { Actor } from './authenticate.ts';

export type RemakeRow = {
  cardNo: string;
  holderName: string | null;
  holderIdMasked: string | null;
  state: string;
  stateLabel: string;
  site: { code: string; name: string };
  place: string | null;
  reason: string | null;
  /** China time the card was marked defective. */
  markedAt: string | null;
  /** The holder's newer card, when there is one: the re-make may already be done. */
  newerCardNo: string | null;
  /** China time the re-make was last ordered (`sbk remake order`, M on the console's list), and under which reference. */
  orderedAt: string | null;
  orderRef: string | null;
};

/** The operator's subtree, or the subtree of a site within it. */
export function remakeScope(ledger: Ledger, actor: Actor, siteCode?: string): number[] {
  const mine = subtreeIds(ledger.db, actor.siteId);
  if (!siteCode?.trim()) return mine;
  const s = requireSite(ledger.db, siteCode.trim());
  if (!mine.includes(s.id)) throw new SbkError('SITE_OUT_OF_SCOPE.custody', { site: siteCode.trim() });
  return subtreeIds(ledger.db, s.id);
}

/** The list; `pending`: only the cards whose re-make nobody has ordered yet. */
export function remakeList(ledger: Ledger, actor: Actor, filter: { siteCode?: string; pending?: boolean } = {}): RemakeRow[] {
  const candidates = remakeCandidates(ledger.db, remakeScope(ledger, actor, filter.siteCode));
  const orders = latestRemakeOrders(ledger.db, candidates.map((c) => c.id));
  const rows = candidates.map((c) => {
    const order = orders.get(c.id);
    return {
      cardNo: c.cardNo,
      holderName: c.holderName,
      // PIPL Art. 28; HB Art. 42: nobody needs the full ID number to re-make a card.
      holderIdMasked: c.holderIdNumber ? maskIdNumber(c.holderIdNumber) : null,
      state: c.state,
      stateLabel: stateLabel(c.state as StateOrNone),
      site: { code: c.siteCode, name: c.siteName },
      place: c.placeName,
      reason: c.reason,
      markedAt: c.markedAt ? formatLocalTime(c.markedAt) : null,
      newerCardNo: c.newerCardNo,
      orderedAt: order ? formatLocalTime(order.at) : null,
      orderRef: order?.ref ?? null,
    };
  });
  return filter.pending ? rows.filter((r) => r.orderedAt === null) : rows;
}

/** The list as CSV for a spreadsheet (masked IDs, as on screen), through the one CSV cell function. */
export function remakeCsv(rows: readonly RemakeRow[]): string {
  return spreadsheetCsv([
    [...waysBackText.remakeCsv],
    ...rows.map((r) => [r.cardNo, r.holderName ?? '', r.holderIdMasked ?? '', r.stateLabel, r.site.code, r.site.name, r.place ?? '', r.reason ?? '', r.markedAt ?? '', r.newerCardNo ?? '', r.orderedAt ?? '', r.orderRef ?? '']),
  ]);
}
