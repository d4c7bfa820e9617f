/**
 * The province overdue row of the bench (issue 21 item 6): `sbk province overdue`'s workflow over
 * every replicated city, 10 times, beside overdueCounts on the first city's own ledger once per
 * city; the totals must be equal. Shared by bench/replication.ts and bench/province-only.ts.
 */
import { loadavg } from 'node:os';
import type { Ledger } from '../db/open-ledger.ts';
import { operatorByLogin } from '../db/operators-repo.ts';
import { withProvince } from '../src/workflows/province-source.ts';
import { provinceOverdue } from '../src/workflows/province-overdue.ts';
import { overdueCounts } from '../src/workflows/recall.ts';
import { toActor } from '../src/workflows/authenticate.ts';
import { workingCalendar } from '../src/workflows/calendar-source.ts';
import { todayInChina } from '../src/domain/china-dates.ts';
import { fmtMs, nowMs, percentile } from './stats.ts';
import { MILLION_SUPERVISOR } from './million-ledger.ts';
import type { Row } from './table.ts';

const n = (x: number) => Math.round(x).toLocaleString('en');

export async function provinceOverdueRow(opts: { url: string; local: Ledger; cards: number; cities: number; cloned: boolean; runs?: number }): Promise<Row> {
  const calendar = workingCalendar();
  const asOf = todayInChina(new Date());
  const times: number[] = [];
  let total = 0;
  let cities = 0;
  const load = loadavg()[0]!;
  for (let k = 0; k < (opts.runs ?? 10); k++) {
    const s = nowMs();
    const r = await withProvince(opts.url, undefined, (c, cs) => provinceOverdue(c, cs, calendar, asOf));
    times.push(nowMs() - s);
    total = r.total;
    cities = r.cities.length;
  }
  const actor = toActor(opts.local, operatorByLogin(opts.local.db, MILLION_SUPERVISOR.login)!);
  const s = nowMs();
  let localTotal = 0;
  for (let i = 0; i < opts.cities; i++) localTotal += overdueCounts(opts.local, actor, calendar, { asOf }).total;
  const localMs = nowMs() - s;
  const p95 = percentile(times, 95);
  const ok = p95 < 1000 && total === localTotal && cities === opts.cities;
  return {
    what: `province overdue report, ${opts.cities} cities × ${n(opts.cards)} cards`,
    figure: `p95 ${fmtMs(p95)} (p50 ${fmtMs(percentile(times, 50))})`,
    comparison: `overdueCounts on each city's own ledger in turn: ${fmtMs(localMs)}`,
    goal: 'p95 < 1 s',
    status: ok ? 'pass' : 'FAIL',
    data: { p50: percentile(times, 50), p95, max: Math.max(...times), localMs, total, localTotal, cities, cloned: opts.cloned, loadAvg1: Number(load.toFixed(2)) },
    note:
      `${n(total)} overdue cards in the report over ${cities} cities (local: ${n(localTotal)}${total === localTotal ? ', equal' : ' — differ: a bug'}); the city supervisor's scope locally, every site on the server; ` +
      (opts.cloned
        ? `cities 2..${opts.cities} are clones of the first city's replicated rows under new ledger ids (INSERT … SELECT on the server, movements not cloned), not ${opts.cities - 1} more replications; `
        : '') +
      `load average ${load.toFixed(2)} at the start.`,
  };
}
