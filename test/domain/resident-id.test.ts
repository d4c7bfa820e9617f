import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkLegacyId15,
  checkResidentId,
  daysInMonth,
  isIsoDate,
  normalizeIdNumber,
  residentIdCheckChar,
  todayInChina,
  upgradeId15to18,
} from '../../src/domain/resident-id.ts';

const TODAY = '2025-06-30';

/** 17 digits whose birth date (positions 7-14) is real and between 1900 and TODAY. */
const first17 = fc
  .record({
    area: fc.stringMatching(/^[0-9]{6}$/),
    year: fc.integer({ min: 1900, max: 2024 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFrac: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    seq: fc.stringMatching(/^[0-9]{3}$/),
  })
  .map(({ area, year, month, dayFrac, seq }) => {
    const day = 1 + Math.floor(dayFrac * daysInMonth(year, month));
    return `${area}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`;
  });

describe('residentIdCheckChar', () => {
  it('reproduces the GB 11643-1999 examples', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });

  it('throws SbkError on anything but 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrowError(/17位数字/);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow();
  });
});

describe('normalizeIdNumber', () => {
  it('folds full-width digits, lower-case x and spaces', () => {
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber(' 110105 19491231 002x\u00A0')).toBe('11010519491231002X');
    expect(normalizeIdNumber('\u200B11010519491231002x')).toBe('11010519491231002X');
  });
});

describe('checkResidentId', () => {
  it('accepts the standard examples and decodes them', () => {
    expect(checkResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { number: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', region: '110105' },
    });
    expect(checkResidentId('440524188001010014', TODAY)).toEqual({
      ok: true,
      value: { number: '440524188001010014', birthDate: '1880-01-01', sex: 'M', region: '440524' },
    });
  });

  it('accepts lower-case x and full-width input, returning the normalised number', () => {
    const r = checkResidentId('１１０１０５１９４９１２３１００２x', TODAY);
    expect(r.ok && r.value.number).toBe('11010519491231002X');
  });

  it('rejects a wrong check character without revealing the right one', () => {
    const r = checkResidentId('110105194912310021', TODAY);
    expect(r).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
    expect(!r.ok && r.message).not.toMatch(/X/);
    expect(!r.ok && r.message).not.toContain('110105');
  });

  it('checks that the birth date exists, honouring leap years', () => {
    const leap = '42010220000229' + '123';
    expect(checkResidentId(leap + residentIdCheckChar(leap), TODAY).ok).toBe(true);
    const notLeap = '42010219000229' + '123';
    expect(checkResidentId(notLeap + residentIdCheckChar(notLeap), TODAY)).toMatchObject({
      ok: false,
      code: 'ID_BIRTH_DATE',
    });
    const feb30 = '42010219900230' + '123';
    expect(checkResidentId(feb30 + residentIdCheckChar(feb30), TODAY)).toMatchObject({ code: 'ID_BIRTH_DATE' });
    const month13 = '42010219901301' + '123';
    expect(checkResidentId(month13 + residentIdCheckChar(month13), TODAY)).toMatchObject({ code: 'ID_BIRTH_DATE' });
  });

  it('rejects birth dates after today and accepts today itself', () => {
    const born = '420102' + '20250630' + '123';
    expect(checkResidentId(born + residentIdCheckChar(born), '2025-06-30').ok).toBe(true);
    expect(checkResidentId(born + residentIdCheckChar(born), '2025-06-29')).toMatchObject({
      ok: false,
      code: 'ID_BIRTH_DATE',
    });
  });

  it('rejects implausibly early birth dates, with a configurable floor', () => {
    const early = '420102' + '17991231' + '123';
    expect(checkResidentId(early + residentIdCheckChar(early), TODAY)).toMatchObject({ code: 'ID_BIRTH_DATE' });
    expect(checkResidentId('440524188001010014', TODAY, { earliestBirthDate: '1900-01-01' })).toMatchObject({
      ok: false,
      code: 'ID_BIRTH_DATE',
    });
  });

  it('does not look the area code up in a list', () => {
    const odd = '999999' + '19900101' + '123';
    expect(checkResidentId(odd + residentIdCheckChar(odd), TODAY).ok).toBe(true);
  });

  it('explains format errors', () => {
    expect(checkResidentId('', TODAY)).toMatchObject({ code: 'ID_EMPTY' });
    expect(checkResidentId('   ', TODAY)).toMatchObject({ code: 'ID_EMPTY' });
    expect(checkResidentId('42010219900101123', TODAY)).toMatchObject({ code: 'ID_FORMAT' });
    expect(checkResidentId('4201021990010112345', TODAY)).toMatchObject({ code: 'ID_FORMAT' });
    expect(checkResidentId('42010219900101123Y', TODAY)).toMatchObject({ code: 'ID_FORMAT' });
    expect(checkResidentId('4201021990X1011234', TODAY)).toMatchObject({ code: 'ID_FORMAT' });
    const legacy = checkResidentId('420102900101123', TODAY);
    expect(legacy).toMatchObject({ ok: false, code: 'ID_FORMAT' });
    expect(!legacy.ok && legacy.message).toContain('15位');
  });

  it('throws on a malformed reference date (a programming error)', () => {
    expect(() => checkResidentId('11010519491231002X', '2025-02-30')).toThrow(/YYYY-MM-DD/);
    expect(() => checkResidentId('11010519491231002X', '20250101')).toThrow();
  });

  it('defaults today to the date in China', () => {
    expect(todayInChina(new Date('2025-01-01T16:30:00Z'))).toBe('2025-01-02');
    expect(todayInChina(new Date('2025-01-01T15:30:00Z'))).toBe('2025-01-01');
    expect(checkResidentId('11010519491231002X').ok).toBe(true);
  });

  it('property: 17 digits with a real date plus the computed check character pass', () => {
    fc.assert(
      fc.property(first17, (f) => {
        const r = checkResidentId(f + residentIdCheckChar(f), TODAY);
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.value.birthDate.replace(/-/g, '')).toBe(f.slice(6, 14));
          expect(r.value.sex).toBe(Number(f[16]) % 2 === 1 ? 'M' : 'F');
          expect(r.value.region).toBe(f.slice(0, 6));
        }
      }),
    );
  });

  it('property: changing any one character of a valid number makes it fail', () => {
    fc.assert(
      fc.property(
        first17,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (f, pos, delta) => {
          const valid = f + residentIdCheckChar(f);
          const alphabet = '0123456789X';
          const orig = alphabet.indexOf(valid[pos] as string);
          // Only the last position may hold X; elsewhere stay within digits.
          const size = pos === 17 ? 11 : 10;
          const replacement = alphabet[(orig + delta) % size] as string;
          if (replacement === valid[pos]) return;
          const changed = valid.slice(0, pos) + replacement + valid.slice(pos + 1);
          expect(checkResidentId(changed, TODAY).ok).toBe(false);
        },
      ),
    );
  });

  it('property: swapping two different adjacent digits makes it fail', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 15 }), (f, pos) => {
        const valid = f + residentIdCheckChar(f);
        if (valid[pos] === valid[pos + 1]) return;
        const swapped = valid.slice(0, pos) + valid[pos + 1] + valid[pos] + valid.slice(pos + 2);
        expect(checkResidentId(swapped, TODAY).ok).toBe(false);
      }),
    );
  });
});

