/**
 * The province's reports as sheets (issue 21 item 4): one header and rows of text and numbers,
 * which the CLI prints as a text table or as CSV (src/text/text-table.ts). Aggregates only: no
 * holder, name or ID number appears in any of them.
 */
import { provinceText as t } from '../i18n/domain/province.ts';
import { stateLabel, type StateOrNone } from './card-states.ts';
import type { OverdueCategory } from './overdue.ts';

export type Sheet = { headers: string[]; numeric: boolean[]; rows: (string | number)[][]; summary: string };

const CATEGORIES: readonly OverdueCategory[] = ['unclaimed', 'sleeping', 'deceased', 'emigrated', 'missing', 'undeliverable'];

export type StockInput = { city: string; kind: string; state: string; n: number }[];

export function stockSheet(rows: StockInput, cities: number): Sheet {
  return {
    headers: [t.headers.city, t.headers.kind, t.headers.state, t.headers.cards],
    numeric: [false, false, false, true],
    rows: rows.map((r) => [r.city, t.kinds[r.kind] ?? r.kind, stateLabel(r.state as StateOrNone) ?? r.state, r.n]),
    summary: t.stockTotal({ cities, cards: rows.reduce((a, r) => a + r.n, 0) }),
  };
}

type Tally = { total: number; late: number; byCategory: Record<OverdueCategory, number> };
export type OverdueInput = Tally & { asOf: string; cities: (Tally & { city: string; sites: (Tally & { siteCode: string; siteName: string })[] })[] };

/**
 * One row per city, its sites below it, with the count per category; `compact` (a terminal's
 * 80 columns) leaves out the categories no city has.
 */
export function overdueSheet(r: OverdueInput, compact = false): Sheet {
  const cats = compact ? CATEGORIES.filter((k) => r.byCategory[k] > 0) : CATEGORIES;
  const line = (city: string, code: string, site: string, x: Tally): (string | number)[] => [city, code, site, x.total, x.late, ...cats.map((k) => x.byCategory[k])];
  const rows: (string | number)[][] = [];
  for (const c of r.cities) {
    rows.push(line(c.city, '', t.allSites, c));
    for (const s of c.sites) rows.push(line(c.city, s.siteCode, s.siteName, s));
  }
  return {
    headers: [t.headers.city, t.headers.siteCode, t.headers.site, t.headers.total, t.headers.late, ...cats.map((k) => t.categories[k])],
    numeric: [false, false, false, true, true, ...cats.map(() => true)],
    rows,
    summary: t.overdueTotal({ asOf: r.asOf, cities: r.cities.length, total: r.total, late: r.late }),
  };
}

export type RecallsInput = { from: string | null; to: string | null; total: number; cities: unknown[]; rows: { city: string; siteCode: string; siteName: string; label: string; n: number }[] };

export function recallsSheet(r: RecallsInput): Sheet {
  const period = r.from || r.to ? t.period({ from: r.from ?? '…', to: r.to ?? '…' }) : t.anyTime;
  return {
    headers: [t.headers.city, t.headers.siteCode, t.headers.site, t.headers.category, t.headers.recalls],
    numeric: [false, false, false, false, true],
    rows: r.rows.map((x) => [x.city, x.siteCode, x.siteName, x.label, x.n]),
    summary: t.recallsTotal({ period, cities: r.cities.length, total: r.total }),
  };
}

export type CountsInput = { from: string; to: string; missedSiteDays: number; cities: unknown[]; rows: { city: string; siteCode: string; siteName: string; date: string; banks: string[] }[] };

export function countsSheet(r: CountsInput): Sheet {
  return {
    headers: [t.headers.city, t.headers.siteCode, t.headers.site, t.headers.date, t.headers.banks],
    numeric: [false, false, false, false, false],
    rows: r.rows.map((x) => [x.city, x.siteCode, x.siteName, x.date, x.banks.join(' ')]),
    summary: t.countsTotal({ from: r.from, to: r.to, cities: r.cities.length, missed: r.missedSiteDays }),
  };
}
