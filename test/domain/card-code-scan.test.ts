import { describe, expect, it } from 'vitest';
import { isCardCode } from '../../src/domain/card-code-scan.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';

describe('isCardCode', () => {
  it('takes a card number, the Annex 9 placeholder prefix included, in either case', () => {
    expect(isCardCode('A10000017')).toBe(true);
    expect(isCardCode('a10000017')).toBe(true);
    expect(isCardCode('*00000001')).toBe(true);
  });

  it('takes an 18-character identity number only with its right check character', () => {
    const first17 = '44010619900101123';
    const right = residentIdCheckChar(first17);
    expect(isCardCode(first17 + right)).toBe(true);
    const wrong = right === '0' ? '1' : '0';
    expect(isCardCode(first17 + wrong)).toBe(false);
  });

  it('refuses what a scanner would not read off a card', () => {
    for (const v of ['', 'A1000001', '4A10000017', `4${'11010519491231002X'}`, 'hello', '张伟']) expect(isCardCode(v)).toBe(false);
  });
});
