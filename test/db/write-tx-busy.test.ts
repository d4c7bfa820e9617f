import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { writeTx, onLedgerWait } from '../../db/write-tx.ts';
import { freshLedger } from '../helpers/temp-ledger.ts';

const before = process.env.SBK_BUSY_TIMEOUT_MS;
afterEach(() => void (before === undefined ? delete process.env.SBK_BUSY_TIMEOUT_MS : (process.env.SBK_BUSY_TIMEOUT_MS = before)));

describe('writeTx while another connection holds the write lock', () => {
  it('waits with backoff up to SBK_BUSY_TIMEOUT_MS, says so once, then throws LEDGER_BUSY without running the write', () => {
    const { ledger } = freshLedger();
    process.env.SBK_BUSY_TIMEOUT_MS = '400';
    const other = new Database(ledger.path);
    other.exec('BEGIN IMMEDIATE');
    let notices = 0;
    let ran = 0;
    onLedgerWait(ledger, () => notices++);
    const t0 = performance.now();
    try {
      expect(() => writeTx(ledger, () => ran++)).toThrow(expect.objectContaining({ code: 'LEDGER_BUSY' }));
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
    expect([notices, ran]).toEqual([1, 0]);
    // Free again: the next write goes through at once, and the connection's own timeout is back.
    expect(writeTx(ledger, () => 'done')).toBe('done');
    expect(ledger.sqlite.pragma('busy_timeout', { simple: true })).toBe(400);
  });
});
