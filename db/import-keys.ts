/**
 * The values a maker file's duplicate checks remember (card number, identification code, bank
 * card number → the line each was first seen on), kept out of the heap for a large file: in a
 * scratch SQLite database of its own, in a private temporary folder, deleted when the check ends.
 * 1,500,000 rows are 4,500,000 values, some 400 MB as JavaScript strings in maps (issue 18).
 *
 * In front of it: the values of the last FLUSH_AT lookups in memory (written to the scratch
 * database together, many rows per statement), and a Bloom filter over everything seen, so that
 * a value never seen (nearly every value of a good file) costs no query at all. Only a value the
 * filter may have seen is looked up: the duplicates themselves, and about 1 in 1,000 others.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MakerKeyKind, SeenKeys } from '../src/domain/maker-file.ts';

const KIND_NO: Readonly<Record<MakerKeyKind, number>> = { cardNo: 0, cardIdCode: 1, bankCardNo: 2 };
/** Values held in memory before they go to the scratch database together. */
const FLUSH_AT = 6_000;
/** Rows per INSERT (3 values each). */
const INSERT_ROWS = 200;
/**
 * 10 bits per value expected (about 1 false "maybe" in 100 with 7 hashes; fewer for a file of
 * longer rows than guessed), at most 4 MiB (it was 8): the filter is all resident, and a
 * 1,500,000-row file (4,500,000 values, 7.5 bits each) pays for the 4 MiB saved with some 3 false
 * "maybe"s in 100, a look-up each in the scratch database (issue 18 item 6: its peak RSS goal).
 */
function bloomBits(values: number): number {
  return Math.min(1 << 25, Math.max(1 << 16, Math.ceil((values * 10) / 8) * 8));
}
/** The number of hashes best for the bits per value expected (ln 2 × bits per value), 1 to 7. */
function bloomHashes(bits: number, values: number): number {
  return Math.max(1, Math.min(7, Math.round((bits / Math.max(1, values)) * Math.LN2)));
}

export type ImportKeys = SeenKeys & { close(): void };

/** Two 32-bit FNV-1a hashes of the kind and the value, for double hashing. */
function hashes(kind: number, value: string): [number, number] {
  let a = 0x811c9dc5 ^ kind;
  let b = 0x01000193 ^ (kind * 0x9e3779b1);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b >>> 0) | 1];
}

/** A Bloom filter over (kind, value): true when the pair may have been added before; adds it. */
function bloomFilter(values: number): (kind: number, value: string) => boolean {
  const bits = bloomBits(values);
  const k = bloomHashes(bits, values);
  const bloom = new Uint8Array(bits >>> 3);
  return (kind, value) => {
    const [h1, h2] = hashes(kind, value);
    let maybe = true;
    for (let i = 0; i < k; i++) {
      const bit = ((h1 + Math.imul(i, h2)) >>> 0) % bits;
      if ((bloom[bit >>> 3]! & (1 << (bit & 7))) === 0) {
        maybe = false;
        bloom[bit >>> 3] = bloom[bit >>> 3]! | (1 << (bit & 7));
      }
    }
    return maybe;
  };
}

/** The scratch database in a private temporary folder (removed again if it cannot be set up). */
function openScratch(): { db: Database.Database; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sbk-import-'));
  try {
    const db = new Database(join(dir, 'keys.db'));
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1024');
    // Its statement journals (200 rows per INSERT) in memory, not in a temporary file each.
    db.pragma('temp_store = MEMORY');
    db.exec('CREATE TABLE seen (kind INTEGER NOT NULL, v TEXT NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (kind, v)) WITHOUT ROWID');
    db.exec('BEGIN');
    return { db, dir };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** `values`: how many values to expect (a guess from the file's size is enough). */
export function openImportKeys(values: number, flushAt: number = FLUSH_AT): ImportKeys {
  const { db, dir } = openScratch();
  const mayHave = bloomFilter(values);
  const find = db.prepare('SELECT line FROM seen WHERE kind = ? AND v = ?').pluck();
  const insert = (n: number) => db.prepare(`INSERT INTO seen (kind, v, line) VALUES ${Array.from({ length: n }, () => '(?, ?, ?)').join(', ')}`);
  const insertMany = insert(INSERT_ROWS);
  const pending: Map<string, number>[] = [new Map(), new Map(), new Map()];
  let held = 0;

  const flush = (): void => {
    const values: unknown[] = [];
    let rows = 0;
    const put = (): void => {
      (rows === INSERT_ROWS ? insertMany : insert(rows)).run(values);
      values.length = 0;
      rows = 0;
    };
    pending.forEach((m, kind) => {
      for (const [v, line] of m) {
        values.push(kind, v, line);
        if (++rows === INSERT_ROWS) put();
      }
      m.clear();
    });
    if (rows > 0) put();
    held = 0;
  };

  return {
    firstLine(kind, value, line) {
      const k = KIND_NO[kind];
      const heldLine = pending[k]!.get(value);
      if (heldLine !== undefined) return heldLine;
      if (mayHave(k, value)) {
        const first = find.get(k, value) as number | undefined;
        if (first !== undefined) return first;
      }
      pending[k]!.set(value, line);
      if (++held >= flushAt) flush();
      return undefined;
    },
    close() {
      try {
        db.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The ledger connection's page cache made smaller for the length of a long import, and put back
 * by the returned function: better-sqlite3's 16 MB cache is a tenth of the import's memory goal,
 * and an import that appends rows in key order gains little from it.
 */
export function smallerPageCache(sqlite: Database.Database, kib: number): () => void {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${kib}`);
  return () => {
    sqlite.pragma(`cache_size = ${before}`);
  };
}
