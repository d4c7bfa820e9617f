import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBankCardNumber, luhnCheckDigit, luhnValid, normalizeBankCardNumber } from '../../src/domain/luhn.ts';

describe('luhnValid', () => {
  it('accepts well-known valid numbers', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('378282246310005')).toBe(true);
    expect(luhnValid('6011111111111117')).toBe(true);
    expect(luhnValid('0')).toBe(true);
  });

  it('rejects wrong check digits and non-digits', () => {
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('41111111111111１1')).toBe(false);
  });
});

describe('luhnCheckDigit', () => {
  it('computes the digit to append', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(luhnCheckDigit('411111111111111')).toBe('1');
    expect(luhnCheckDigit('37828224631000')).toBe('5');
  });

  it('throws on non-digit input', () => {
    expect(() => luhnCheckDigit('')).toThrow();
    expect(() => luhnCheckDigit('12a')).toThrow();
  });

  it('property: appending the check digit always gives a valid number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,25}$/), (p) => {
        expect(luhnValid(p + luhnCheckDigit(p))).toBe(true);
      }),
    );
  });

  it('property: any single-digit substitution is detected', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12,18}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (p, i, d) => {
        const n = p + luhnCheckDigit(p);
        const pos = i % n.length;
        const changed = n.slice(0, pos) + String((Number(n[pos]) + d) % 10) + n.slice(pos + 1);
        expect(luhnValid(changed)).toBe(false);
      }),
    );
  });
});

describe('checkBankCardNumber', () => {
  it('strips the grouping people type and returns bare digits', () => {
    expect(checkBankCardNumber('4111 1111 1111 1111')).toEqual({ ok: true, value: '4111111111111111' });
    expect(checkBankCardNumber('4111-1111-1111-1111')).toEqual({ ok: true, value: '4111111111111111' });
    expect(checkBankCardNumber('４１１１１１１１１１１１１１１１')).toEqual({ ok: true, value: '4111111111111111' });
    expect(normalizeBankCardNumber(' 6222 0202-0000 ')).toBe('622202020000');
  });

  it('enforces 13 to 19 digits', () => {
    const n13 = '411111111111' + luhnCheckDigit('411111111111');
    const n19 = '621700001000123456' + luhnCheckDigit('621700001000123456');
    expect(checkBankCardNumber(n13)).toEqual({ ok: true, value: n13 });
    expect(checkBankCardNumber(n19)).toEqual({ ok: true, value: n19 });
    expect(checkBankCardNumber('79927398713')).toMatchObject({ ok: false, code: 'BANK_CARD_FORMAT' });
    expect(checkBankCardNumber(n19 + '0')).toMatchObject({ ok: false, code: 'BANK_CARD_FORMAT' });
    expect(checkBankCardNumber('4111a11111111111')).toMatchObject({ ok: false, code: 'BANK_CARD_FORMAT' });
    expect(checkBankCardNumber('')).toMatchObject({ ok: false, code: 'BANK_CARD_EMPTY' });
  });

  it('fails Luhn with code LUHN and a message that does not echo the number', () => {
    const r = checkBankCardNumber('4111111111111112');
    expect(r).toMatchObject({ ok: false, code: 'LUHN' });
    expect(!r.ok && r.message).not.toContain('4111');
  });

  it('treats the GD Annex 9 placeholder account as a Luhn failure unless its prefix is exempt', () => {
    expect(checkBankCardNumber('1234567890123456781')).toMatchObject({ ok: false, code: 'LUHN' });
    expect(checkBankCardNumber('1234567890123456781', { exemptBins: ['123456'] })).toEqual({
      ok: true,
      value: '1234567890123456781',
    });
  });

  it('exempts only the configured prefixes, never the length check', () => {
    const opts = { exemptBins: ['622848'] };
    expect(checkBankCardNumber('6228480000000000001', opts).ok).toBe(true);
    expect(checkBankCardNumber('6228490000000000001', opts)).toMatchObject({ ok: false, code: 'LUHN' });
    expect(checkBankCardNumber('62284800000', opts)).toMatchObject({ ok: false, code: 'BANK_CARD_FORMAT' });
  });

  it('rejects a configuration that would exempt everything', () => {
    expect(() => checkBankCardNumber('4111111111111111', { exemptBins: [''] })).toThrow(/前缀/);
    expect(() => checkBankCardNumber('4111111111111111', { exemptBins: ['62x'] })).toThrow();
  });

  it('property: valid 13-19 digit numbers pass whatever the grouping', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12,18}$/), fc.constantFrom('', ' ', '-'), (p, sep) => {
        const n = p + luhnCheckDigit(p);
        const grouped = n.replace(/(.{4})/g, `$1${sep}`);
        expect(checkBankCardNumber(grouped)).toEqual({ ok: true, value: n });
      }),
    );
  });
});
