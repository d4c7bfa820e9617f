/**
 * Issue 21 item 4 on a real PostgreSQL: `sbk province` over three copies of the demo ledger
 * (each its own ledger id and name, one under the Hubei profile), replicated. Every report's
 * figures equal the same figures computed on each local ledger (overdueCounts,
 * recallStatistics, the count report's missed days, cards per state); --city, --csv, --json;
 * no ID number in any output; the read-only province role cannot write; the overdue report reads
 * its candidates from the covering index db/pg/province-indexes.ts makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_PG_MESSAGE, pgBinaries, startPgServer, type PgServer } from '../helpers/pg-server.ts';
import { demoLedgerCopies } from '../helpers/demo-cli.ts';
import { runCli } from '../helpers/run-cli.ts';
import { closeLedger, openLedger } from '../../db/open-ledger.ts';
import { writeTx } from '../../db/write-tx.ts';
import { setMeta } from '../../db/ledger-meta.ts';
import { ledgerIdOf } from '../../db/replication-outbox.ts';
import { overdueDayCounts, provinceRoleSql } from '../../db/pg/province-queries.ts';
import { ensureProvinceIndexes } from '../../db/pg/province-indexes.ts';
import { overdueCounts, recallStatistics } from '../../src/workflows/recall.ts';
import { flagHolder, unflagHolder } from '../../src/workflows/holder-flags.ts';
import { reconciliationReport } from '../../src/workflows/stock-count.ts';
import { workingCalendar } from '../../src/workflows/calendar-source.ts';
import { addCalendarDays } from '../../src/domain/calendar.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { Ledger } from '../../db/open-ledger.ts';

const HAVE_PG = pgBinaries() !== null;
if (!HAVE_PG) console.warn(NO_PG_MESSAGE);

type City = { db: string; id: string; name: string };

function actorAt(l: Ledger, siteId: number): Actor {
  const s = l.sqlite.prepare('SELECT id, code, name FROM sites WHERE id = ?').get(siteId) as { id: number; code: string; name: string };
  const op = l.sqlite.prepare('SELECT id, login, name FROM operators ORDER BY id LIMIT 1').get() as { id: number; login: string; name: string };
  return { id: op.id, login: op.login, name: op.name, role: 'admin', siteId: s.id, siteCode: s.code, siteName: s.name };
}
function rootActor(l: Ledger): Actor {
  const root = l.sqlite.prepare("SELECT s.id FROM sites s JOIN ledger_meta m ON m.key = 'root_site_code' AND m.value = s.code").pluck().get() as number;
  return actorAt(l, root);
}
function withLocal<T>(db: string, fn: (l: Ledger) => T): T {
  const l = openLedger(db, { mustExist: true });
  try {
    return fn(l);
  } finally {
    closeLedger(l);
  }
}

/**
 * Holders of the oldest in-stock and agent-held cards flagged (dead, emigrated, missing,
 * undeliverable; one flag set then cleared): the report judges their cards one by one and
 * takes them out of the per-day counts, which the comparison with overdueCounts then covers.
 */
