/**
 * The tamper suite's ledger (issue 18): a demo ledger on which the real program has written a row
 * into every sealed table — a daily count with a missing and an extra card approved with reasons
 * (and the differences opened, one of them closed), a maker file imported, a card made on the
 * simulated instant printer, a holder flagged deceased, a setting changed, a batch pickup with its paperwork settled per holder — and the means to
 * tamper with it as someone with the sqlite3 tool would: a connection of its own, never the
 * program's (which would seal the change).
 */
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliAs } from '../helpers/demo-cli.ts';
import { runCli } from '../helpers/run-cli.ts';
import { sbk2Zip, type Applicant } from '../helpers/sbk2-zip.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { todayInChina } from '../../src/domain/china-dates.ts';
import { openLedger, closeLedger } from '../../db/open-ledger.ts';
import { verifyLedger, type ExpectedHead, type VerifyReport } from '../../db/verify-ledger.ts';
import { sealedTables, type SealedTable } from '../../db/sealed-tables.ts';
import type { ChainKey } from '../../src/security/chain-key.ts';

/** Demo operators (src/workflows/demo-ledger.ts) and one colleague the suite adds. */
export const PINS = { admin: '135790', sunli: '680135', zhoujie: '791246', zhaomin: '468013', lijuan: '246801', zhangwei: '357902' } as const;

const ICBC_BATCH = 'YZ-ICBC-2026-11';
const CCB_BATCH = 'YZ-CCB-2026-11';
const HOPPER = '制卡机1-卡盒1';
const PHOTO = fileURLToPath(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url));
const MAKER_FILES = fileURLToPath(new URL('../../fixtures/maker-files/', import.meta.url));

const { ok } = cliAs(PINS);

type StockRow = { where: string; inStock: number; loaded: number };

/** A daily count at the ICBC branch: one card short in the fullest box, one CCB blank extra, approved with reasons by the city's supervisor. */
function countWithDifferences(db: string): void {
  const rows = ok(db, 'sunli', ['prefab', 'stock']) as StockRow[];
  const boxes = rows.flatMap((r) => {
    const m = /^箱 (\S+)（/.exec(r.where);
    return m ? [{ label: m[1]!, n: r.inStock }] : [];
  });
  const hopper = rows.find((r) => r.where === `卡盒 ${HOPPER}`)!;
  const box = [...boxes].sort((a, b) => b.n - a.n)[0]!;
  const register = ok(db, 'sunli', ['register', '--batch', ICBC_BATCH]) as { rows: { cardNo: string; box: string | null; state: string }[] };
  const inBox = register.rows.filter((c) => c.box === box.label && c.state === 'in_stock').map((c) => c.cardNo);
  const gone = inBox.at(-1)!;
  const stray = (ok(db, 'zhoujie', ['register', '--batch', CCB_BATCH]) as { rows: { cardNo: string; state: string }[] }).rows.find((c) => c.state === 'in_stock')!.cardNo;
  const { id } = ok(db, 'sunli', ['count', 'start']);
  const others = boxes.filter((b) => b.label !== box.label).map((b) => `${b.label}=${b.n}`);
  ok(db, 'sunli', ['count', 'scan', String(id), `${ICBC_BATCH}/${box.label}=${box.n - 1}`, ...others, `@${HOPPER}=${hopper.loaded}`]);
  ok(db, 'sunli', ['count', 'scan', String(id), ...inBox.slice(0, -1), stray]);
  // A stray code taken back: a reversing scan line.
  ok(db, 'sunli', ['count', 'scan', String(id), 'ZZ24']);
  ok(db, 'sunli', ['count', 'undo', String(id)]);
  expect(ok(db, 'sunli', ['count', 'submit', String(id)])).toMatchObject({ clean: false });
  const reasons = ['--reason', `${gone}=保险柜内外均未找到`, '--reason', `${stray}=建行预制卡误放`];
  expect(ok(db, 'sunli', ['count', 'approve', String(id), ...reasons, '--approver', 'lijuan'], { SBK_APPROVER_PIN: PINS.lijuan })).toMatchObject({ closed: true, variances: 2 });
  // The extra card's difference closed with a reason (a discrepancy closure).
  const open = ok(db, 'sunli', ['discrepancy', 'list']) as { id: number; cardNo: string }[];
  const extra = open.find((d) => d.cardNo === stray)!;
  ok(db, 'lijuan', ['discrepancy', 'close', String(extra.id), '--reason', '已退回建行网点']);
}

