/**
 * The province's reports over every replicated ledger (issue 21 item 4), read from the mirrors
 * (`r_<table>`, db/pg/mirror-tables.ts) with their typed columns. The rules stay in TypeScript
 * (src/workflows/province-*.ts): the server counts cards per ledger, site, state and China day,
 * so a report moves a few hundred rows whatever the number of cards. Read-only: every statement
 * here is a SELECT, so the province's role needs SELECT only (README: Province view).
 */
import type { PgConn } from './server-schema.ts';
import { RECALLABLE_STATES, stateAfter } from '../../src/domain/card-states.ts';

/** The state machine's states spelled as SQL literals (names of our own: no quoting needed). */
const IN_STOCK = `'${stateAfter('receive', 'finished')}'`;
const WITH_AGENT = `'${stateAfter('agent_pickup', 'finished')}'`;
const RECALLABLE = `(${RECALLABLE_STATES.map((s) => `'${s}'`).join(', ')})`;

export type ProvinceLedger = { id: string; name: string | null; rootSiteCode: string | null; rootSiteName: string | null; profile: string | null; warningDays: string | null };

/** A mirror that no ledger has created yet reads as empty rather than failing. */
async function hasMirror(c: PgConn, table: string): Promise<boolean> {
  const r = await c.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`r_${table}`]);
  return r.rows[0]?.t != null;
}

/** Every replicated ledger (a city), with what its reports need from its meta and settings. */
export async function provinceLedgers(c: PgConn): Promise<ProvinceLedger[]> {
  const ok = (await hasMirror(c, 'ledger_meta')) && (await hasMirror(c, 'settings')) && (await hasMirror(c, 'sites'));
  if (!ok) return [];
  const r = await c.query<{ id: string; name: string | null; root_site_code: string | null; root_site_name: string | null; profile: string | null; warning_days: string | null }>(
    `SELECT l.id, coalesce((SELECT m.value FROM r_ledger_meta m WHERE m._ledger = l.id AND m.key = 'name' LIMIT 1), l.name) AS name, l.root_site_code,
       (SELECT s.name FROM r_sites s WHERE s._ledger = l.id AND s.code = l.root_site_code LIMIT 1) AS root_site_name,
       (SELECT m.value FROM r_ledger_meta m WHERE m._ledger = l.id AND m.key = 'rule_profile' LIMIT 1) AS profile,
       (SELECT s.value FROM r_settings s WHERE s._ledger = l.id AND s.key = 'overdue-warning-days' LIMIT 1) AS warning_days
     FROM sbk_ledgers l ORDER BY l.name NULLS LAST, l.id`,
  );
  return r.rows.map((x) => ({ id: x.id, name: x.name, rootSiteCode: x.root_site_code, rootSiteName: x.root_site_name, profile: x.profile, warningDays: x.warning_days }));
}

export type SiteLabel = { ledgerId: string; siteId: number; code: string; name: string };

export async function siteLabels(c: PgConn, ledgerIds: readonly string[]): Promise<SiteLabel[]> {
  const r = await c.query<{ _ledger: string; id: string; code: string; name: string }>('SELECT _ledger, id, code, name FROM r_sites WHERE _ledger = ANY($1::text[])', [ledgerIds]);
  return r.rows.map((x) => ({ ledgerId: x._ledger, siteId: Number(x.id), code: x.code, name: x.name }));
}

export type StockCount = { ledgerId: string; kind: string; state: string; n: number };

/** Cards per ledger, kind and state (r_cards_rep0 and a sequential scan are both fine: one pass). */
export async function stockCounts(c: PgConn, ledgerIds: readonly string[]): Promise<StockCount[]> {
  if (!(await hasMirror(c, 'cards'))) return [];
  const r = await c.query<{ _ledger: string; kind: string; state: string; n: string }>(
    'SELECT _ledger, kind, state, count(*) AS n FROM r_cards WHERE _ledger = ANY($1::text[]) GROUP BY 1, 2, 3',
    [ledgerIds],
  );
  return r.rows.map((x) => ({ ledgerId: x._ledger, kind: x.kind, state: x.state, n: Number(x.n) }));
}