function flagSomeHolders(l: Ledger, i: number): void {
  const actor = rootActor(l);
  const on = addCalendarDays(todayInChina(new Date()), -40);
  const oldest = (state: string, n: number) =>
    l.sqlite
      .prepare(
        `SELECT DISTINCT h.id_number FROM cards c JOIN holders h ON h.id = c.holder_id
         WHERE c.kind = 'finished' AND c.state = ? AND c.recalled_at IS NULL AND h.id_number IS NOT NULL ORDER BY c.received_at, c.id LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(state, n, i * n) as string[];
  const stock = oldest('in_stock', 5);
  const agent = oldest('agent_held', 2);
  const kinds = ['deceased', 'emigrated', 'missing', 'undeliverable', 'emigrated'] as const;
  stock.forEach((idNumber, k) => flagHolder(l, actor, { idNumber, kind: kinds[k % kinds.length]!, on, source: 'test' }));
  if (stock[4]) unflagHolder(l, actor, { idNumber: stock[4], kind: 'emigrated', reason: 'test' });
  agent.forEach((idNumber, k) => flagHolder(l, actor, { idNumber, kind: k === 0 ? 'deceased' : 'missing', on, source: 'test' }));
  expect(stock.length + agent.length).toBeGreaterThan(0);
}

describe.skipIf(!HAVE_PG)('sbk province over the replica', () => {
  let server: PgServer;
  const demoCopy = demoLedgerCopies('sbk-prov-');
  const cities: City[] = [];
  const outputs: string[] = [];
  const province = (args: string[], url = server.url) => {
    const r = runCli(['province', ...args, '--from', url], { SBK_DB: undefined, SBK_OPERATOR: undefined, SBK_PIN: undefined });
    outputs.push(r.stdout, r.stderr);
    return r;
  };

  let dir = '';
  beforeAll(() => {
    server = startPgServer();
    // Our own folder: the helper's copies live for one test only.
    dir = mkdtempSync(join(tmpdir(), 'sbk-prov-cities-'));
    for (const [i, name] of ['city-a', 'city-b', 'city-c'].entries()) {
      const src = demoCopy();
      const db = join(dir, `${name}.db`);
      copyFileSync(src, db);
      copyFileSync(`${src}.key`, `${db}.key`);
      withLocal(db, (l) =>
        writeTx(l, (tx) => {
          setMeta(tx, 'name', name);
          if (i === 2) setMeta(tx, 'rule_profile', 'hubei');
        }),
      );
      withLocal(db, (l) => flagSomeHolders(l, i));
      const r = runCli(['replicate', '--to', server.url, '--db', db, '--once', '--json']);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      cities.push({ db, id: withLocal(db, (l) => ledgerIdOf(l.sqlite)!), name });
    }
  }, 120_000);
  afterAll(() => {
    server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('overdue: each city as its own overdueCounts, today and 200 days on; --city; --csv', () => {
    const today = todayInChina(new Date());
    for (const asOf of [today, addCalendarDays(today, 200)]) {
      const r = province(['overdue', '--as-of', asOf, '--json']);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      const got = r.json();
      expect(got.cities.map((c: { city: string }) => c.city).sort()).toEqual(['city-a', 'city-b', 'city-c']);
      let sum = 0;
      for (const city of cities) {
        const local = withLocal(city.db, (l) => overdueCounts(l, rootActor(l), workingCalendar(), { asOf }));
        const mine = got.cities.find((c: { ledgerId: string }) => c.ledgerId === city.id);
        expect({ total: mine.total, late: mine.late, byCategory: mine.byCategory }, `${city.name} ${asOf}`).toEqual(local);
        sum += local.total;
        // Per site as well: each site's own count.
        for (const s of mine.sites) {
          const siteLocal = withLocal(city.db, (l) => {
            const id = l.sqlite.prepare('SELECT id FROM sites WHERE code = ?').pluck().get(s.siteCode) as number;
            return overdueCounts(l, actorAt(l, id), workingCalendar(), { asOf, siteCode: s.siteCode });
          });
          expect(siteLocal.total).toBeGreaterThanOrEqual(s.total); // a site's subtree includes its children
        }
      }
      expect(got.total).toBe(sum);
      expect(sum).toBeGreaterThan(0);
      expect(got.byCategory.deceased, 'flagSomeHolders: cards judged one by one').toBeGreaterThan(0);
      if (asOf !== today) expect(got.late).toBeGreaterThan(0);
    }
    const one = province(['overdue', '--city', 'city-b', '--json']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.json().cities.map((c: { ledgerId: string }) => c.ledgerId)).toEqual([cities[1]!.id]);
    const byId = province(['overdue', '--city', cities[2]!.id.slice(0, 8), '--json']);
    expect(byId.json().cities.map((c: { city: string }) => c.city)).toEqual(['city-c']);
    const csv = province(['overdue', '--csv', '--as-of', addCalendarDays(today, 200)]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    expect(csv.stdout.split('\r\n').filter(Boolean).length).toBeGreaterThan(3);
    const text = province(['overdue']);
    expect(text.code, text.stderr).toBe(0);
    // 80 columns: with every category counted the city's name may be cut to its column's header width.
    expect(text.stdout).toMatch(/^cit/m);
    const unknown = province(['overdue', '--city', 'nowhere', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json().error.code).toBe('PROVINCE_CITY_UNKNOWN');
  });

  it('stock: cards per city, kind and state as each ledger holds them', () => {
    const r = province(['stock', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.json().rows as { ledgerId: string; kind: string; state: string; n: number }[];
    for (const city of cities) {
      const local = withLocal(city.db, (l) => l.sqlite.prepare('SELECT kind, state, count(*) AS n FROM cards GROUP BY 1, 2 ORDER BY 1, 2').all());
      const mine = rows.filter((x) => x.ledgerId === city.id).map(({ kind, state, n }) => ({ kind, state, n }));
      expect(mine).toEqual(local);
    }
    const csv = province(['stock', '--csv', '--city', 'city-a']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).not.toContain('city-b');
  });

  it('recalls: each city as its own recallStatistics, over a period and all time', () => {
    const today = todayInChina(new Date());
    const periods: { from?: string; to?: string }[] = [{}, { from: addCalendarDays(today, -30), to: today }];
    for (const period of periods) {
      const args = [...(period.from && period.to ? ['--start', period.from, '--end', period.to] : []), '--json'];
      const r = province(['recalls', ...args]);
      expect(r.code, r.stderr).toBe(0);
      const got = r.json();
      for (const city of cities) {
        const local = withLocal(city.db, (l) => recallStatistics(l, rootActor(l), period));
        const mine = got.cities.find((c: { ledgerId: string }) => c.ledgerId === city.id);
        expect({ total: mine.total, byCategory: mine.byCategory }).toEqual({ total: local.total, byCategory: local.byCategory });
        const bySite = got.rows.filter((x: { ledgerId: string }) => x.ledgerId === city.id).map((x: { siteCode: string; code: string; n: number }) => `${x.siteCode}|${x.code}|${x.n}`);
        expect(bySite.sort()).toEqual(local.bySite.map((x) => `${x.siteCode}|${x.code}|${x.n}`).sort());
      }
      if (!period.from) expect(got.total).toBeGreaterThan(0);
    }
  });

  it('counts: the missed daily counts are the count report’s, site by site', () => {
    const today = todayInChina(new Date());
    const period = { from: addCalendarDays(today, -20), to: addCalendarDays(today, -1) };
    const r = province(['counts', '--start', period.from, '--end', period.to, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const got = r.json();
    for (const city of cities) {
      const local = withLocal(city.db, (l) => {
        const out: string[] = [];
        for (const s of l.sqlite.prepare('SELECT id, code FROM sites').all() as { id: number; code: string }[]) {
          const rows = reconciliationReport(l, actorAt(l, s.id), workingCalendar(), period);
          const days = new Map<string, string[]>();
          for (const x of rows.filter((x) => x.warning !== null)) days.set(x.date, [...(days.get(x.date) ?? []), x.bank]);
          for (const [d, banks] of days) out.push(`${s.code}|${d}|${banks.sort().join(' ')}`);
        }
        return out.sort();
      });
      const mine = got.rows.filter((x: { ledgerId: string }) => x.ledgerId === city.id).map((x: { siteCode: string; date: string; banks: string[] }) => `${x.siteCode}|${x.date}|${[...x.banks].sort().join(' ')}`);
      expect(mine.sort(), city.name).toEqual(local);
    }
    expect(got.rows.length).toBeGreaterThan(0);
    const csv = province(['counts', '--csv']);
    expect(csv.code, csv.stderr).toBe(0);
  });

  it('overdue: its candidates come from the covering index the replicator made, index-only; the index tolerates an older mirror', async () => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      const ix = await admin.query("SELECT indexname FROM pg_indexes WHERE tablename = 'r_cards' AND indexname = 'r_cards_province_overdue_ix'");
      expect(ix.rowCount).toBe(1);
      await ensureProvinceIndexes(admin); // idempotent
      // The report's query matches the index's predicate: with sequential and bitmap scans off it is
      // read from the index alone (the demo's tables are small enough for a planner to prefer a scan).
      await admin.query('VACUUM (ANALYZE) r_cards');
      await admin.query('BEGIN');
      await admin.query('SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off');
      let plan = '';
      const explaining = {
        query: async (sql: string, params?: unknown[]) => {
          if (!sql.trimStart().startsWith('WITH')) return admin.query(sql, params);
          plan = (await admin.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).rows.map((x) => x['QUERY PLAN']).join('\n');
          return { rows: [] };
        },
      } as unknown as pg.Client;
      await overdueDayCounts(explaining, cities.map((c) => ({ ledgerId: c.id, stockBefore: '2026-06-01T00:00:00.000Z', agentBefore: '2026-06-01T00:00:00.000Z', made: false })));
      await admin.query('ROLLBACK');
      expect(plan, plan).toContain('Index Only Scan using r_cards_province_overdue_ix');
      expect(plan).not.toMatch(/Seq Scan on r_cards/);
      // A mirror of an older ledger (no recalled_at yet): no index and no error; made once the column comes.
      await admin.query('CREATE SCHEMA older; SET search_path = older; CREATE TABLE r_cards (_ledger text, kind text, state text, received_at text, site_id bigint, picked_up_at text, issue_date text)');
      const count = async () => Number((await admin.query("SELECT count(*) AS n FROM pg_indexes WHERE schemaname = 'older' AND indexname = 'r_cards_province_overdue_ix'")).rows[0].n);
      await ensureProvinceIndexes(admin);
      expect(await count()).toBe(0);
      await admin.query('ALTER TABLE r_cards ADD COLUMN recalled_at text');
      await ensureProvinceIndexes(admin);
      await ensureProvinceIndexes(admin);
      expect(await count()).toBe(1);
      await admin.query('DROP SCHEMA older CASCADE; RESET search_path');
    } finally {
      await admin.end();
    }
  });

  it('a read-only province role reads every report and cannot write; no output holds an ID number', async () => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(provinceRoleSql('sbk_province', 'sbk'));
    } finally {
      await admin.end();
    }
    const url = server.url.replace('postgres://sbk@', 'postgres://sbk_province@');
    for (const report of ['stock', 'overdue', 'recalls', 'counts']) {
      const r = province([report, '--json'], url);
      expect(r.code, r.stderr + r.stdout).toBe(0);
    }
    const ro = new pg.Client({ connectionString: url });
    await ro.connect();
    try {
      await expect(ro.query("UPDATE sbk_ledgers SET name = 'x'")).rejects.toThrow(/read-only|permission denied/);
      await expect(ro.query('BEGIN READ WRITE; DELETE FROM r_cards; COMMIT')).rejects.toThrow(/permission denied/);
      await ro.query('ROLLBACK').catch(() => undefined);
      await expect(ro.query('BEGIN READ WRITE; CREATE TABLE x (a int); COMMIT')).rejects.toThrow(/permission denied/);
    } finally {
      await ro.end();
    }
    // No full ID number anywhere: the demo's holders' numbers, and any 18-character ID shape.
    const ids = withLocal(cities[0]!.db, (l) => l.sqlite.prepare('SELECT id_number FROM holders WHERE id_number IS NOT NULL').pluck().all() as string[]);
    expect(ids.length).toBeGreaterThan(0);
    const all = outputs.join('\n');
    for (const id of ids) expect(all.includes(id)).toBe(false);
    expect(all).not.toMatch(/\b\d{17}[\dX]\b/);
  });
});
