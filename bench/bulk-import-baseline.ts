/**
 * Row 1's comparison: the same rows the ledger ended up with (its `cards` and `movements`
 * tables) written as CSV, then loaded into bare tables (no keys, indexes, triggers or checks)
 * of a new database by the `sqlite3` tool's `.import` — the floor for "put these rows in
 * SQLite". Without `sqlite3` on PATH: better-sqlite3, one prepared INSERT, one transaction.
 * Only the load is timed, not writing the CSV.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Ledger } from '../db/open-ledger.ts';
import { nowMs } from './stats.ts';

export type BaselineResult = { ms: number; rows: number; tool: 'sqlite3 .import' | 'better-sqlite3 INSERT'; sqliteVersion: string | null };

const TABLES = ['cards', 'movements'] as const;

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(ledger: Ledger, table: string, file: string): { columns: string[]; rows: number } {
  const stmt = ledger.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).raw(true);
  const columns = stmt.columns().map((c) => c.name);
  const fd = openSync(file, 'w');
  let rows = 0;
  try {
    let buf = columns.join(',') + '\n';
    for (const r of stmt.iterate() as IterableIterator<unknown[]>) {
      buf += r.map(csvField).join(',') + '\n';
      rows += 1;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return { columns, rows };
}

export function sqlite3Version(): string | null {
  const r = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split(' ')[0] ?? null : null;
}

export function bulkImportBaseline(ledger: Ledger, dir: string): BaselineResult {
  const files = TABLES.map((t) => ({ table: t, file: join(dir, `${t}.csv`), ...writeCsv(ledger, t, join(dir, `${t}.csv`)) }));
  const rows = files.reduce((a, f) => a + f.rows, 0);
  const version = sqlite3Version();
  const target = join(dir, 'baseline.db');
  if (version) {
    const script = files.map((f) => `.import --csv ${f.file} ${f.table}`).join('\n') + '\n';
    const t0 = nowMs();
    const r = spawnSync('sqlite3', [target], { input: script, encoding: 'utf8' });
    const ms = nowMs() - t0;
    if (r.status !== 0 || r.stderr.trim()) throw new Error(`sqlite3 .import failed: ${r.stderr}`);
    const check = spawnSync('sqlite3', [target, 'SELECT (SELECT count(*) FROM cards) + (SELECT count(*) FROM movements)'], { encoding: 'utf8' });
    if (Number(check.stdout.trim()) !== rows) throw new Error(`sqlite3 .import loaded ${check.stdout.trim()} rows, expected ${rows}`);
    return { ms, rows, tool: 'sqlite3 .import', sqliteVersion: version };
  }
  // Fallback: the same rows, read back from the CSV-equivalent source, one prepared INSERT per table.
  const data = TABLES.map((t) => ({ t, cols: files.find((f) => f.table === t)!.columns, rows: ledger.sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).raw(true).all() as unknown[][] }));
  const db = new Database(target);
  try {
    const t0 = nowMs();
    db.transaction(() => {
      for (const d of data) {
        db.exec(`CREATE TABLE ${d.t} (${d.cols.map((c) => `"${c}"`).join(', ')})`);
        const ins = db.prepare(`INSERT INTO ${d.t} VALUES (${d.cols.map(() => '?').join(', ')})`);
        for (const r of d.rows) ins.run(r);
      }
    })();
    return { ms: nowMs() - t0, rows, tool: 'better-sqlite3 INSERT', sqliteVersion: null };
  } finally {
    db.close();
  }
}