/** The China date (UTC+8, no daylight saving) of an ISO instant held as text. */
const chinaDay = (col: string): string => `to_char((${col})::timestamptz AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD')`;

/**
 * The day a recallable card's months count from, as db/issuance-queries.ts overdueCandidates
 * has it: receipt for a card in stock, the agent's pickup for one with an agent, or under a
 * 'made' profile (HB Art. 17: 制卡超过6个月) its making date when the maker's file gave one.
 */
const heldDay = `CASE WHEN c.state = ${IN_STOCK} THEN ${chinaDay('c.received_at')}
  WHEN p.made AND c.issue_date ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN c.issue_date
  ELSE ${chinaDay('c.picked_up_at')} END`;

/**
 * Holders whose cards are judged one by one: dead, or with any recall flag row (the rest are
 * counted by day). A relation of (ledger, holder), joined to their cards by r_cards (_ledger,
 * holder_id).
 */
const SPECIAL = `special AS (
  SELECT h._ledger, h.id AS holder_id FROM r_holders h JOIN p ON h._ledger = p.lid WHERE h.deceased_at IS NOT NULL
  UNION SELECT f._ledger, f.holder_id FROM r_holder_flags f JOIN p ON f._ledger = p.lid WHERE f.kind <> 'deceased')`;

export type OverdueScope = { ledgerId: string; stockBefore: string; agentBefore: string; made: boolean };
export type HeldDayCount = { ledgerId: string; siteId: number; state: string; day: string; n: number };

/** The agent branch's cut-off: the making date under a 'made' profile when the file gave one, else the pickup. */
const agentBefore = `(CASE WHEN p.made AND c.issue_date IS NOT NULL THEN c.issue_date < ${chinaDay('p.agent_before')} ELSE c.picked_up_at < p.agent_before END)`;

/**
 * Finished, recallable, not recalled cards of ordinary holders held since before the cut-off
 * instants (computed by the caller from the ledger's rule profile), counted per ledger, site,
 * state and the China day they count from.
 *
 * Per ledger (LATERAL: a nested loop over the few ledgers, never a scan of every card), two
 * ranges of r_cards_province_overdue_ix (db/pg/province-indexes.ts), read index-only: the
 * in-stock cards received before the cut-off, and the cards with an agent (few), tested on the
 * index's own columns; an OR of the two would read every card of the province. They are counted
 * by the instant they count from first, then by its China day (cards of one sign-in share their
 * instant: the text-to-day conversion, the costly part, is made once per instant, not per card).
 * The cards of dead or flagged holders (`special`, few) are counted the same way from the holder
 * index and subtracted: no anti-join of every candidate against the holders.
 */
export async function overdueDayCounts(c: PgConn, scopes: readonly OverdueScope[]): Promise<HeldDayCount[]> {
  if (scopes.length === 0 || !(await hasMirror(c, 'cards'))) return [];
  const r = await c.query<{ _ledger: string; site_id: string | null; state: string; day: string | null; n: string }>(
    `WITH p AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[]) AS p(lid, stock_before, agent_before, made)), ${SPECIAL},
     days AS (
       SELECT p.lid, c.site_id, c.state, ${heldDay} AS day, sum(c.n) AS n
       FROM p CROSS JOIN LATERAL (
         SELECT c.site_id, c.state, c.received_at, NULL::text AS picked_up_at, NULL::text AS issue_date, count(*) AS n FROM r_cards c
         WHERE c._ledger = p.lid AND c.state = ${IN_STOCK} AND c.received_at < p.stock_before AND c.kind = 'finished' AND c.recalled_at IS NULL
         GROUP BY 1, 2, 3
         UNION ALL
         SELECT c.site_id, c.state, NULL::text, c.picked_up_at, c.issue_date, count(*) FROM r_cards c
         WHERE c._ledger = p.lid AND c.state = ${WITH_AGENT} AND c.kind = 'finished' AND c.recalled_at IS NULL AND ${agentBefore}
         GROUP BY 1, 2, 4, 5) c
       GROUP BY 1, 2, 3, 4),
     gone AS (
       SELECT p.lid, c.site_id, c.state, ${heldDay} AS day, count(*) AS n
       FROM p JOIN special s ON s._ledger = p.lid JOIN r_cards c ON c._ledger = s._ledger AND c.holder_id = s.holder_id
       WHERE c.kind = 'finished' AND c.recalled_at IS NULL
         AND ((c.state = ${IN_STOCK} AND c.received_at < p.stock_before) OR (c.state = ${WITH_AGENT} AND ${agentBefore}))
       GROUP BY 1, 2, 3, 4)
     SELECT d.lid AS _ledger, d.site_id, d.state, d.day, d.n - coalesce(g.n, 0) AS n
     FROM days d LEFT JOIN gone g ON g.lid = d.lid AND g.site_id IS NOT DISTINCT FROM d.site_id AND g.state = d.state AND g.day IS NOT DISTINCT FROM d.day
     WHERE d.n > coalesce(g.n, 0)`,
    [scopes.map((s) => s.ledgerId), scopes.map((s) => s.stockBefore), scopes.map((s) => s.agentBefore), scopes.map((s) => s.made)],
  );
  return r.rows.filter((x) => x.day !== null).map((x) => ({ ledgerId: x._ledger, siteId: Number(x.site_id), state: x.state, day: x.day!, n: Number(x.n) }));
}

