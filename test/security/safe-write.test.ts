import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFileSafely, writeFileSafely } from '../../src/security/safe-write.ts';
import { tempDir } from '../helpers/temp-ledger.ts';

const codeOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('writeFileSafely', () => {
  it('creates the file at 0600 and leaves no temporary file', () => {
    const dir = tempDir();
    const path = join(dir, '交接单.txt');
    writeFileSafely(path, '张三\n');
    expect(readFileSync(path, 'utf8')).toBe('张三\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['交接单.txt']);
  });

  it('replaces an existing file whole, and a 0644 file becomes 0600', () => {
    const dir = tempDir();
    const path = join(dir, 'report.txt');
    writeFileSync(path, 'old old old', { mode: 0o644 });
    writeFileSafely(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a symlink at the path (to a file, or dangling) and leaves its target untouched', () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious', { mode: 0o640 });
    const link = join(dir, 'out.csv');
    symlinkSync(victim, link);
    expect(codeOf(() => writeFileSafely(link, 'names'))).toBe('FILE_IS_SYMLINK');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(statSync(victim).mode & 0o777).toBe(0o640);
    const dangling = join(dir, 'head.json');
    symlinkSync(join(dir, 'nowhere'), dangling);
    expect(codeOf(() => writeFileSafely(dangling, '{}'))).toBe('FILE_IS_SYMLINK');
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['head.json', 'out.csv', 'victim.txt']);
  });

  it('a link planted after the check is replaced, never written through', () => {
    const dir = tempDir();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const path = join(dir, 'receipt.txt');
    const file = openFileSafely(path);
    file.write('回执');
    symlinkSync(victim, path);
    // commit sees the link: refused, nothing written through it.
    expect(codeOf(() => file.commit())).toBe('FILE_IS_SYMLINK');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['receipt.txt', 'victim.txt']);
  });

  it('a missing folder is FILE_UNWRITABLE; abandon leaves the path as it was', () => {
    const dir = tempDir();
    expect(codeOf(() => writeFileSafely(join(dir, 'no', 'such.txt'), 'x'))).toBe('FILE_UNWRITABLE');
    const path = join(dir, 'r.txt');
    writeFileSync(path, 'before');
    const file = openFileSafely(path);
    file.write('after');
    file.abandon();
    expect(readFileSync(path, 'utf8')).toBe('before');
    expect(readdirSync(dir)).toEqual(['r.txt']);
  });
});
