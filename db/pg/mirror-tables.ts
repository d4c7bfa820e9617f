/**
 * One mirror table on the server per ledger table (`r_<table>`), made from the ledger's own
 * schema (PRAGMA table_info), shared by every ledger and keyed by `_ledger`. Each row keeps the
 * ledger's exact row text (`_row`, the json_array the seals hash), so a restore and a verify on
 * the server reproduce every digest byte for byte; beside it the same columns typed (bigint,
 * double precision, text) for the province's reports, with indexes for them on cards. A change
 * removes a row by the hash of its text (`_hash`): a ledger table need not have a primary key,
 * and a digest is a multiset, so n equal rows are n rows here too.
 */
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { PgConn } from './server-schema.ts';
import { DDL_LOCK } from './server-schema.ts';

export type Column = { name: string; type: string };
export type TableShape = { name: string; columns: Column[] };
type PgType = 'bigint' | 'double precision' | 'text';

export const mirrorName = (table: string): string => `"r_${table.replace(/"/g, '""')}"`;
const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** SQLite's affinity rules (datatype3 §3.1) mapped to the server's types. */
export function pgTypeOf(declared: string): PgType {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'bigint';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'double precision';
  return 'text';
}

/** Indexes for the reports to come (issue 21 item 4): a province's cards by state and age, over many ledgers. */
const REPORT_INDEXES: Record<string, string[]> = {
  cards: ['(state, received_at, _ledger)', '(_ledger, site_id, state, received_at)', '(_ledger, card_no)', '(_ledger, holder_id)'],
  movements: ['(_ledger, card_id)'],
  // The province's overdue report joins the few dead or flagged holders to their cards.
  holders: ['(_ledger, id)', '(_ledger, id) WHERE deceased_at IS NOT NULL'],
  holder_flags: ['(_ledger, holder_id)'],
};

export function rowHash(table: string, row: string): string {
  return createHash('sha256').update(`${table}\n${row}`).digest('hex');
}

/** Creates or widens the mirror of each table (new columns are added; none is dropped: other ledgers may still have them). */
export async function ensureMirrors(c: PgConn, shapes: readonly TableShape[]): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK]);
  for (const s of shapes) {
    const m = mirrorName(s.name);
    const idx = (suffix: string) => q(`r_${s.name}_${suffix}`.slice(0, 63));
    const ddl = [
      `CREATE TABLE IF NOT EXISTS ${m} (_ledger text NOT NULL, _rid bigint GENERATED ALWAYS AS IDENTITY, _hash text NOT NULL, _row text NOT NULL, PRIMARY KEY (_ledger, _rid))`,
      `CREATE INDEX IF NOT EXISTS ${idx('hash')} ON ${m} (_ledger, _hash)`,
      ...s.columns.map((col) => `ALTER TABLE ${m} ADD COLUMN IF NOT EXISTS ${q(col.name)} ${pgTypeOf(col.type)}`),
    ];
    const extra = REPORT_INDEXES[s.name] ?? [];
    extra.forEach((cols, i) => {
      const needed = cols.replace(/\s+WHERE\s.*$/i, '').replace(/[()]/g, '').split(',').map((x) => x.trim()).filter((x) => !x.startsWith('_'));
      if (needed.every((n) => s.columns.some((col) => col.name === n))) ddl.push(`CREATE INDEX IF NOT EXISTS ${idx(`rep${i}`)} ON ${m} ${cols}`);
    });
    await c.query(ddl.join(';\n'));
  }
  await (await import('./province-indexes.ts')).ensureProvinceIndexes(c);
}

/** A value of the row text as the typed column holds it: what does not fit the type is left null (the row text keeps it). */
function typed(v: unknown, t: PgType): string | number | null {
  if (v === null || v === undefined) return null;
  if (t === 'bigint') {
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    return typeof v === 'string' && /^-?\d{1,18}$/.test(v) ? v : null;
  }
  if (t === 'double precision') {
    if (typeof v === 'number') return v;
    return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
  }
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.includes('\u0000') ? s.replace(/\u0000/g, '') : s;
}

