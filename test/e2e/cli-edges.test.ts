/**
 * Issue 18's small edges with the real CLI: an empty file given as --db is no ledger (SQLite
 * would take it for a new database and the command would run on an empty ledger), and the
 * re-make list's --csv refuses a planted link like every other file sbk writes.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { addCalendarDays, todayInChina } from '../../src/domain/calendar.ts';
import { syntheticMakerRows, writeMakerFile, type MakerFileFields } from '../../src/domain/maker-file-writer.ts';

const SLOW = 60_000;
const ADMIN = { SBK_OPERATOR: 'boss', SBK_PIN: '135790' };

describe('--db at an empty file', () => {
  it(
    'is refused as LEDGER_NOT_A_DATABASE by a command that needs a ledger, the file left empty; init still makes a ledger in it',
    () => {
      const dir = tempDir();
      const db = join(dir, 'ledger.db');
      writeFileSync(db, '');
      for (const args of [['stock'], ['operator', 'list'], ['verify']]) {
        const json = runCli([...args, '--db', db, '--json'], ADMIN);
        expect(json.code, json.stdout + json.stderr).toBe(1);
        expect(json.json().error).toMatchObject({ code: 'LEDGER_NOT_A_DATABASE', message: expect.stringContaining('空文件') });
      }
      const text = runCli(['stock', '--db', db], ADMIN);
      expect(text.code).toBe(1);
      expect(text.stderr).toMatch(/LEDGER_NOT_A_DATABASE/);
      expect(text.stderr).toContain(db);
      expect(text.stderr).not.toMatch(/内部错误|SqliteError/);
      expect(statSync(db).size).toBe(0);
      expect(readdirSync(dir)).toEqual(['ledger.db']);

      const init = runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国', '--json'], { SBK_PIN: '135790' });
      expect(init.code, init.stdout + init.stderr).toBe(0);
      const list = runCli(['operator', 'list', '--db', db, '--json'], ADMIN);
      expect(list.code, list.stderr).toBe(0);
      expect(list.json().map((o: { login: string }) => o.login)).toEqual(['boss']);
    },
    SLOW,
  );

  it(
    'sbk demo makes its ledger in an empty file; a ledger already there is still refused',
    () => {
      const db = join(tempDir(), 'demo.db');
      writeFileSync(db, '');
      const demo = runCli(['demo', '--db', db, '--json']);
      expect(demo.code, demo.stdout + demo.stderr).toBe(0);
      expect(demo.json().cards).toBeGreaterThan(0);
      expect(runCli(['demo', '--db', db, '--json']).json().error.code).toBe('LEDGER_EXISTS');
    },
    SLOW,
  );
});

describe('sbk remake list --csv', () => {
  it(
    'refuses a link planted at the CSV path (FILE_IS_SYMLINK) and leaves its target as it was; a plain path is written at 0600',
    () => {
      const dir = tempDir();
      const db = join(dir, 'ledger.db');
      expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { SBK_PIN: '135790' }).code).toBe(0);
      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'precious', { mode: 0o640 });
      const link = join(dir, 'remake.csv');
      symlinkSync(victim, link);
      const r = runCli(['remake', 'list', '--csv', link, '--db', db, '--json'], ADMIN);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.json().error.code).toBe('FILE_IS_SYMLINK');
      expect(readFileSync(victim, 'utf8')).toBe('precious');
      expect(statSync(victim).mode & 0o777).toBe(0o640);

      const plain = join(dir, 'plain.csv');
      const ok = runCli(['remake', 'list', '--csv', plain, '--db', db, '--json'], ADMIN);
      expect(ok.code, ok.stderr).toBe(0);
      expect(existsSync(plain)).toBe(true);
      expect(statSync(plain).mode & 0o777).toBe(0o600);
      expect(readFileSync(plain, 'utf8').startsWith('\uFEFF卡号')).toBe(true);
    },
    SLOW,
  );
});

describe('sbk import --report', () => {
  it(
    'refuses a link planted at the report path and leaves its target as it was; nothing imported',
    () => {
      const dir = tempDir();
      const db = join(dir, 'ledger.db');
      expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { SBK_PIN: '135790' }).code).toBe(0);
      const fields: MakerFileFields = { bank: '中国建设银行', cityBody: '武汉市社保卡管理中心', batch: 'YZ-L18', maker: '金邦达', bankCode: '105521000011', time: '20261120093000' };
      const w = writeMakerFile('prefab', fields, syntheticMakerRows('prefab', 20, 2, { cardPrefix: 'B7', boxSize: 10 }));
      const lines = w.text.split('\n').map((l, i) => (i >= 2 && l !== '' ? l.slice(0, l.lastIndexOf(',')) : l));
      const file = join(dir, w.fileName);
      writeFileSync(file, lines.join('\n'));
      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'precious', { mode: 0o640 });
      const link = join(dir, 'report.txt');
      symlinkSync(victim, link);
      const r = runCli(['import', file, '--report', link, '--db', db, '--json'], ADMIN);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.json().error.code).toBe('FILE_IS_SYMLINK');
      expect(readFileSync(victim, 'utf8')).toBe('precious');
      expect(statSync(victim).mode & 0o777).toBe(0o640);
      expect(runCli(['stock', '--db', db, '--json'], ADMIN).json().total).toBe(0);
    },
    SLOW,
  );
});

describe('dates that cannot be in the future', () => {
  it(
    'count report: a period reaching past today is refused (DATE_IN_FUTURE), up to today it is printed',
    () => {
      const dir = tempDir();
      const db = join(dir, 'ledger.db');
      expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { SBK_PIN: '135790' }).code).toBe(0);
      const today = todayInChina();
      const future = runCli(['count', 'report', '--from', addCalendarDays(today, -3), '--to', addCalendarDays(today, 1), '--db', db, '--json'], ADMIN);
      expect(future.code, future.stdout + future.stderr).toBe(1);
      expect(future.json().error).toMatchObject({ code: 'DATE_IN_FUTURE', message: expect.stringContaining('晚于今天') });
      const later = runCli(['count', 'report', '--from', addCalendarDays(today, 5), '--to', addCalendarDays(today, 9), '--db', db], ADMIN);
      expect(later.code).toBe(1);
      expect(later.stderr).toContain('DATE_IN_FUTURE');
      const now = runCli(['count', 'report', '--from', addCalendarDays(today, -3), '--to', today, '--db', db, '--json'], ADMIN);
      expect(now.code, now.stdout + now.stderr).toBe(0);
    },
    SLOW,
  );
});