export type SpecialCard = { ledgerId: string; siteId: number; state: string; day: string | null; holderId: number; deceasedAt: string | null };

/** The recallable cards of dead or flagged holders (few), each with its holder. */
export async function specialHolderCards(c: PgConn, ledgers: readonly { ledgerId: string; made: boolean }[]): Promise<SpecialCard[]> {
  if (ledgers.length === 0 || !(await hasMirror(c, 'cards')) || !(await hasMirror(c, 'holder_flags'))) return [];
  const r = await c.query<{ _ledger: string; site_id: string; state: string; day: string | null; holder_id: string; deceased_at: string | null }>(
    `WITH p AS (SELECT * FROM unnest($1::text[], $2::bool[]) AS p(lid, made)), ${SPECIAL}
     SELECT c._ledger, c.site_id, c.state, ${heldDay} AS day, c.holder_id,
       (SELECT h.deceased_at FROM r_holders h WHERE h._ledger = c._ledger AND h.id = c.holder_id LIMIT 1) AS deceased_at
     FROM p JOIN special s ON s._ledger = p.lid JOIN r_cards c ON c._ledger = s._ledger AND c.holder_id = s.holder_id
     WHERE c.kind = 'finished' AND c.recalled_at IS NULL AND c.state IN ${RECALLABLE}`,
    [ledgers.map((l) => l.ledgerId), ledgers.map((l) => l.made)],
  );
  return r.rows.map((x) => ({ ledgerId: x._ledger, siteId: Number(x.site_id), state: x.state, day: x.day, holderId: Number(x.holder_id), deceasedAt: x.deceased_at }));
}

export type HolderFlagRow = { ledgerId: string; holderId: number; kind: string; action: string; on: string | null };

/** The holder flags other than death, in the order they were written (few: read whole). */
export async function holderFlagRows(c: PgConn, ledgerIds: readonly string[]): Promise<HolderFlagRow[]> {
  if (!(await hasMirror(c, 'holder_flags'))) return [];
  const r = await c.query<{ _ledger: string; holder_id: string; kind: string; action: string; on: string | null }>(
    `SELECT _ledger, holder_id, kind, action, "on" FROM r_holder_flags WHERE _ledger = ANY($1::text[]) AND kind <> 'deceased' ORDER BY _ledger, id`,
    [ledgerIds],
  );
  return r.rows.map((x) => ({ ledgerId: x._ledger, holderId: Number(x.holder_id), kind: x.kind, action: x.action, on: x.on }));
}

export type RecallCount = { ledgerId: string; siteId: number; reason: string | null; n: number };

/**
 * Recall movements (and mail returns, GD Art. 32 一(一): 邮递信息错误) per ledger, receiving site
 * and reason text in [fromIso, toIso), as db/issuance-queries.ts recallMovements.
 */
