import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const dir = fileURLToPath(new URL('../../fixtures/maker-files/', import.meta.url));
const file = (prefix: string, batch: string) => join(dir, readdirSync(dir).find((f) => f.startsWith(prefix) && f.includes(`_${batch}_`))!);
const boss = { SBK_OPERATOR: 'boss', SBK_PIN: '135790' };

function ledger() {
  const db = join(tempDir(), 'city.db');
  expect(runCli(['init', '--db', db, '--site', '420100', '--admin', 'boss', '--name', '王建国'], { SBK_PIN: '135790' }).code).toBe(0);
  return db;
}

describe('sbk import (real binary)', () => {
  it('refuses a file for another city unless --other-city is given', () => {
    const db = ledger();
    // The fixtures are Guangzhou's (广州市社会保险卡管理中心); this ledger is Wuhan's (420100).
    const r = runCli(['import', file('YZKCG', 'YZ2026110003'), '--db', db, '--json'], boss);
    expect(r.code).toBe(1);
    expect(r.json().error.code).toBe('MAKER_FILE_OTHER_CITY');
    expect(r.json().error.message).toContain('广州市社会保险卡管理中心');
    expect(r.json().error.message).toContain('--other-city');
    expect(runCli(['stock', '--db', db, '--json'], boss).json().total).toBe(0);
    const text = runCli(['import', file('YZKCG', 'YZ2026110003'), '--db', db], boss);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('MAKER_FILE_OTHER_CITY');
    const ok = runCli(['import', file('YZKCG', 'YZ2026110003'), '--db', db, '--other-city', '--json'], boss);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json()).toMatchObject({ status: 'imported', registered: 50 });
  });

  it('prints the documented JSON, receives with --receive, and a re-import changes nothing', () => {
    const db = ledger();
    const r = runCli(['import', file('YZKCG', 'YZ2026110003'), '--db', db, '--receive', '--other-city', '--json'], boss);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ file: expect.stringMatching(/^YZKCG_/), kind: 'prefab', bank: '中国工商银行', batch: 'YZ2026110003', rows: 50, registered: 50, received: 50, errors: [] });
    const again = runCli(['import', file('YZKCG', 'YZ2026110003'), '--db', db, '--json'], boss);
    expect(again.code).toBe(0);
    expect(again.json()).toMatchObject({ status: 'already-imported', registered: 0 });
    const stock = runCli(['stock', '--db', db, '--json'], boss).json();
    expect(stock.rows).toEqual([{ kind: 'prefab', state: 'in_stock', count: 50 }]);
    expect(runCli(['verify', '--db', db]).code).toBe(0);
  });

  it('a file with errors exits non-zero, lists them with lines, saves the report and leaves the ledger unchanged', () => {
    const db = ledger();
    const dirOut = tempDir();
    const report = join(dirOut, 'report.txt');
    const r = runCli(['import', file('CPKCG', '2026110009'), '--db', db, '--json', '--report', report], boss);
    expect(r.code).toBe(1);
    const j = r.json();
    expect(j.errors.length).toBeGreaterThanOrEqual(6);
    for (const e of j.errors) expect(Object.keys(e).sort()).toEqual(['code', 'column', 'line', 'message']);
    expect(j.errors.some((e: { line: number }) => e.line > 2)).toBe(true);
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toMatch(/第 \d+ 行/);
    // PIPL: the report names lines and columns, never a full ID number.
    expect(readFileSync(report, 'utf8')).not.toMatch(/\d{17}[\dX]/);
    expect(runCli(['stock', '--db', db, '--json'], boss).json().total).toBe(0);
    const text = runCli(['import', file('CPKCG', '2026110009'), '--db', db], boss);
    expect(text.stdout).toMatch(/文件有 \d+ 处问题，未写入台账/);
  });

  it('discrepancy list and close from the CLI', () => {
    const db = ledger();
    const list = runCli(['discrepancy', 'list', '--db', db, '--json'], boss);
    expect(list.code).toBe(0);
    expect(list.json()).toEqual([]);
    const close = runCli(['discrepancy', 'close', '99', '--reason', '找到', '--db', db, '--json'], boss);
    expect(close.json().error.code).toBe('DISCREPANCY_NOT_FOUND');
  });
});

describe('several operators at once on one ledger', () => {
  it('three imports in parallel processes all land, none meets "database is locked", verify passes', async () => {
    const { spawn } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const { syntheticMakerRows, writeMakerFile } = await import('../../src/domain/maker-file-writer.ts');
    const bin = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));
    const db = ledger();
    const out = tempDir();
    const files = ['V1', 'V2', 'V3'].map((prefix, i) => {
      const f = writeMakerFile('prefab', { bank: '中国工商银行', cityBody: '武汉市社保卡管理中心', batch: `PAR-${prefix}`, maker: '金邦达', bankCode: '102521000013', time: '20261120093000' }, syntheticMakerRows('prefab', 2000, 100 + i, { cardPrefix: prefix, boxSize: 500 }));
      const path = join(out, f.fileName);
      writeFileSync(path, f.text);
      return path;
    });
    const results = await Promise.all(
      files.map(
        (f) =>
          new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
            const p = spawn(process.execPath, [bin, 'import', f, '--db', db, '--receive', '--json'], { env: { ...process.env, ...boss } });
            let text = '';
            let err = '';
            p.stdout.on('data', (d) => (text += d));
            p.stderr.on('data', (d) => (err += d));
            p.on('close', (code) => resolve({ code, out: text, err }));
          }),
      ),
    );
    for (const r of results) {
      // An import checks and writes its file in one transaction: the others wait for it, and say
      // so on stderr (等待其他操作完成…), but never fail on the lock.
      expect(r.out + r.err).not.toMatch(/locked|SQLITE_BUSY/i);
      expect(r.code, r.out + r.err).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ status: 'imported', registered: 2000, received: 2000 });
    }
    expect(runCli(['stock', '--db', db, '--json'], boss).json().total).toBe(6000);
    expect(runCli(['verify', '--db', db]).code).toBe(0);
  });
});
