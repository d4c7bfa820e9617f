import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeIntakePath, makerFilesIn, openIntakePath } from '../../src/workflows/intake-path.ts';

const A = 'YZKCG_中国工商银行_武汉市社保卡管理中心_YZ01_50_金邦达_102521000013_20261120093000.txt';
const B = 'CPKCG_中国建设银行_武汉市社保卡管理中心_2026110001_20_东信和平_105521000011_20261120093000.txt';
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sbk-intake-path-'));
  mkdirSync(join(root, 'in', 'returns'), { recursive: true });
  for (const f of [A, B, `${A}.问题清单.txt`, 'notes.txt']) writeFileSync(join(root, 'in', f), '1\n');
  symlinkSync(join(root, 'in'), join(root, 'link-to-in'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the intake path on disk', () => {
  it('Tab completes a folder, then a file in it, relative or absolute', () => {
    expect(completeIntakePath(`${root}/i`).value).toBe(`${root}/in/`);
    expect(completeIntakePath('i', root).value).toBe('in/');
    expect(completeIntakePath('li', root).value).toBe('link-to-in/'); // a link to a folder is a folder
    expect(completeIntakePath(`${root}/in/C`).value).toBe(`${root}/in/${B}`);
  });

  it('an ambiguous prefix extends to what the matches share and lists them', () => {
    const c = completeIntakePath(`${root}/in/YZ`);
    expect(c.value).toBe(`${root}/in/YZKCG_中国工商银行_武汉市社保卡管理中心_YZ01_50_金邦达_102521000013_20261120093000.txt`);
    expect(c.candidates).toEqual([A, `${A}.问题清单.txt`]);
    expect(completeIntakePath(`${root}/in/`).candidates).toEqual([B, A, `${A}.问题清单.txt`, 'notes.txt', 'returns/']);
  });

  it('a folder that is not there completes to nothing', () => {
    expect(completeIntakePath(`${root}/nowhere/x`)).toMatchObject({ value: `${root}/nowhere/x`, none: true });
  });

  it('Enter on a folder lists its maker files; on a file reads it', () => {
    expect(openIntakePath(join(root, 'in'))).toEqual({ kind: 'folder', path: join(root, 'in'), files: [B, A] });
    expect(makerFilesIn(join(root, 'in', 'returns'))).toEqual([]);
    const t = openIntakePath(`in/${A}`, root);
    expect(t.kind).toBe('file');
    expect(t.kind === 'file' && t.file.fileName).toBe(A);
  });

  it('~ is the home folder, as in the shell the operator came from', () => {
    const home = process.env.HOME;
    process.env.HOME = root;
    try {
      expect(completeIntakePath('~/i').value).toBe('~/in/');
      expect(openIntakePath('~/in')).toMatchObject({ kind: 'folder', path: join(root, 'in') });
    } finally {
      process.env.HOME = home;
    }
  });

  it('a path that is neither says so with its code', () => {
    expect(() => openIntakePath(join(root, 'missing.txt'))).toThrow(expect.objectContaining({ code: 'FILE_NOT_READABLE' }));
  });
});
