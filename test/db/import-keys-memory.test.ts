import { describe, expect, it } from 'vitest';
import { memoryImportKeys } from '../../db/import-keys-memory.ts';
import { memorySeenKeys, type MakerKeyKind } from '../../src/domain/maker-file.ts';

const KINDS: MakerKeyKind[] = ['cardNo', 'cardIdCode', 'bankCardNo'];

describe('db/import-keys-memory: the duplicate checks’ values as bytes in memory', () => {
  it('answers as the map of strings does, across growth of its table and its pages', () => {
    // Expecting 10 values and given 60,000: the table doubles several times, the values fill pages.
    const pages = memoryImportKeys(10);
    const maps = memorySeenKeys();
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let line = 1; line <= 60_000; line++) {
      const kind = KINDS[rand(3)]!;
      // Many repeats, some values alike but for their kind, and some not ASCII.
      const v = rand(5) === 0 ? `卡${rand(2000)}` : String(rand(40_000)).padStart(rand(2) ? 18 : 9, '0');
      expect(pages.firstLine(kind, v, line)).toBe(maps.firstLine(kind, v, line));
    }
    expect(pages.bytes()).toBeGreaterThan(1 << 20);
    pages.close();
  });

  it('tells kinds, lengths and a value very long apart', () => {
    const k = memoryImportKeys(100);
    expect(k.firstLine('cardNo', 'A1', 1)).toBeUndefined();
    expect(k.firstLine('bankCardNo', 'A1', 2)).toBeUndefined();
    expect(k.firstLine('cardNo', 'A10', 3)).toBeUndefined();
    expect(k.firstLine('cardNo', '', 4)).toBeUndefined();
    expect(k.firstLine('cardNo', 'A1', 5)).toBe(1);
    expect(k.firstLine('bankCardNo', 'A1', 6)).toBe(2);
    expect(k.firstLine('cardNo', '', 7)).toBe(4);
    const long = 'x'.repeat(100_000);
    expect(k.firstLine('cardIdCode', long, 8)).toBeUndefined();
    expect(k.firstLine('cardIdCode', `${long}y`, 9)).toBeUndefined();
    expect(k.firstLine('cardIdCode', long, 10)).toBe(8);
    expect(k.firstLine('cardNo', long, 11)).toBeUndefined();
    k.close();
  });
});
