/**
 * The harness the CLI end-to-end tests share: one demo ledger built per test file, a fresh copy
 * (with its pepper file) per scenario, and `sbk` run as a named demo operator.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli, type CliResult } from './run-cli.ts';
import { tempDir } from './temp-ledger.ts';

type Env = Record<string, string | undefined>;

/** Builds the demo ledger once for the calling test file; returns a function that copies it. */
export function demoLedgerCopies(prefix: string): () => string {
  let master = '';
  let masterDir = '';
  beforeAll(() => {
    masterDir = mkdtempSync(join(tmpdir(), prefix));
    master = join(masterDir, 'demo.db');
    const demo = runCli(['demo', '--db', master, '--json']);
    expect(demo.code, demo.stderr).toBe(0);
  });
  afterAll(() => rmSync(masterDir, { recursive: true, force: true }));
  return () => {
    const db = join(tempDir(), 'demo.db');
    copyFileSync(master, db);
    copyFileSync(`${master}.key`, `${db}.key`);
    return db;
  };
}

/** `sbk` as one of `pins`' operators; never an approver PIN unless a scenario gives one. */
export function cliAs<P extends Record<string, string>>(pins: P) {
  type Who = keyof P & string;
  const as = (who: Who | null): Env => (who ? { SBK_OPERATOR: who, SBK_PIN: pins[who] } : {});
  const sbk = (db: string, who: Who | null, args: string[], env: Env = {}): CliResult =>
    runCli([...args, '--db', db, '--json'], { SBK_APPROVER_PIN: undefined, ...as(who), ...env });
  return {
    sbk,
    /** Without --json: what an operator reads. */
    text: (db: string, who: Who, args: string[], env: Env = {}): CliResult => runCli([...args, '--db', db], { SBK_APPROVER_PIN: undefined, ...as(who), ...env }),
    /** Runs and expects success; returns the parsed JSON. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command's JSON has its own shape; tests assert on it
    ok: (db: string, who: Who | null, args: string[], env: Env = {}): any => {
      const r = sbk(db, who, args, env);
      expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
      return r.json();
    },
    /** Runs and expects an operator error (exit 1) with this code. */
    refused: (db: string, who: Who | null, args: string[], code: string, env: Env = {}): void => {
      const r = sbk(db, who, args, env);
      expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(1);
      expect(r.json().error.code).toBe(code);
    },
    usage: (db: string, who: Who, args: string[]): void => {
      const r = sbk(db, who, args);
      expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(2);
      expect(r.json().error.code).toBe('USAGE');
    },
  };
}

export function verifies(db: string): void {
  const v = runCli(['verify', '--db', db, '--json']);
  expect(v.code, v.stdout).toBe(0);
  expect(v.json()).toMatchObject({ ok: true, problems: [] });
}

export function errorCode(r: CliResult): string {
  return r.json().error.code;
}

/** The full ID number of a card's holder, read straight from the ledger file (what the counter types). */
export function holderIdOf(db: string, cardNo: string): string {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const row = d.prepare('SELECT h.id_number AS id FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.card_no = ?').get(cardNo) as { id: string } | undefined;
    if (!row) throw new Error(`no holder for ${cardNo}`);
    return row.id;
  } finally {
    d.close();
  }
}
