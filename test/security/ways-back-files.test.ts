/**
 * Issue 18, safe files: the 销毁移交单 (destruction hand-over sheet), written since the ways back
 * were built, went through writeFileSync and followed a link planted in exports/ (GD Art. 32 二:
 * the sheet names the cards handed to the bank). Now it goes through safe-write like every file.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveDestructionSheet } from '../../src/workflows/destruction-handover.ts';
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