describe('15-digit numbers', () => {
  it('checks and decodes a legacy number', () => {
    expect(checkLegacyId15('110105491231002', TODAY)).toEqual({
      ok: true,
      value: { number: '110105491231002', birthDate: '1949-12-31', sex: 'F', region: '110105' },
    });
    expect(checkLegacyId15('110105490230002', TODAY)).toMatchObject({ ok: false, code: 'ID_BIRTH_DATE' });
    expect(checkLegacyId15('11010549123100', TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' });
    expect(checkLegacyId15('', TODAY)).toMatchObject({ ok: false, code: 'ID_EMPTY' });
  });

  it('upgrades to the standard example', () => {
    expect(upgradeId15to18('110105491231002', TODAY)).toEqual({ ok: true, value: '11010519491231002X' });
    // By hand: weighted sum of 44052419800101001 is 196, 196 mod 11 = 9, which maps to 3.
    expect(upgradeId15to18('440524800101001', TODAY)).toEqual({ ok: true, value: '440524198001010013' });
    expect(upgradeId15to18('44052480010100', TODAY).ok).toBe(false);
  });

  it('property: every upgraded number is a valid 18-digit number with the same birth date', () => {
    fc.assert(
      fc.property(first17.filter((f) => f.slice(6, 8) === '19'), (f) => {
        const legacy = f.slice(0, 6) + f.slice(8, 17);
        const up = upgradeId15to18(legacy, TODAY);
        expect(up.ok).toBe(true);
        if (!up.ok) return;
        const r = checkResidentId(up.value, TODAY);
        expect(r.ok && r.value.birthDate).toBe(`${f.slice(6, 10)}-${f.slice(10, 12)}-${f.slice(12, 14)}`);
        expect(up.value.slice(0, 17)).toBe(f);
      }),
    );
  });
});

describe('date helpers', () => {
  it('know leap years', () => {
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(daysInMonth(2023, 2)).toBe(28);
  });
});
