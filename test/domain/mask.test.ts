import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskBankCard, maskIdNumber, maskName, maskPhone } from '../../src/domain/mask.ts';

const visible = (s: string): number => [...s].filter((c) => c !== '*').length;

describe('maskIdNumber', () => {
  it('shows first 4 and last 4 of an 18-character number (ENGINEERING.md §4)', () => {
    expect(maskIdNumber('420102199001011234')).toBe('4201**********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X');
    expect(maskIdNumber(' １１０１０５１９４９１２３１００２Ｘ ')).toBe('1101**********002X');
  });

  it('the short way for plain 18-character numbers gives what the general way gives', () => {
    // A leading space is stripped by normalisation but keeps the input off the short way.
    const id = fc.tuple(fc.stringMatching(/^[0-9]{17}$/), fc.constantFrom(...'0123456789Xx')).map(([a, b]) => a + b);
    fc.assert(fc.property(id, (s) => maskIdNumber(s) === maskIdNumber(` ${s}`)));
  });

  it('keeps the last 4 of permit and passport numbers (8–15), at most 2 in front, never more than half; shorter: at most 2 at each end', () => {
    expect(maskIdNumber('420102900101123')).toBe('42*********1123');
    expect(maskIdNumber('H12345678')).toBe('*****5678');
    expect(maskIdNumber('12345678')).toBe('****5678');
    expect(maskIdNumber('H1234567801')).toBe('H******7801');
    expect(maskIdNumber('USA123456789012')).toBe('US*********9012');
    expect(maskIdNumber('1234567')).toBe('1*****7');
    expect(maskIdNumber('1234')).toBe('1**4');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });

  it('property: an 18-digit number never shows more than 8 characters, and keeps its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{17}[0-9X]$/), (id) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(18);
        expect(visible(m)).toBeLessThanOrEqual(8);
        expect(m.slice(4, 14)).toBe('**********');
      }),
    );
  });

  it('property: never more than half of any input is visible', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{0,30}$/), (s) => {
        expect(visible(maskIdNumber(s)) * 2).toBeLessThanOrEqual(s.length);
      }),
    );
  });
});

describe('maskBankCard', () => {
  it('shows first 6 and last 4 without spaces', () => {
    expect(maskBankCard('6217 0000 1000 1234')).toBe('621700******1234');
    expect(maskBankCard('6228-4800-0000-0000-001')).toBe('622848*********0001');
  });

  it('keeps at least 6 digits hidden on short card numbers', () => {
    expect(maskBankCard('4111111111111')).toBe('411******1111');
    expect(maskBankCard('123456789012')).toBe('12******9012');
  });

  it('treats non-card lengths like other identifiers', () => {
    expect(maskBankCard('12345678')).toBe('12****78');
    expect(maskBankCard('')).toBe('');
  });

  it('property: at least 6 digits of a 12-19 digit number are hidden, last 4 shown', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12,19}$/), (n) => {
        const m = maskBankCard(n);
        expect(m).toHaveLength(n.length);
        expect(n.length - visible(m)).toBeGreaterThanOrEqual(6);
        expect(m.slice(-4)).toBe(n.slice(-4));
        expect(visible(m)).toBeLessThanOrEqual(10);
      }),
    );
  });
});

describe('maskName', () => {
  it('keeps the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('张')).toBe('*');
  });

  it('counts a rare character as one and never shows its pinyin', () => {
    expect(maskName('张[CHUI]')).toBe('张*');
    expect(maskName('张[CHUI]三')).toBe('张**');
    expect(maskName('张【chui】')).toBe('张*');
    expect(maskName('[CHUI]三')).toBe('[CHUI]*');
  });

  it('keeps middle dots and spaces, masks letters', () => {
    expect(maskName('阿卜杜•热合曼')).toBe('阿**·***');
    expect(maskName('JOHN SMITH')).toBe('J*** *****');
  });

  it('counts characters outside the BMP as one', () => {
    expect(maskName('张\u{2A6D6}')).toBe('张*');
  });

  it('still masks malformed names', () => {
    expect(maskName('张[CHUI')).toBe('张*****');
    expect(maskName('')).toBe('');
  });

  it('property: only the first character of a Han name survives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('张', '三', '欧', '阳', '娜', '李', '[CHUI]', '[XI]'), { minLength: 2, maxLength: 6 }),
        (parts) => {
          const m = maskName(parts.join(''));
          expect(m).toBe((parts[0] as string) + '*'.repeat(parts.length - 1));
        },
      ),
    );
  });
});

describe('maskPhone', () => {
  it('shows 3 + 4 of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86138****5678');
  });

  it('shows only the last digits of other numbers, keeping separators', () => {
    expect(maskPhone('027-87654321')).toBe('***-****4321');
    expect(maskPhone('0730-5721234')).toBe('****-***1234');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('110')).toBe('***');
    expect(maskPhone('')).toBe('');
  });

  it('property: a mobile number shows 7 digits and hides the middle 4', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[0-9]{10}$/), (p) => {
        const m = maskPhone(p);
        expect(m).toBe(`${p.slice(0, 3)}****${p.slice(7)}`);
      }),
    );
  });
});