/** A finished card in stock at 江汉 whose holder the city's supervisor flags deceased. */
function flagDeceased(db: string): void {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  let id: string;
  try {
    id = d
      .prepare(
        `SELECT h.id_number FROM cards c JOIN holders h ON h.id = c.holder_id JOIN sites s ON s.id = c.site_id
         WHERE s.code = '420103-01' AND c.kind = 'finished' AND c.state = 'in_stock' AND h.deceased_at IS NULL ORDER BY c.card_no LIMIT 1`,
      )
      .pluck()
      .get() as string;
  } finally {
    d.close();
  }
  ok(db, 'lijuan', ['holder', 'deceased', id, '--on', todayInChina(), '--source', '民政比对']);
}

/** Two cards at 江岸 sent by mail: one delivered, one returned (mail_deliveries, mail_outcomes). */
function mailTwo(db: string): void {
  const [x, y] = (ok(db, 'zhangwei', ['overdue']) as { cardNo: string; category: string; site: { code: string } }[])
    .filter((r) => r.category === 'unclaimed' && r.site.code === '420102-01')
    .map((r) => r.cardNo);
  for (const [card, tracking] of [[x!, 'EMS1001'], [y!, 'SF2002']] as const) {
    ok(db, 'zhangwei', ['issue', card, '--receiver', 'mail', '--address', '武汉市江岸区解放大道1号', '--carrier', 'EMS', '--tracking', tracking]);
  }
  ok(db, 'zhangwei', ['mail', 'delivered', x!, '--code', '5821']);
  ok(db, 'zhangwei', ['mail', 'returned', y!, '--note', '查无此人']);
}

/** A batch application file (GD Annex 6) for three holders at 江岸, and one of them contacted (HB Art. 14). */
function applyAndContact(db: string, dir: string): void {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  let applicants: Applicant[];
  try {
    applicants = (
      d
        .prepare(
          `SELECT h.id_number AS idNumber, h.name AS name FROM cards c JOIN holders h ON h.id = c.holder_id JOIN sites s ON s.id = c.site_id
           WHERE s.code = '420102-01' AND c.kind = 'finished' AND c.state = 'in_stock' AND c.received_at IS NOT NULL ORDER BY c.card_no LIMIT 3`,
        )
        .all() as { idNumber: string; name: string }[]
    ).map((r, i) => ({ ...r, mobile: `1390000000${i}`, unitCode: 'U9', unitName: '江岸区某单位' }));
  } finally {
    d.close();
  }
  const zip = sbk2Zip(applicants);
  const path = join(dir, zip.fileName);
  writeFileSync(path, zip.bytes);
  ok(db, 'zhangwei', ['applications', 'import', path]);
  const [first] = ok(db, 'zhangwei', ['contact', 'list']) as { cardNo: string }[];
  ok(db, 'zhangwei', ['contact', 'record', first!.cardNo, '--by', 'phone', '--result', '已通知']);
}

/** A batch pickup with the unit's paperwork (pickup_papers), settled by the unit signing for the holder (pickup_settlements). */
function pickupWithPapers(db: string): void {
  const rows = ok(db, 'zhangwei', ['contact', 'list']) as { cardNo: string; unitCode: string | null }[];
  const card = rows.find((r) => r.unitCode === 'U9')!.cardNo;
  const today = todayInChina();
  const papers = ['--unit-code', 'U9', '--contact', '王芳', '--contact-phone', '13912345678', '--auth-from', today, '--auth-to', today];
  const { pickupRef } = ok(db, 'zhangwei', ['pickup', '--unit', '江岸区某单位', '--card', card, '--agent-name', '李明', '--agent-id', '11010519491231002X', '--auth', 'WT-1', ...papers]);
  ok(db, 'zhangwei', ['pickup', 'settle', pickupRef, '--unit-signed', card]);
}

/** Builds the suite's ledger in a directory of its own (the caller removes it). */
export function buildTamperLedger(prefix: string): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = join(dir, 'demo.db');
  const demo = runCli(['demo', '--db', db, '--json']);
  expect(demo.code, demo.stderr).toBe(0);
  countWithDifferences(db);
  const maker = readdirSync(MAKER_FILES).find((f) => f.startsWith('YZKCG') && f.endsWith('.txt'))!;
  ok(db, 'admin', ['import', join(MAKER_FILES, maker), '--other-city']);
  const holderId = '42010219900101001' + residentIdCheckChar('42010219900101001');
  ok(db, 'sunli', ['instant', 'make', '--name', '王小明', '--id', holderId, '--bank', '中国工商银行', '--card-no', 'T00000001', '--photo', PHOTO]);
  flagDeceased(db);
  ok(db, 'admin', ['settings', 'set', 'transit-warning-days', '3']);
  mailTwo(db);
  applyAndContact(db, dir);
  pickupWithPapers(db);
  // A re-make ordered (remake_orders): the demo's defective card at 江岸.
  ok(db, 'zhangwei', ['remake', 'order', 'A10000018', '--ref', 'CZ-1']);
  return { dir, db };
}

