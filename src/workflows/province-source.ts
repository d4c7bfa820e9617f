/**
 * Where the province's reports come from (issue 21 item 4): the replica database, read with the
 * URL given (a read-only role: README, Province view), and its ledgers, one per city, chosen by
 * `--city` (the ledger's id or its start, its name, its root site's code or name).
 */
import { connectReplica, type Client } from '../../db/pg/connect.ts';
import { provinceLedgers, type ProvinceLedger } from '../../db/pg/province-queries.ts';
import { ruleProfile, type RuleProfile } from '../domain/rule-profiles.ts';
import { SbkError } from '../domain/errors.ts';

export type ProvinceCity = { ledgerId: string; city: string; rootSiteCode: string | null; profile: RuleProfile; warningDays: number };

function cityOf(l: ProvinceLedger): ProvinceCity {
  const warning = l.warningDays !== null && /^\d{1,3}$/.test(l.warningDays) ? Number(l.warningDays) : null;
  const profile = ruleProfile(l.profile ?? 'guangdong');
  return { ledgerId: l.id, city: l.name ?? l.rootSiteName ?? l.id, rootSiteCode: l.rootSiteCode, profile, warningDays: warning ?? profile.defaultWarningDays };
}

export function matchesCity(l: ProvinceLedger, city: string): boolean {
  const c = city.trim();
  return l.id === c || (c.length >= 8 && l.id.startsWith(c)) || l.name === c || l.rootSiteCode === c || l.rootSiteName === c;
}

/** Runs `fn` on one connection with the cities the filter names (all without one). */
export async function withProvince<T>(url: string, city: string | undefined, fn: (c: Client, cities: ProvinceCity[]) => Promise<T>): Promise<T> {
  const c = await connectReplica(url);
  try {
    // Reports only read: the whole report sees one snapshot of every city.
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // A report is a few index reads and a small aggregate: compiling it (JIT, on by default from
    // PostgreSQL 12 when a plan's cost estimate is high) took longer than running it (~0.2 s).
    await c.query('SET LOCAL jit = off');
    const all = await provinceLedgers(c);
    if (all.length === 0) throw new SbkError('PROVINCE_NO_LEDGERS');
    const chosen = city === undefined ? all : all.filter((l) => matchesCity(l, city));
    if (chosen.length === 0) throw new SbkError('PROVINCE_CITY_UNKNOWN', { city: city ?? '', known: all.map((l) => l.name ?? l.id) });
    const out = await fn(c, chosen.map(cityOf));
    await c.query('COMMIT');
    return out;
  } finally {
    await c.end().catch(() => undefined);
  }
}
