import { describe, expect, it } from 'vitest';
import { commonPrefix, completePath, splitTypedPath, type DirEntry } from '../../src/domain/path-completion.ts';

const entries: DirEntry[] = [
  { name: 'YZKCG_中国工商银行_武汉市社保卡管理中心_YZ01_50_金邦达_102521000013_20261120093000.txt', dir: false },
  { name: 'YZKCG_中国建设银行_武汉市社保卡管理中心_YZ02_50_金邦达_105521000011_20261120093000.txt', dir: false },
  { name: 'returns', dir: true },
  { name: 'report.txt', dir: false },
  { name: '.hidden', dir: false },
];

describe('path completion (Tab, as in a shell)', () => {
  it('splits the typed text at its last slash', () => {
    expect(splitTypedPath('/data/in/YZ')).toEqual({ dir: '/data/in/', base: 'YZ' });
    expect(splitTypedPath('YZ')).toEqual({ dir: '', base: 'YZ' });
    expect(splitTypedPath('/data/')).toEqual({ dir: '/data/', base: '' });
  });

  it('completes a single match in full; a folder gets its slash', () => {
    expect(completePath('/d/retu', entries)).toEqual({ value: '/d/returns/', candidates: [], none: false });
    expect(completePath('/d/rep', entries)).toEqual({ value: '/d/report.txt', candidates: [], none: false });
  });

  it('completes several matches as far as they agree and lists them all', () => {
    const c = completePath('/d/Y', entries);
    expect(c.value).toBe('/d/YZKCG_中国');
    expect(c.candidates).toEqual([entries[0]!.name, entries[1]!.name]);
    // Tab again at the common prefix: the same list, the value unchanged.
    expect(completePath(c.value, entries)).toEqual(c);
    expect(completePath('/d/re', entries).candidates).toEqual(['report.txt', 'returns/']);
  });

  it('says when nothing matches and leaves the text alone', () => {
    expect(completePath('/d/zz', entries)).toEqual({ value: '/d/zz', candidates: [], none: true });
  });

  it('offers hidden files only when a dot was typed', () => {
    expect(completePath('/d/', entries).candidates).not.toContain('.hidden');
    expect(completePath('/d/.', entries).value).toBe('/d/.hidden');
  });

  it('takes the common prefix by character, not by byte', () => {
    expect(commonPrefix(['中国工商银行', '中国建设银行'])).toBe('中国');
    expect(commonPrefix([])).toBe('');
  });
});
