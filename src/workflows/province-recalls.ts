/**
 * `sbk province recalls` (issue 21 item 4): GD Art. 32 一(二) 分类统计 of recalls over the
 * province, by city, site and reason category, over a period of China dates (inclusive), as
 * each city's own statistics (src/workflows/recall.ts recallStatistics) count them.
 */
import type { Client } from '../../db/pg/connect.ts';
import { recallCounts, siteLabels } from '../../db/pg/province-queries.ts';
import { RECALL_REASONS, recallReasonOf, type RecallReasonCode } from '../domain/recall-reasons.ts';
import { isIsoDate } from '../domain/china-dates.ts';
import { SbkError } from '../domain/errors.ts';
import type { ProvinceCity } from './province-source.ts';

export type ProvinceRecallRow = { ledgerId: string; city: string; siteCode: string; siteName: string; code: RecallReasonCode; label: string; n: number };
export type ProvinceRecallCity = { ledgerId: string; city: string; total: number; byCategory: { code: RecallReasonCode; label: string; n: number }[] };
export type ProvinceRecalls = { from: string | null; to: string | null; total: number; cities: ProvinceRecallCity[]; rows: ProvinceRecallRow[] };

export async function provinceRecalls(c: Client, cities: readonly ProvinceCity[], period: { from?: string; to?: string }): Promise<ProvinceRecalls> {
  for (const d of [period.from, period.to]) if (d !== undefined && !isIsoDate(d)) throw new SbkError('DATE_INVALID.custody', { date: d });
  if (period.from && period.to && period.from > period.to) throw new SbkError('DATE_RANGE');
  const iso = (d: string, plusDay = false) => new Date(Date.parse(`${d}T00:00:00+08:00`) + (plusDay ? 86_400_000 : 0)).toISOString();
  const ids = cities.map((x) => x.ledgerId);
  const counts = await recallCounts(c, ids, period.from ? iso(period.from) : null, period.to ? iso(period.to, true) : null);
  const sites = new Map((await siteLabels(c, ids)).map((s) => [`${s.ledgerId}|${s.siteId}`, s]));
  const label = (code: RecallReasonCode) => RECALL_REASONS.find((r) => r.code === code)?.label ?? code;
  const rows = new Map<string, ProvinceRecallRow>();
  const name = new Map(cities.map((x) => [x.ledgerId, x.city]));
  for (const r of counts) {
    const code = recallReasonOf(r.reason ?? '');
    const s = sites.get(`${r.ledgerId}|${r.siteId}`);
    const k = `${r.ledgerId}|${r.siteId}|${code}`;
    const e = rows.get(k) ?? { ledgerId: r.ledgerId, city: name.get(r.ledgerId) ?? r.ledgerId, siteCode: s?.code ?? String(r.siteId), siteName: s?.name ?? '', code, label: label(code), n: 0 };
    e.n += r.n;
    rows.set(k, e);
  }
  const order = new Map(cities.map((x, i) => [x.ledgerId, i]));
  const list = [...rows.values()].sort((a, b) => order.get(a.ledgerId)! - order.get(b.ledgerId)! || a.siteCode.localeCompare(b.siteCode) || a.code.localeCompare(b.code));
  const perCity = cities.map((x): ProvinceRecallCity => {
    const mine = list.filter((r) => r.ledgerId === x.ledgerId);
    const byCat = new Map<RecallReasonCode, number>();
    for (const r of mine) byCat.set(r.code, (byCat.get(r.code) ?? 0) + r.n);
    return {
      ledgerId: x.ledgerId,
      city: x.city,
      total: mine.reduce((a, r) => a + r.n, 0),
      byCategory: RECALL_REASONS.filter((r) => byCat.has(r.code)).map((r) => ({ code: r.code, label: r.label, n: byCat.get(r.code)! })),
    };
  });
  return { from: period.from ?? null, to: period.to ?? null, total: perCity.reduce((a, x) => a + x.total, 0), cities: perCity, rows: list };
}