/** A copy of the ledger and its key file, in `dir`. */
export function copyLedger(from: string, dir: string, name: string): string {
  const to = join(dir, name);
  copyFileSync(from, to);
  copyFileSync(`${from}.key`, `${to}.key`);
  return to;
}

/** `verifyLedger` as `sbk verify` runs it: the program opens the file, verifies, closes. */
export function verifyFile(db: string, expectedHead?: ExpectedHead, key?: ChainKey | null): VerifyReport {
  const ledger = openLedger(db, { mustExist: true });
  try {
    return key === undefined ? verifyLedger(ledger, expectedHead) : verifyLedger(ledger, expectedHead, key);
  } finally {
    closeLedger(ledger);
  }
}

/** A connection of the attacker's own (the sqlite3 tool): no seal capture, checks and foreign keys off. */
export function attacker(db: string): Database.Database {
  const d = new Database(db, { fileMustExist: true });
  d.pragma('foreign_keys = OFF');
  d.pragma('ignore_check_constraints = ON');
  return d;
}

export function tablesOf(db: string): SealedTable[] {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return sealedTables(d);
  } finally {
    d.close();
  }
}

export const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The triggers on `table`, with their SQL as sqlite_master holds it. */
export function triggersOn(d: Database.Database, table: string): { name: string; sql: string }[] {
  return d.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table) as { name: string; sql: string }[];
}

/** Runs `change` with `table`'s guard triggers dropped, then puts them back with their exact SQL. */
export function withoutGuards<T>(d: Database.Database, table: string, change: () => T): T {
  const guards = triggersOn(d, table);
  d.exec('BEGIN IMMEDIATE');
  try {
    for (const g of guards) d.exec(`DROP TRIGGER ${quoteId(g.name)}`);
    const out = change();
    for (const g of guards) d.exec(g.sql);
    d.exec('COMMIT');
    return out;
  } catch (e) {
    d.exec('ROLLBACK');
    throw e;
  }
}

type Value = bigint | number | string | Buffer | null;
type Row = Record<string, Value>;

/** How a row is found again: its primary key columns, or its rowid. */
type Locator = Record<string, Value>;

