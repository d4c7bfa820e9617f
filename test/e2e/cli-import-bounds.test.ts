/**
 * Issue 18 "Bounded everything", through the real binary: a maker's file too large is refused
 * before it is read, `--json` lists at most a thousand problems and counts the rest, and a
 * field beyond its column's limits is refused with its line and column, writing nothing.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { MAKER_FILE_MAX_BYTES } from '../../src/domain/maker-file-format.ts';
import { syntheticMakerRows, writeMakerFile } from '../../src/domain/maker-file-writer.ts';
import type { MakerFileFields } from '../../src/domain/maker-file-writer.ts';

const boss = { SBK_OPERATOR: 'boss', SBK_PIN: '135790' };
const FIELDS: MakerFileFields = { bank: '中国建设银行', cityBody: '武汉市社保卡管理中心', batch: 'YZ-B18', maker: '金邦达', bankCode: '105521000011', time: '20261120093000' };

function ledger(): string {
  const db = join(tempDir(), 'city.db');
  expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { SBK_PIN: '135790' }).code).toBe(0);
  return db;
}

describe('sbk import: bounded input (issue 18)', () => {
  it('a file larger than the limit is refused from its size, before it is read, with a Chinese message', () => {
    const db = ledger();
    const dir = tempDir();
    // A sparse file: its size says 384 MiB + 1 without a byte on disk; reading it would take
    // seconds and hundreds of megabytes, the size check takes neither.
    const big = join(dir, 'YZKCG_中国建设银行_武汉市社保卡管理中心_YZ-BIG_1_金邦达_105521000011_20261120093000.txt');
    writeFileSync(big, '');
    truncateSync(big, MAKER_FILE_MAX_BYTES + 1);
    const started = Date.now();
    const r = runCli(['import', big, '--db', db, '--json'], boss);
    expect(r.code, r.stderr).toBe(1);
    const e = r.json().error;
    expect(e.code).toBe('MAKER_FILE_TOO_LARGE');
    expect(e.message).toContain('384.0 MB');
    expect(e.message).toContain('超过回盘文件的上限');
    expect(Date.now() - started).toBeLessThan(20_000);
    const text = runCli(['import', big, '--db', db], boss);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('MAKER_FILE_TOO_LARGE');
    expect(runCli(['stock', '--db', db, '--json'], boss).json().total).toBe(0);
  });

  it('--json of a file with 5,000 broken lines lists 1,000 problems and counts the rest; --report keeps all', () => {
    const db = ledger();
    const dir = tempDir();
    const w = writeMakerFile('prefab', FIELDS, syntheticMakerRows('prefab', 5000, 4, { cardPrefix: 'B8', boxSize: 100 }));
    // Every data line loses its last field: 5,000 field-count problems.
    const lines = w.text.split('\n').map((l, i) => (i >= 2 && l !== '' ? l.slice(0, l.lastIndexOf(',')) : l));
    const path = join(dir, w.fileName);
    writeFileSync(path, lines.join('\n'));
    const report = join(dir, 'report.txt');
    const r = runCli(['import', path, '--db', db, '--json', '--report', report], boss);
    expect(r.code, r.stderr).toBe(1);
    const j = r.json();
    expect(j.status).toBe('invalid');
    expect(j.errors).toHaveLength(1000);
    expect(j.more).toBeGreaterThanOrEqual(4000);
    expect(j.errors.length + j.more).toBe(readFileSync(report, 'utf8').trimEnd().split('\n').length);
    expect(j.errors[0]).toMatchObject({ line: 3, column: null, code: 'MAKER_FIELD_COUNT' });
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(1_000_000);
    const text = runCli(['import', path, '--db', db], boss);
    expect(text.stdout.split('\n').length).toBeLessThan(260);
    expect(text.stdout).toMatch(/另有 \d+ 处（用 --report 保存全部）/);
    expect(runCli(['stock', '--db', db, '--json'], boss).json().total).toBe(0);
  });

  it('a clean file reports more: 0', () => {
    const db = ledger();
    const dir = tempDir();
    const w = writeMakerFile('prefab', FIELDS, syntheticMakerRows('prefab', 3, 4, { cardPrefix: 'B9' }));
    const path = join(dir, w.fileName);
    writeFileSync(path, w.text);
    const r = runCli(['import', path, '--db', db, '--json'], boss);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ status: 'imported', errors: [], more: 0 });
  });

  it('a 10,000-character 装箱位置 and a NUL are refused with line and column; nothing is written', () => {
    const db = ledger();
    const dir = tempDir();
    const w = writeMakerFile('prefab', FIELDS, syntheticMakerRows('prefab', 4, 4, { cardPrefix: 'B7' }));
    const lines = w.text.split('\n');
    lines[3] = `${lines[3]!.slice(0, lines[3]!.lastIndexOf(',') + 1)}${'9'.repeat(10_000)}`;
    lines[4] = `${lines[4]!.slice(0, lines[4]!.lastIndexOf(',') + 1)}01\u0000-002`;
    const path = join(dir, w.fileName);
    writeFileSync(path, lines.join('\n'));
    const r = runCli(['import', path, '--db', db, '--json'], boss);
    expect(r.code, r.stderr).toBe(1);
    expect(r.json().errors.map((e: { line: number; column: string; code: string }) => [e.line, e.column, e.code])).toEqual([
      [4, '装箱位置', 'MAKER_FIELD_TOO_LONG'],
      [5, '装箱位置', 'MAKER_FIELD_CONTROL'],
    ]);
    expect(r.stdout).not.toContain('9999999999');
    expect(r.stdout).not.toContain('\\u0000');
    const text = runCli(['import', path, '--db', db], boss);
    expect(text.stdout).toContain('第 4 行「装箱位置」：装箱位置最长32个字符，这里有10000个');
    expect(runCli(['stock', '--db', db, '--json'], boss).json().total).toBe(0);
  });
});
