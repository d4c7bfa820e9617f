/**
 * One mirror table on the server per ledger table (`r_<table>`), made from the ledger's own
 * schema (PRAGMA table_info), shared by every ledger and keyed by `_ledger`. Each row keeps the
 * ledger's exact row text (`_row`, the json_array the seals hash), so a restore and a verify on
 * the server reproduce every digest byte for byte; beside it the same columns typed (bigint,
 * double precision, text) for the province's reports, with indexes for them on cards. A change
 * removes a row by the hash of its text (`_hash`): a ledger table need not have a primary key,
 * and a digest is a multiset, so n equal rows are n rows here too.
 */
import { hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { PgConn } from './server-schema.ts';
import { DDL_LOCK } from './server-schema.ts';
import { ensureProvinceIndexes } from './province-indexes.ts';

export type Column = { name: string; type: string };
export type TableShape = { name: string; columns: Column[] };
export type PgType = 'bigint' | 'double precision' | 'text';

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
  return hash('sha256', `${table}\n${row}`, 'hex'); // one-shot (node ≥ 20.12): no Hash object per row
}

/** Creates or widens the mirror of each table (new columns are added; none is dropped: other ledgers may still have them). */
export async function ensureMirrors(c: PgConn, shapes: readonly TableShape[]): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK]);
  for (const s of shapes) {
    const m = mirrorName(s.name);
    const idx = (suffix: string) => q(`r_${s.name}_${suffix}`.slice(0, 63));
    const ddl = [
      `CREATE TABLE IF NOT EXISTS ${m} (_ledger text NOT NULL, _rid bigint GENERATED ALWAYS AS IDENTITY, _hash text NOT NULL, _row text NOT NULL, PRIMARY KEY (_ledger, _rid))`,
      // The hash first: random, it sorts on its own first bytes when the index is built after a full
      // copy (with the ledger's id first, every comparison walks the same 36 characters first);
      // `_ledger = $1 AND _hash = ANY(…)` uses it all the same. (A mirror made before keeps its
      // (_ledger, _hash) index: same name, same use.)
      `CREATE INDEX IF NOT EXISTS ${idx('hash')} ON ${m} (_hash, _ledger)`,
      ...s.columns.map((col) => `ALTER TABLE ${m} ADD COLUMN IF NOT EXISTS ${q(col.name)} ${pgTypeOf(col.type)}`),
    ];
    const extra = REPORT_INDEXES[s.name] ?? [];
    extra.forEach((cols, i) => {
      const needed = cols.replace(/\s+WHERE\s.*$/i, '').replace(/[()]/g, '').split(',').map((x) => x.trim()).filter((x) => !x.startsWith('_'));
      if (needed.every((n) => s.columns.some((col) => col.name === n))) ddl.push(`CREATE INDEX IF NOT EXISTS ${idx(`rep${i}`)} ON ${m} ${cols}`);
    });
    await c.query(ddl.join(';\n'));
  }
  await ensureProvinceIndexes(c);
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
/** A full copy's COPY is fed in chunks of about this many bytes, as the server takes them. */
const CHUNK_BYTES = 1 << 20;

/** One row as a line of COPY's text format: ledger id, hash, row text, then the typed columns. */
function copyLine(lid: string, table: string, types: readonly PgType[], row: string): string {
  // A row text without a backslash holds no string with a quote, tab, newline, carriage return or
  // backslash (JSON escapes them all; SQLite leaves a NUL as it is, so that is looked for too):
  // then it needs no escaping, and its typed columns are read off the text (plainTail), unparsed.
  const plain = row.indexOf('\\') < 0 && row.indexOf('\u0000') < 0;
  const head = `${lid}\t${rowHash(table, row)}\t${plain ? row : copyField(row)}`;
  const tail = plain ? plainTail(row, types) : null;
  return `${head}${tail ?? parsedTail(row, types)}\n`;
}

/** An integer token that JSON.parse reads back exactly and String() writes the same. */
const PLAIN_INT = /^(?:0|-?[1-9]\d{0,14})$/;

/**
 * The typed columns of a row text without a backslash, in COPY's text format (each after a tab),
 * read straight off the json_array text: null, integers of at most 15 digits, strings (holding
 * no quote: it would be escaped). Anything else (a real, a string in an integer column, a text
 * that is not such an array) gives null: the row is then typed by parsing it, the one rule of `typed`.
 */
