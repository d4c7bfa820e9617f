/**
 * Opens a ledger file: owner-only permissions, the pragmas a multi-operator ledger needs, and
 * the committed migrations applied under one IMMEDIATE transaction (several operators' sessions
 * may open a fresh ledger at the same moment).
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema.ts';
import { SbkError } from '../src/domain/errors.ts';
import { clockFromEnv, type Clock } from '../src/domain/clock.ts';
import { useClock } from './ledger-clock.ts';
import { writeTx } from './write-tx.ts';
import { projectFile } from '../src/project-files.ts';
import { asLedgerBusy, busyLimitMs } from '../src/domain/ledger-busy.ts';
import { createPepper } from '../src/security/pepper-file.ts';
import { chainKeyFor } from '../src/security/chain-key.ts';
import { hasSeals, hasUnsealedChanges, installSealCapture, sealSchema, tablesOffSeal } from './seal-chain.ts';

/** The database or a transaction on it: ledger functions take either. */
export type LedgerDb = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;
export type Ledger = {
  readonly path: string;
  readonly sqlite: Database.Database;
  readonly db: LedgerDb;
  /** The one clock every workflow on this ledger reads (src/domain/clock.ts). */
  readonly now: Clock;
};

const MIGRATIONS_FOLDER = projectFile('db/migrations/');
const NETWORK_FS = new Set(['nfs', 'nfs4', 'cifs', 'smbfs', 'smb3', 'fuse.sshfs', 'afs', '9p', 'ceph', 'glusterfs']);

export type OpenOptions = {
  /** Refuse to create a new file (every command but `init` and `demo`). */
  mustExist?: boolean;
  /** Let the operators' group read and write the file too (one service account is better; see README). */
  groupAccess?: boolean;
  /** Default: `SBK_NOW` if set (tests, training), else the system clock. */
  now?: Clock;
};

export function openLedger(path: string, opts: OpenOptions = {}): Ledger {
  const full = resolve(path);
  const isNew = !existsSync(full);
  if (isNew && opts.mustExist) {
    throw new SbkError('LEDGER_NOT_FOUND', { path: full });
  }
  const dirMode = opts.groupAccess ? 0o770 : 0o700;
  const dirIsNew = !existsSync(dirname(full));
  mkdirSync(dirname(full), { recursive: true, mode: dirMode });
  // mkdir's mode is cut by the process umask (0750 under the usual 022): the operators' group
  // could then not create the -wal and -shm files SQLite needs beside the ledger.
  if (dirIsNew) chmodSync(dirname(full), dirMode);
  refuseNetworkFilesystem(dirname(full));

  // SQLite creates the file (and later -wal/-shm with the same mode) under the process umask:
  // PINs and ID numbers live here, so nobody but the owner (and optionally the group) may read it.
  const oldMask = process.umask(opts.groupAccess ? 0o007 : 0o077);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(full);
  } finally {
    process.umask(oldMask);
  }
  if (isNew) chmodSync(full, opts.groupAccess ? 0o660 : 0o600);
  // The key comes first: the seal a new ledger's first migration writes is already keyed.
  if (isNew) createPepper(full);
  const now = opts.now ?? clockFromEnv(process.env.SBK_NOW);

  // Another process's write (a long import) is waited for up to SBK_BUSY_TIMEOUT_MS (30 s), then
  // refused as LEDGER_BUSY, not shown as a program error (db/write-tx.ts retries with backoff).
  sqlite.pragma(`busy_timeout = ${busyLimitMs()}`);
  try {
    sqlite.pragma('journal_mode = WAL');
    // better-sqlite3 builds with NORMAL as the WAL default, which can lose a committed transaction on
    // power loss (ENGINEERING.md §2).
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    applyMigrations(sqlite, sealSchemaAfterMigrating(sqlite, full, now));
    installSealCapture(sqlite);
  } catch (e) {
    sqlite.close();
    throw asLedgerBusy(e);
  }
  const db = drizzle(sqlite, { schema });
  useClock(db, now);
  return { path: full, sqlite, db, now };
}

export function closeLedger(ledger: Ledger): void {
  if (!ledger.sqlite.open) return;
  // A write that bypassed writeTx (none should) still gets its seal before the file is let go.
  if (hasUnsealedChanges(ledger.sqlite)) writeTx(ledger, () => undefined);
  ledger.sqlite.close();
}

/**
 * drizzle-kit's own migrator reads the applied list outside its transaction; this one does not.
 * `sealAfter` runs inside it once they have all been applied, with the tables that were off
 * their seal before the first one ran.
 */
function applyMigrations(sqlite: Database.Database, sealAfter: (untracked: string[]) => void): void {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  sqlite.exec('CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
  const latest = () =>
    (sqlite.prepare('SELECT max(created_at) AS t FROM "__drizzle_migrations"').get() as { t: number | null }).t ?? -1;
  const last = migrations[migrations.length - 1];
  if (!last || Number(latest()) >= last.folderMillis) return;
  const run = sqlite.transaction(() => {
    const done = Number(latest());
    if (done >= last.folderMillis) return;
    // Tables already changed behind the program's back, found before a migration reshapes them.
    const untracked = hasSeals(sqlite) ? tablesOffSeal(sqlite) : [];
    for (const m of migrations) {
      if (m.folderMillis <= done) continue;
      for (const stmt of m.sql) if (stmt.trim()) sqlite.exec(stmt);
      sqlite.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(m.hash, m.folderMillis);
    }
    sealAfter(untracked);
  });
  run.immediate();
}

/** A migration may add columns or rows: the whole content and the schema are sealed afresh, in its transaction. */
function sealSchemaAfterMigrating(sqlite: Database.Database, path: string, now: Clock): (untracked: string[]) => void {
  return (untracked) => sealSchema(sqlite, chainKeyFor(path), now().toISOString(), untracked);
}

function refuseNetworkFilesystem(dir: string): void {
  if (!existsSync('/proc/mounts')) return;
  const real = realpathSync(dir);
  let best = { mount: '', type: '' };
  for (const line of readFileSync('/proc/mounts', 'utf8').split('\n')) {
    const [, mount, type] = line.split(' ');
    if (!mount || !type) continue;
    const m = mount.replace(/\\040/g, ' ');
    if ((real === m || real.startsWith(m.endsWith('/') ? m : m + '/')) && m.length > best.mount.length) best = { mount: m, type };
  }
  // WAL needs shared memory on one host: on a network filesystem two hosts can corrupt the ledger.
  if (NETWORK_FS.has(best.type)) {
    throw new SbkError('LEDGER_ON_NETWORK_FS', { dir, fsType: best.type });
  }
}
