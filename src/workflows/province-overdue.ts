/**
 * `sbk province overdue` (issue 21 item 4): the cards due for recall in every city, counted as
 * each city's own overdue count counts them (src/workflows/recall.ts overdueCounts): the city's
 * rule profile (GD Art. 32 一(一)(三), GD Art. 15 一(三), HB Art. 17), its warning setting and the
 * working calendar. The cut-off instants come from the profile; the server counts cards per
 * city, site, state and China day since; each day is then judged once (assessOverdue).
 */
import type { Client } from '../../db/pg/connect.ts';
import { holderFlagRows, overdueDayCounts, siteLabels, specialHolderCards, type OverdueScope } from '../../db/pg/province-queries.ts';
import { assessOverdue, type HolderRecallFlag, type OverdueCategory } from '../domain/overdue.ts';
import { addCalendarDays, addCalendarMonths, type WorkingCalendar } from '../domain/calendar.ts';
import { isIsoDate } from '../domain/china-dates.ts';
import { SbkError } from '../domain/errors.ts';
import type { ProvinceCity } from './province-source.ts';

export type OverdueTally = { total: number; late: number; byCategory: Record<OverdueCategory, number> };
export type ProvinceOverdueSite = OverdueTally & { siteCode: string; siteName: string };
export type ProvinceOverdueCity = OverdueTally & { ledgerId: string; city: string; profile: string; sites: ProvinceOverdueSite[] };
export type ProvinceOverdue = OverdueTally & { asOf: string; cities: ProvinceOverdueCity[] };

const emptyTally = (): OverdueTally => ({ total: 0, late: 0, byCategory: { unclaimed: 0, sleeping: 0, deceased: 0, emigrated: 0, missing: 0, undeliverable: 0 } });

function addTo(t: OverdueTally, category: OverdueCategory, late: boolean, n: number): void {
  t.total += n;
  t.byCategory[category] += n;
  if (late) t.late += n;
}

/** The China midnight (as an ISO instant) before which a card may be overdue by asOf: a superset, judged exactly per day afterwards. */
function before(asOf: string, months: number, warningDays: number): string {
  const day = addCalendarMonths(addCalendarDays(asOf, warningDays + 3), -months);
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** A holder's active flag other than death, as db/issuance-queries.ts holderRecallFlags: the last row of each kind, the soonest kind. */
const FLAG_RANK: Readonly<Record<HolderRecallFlag['kind'], number>> = { emigrated: 0, missing: 1, undeliverable: 2 };

export async function provinceOverdue(c: Client, cities: readonly ProvinceCity[], calendar: WorkingCalendar, asOf: string): Promise<ProvinceOverdue> {
  if (!isIsoDate(asOf)) throw new SbkError('DATE_INVALID.custody', { date: asOf });
  const ids = cities.map((x) => x.ledgerId);
  const byId = new Map(cities.map((x) => [x.ledgerId, x]));
  const scopes: OverdueScope[] = cities.map((x) => ({
    ledgerId: x.ledgerId,
    stockBefore: before(asOf, x.profile.overdueMonths, x.warningDays),
    agentBefore: before(asOf, x.profile.sleepingMonths, x.warningDays),
    made: x.profile.sleepingFrom === 'made',
  }));
  const [days, special, flagRows, labels] = [
    await overdueDayCounts(c, scopes),
    await specialHolderCards(c, scopes),
    await holderFlagRows(c, ids),
    await siteLabels(c, ids),
  ];
  const last = new Map<string, { holderKey: string; kind: HolderRecallFlag['kind']; action: string; on: string | null }>();
  for (const f of flagRows) last.set(`${f.ledgerId}|${f.holderId}|${f.kind}`, { holderKey: `${f.ledgerId}|${f.holderId}`, kind: f.kind as HolderRecallFlag['kind'], action: f.action, on: f.on });
  const flags = new Map<string, HolderRecallFlag>();
  for (const f of last.values()) {
    if (f.action !== 'set' || f.on === null) continue;
    const had = flags.get(f.holderKey);
    if (!had || FLAG_RANK[f.kind] < FLAG_RANK[had.kind]) flags.set(f.holderKey, { kind: f.kind, on: f.on });
  }

  const siteName = new Map(labels.map((s) => [`${s.ledgerId}|${s.siteId}`, s]));
  const perCity = new Map<string, ProvinceOverdueCity>(cities.map((x) => [x.ledgerId, { ledgerId: x.ledgerId, city: x.city, profile: x.profile.code, ...emptyTally(), sites: [] }]));
  const perSite = new Map<string, ProvinceOverdueSite>();
  const judged = new Map<string, { category: OverdueCategory; late: boolean } | null>();
  const add = (ledgerId: string, siteId: number, state: string, day: string, deceasedOn: string | null, flag: HolderRecallFlag | null, n: number) => {
    const city = byId.get(ledgerId)!;
    // A judgment depends on the city's rules only (profile, warning days): cities that share them share it.
    const key = `${city.profile.code}|${city.warningDays}|${state}|${day}|${deceasedOn ?? ''}|${flag ? `${flag.kind}@${flag.on}` : ''}`;
    let j = judged.get(key);
    if (j === undefined) {
      const a = assessOverdue({ state, heldSince: day, holderDeceasedOn: deceasedOn, holderFlag: flag }, asOf, city.profile, calendar, city.warningDays);
      j = a && a.phase === 'overdue' ? { category: a.category, late: asOf > a.recallDueBy } : null;
      judged.set(key, j);
    }
    if (!j) return;
    addTo(perCity.get(ledgerId)!, j.category, j.late, n);
    const sk = `${ledgerId}|${siteId}`;
    let s = perSite.get(sk);
    if (!s) {
      const l = siteName.get(sk);
      perSite.set(sk, (s = { siteCode: l?.code ?? String(siteId), siteName: l?.name ?? '', ...emptyTally() }));
      perCity.get(ledgerId)!.sites.push(s);
    }
    addTo(s, j.category, j.late, n);
  };
  for (const d of days) add(d.ledgerId, d.siteId, d.state, d.day, null, null, d.n);
  for (const s of special) if (s.day !== null) add(s.ledgerId, s.siteId, s.state, s.day, s.deceasedAt, flags.get(`${s.ledgerId}|${s.holderId}`) ?? null, 1);

  const out: ProvinceOverdue = { asOf, ...emptyTally(), cities: [...perCity.values()] };
  for (const city of out.cities) {
    city.sites.sort((a, b) => a.siteCode.localeCompare(b.siteCode));
    out.total += city.total;
    out.late += city.late;
    for (const k of Object.keys(city.byCategory) as OverdueCategory[]) out.byCategory[k] += city.byCategory[k];
  }
  return out;
}
