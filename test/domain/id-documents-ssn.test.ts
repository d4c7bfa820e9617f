import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthDateInNumber,
  checkIdDocument,
  ID_DOC_TYPES,
  idDocTypeForTyped,
  needsTypedBirthDate,
  normalizeIdDocNumber,
  socialSecurityNumberFor,
  SSN_RULES,
} from '../../src/domain/id-documents.ts';
import type { IdDocType } from '../../src/domain/id-documents.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';

const TODAY = '2025-06-30';
const withCheck = (first17: string): string => first17 + residentIdCheckChar(first17);
const wrongCheck = (n: string): string => n.slice(0, 17) + (n[17] === '0' ? '1' : '0');

/** One valid number per type, with a wrong-length and (where there is one) a wrong-check variant. */
const SAMPLES: Record<IdDocType, { valid: string; tooShort: string; badCheck?: string }> = {
  resident_id: { valid: withCheck('42010219900101001'), tooShort: '42010219900101', badCheck: wrongCheck(withCheck('42010219900101001')) },
  household: { valid: withCheck('42010220190305002'), tooShort: '4201022019', badCheck: wrongCheck(withCheck('42010220190305002')) },
  temporary_id: { valid: withCheck('44010619851231003'), tooShort: '440106', badCheck: wrongCheck(withCheck('44010619851231003')) },
  hmt_residence_permit: { valid: withCheck('81000019880808001'), tooShort: '8100001988080800', badCheck: wrongCheck(withCheck('81000019880808001')) },
  hk_macao_permit: { valid: 'H12345678', tooShort: 'H1234567' },
  taiwan_permit: { valid: '12345678', tooShort: '1234567' },
  cn_passport: { valid: 'E12345678', tooShort: 'E1234567' },
  foreign_passport: { valid: 'X1234567', tooShort: 'X12' },
  foreign_permanent_id: { valid: withCheck('93115619800202001'), tooShort: 'USA12345678901', badCheck: wrongCheck(withCheck('93115619800202001')) },
};

describe('every document type', () => {
  it.each(ID_DOC_TYPES)('%s: valid, wrong length, wrong check character, normalised', (type) => {
    const s = SAMPLES[type];
    expect(checkIdDocument(type, s.valid, TODAY)).toEqual({ ok: true, value: s.valid });
    expect(checkIdDocument(type, s.tooShort, TODAY).ok).toBe(false);
    if (s.badCheck) expect(checkIdDocument(type, s.badCheck, TODAY)).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
    // Typed in lower case with spaces and full-width characters: the same number.
    const messy = ` ${s.valid.slice(0, 3)} ${s.valid.slice(3).toLowerCase()} `.replace(/1/g, '１');
    expect(checkIdDocument(type, messy, TODAY)).toEqual({ ok: true, value: s.valid });
    expect(normalizeIdDocNumber(messy)).toBe(s.valid);
  });
});

describe('social security number (GD Art. 35)', () => {
  it('is the document number for resident ID, household register, temporary ID and residence permit', () => {
    for (const type of ['resident_id', 'household', 'temporary_id', 'hmt_residence_permit'] as const) {
      expect(SSN_RULES[type]).toBe('id_number');
      expect(socialSecurityNumberFor(type, SAMPLES[type].valid)).toEqual({ ok: true, value: SAMPLES[type].valid });
      expect(socialSecurityNumberFor(type, SAMPLES[type].valid, SAMPLES[type].valid.toLowerCase())).toEqual({ ok: true, value: SAMPLES[type].valid });
      expect(socialSecurityNumberFor(type, SAMPLES[type].valid, '123456789012345678')).toMatchObject({ ok: false, code: 'SSN_NOT_ID_NUMBER' });
    }
  });

  it('is assigned by the agency for travel permits, passports and permanent residence cards', () => {
    for (const type of ['hk_macao_permit', 'taiwan_permit', 'cn_passport', 'foreign_passport', 'foreign_permanent_id'] as const) {
      expect(SSN_RULES[type]).toBe('assigned');
      const r = socialSecurityNumberFor(type, SAMPLES[type].valid);
      expect(r).toMatchObject({ ok: false, code: 'SSN_REQUIRED' });
      if (!r.ok) expect(r.message).not.toContain(SAMPLES[type].valid);
      expect(socialSecurityNumberFor(type, SAMPLES[type].valid, ' h8100001234567 ')).toEqual({ ok: true, value: 'H8100001234567' });
      expect(socialSecurityNumberFor(type, SAMPLES[type].valid, 'AB-12')).toMatchObject({ ok: false, code: 'SSN_FORMAT' });
    }
  });
});

