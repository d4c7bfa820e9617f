/**
 * Issue 18, safe files, for the writers the CLI e2e tests do not reach: the 销毁移交单 (destruction
 * hand-over sheet), written since the ways back were built, went through writeFileSync and
 * followed a link planted in exports/ (GD Art. 32 二: the sheet names the cards handed to the
 * bank); now it goes through safe-write like every file. The console's problem list beside a
 * maker's file (a shared folder) likewise.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveDestructionSheet } from '../../src/workflows/destruction-handover.ts';
import { saveProblemList } from '../../src/workflows/save-problem-list.ts';
import type { MakerFileError } from '../../src/domain/maker-file.ts';
import type { DestructionSheet } from '../../src/domain/destruction-sheet-format.ts';
import { tempDir } from '../helpers/temp-ledger.ts';
import { sbkCode } from '../helpers/error-code.ts';

const SHEET: DestructionSheet = {
  ref: 'XH-420102-01-20261207-01',
  site: { code: '420102-01', name: '江岸' },
  at: '2026-12-07 10:00',
  reason: '注销卡交银行销毁',
  operator: '张伟',
  approver: '赵敏',
  bankReceiver: '周行',
  counted: 1,
  cards: [{ cardNo: 'A10000018', kind: 'finished', stateLabel: '已注销', holder: '王**' }],
};

describe('saveDestructionSheet', () => {
  it('writes the sheet at 0600 and leaves no temporary file', () => {
    const dir = join(tempDir(), 'exports');
    const path = saveDestructionSheet({ path: '/unused' }, SHEET, dir);
    expect(readFileSync(path, 'utf8')).toContain('A10000018');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('refuses a link planted at the sheet path, and an exports folder that is a link; the target untouched', () => {
    const base = tempDir();
    const victim = join(base, 'victim.txt');
    writeFileSync(victim, 'precious', { mode: 0o640 });
    const dir = join(base, 'exports');
    mkdirSync(dir);
    symlinkSync(victim, join(dir, `销毁移交单-${SHEET.ref}.txt`));
    expect(sbkCode(() => saveDestructionSheet({ path: '/unused' }, SHEET, dir))).toBe('FILE_IS_SYMLINK');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(statSync(victim).mode & 0o777).toBe(0o640);

    const elsewhere = join(base, 'elsewhere');
    mkdirSync(elsewhere);
    const linkedDir = join(base, 'exports-link');
    symlinkSync(elsewhere, linkedDir);
    expect(sbkCode(() => saveDestructionSheet({ path: '/unused' }, SHEET, linkedDir))).toBe('FILE_IS_SYMLINK');
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('saveProblemList (the console intake screen, S)', () => {
  it('refuses a link planted where the list goes; a plain path is written at 0600', () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious', { mode: 0o640 });
    const out = join(dir, 'YZKCG_x.txt.问题清单.txt');
    symlinkSync(victim, out);
    const problems: MakerFileError[] = [{ line: 3, column: null, code: 'MAKER_FIELD_COUNT', message: '第 3 行字段数不对' }];
    expect(sbkCode(() => saveProblemList(out, problems))).toBe('FILE_IS_SYMLINK');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    const plain = join(dir, 'plain.问题清单.txt');
    saveProblemList(plain, problems);
    expect(statSync(plain).mode & 0o777).toBe(0o600);
  });
});
