import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCardIdentificationCode,
  checkResetCode,
  checkSocialSecurityCardNumber,
} from '../../src/domain/card-codes.ts';

// The placeholder row of the prefab return file, GD Annex 9 一(四).
const ANNEX9_ID_CODE = 'sbm4567890sbm4567890sbm456789011';
const ANNEX9_RESET = 'fwm4567890sbm4567890sbm451';

describe('checkCardIdentificationCode', () => {
  it('accepts the Annex 9 sample and keeps its case', () => {
    expect(checkCardIdentificationCode(ANNEX9_ID_CODE)).toEqual({ ok: true, value: ANNEX9_ID_CODE });
    expect(checkCardIdentificationCode(` ${ANNEX9_ID_CODE.toUpperCase()}\r`)).toEqual({
      ok: true,
      value: ANNEX9_ID_CODE.toUpperCase(),
    });
  });

  it('folds full-width characters', () => {
    expect(checkCardIdentificationCode('４２０１００Ｄ１５６０００００５０５'.padEnd(32, '0'))).toEqual({
      ok: true,
      value: '420100D15600000505'.padEnd(32, '0'),
    });
  });

  it('rejects wrong length, symbols and empty input', () => {
    expect(checkCardIdentificationCode(ANNEX9_ID_CODE.slice(1))).toMatchObject({ ok: false, code: 'CARD_ID_CODE' });
    expect(checkCardIdentificationCode(`${ANNEX9_ID_CODE}0`)).toMatchObject({ ok: false, code: 'CARD_ID_CODE' });
    expect(checkCardIdentificationCode(`${ANNEX9_ID_CODE.slice(1)}-`)).toMatchObject({ ok: false, code: 'CARD_ID_CODE' });
    expect(checkCardIdentificationCode('')).toMatchObject({ ok: false, code: 'CARD_ID_CODE' });
    const r = checkCardIdentificationCode('abc');
    expect(!r.ok && r.message).toContain('32位');
  });

  it('property: exactly the 32-character alphanumeric strings pass', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{0,40}$/), (s) => {
        expect(checkCardIdentificationCode(s).ok).toBe(s.length === 32);
      }),
    );
  });
});

describe('checkSocialSecurityCardNumber', () => {
  it('accepts the Annex 9 placeholder and letter- or digit-led numbers, upper-cased', () => {
    expect(checkSocialSecurityCardNumber('*00000001')).toEqual({ ok: true, value: '*00000001' });
    expect(checkSocialSecurityCardNumber('a12345678')).toEqual({ ok: true, value: 'A12345678' });
    expect(checkSocialSecurityCardNumber(' 123456789 ')).toEqual({ ok: true, value: '123456789' });
    expect(checkSocialSecurityCardNumber('＊00000001')).toEqual({ ok: true, value: '*00000001' });
  });

  it('rejects other shapes', () => {
    for (const bad of ['', '12345678', '1234567890', '0*0000001', 'A1234-678', '**0000001']) {
      expect(checkSocialSecurityCardNumber(bad)).toMatchObject({ ok: false, code: 'CARD_NUMBER' });
    }
  });
});

describe('checkResetCode', () => {
  it('accepts the Annex 9 placeholder and a hex ATR', () => {
    expect(checkResetCode(ANNEX9_RESET)).toEqual({ ok: true, value: ANNEX9_RESET });
    expect(checkResetCode('3B6D00000086865E')).toEqual({ ok: true, value: '3B6D00000086865E' });
  });

  it('joins an ATR printed as space-separated bytes', () => {
    expect(checkResetCode('3B 6D 00 00 00 86 86 5E')).toEqual({ ok: true, value: '3B6D00000086865E' });
  });

  it('accepts up to the 33-byte ATR maximum and no more', () => {
    expect(checkResetCode('A'.repeat(66)).ok).toBe(true);
    expect(checkResetCode('A'.repeat(67))).toMatchObject({ ok: false, code: 'CARD_RESET_CODE' });
  });

  it('rejects empty input and symbols', () => {
    expect(checkResetCode('  ')).toMatchObject({ ok: false, code: 'CARD_RESET_CODE' });
    expect(checkResetCode('3B-6D')).toMatchObject({ ok: false, code: 'CARD_RESET_CODE' });
    expect(checkResetCode('fwm 4567')).toMatchObject({ ok: false, code: 'CARD_RESET_CODE' });
  });
});