export async function recallCounts(c: PgConn, ledgerIds: readonly string[], fromIso: string | null, toIso: string | null): Promise<RecallCount[]> {
  if (!(await hasMirror(c, 'movements'))) return [];
  const r = await c.query<{ _ledger: string; to_site_id: string; reason: string | null; n: string }>(
    `SELECT _ledger, to_site_id, reason, count(*) AS n FROM r_movements
     WHERE _ledger = ANY($1::text[]) AND type IN ('recall', 'mail_returned') AND to_site_id IS NOT NULL
       AND ($2::text IS NULL OR at >= $2) AND ($3::text IS NULL OR at < $3)
     GROUP BY 1, 2, 3`,
    [ledgerIds, fromIso, toIso],
  );
  return r.rows.map((x) => ({ ledgerId: x._ledger, siteId: Number(x.to_site_id), reason: x.reason, n: Number(x.n) }));
}

/**
 * The read-only role of a province's reports: SELECT on the replica's tables, now and on those
 * made later (ALTER DEFAULT PRIVILEGES for the replicator's role), nothing else. Run by the
 * database's owner (README: Province view); `name` is an identifier, quoted here.
 */
export function provinceRoleSql(name: string, owner: string, schema = 'public'): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [
    `CREATE ROLE ${q(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`,
    `GRANT USAGE ON SCHEMA ${q(schema)} TO ${q(name)}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA ${q(schema)} TO ${q(name)}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${q(owner)} IN SCHEMA ${q(schema)} GRANT SELECT ON TABLES TO ${q(name)}`,
    `ALTER ROLE ${q(name)} SET default_transaction_read_only = on`,
  ].join(';\n');
}

export type BankHeldRow = { ledgerId: string; siteId: number; bank: string; since: string };

/**
 * Banks whose prefab blanks each site has ever held (in storage or a hopper), with the first
 * instant, as db/stock-count-repo.ts prefabBanksHeld: a bank is counted from that day on.
 */
export async function prefabBanksHeld(c: PgConn, ledgerIds: readonly string[], storageStates: readonly string[]): Promise<BankHeldRow[]> {
  if (!(await hasMirror(c, 'movements')) || !(await hasMirror(c, 'cards'))) return [];
  const r = await c.query<{ _ledger: string; to_site_id: string; bank: string; since: string }>(
    `SELECT m._ledger, m.to_site_id, c.bank, min(m.at) AS since
     FROM r_cards c JOIN r_movements m ON m._ledger = c._ledger AND m.card_id = c.id
     WHERE c._ledger = ANY($1::text[]) AND c.kind = 'prefab' AND m.to_state = ANY($2::text[]) AND m.to_site_id IS NOT NULL AND c.bank IS NOT NULL
     GROUP BY 1, 2, 3`,
    [ledgerIds, storageStates],
  );
  return r.rows.map((x) => ({ ledgerId: x._ledger, siteId: Number(x.to_site_id), bank: x.bank, since: x.since }));
}

export type CountCoveredRow = { ledgerId: string; siteId: number; day: string; bank: string };

/**
 * The (site, China day, bank) a closed count covered, the day being its submission's (as
 * src/workflows/stock-count.ts siteCoverage), for days in [fromDay, toDay].
 */
export async function countsCovered(c: PgConn, ledgerIds: readonly string[], fromDay: string, toDay: string): Promise<CountCoveredRow[]> {
  for (const t of ['stock_counts', 'stock_count_events', 'stock_count_lines']) if (!(await hasMirror(c, t))) return [];
  const r = await c.query<{ _ledger: string; site_id: string; day: string; bank: string }>(
    `SELECT DISTINCT k._ledger, k.site_id, ${chinaDay('s.at')} AS day, l.bank
     FROM r_stock_counts k
     JOIN r_stock_count_events s ON s._ledger = k._ledger AND s.count_id = k.id AND s.type = 'submitted'
     JOIN r_stock_count_lines l ON l._ledger = k._ledger AND l.count_id = k.id
     WHERE k._ledger = ANY($1::text[])
       AND EXISTS (SELECT 1 FROM r_stock_count_events e WHERE e._ledger = k._ledger AND e.count_id = k.id AND e.type = 'closed')
       AND ${chinaDay('s.at')} BETWEEN $2 AND $3`,
    [ledgerIds, fromDay, toDay],
  );
  return r.rows.map((x) => ({ ledgerId: x._ledger, siteId: Number(x.site_id), day: x.day, bank: x.bank }));
}