function primaryKey(d: Database.Database, table: string): string[] {
  const cols = d.prepare('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string }[];
  return cols.map((c) => c.name);
}

function where(loc: Locator): { sql: string; args: Value[] } {
  const keys = Object.keys(loc);
  return { sql: keys.map((k) => (k === 'rowid' ? 'rowid' : quoteId(k)) + ' IS ?').join(' AND '), args: keys.map((k) => loc[k]!) };
}

/** Values a column could be changed to, different from `v`. */
function otherValues(v: Value): Value[] {
  if (v === null) return [1n, 'tampered'];
  if (typeof v === 'bigint') return [v + 1n, v - 1n, v + 1_000_003n, 'tampered'];
  if (typeof v === 'number') return [v + 0.5, v + 1000.25, 'tampered'];
  if (Buffer.isBuffer(v)) return [Buffer.concat([v, Buffer.from([0])])];
  return [`${v}x`, `${v} `, 'tampered', 1n];
}

/** One change of the ledger behind the program's back, and how to take it back. */
export type Tamper = { describe: string; undo: () => void };

/** The attacker's view of one table: its rows and how to change them with the guards out of the way. */
export class TableTamper {
  readonly pk: string[];
  constructor(
    private readonly d: Database.Database,
    readonly table: SealedTable,
  ) {
    this.pk = primaryKey(d, table.name);
  }

  private get q(): string {
    return quoteId(this.table.name);
  }

  rowText(loc: Locator): string | undefined {
    const w = where(loc);
    return this.d.prepare(`SELECT json_array(${this.table.columns.map(quoteId).join(', ')}) FROM ${this.q} WHERE ${w.sql}`).pluck().get(...w.args) as string | undefined;
  }

  /** A row (one where `column` is not NULL when there is one) and its locator. */
  pickRow(column?: string): { row: Row; loc: Locator } | undefined {
    const sel = this.pk.length ? '*' : 'rowid AS "rowid", *';
    const row = ((column ? this.d.prepare(`SELECT ${sel} FROM ${this.q} WHERE ${quoteId(column)} IS NOT NULL LIMIT 1`).get() : undefined) ??
      this.d.prepare(`SELECT ${sel} FROM ${this.q} LIMIT 1`).get()) as Row | undefined;
    if (!row) return undefined;
    const keys = this.pk.length ? this.pk : ['rowid'];
    return { row, loc: Object.fromEntries(keys.map((k) => [k, row[k]!])) };
  }

  private update(loc: Locator, column: string, value: Value): void {
    const w = where(loc);
    const r = withoutGuards(this.d, this.table.name, () => this.d.prepare(`UPDATE ${this.q} SET ${quoteId(column)} = ? WHERE ${w.sql}`).run(value, ...w.args));
    if (r.changes !== 1) throw new Error(`${this.table.name}.${column}: ${r.changes} rows changed`);
  }

  /** One column of one row set to a different value (the first candidate no constraint refuses). */
  changeColumn(column: string): Tamper {
    const picked = this.pickRow(column);
    if (!picked) throw new Error(`${this.table.name} has no rows`);
    const { row, loc } = picked;
    const before = this.rowText(loc)!;
    const old = row[column]!;
    const errors: string[] = [];
    for (const v of otherValues(old)) {
      try {
        this.update(loc, column, v);
      } catch (e) {
        errors.push((e as Error).message);
        continue;
      }
      const moved: Locator = column in loc ? { ...loc, [column]: v } : loc;
      return {
        describe: `${this.table.name}.${column}: ${String(old)} -> ${String(v)}`,
        undo: () => {
          this.update(moved, column, old);
          expect(this.rowText(loc), `${this.table.name}.${column} restored`).toBe(before);
        },
      };
    }
    throw new Error(`${this.table.name}.${column}: no other value accepted (${errors.join('; ')})`);
  }

  private insert(values: Row): void {
    const cols = Object.keys(values);
    const sql = `INSERT INTO ${this.q} (${cols.map((c) => (c === 'rowid' ? 'rowid' : quoteId(c))).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    withoutGuards(this.d, this.table.name, () => this.d.prepare(sql).run(...cols.map((c) => values[c]!)));
  }

  private remove(loc: Locator): void {
    const w = where(loc);
    const r = withoutGuards(this.d, this.table.name, () => this.d.prepare(`DELETE FROM ${this.q} WHERE ${w.sql}`).run(...w.args));
    if (r.changes !== 1) throw new Error(`${this.table.name}: ${r.changes} rows deleted`);
  }

  /** One row deleted; undone by inserting it again, key and all. */
  deleteRow(): Tamper {
    const { row, loc } = this.pickRow()!;
    this.remove(loc);
    return {
      describe: `${this.table.name}: a row deleted`,
      undo: () => {
        this.insert(row);
        expect(this.rowText(loc), `${this.table.name} row restored`).toBeDefined();
      },
    };
  }

  /** A copy of a row under a fresh key (and fresh values wherever a UNIQUE constraint says so). */
  duplicateRow(): Tamper {
    const { row } = this.pickRow()!;
    const copy: Row = { ...row };
    const fresh = (k: string): void => {
      const v = copy[k]!;
      if (k === 'rowid' || typeof v === 'bigint') {
        const max = this.d.prepare(`SELECT max(${k === 'rowid' ? 'rowid' : quoteId(k)}) FROM ${this.q}`).safeIntegers(true).pluck().get() as bigint;
        copy[k] = max + 1n;
      } else copy[k] = `${String(v)}-dup`;
    };
    for (const k of this.pk.length ? this.pk : ['rowid']) fresh(k);
    for (let attempt = 0; ; attempt++) {
      try {
        this.insert(copy);
        break;
      } catch (e) {
        const m = /UNIQUE constraint failed: (.+)$/.exec((e as Error).message);
        if (!m || attempt > 5) throw e;
        for (const qualified of m[1]!.split(', ')) fresh(qualified.slice(qualified.indexOf('.') + 1));
      }
    }
    const loc: Locator = Object.fromEntries((this.pk.length ? this.pk : ['rowid']).map((k) => [k, copy[k]!]));
    return {
      describe: `${this.table.name}: a row duplicated`,
      undo: () => this.remove(loc),
    };
  }
}

/** Opens the attacker's connection with exact integers. */
export function attackerExact(db: string): Database.Database {
  const d = attacker(db);
  d.defaultSafeIntegers(true);
  return d;
}