describe('birth date in the number', () => {
  it('is read from citizen-layout numbers and the 2023 permanent residence card', () => {
    expect(birthDateInNumber('resident_id', SAMPLES.resident_id.valid)).toBe('1990-01-01');
    expect(birthDateInNumber('household', SAMPLES.household.valid)).toBe('2019-03-05');
    expect(birthDateInNumber('hmt_residence_permit', SAMPLES.hmt_residence_permit.valid)).toBe('1988-08-08');
    expect(birthDateInNumber('foreign_permanent_id', SAMPLES.foreign_permanent_id.valid)).toBe('1980-02-02');
  });

  it('is absent from permits, passports and the 2017 permanent residence card', () => {
    for (const [type, n] of [['hk_macao_permit', 'H12345678'], ['taiwan_permit', '12345678'], ['foreign_passport', 'X1234567'], ['cn_passport', 'E12345678'], ['foreign_permanent_id', 'USA123456789012']] as const) {
      expect(birthDateInNumber(type, n)).toBeNull();
      expect(needsTypedBirthDate(type, n)).toBe(true);
    }
    expect(needsTypedBirthDate('resident_id', SAMPLES.resident_id.valid)).toBe(false);
  });
});

describe('property: resident-ID-like numbers', () => {
  const layouts: readonly [IdDocType, fc.Arbitrary<string>][] = [
    ['resident_id', fc.constantFrom('110101', '420102', '440106', '650102')],
    ['hmt_residence_permit', fc.constantFrom('810000', '820000', '830000')],
    ['foreign_permanent_id', fc.constantFrom('911156', '931840', '944392')],
  ];
  for (const [type, region] of layouts) {
    it(`${type}: a number with the right check character passes, any other check character fails`, () => {
      const date = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2024-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
      const seq = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
      const other = fc.constantFrom(...'0123456789X');
      fc.assert(
        fc.property(region, date, seq, other, (r, d, q, c) => {
          const n = withCheck(`${r}${d}${q}`);
          expect(checkIdDocument(type, n, TODAY)).toEqual({ ok: true, value: n });
          expect(checkIdDocument(type, n.toLowerCase(), TODAY).ok).toBe(true);
          if (c !== n[17]) expect(checkIdDocument(type, n.slice(0, 17) + c, TODAY)).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('idDocTypeForTyped: a number typed with no type chosen', () => {
  it('goes by the layout, digits first being a citizen number unless a permit or card', () => {
    expect(idDocTypeForTyped(SAMPLES.resident_id.valid)).toBe('resident_id');
    expect(idDocTypeForTyped('420102199001')).toBe('resident_id');
    expect(idDocTypeForTyped(SAMPLES.hmt_residence_permit.valid)).toBe('hmt_residence_permit');
    expect(idDocTypeForTyped(SAMPLES.foreign_permanent_id.valid)).toBe('foreign_permanent_id');
    expect(idDocTypeForTyped('usa123456789012')).toBe('foreign_permanent_id');
    expect(idDocTypeForTyped('h12345678')).toBe('hk_macao_permit');
    expect(idDocTypeForTyped('12345678')).toBe('taiwan_permit');
    expect(idDocTypeForTyped('E12345678')).toBe('cn_passport');
    expect(idDocTypeForTyped('X1234567')).toBe('foreign_passport');
    expect(idDocTypeForTyped('王小明')).toBeNull();
    expect(idDocTypeForTyped('SMITH')).toBeNull();
  });
});