/** COPY's text format: backslash, tab, newline and carriage return escaped; \\N is null. */
function copyField(v: string | number | null): string {
  if (v === null) return '\\N';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** Below this many rows an INSERT over arrays; from it on COPY (the bulk of a full copy). */
const COPY_FROM_ROWS = 500;

/** Adds rows (row texts) to one mirror: COPY for a batch, one INSERT over arrays (unnest) for a few. */
export async function insertRows(c: PgConn, ledgerId: string, shape: TableShape, rows: readonly string[]): Promise<void> {
  if (rows.length < COPY_FROM_ROWS) return insertByArrays(c, ledgerId, shape, rows);
  const types = shape.columns.map((col) => pgTypeOf(col.type));
  const lines: string[] = new Array<string>(rows.length);
  const lid = copyField(ledgerId);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const values = parseRow(row);
    const f = [lid, rowHash(shape.name, row), copyField(row)];
    for (let j = 0; j < types.length; j++) f.push(copyField(typed(values[j], types[j]!)));
    lines[i] = f.join('\t') + '\n';
  }
  const names = shape.columns.map((col) => q(col.name)).join(', ');
  const stream = c.query(copyFrom(`COPY ${mirrorName(shape.name)} (_ledger, _hash, _row${names ? ', ' + names : ''}) FROM STDIN`));
  await pipeline(Readable.from([lines.join('')]), stream);
}

function parseRow(row: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(row);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return []; // the row text is kept as it is; the typed columns stay empty
  }
}

async function insertByArrays(c: PgConn, ledgerId: string, shape: TableShape, rows: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const types = shape.columns.map((col) => pgTypeOf(col.type));
  const cols: (string | number | null)[][] = types.map(() => new Array<string | number | null>(rows.length));
  const hashes = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    hashes[i] = rowHash(shape.name, row);
    const values = parseRow(row);
    for (let j = 0; j < types.length; j++) cols[j]![i] = typed(values[j], types[j]!);
  }
  const names = shape.columns.map((col) => q(col.name)).join(', ');
  const arrays = types.map((t, j) => `$${j + 4}::${t === 'double precision' ? 'float8' : t}[]`).join(', ');
  await c.query(
    `INSERT INTO ${mirrorName(shape.name)} (_ledger, _hash, _row${names ? ', ' + names : ''}) SELECT $1, * FROM unnest($2::text[], $3::text[]${arrays ? ', ' + arrays : ''})`,
    [ledgerId, hashes, rows, ...cols],
  );
}

/** Removes `count` copies of each row (by hash); returns how many were removed. */
export async function deleteRows(c: PgConn, ledgerId: string, table: string, hashes: readonly string[], counts: readonly number[]): Promise<number> {
  if (hashes.length === 0) return 0;
  const m = mirrorName(table);
  const r = await c.query(
    `DELETE FROM ${m} WHERE _ledger = $1 AND _rid IN (
       SELECT x._rid FROM (
         SELECT _rid, _hash, row_number() OVER (PARTITION BY _hash ORDER BY _rid) AS rn FROM ${m} WHERE _ledger = $1 AND _hash = ANY($2::text[])
       ) x JOIN unnest($2::text[], $3::int[]) AS d(h, n) ON d.h = x._hash WHERE x.rn <= d.n)`,
    [ledgerId, hashes, counts],
  );
  return r.rowCount ?? 0;
}

/** Every row of one ledger gone from the mirrors (before a full copy). */
export async function clearLedger(c: PgConn, ledgerId: string): Promise<void> {
  const r = await c.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'r\\_%'");
  for (const { tablename } of r.rows) await c.query(`DELETE FROM ${q(tablename)} WHERE _ledger = $1`, [ledgerId]);
}

/** The row texts of one table of one ledger, in pages (restore, verify on the server). */
export async function* mirrorRows(c: PgConn, ledgerId: string, table: string, page = 20000): AsyncGenerator<string[]> {
  const exists = await c.query('SELECT to_regclass($1) AS t', [`r_${table}`]);
  if (!(exists.rows[0] as { t: string | null }).t) return;
  let after = 0;
  for (;;) {
    const r = await c.query<{ _rid: string; _row: string }>(`SELECT _rid, _row FROM ${mirrorName(table)} WHERE _ledger = $1 AND _rid > $2 ORDER BY _rid LIMIT $3`, [ledgerId, after, page]);
    if (r.rows.length === 0) return;
    yield r.rows.map((x) => x._row);
    after = Number(r.rows[r.rows.length - 1]!._rid);
    if (r.rows.length < page) return;
  }
}
