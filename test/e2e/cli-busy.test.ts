import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { errorText } from '../../src/ui/state/error-text.ts';

const BIN = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));

type Run = { code: number; stdout: string; stderr: string; ms: number };

/** The real binary, asynchronously: the test keeps the lock, or lets it go, while it runs. */
function sbkAsync(args: string[], env: Record<string, string>): Promise<Run> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, SBK_OPERATOR: undefined, SBK_PIN: undefined, SBK_DB: undefined, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - t0 }));
  });
}

function ledgerWithAdmin(): string {
  const db = join(tempDir(), 'busy.db');
  expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { SBK_PIN: '135790' }).code).toBe(0);
  return db;
}

/** Another process's long write: BEGIN IMMEDIATE held on a second connection. */
function holdWriteLock(db: string): { release: () => void } {
  const other = new Database(db);
  other.exec('BEGIN IMMEDIATE');
  return {
    release: () => {
      other.exec('COMMIT');
      other.close();
    },
  };
}

const ADD = (login: string) => ['operator', 'add', '--id', login, '--name', '某某', '--role', 'clerk', '--site', '420100'];
const ENV = { SBK_OPERATOR: 'boss', SBK_PIN: '135790', SBK_NEW_PIN: '482913', SBK_BUSY_TIMEOUT_MS: '1500', SBK_AUTH_DELAY_MS: '5' };

describe('a writer that meets another process holding the ledger', () => {
  it('waits up to the limit, then exits 75 with LEDGER_BUSY (not INTERNAL, not 70)', async () => {
    const db = ledgerWithAdmin();
    const lock = holdWriteLock(db);
    try {
      const json = await sbkAsync([...ADD('x1'), '--db', db, '--json'], ENV);
      expect(json.code, json.stdout + json.stderr).toBe(75);
      expect(JSON.parse(json.stdout).error.code).toBe('LEDGER_BUSY');
      expect(json.ms).toBeGreaterThanOrEqual(1500);
      expect(json.stderr).toContain('等待其他操作完成…');
      const text = await sbkAsync([...ADD('x1'), '--db', db], ENV);
      expect(text.code).toBe(75);
      expect(text.stderr).toContain('LEDGER_BUSY');
      expect(text.stderr).not.toContain('内部错误');
    } finally {
      lock.release();
    }
    expect(runCli(['operator', 'list', '--db', db, '--json'], ENV).json().map((o: { login: string }) => o.login)).toEqual(['boss']);
  });

  it('succeeds when the lock is let go within the limit', async () => {
    const db = ledgerWithAdmin();
    const lock = holdWriteLock(db);
    const run = sbkAsync([...ADD('x2'), '--db', db, '--json'], { ...ENV, SBK_BUSY_TIMEOUT_MS: '20000' });
    setTimeout(lock.release, 1500);
    const r = await run;
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ login: 'x2' });
  });

  it('the console says LEDGER_BUSY in words, not 程序出错', () => {
    const raw = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(errorText(raw)).toContain('台账正被其他操作占用');
  });
});