export function plainTail(row: string, types: readonly PgType[]): string | null {
  if (row.charCodeAt(0) !== 91 /* [ */) return null;
  let i = 1;
  let tail = '';
  const last = row.length - 1;
  for (let j = 0; j < types.length; j++) {
    if (row.charCodeAt(i) === 34 /* " */) {
      const end = row.indexOf('"', i + 1);
      if (end < 0 || types[j] !== 'text') return null;
      tail += '\t' + row.slice(i + 1, end);
      i = end + 1;
    } else {
      let end = row.indexOf(',', i);
      if (end < 0) end = last;
      const tok = row.slice(i, end);
      if (tok === 'null') tail += '\t\\N';
      else if (types[j] !== 'double precision' && PLAIN_INT.test(tok)) tail += '\t' + tok;
      else return null;
      i = end;
    }
    if (row.charCodeAt(i) !== (j === types.length - 1 ? 93 /* ] */ : 44) /* , */) return null;
    i += 1;
  }
  if (types.length === 0) return row === '[]' ? '' : null;
  return i === row.length ? tail : null;
}

/** The typed columns of any row text, in COPY's text format, as `typed` and `copyField` make them. */
export function parsedTail(row: string, types: readonly PgType[]): string {
  const values = parseRow(row);
  let tail = '';
  for (let j = 0; j < types.length; j++) tail += `\t${copyField(typed(values[j], types[j]!))}`;
  return tail;
}

const copyStatement = (shape: TableShape): string => {
  const names = shape.columns.map((col) => q(col.name)).join(', ');
  return `COPY ${mirrorName(shape.name)} (_ledger, _hash, _row${names ? ', ' + names : ''}) FROM STDIN`;
};

/** Adds rows (row texts) to one mirror: COPY for a batch, one INSERT over arrays (unnest) for a few. */
export async function insertRows(c: PgConn, ledgerId: string, shape: TableShape, rows: readonly string[]): Promise<void> {
  if (rows.length < COPY_FROM_ROWS) return insertByArrays(c, ledgerId, shape, rows);
  await copyRows(c, ledgerId, shape, rows);
}

/**
 * Every row of `rows` into one mirror through one COPY, streamed: the rows are read and encoded
 * while the server stores the chunks before them (the socket's backpressure paces the reading),
 * so the two processes work side by side. Returns how many rows were sent.
 */
export async function copyRows(c: PgConn, ledgerId: string, shape: TableShape, rows: Iterable<string>): Promise<number> {
  const types = shape.columns.map((col) => pgTypeOf(col.type));
  const lid = copyField(ledgerId);
  const it = rows[Symbol.iterator]();
  let count = 0;
  // Lines are written into buffers as they are made (one flat copy each: a chunk built up as one
  // long string costs more in its conversion to bytes than everything else here).
  let buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let off = 0;
  const source = new Readable({
    highWaterMark: 2,
    objectMode: true,
    read() {
      try {
        for (;;) {
          const next = it.next();
          if (next.done) {
            if (off > 0) this.push(buf.subarray(0, off));
            this.push(null);
            return;
          }
          const line = copyLine(lid, shape.name, types, next.value);
          count += 1;
          const room = line.length * 3; // UTF-8 bytes of a UTF-16 code unit, at most
          if (off + room <= buf.length) {
            off += buf.write(line, off);
            continue;
          }
          const full = buf.subarray(0, off);
          buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, room));
          off = buf.write(line, 0);
          if (full.length > 0) {
            this.push(full);
            return;
          }
        }
      } catch (e) {
        this.destroy(e as Error);
      }
    },
  });
  try {
    await pipeline(source, c.query(copyFrom(copyStatement(shape))));
  } finally {
    it.return?.(); // a failed COPY: the table's read ends here too
  }
  return count;
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

/**
 * Before a full copy into a mirror that holds no row of any ledger (a new replica): its indexes
 * but the primary key are dropped, to be made again by `buildIndexes` once the rows are in (one
 * sort each, instead of trees kept up row by row). Inside the shipment's transaction, the table
 * locked: a kill rolls the drop back with the rows. Returns the definitions of whatever indexes
 * the mirror had (the report indexes made in ensureMirrors and any other), none when it holds rows.
 */
export async function deferIndexes(c: PgConn, table: string): Promise<string[]> {
  const m = mirrorName(table);
  const holds = async () => (await c.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${m}) AS any`)).rows[0]!.any;
  if (await holds()) return [];
  await c.query(`LOCK TABLE ${m} IN ACCESS EXCLUSIVE MODE`);
  if (await holds()) return []; // another ledger's rows committed meanwhile: its indexes stay
  const r = await c.query<{ schema: string; name: string; def: string }>(
    `SELECT n.nspname AS schema, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
      WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY ic.relname`,
    [m],
  );
  for (const x of r.rows) await c.query(`DROP INDEX ${q(x.schema)}.${q(x.name)}`);
  return r.rows.map((x) => x.def);
}

/** The indexes `deferIndexes` dropped, made again over the rows now in (same transaction). */
export async function buildIndexes(c: PgConn, defs: readonly string[]): Promise<void> {
  if (defs.length === 0) return;
  await c.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const def of defs) await c.query(def);
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
