/**
 * `sbk province counts` (issue 21 item 4): which sites missed their daily count of prefab blanks
 * on which working days of a period. GD Art. 36 一(四): 预制卡为重要空白证件……每天盘点数量. The
 * rule is the one each city's count report applies (src/domain/count-coverage.ts): a bank is
 * due on every working day from the day the site first held one of its blanks, and a day is
 * covered by a closed count submitted that day.
 */
import type { Client } from '../../db/pg/connect.ts';
import { countsCovered, prefabBanksHeld, siteLabels } from '../../db/pg/province-queries.ts';
import { missedCountDays, type BankHeld } from '../domain/count-coverage.ts';
import { IN_STORAGE_STATES } from '../domain/card-states.ts';
import { todayInChina, type WorkingCalendar } from '../domain/calendar.ts';
import { isIsoDate } from '../domain/china-dates.ts';
import { SbkError } from '../domain/errors.ts';
import type { ProvinceCity } from './province-source.ts';

export type ProvinceMissedRow = { ledgerId: string; city: string; siteCode: string; siteName: string; date: string; banks: string[] };
export type ProvinceCountsCity = { ledgerId: string; city: string; sites: number; missedSiteDays: number };
export type ProvinceCounts = { from: string; to: string; missedSiteDays: number; cities: ProvinceCountsCity[]; rows: ProvinceMissedRow[] };

export async function provinceCounts(c: Client, cities: readonly ProvinceCity[], calendar: WorkingCalendar, period: { from: string; to: string }): Promise<ProvinceCounts> {
  for (const d of [period.from, period.to]) if (!isIsoDate(d)) throw new SbkError('DATE_INVALID.custody', { date: d });
  if (period.from > period.to) throw new SbkError('DATE_RANGE');
  const ids = cities.map((x) => x.ledgerId);
  const held = await prefabBanksHeld(c, ids, IN_STORAGE_STATES);
  const covered = new Set((await countsCovered(c, ids, period.from, period.to)).map((r) => `${r.ledgerId}|${r.siteId}|${r.day}|${r.bank}`));
  const labels = new Map((await siteLabels(c, ids)).map((s) => [`${s.ledgerId}|${s.siteId}`, s]));
  const bySite = new Map<string, { ledgerId: string; siteId: number; banks: BankHeld[] }>();
  for (const h of held) {
    const k = `${h.ledgerId}|${h.siteId}`;
    const e = bySite.get(k) ?? { ledgerId: h.ledgerId, siteId: h.siteId, banks: [] };
    e.banks.push({ bank: h.bank, since: todayInChina(new Date(h.since)) });
    bySite.set(k, e);
  }
  const name = new Map(cities.map((x) => [x.ledgerId, x.city]));
  const rows: ProvinceMissedRow[] = [];
  const perCity = new Map<string, ProvinceCountsCity>(cities.map((x) => [x.ledgerId, { ledgerId: x.ledgerId, city: x.city, sites: 0, missedSiteDays: 0 }]));
  for (const s of bySite.values()) {
    s.banks.sort((a, b) => a.bank.localeCompare(b.bank));
    perCity.get(s.ledgerId)!.sites += 1;
    const missed = missedCountDays({
      ...period,
      banks: s.banks,
      counted: (date, bank) => covered.has(`${s.ledgerId}|${s.siteId}|${date}|${bank}`),
      isWorkingDay: (d) => calendar.isWorkingDay(d),
    });
    const l = labels.get(`${s.ledgerId}|${s.siteId}`);
    for (const m of missed) rows.push({ ledgerId: s.ledgerId, city: name.get(s.ledgerId) ?? s.ledgerId, siteCode: l?.code ?? String(s.siteId), siteName: l?.name ?? '', date: m.date, banks: [...m.banks] });
    perCity.get(s.ledgerId)!.missedSiteDays += missed.length;
  }
  const order = new Map(cities.map((x, i) => [x.ledgerId, i]));
  rows.sort((a, b) => order.get(a.ledgerId)! - order.get(b.ledgerId)! || a.siteCode.localeCompare(b.siteCode) || a.date.localeCompare(b.date));
  const list = [...perCity.values()];
  return { ...period, missedSiteDays: list.reduce((a, x) => a + x.missedSiteDays, 0), cities: list, rows };
}
