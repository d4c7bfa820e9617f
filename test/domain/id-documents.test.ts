import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIdDocument,
  ID_DOC_LABELS,
  ID_DOC_TYPES,
  idDocTypeFromLabel,
  isIdDocType,
} from '../../src/domain/id-documents.ts';
import type { IdDocType } from '../../src/domain/id-documents.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';

const TODAY = '2025-06-30';
const withCheck = (first17: string): string => first17 + residentIdCheckChar(first17);

describe('ID_DOC_LABELS', () => {
  it('has a Chinese label for every type', () => {
    expect(Object.keys(ID_DOC_LABELS).sort()).toEqual([...ID_DOC_TYPES].sort());
    expect(ID_DOC_LABELS.resident_id).toBe('居民身份证');
    expect(ID_DOC_LABELS.hk_macao_permit).toBe('港澳居民来往内地通行证');
    expect(ID_DOC_LABELS.taiwan_permit).toBe('台湾居民来往大陆通行证');
    expect(ID_DOC_LABELS.hmt_residence_permit).toBe('港澳台居民居住证');
    expect(ID_DOC_LABELS.foreign_permanent_id).toBe('外国人永久居留身份证');
  });
});

describe('idDocTypeFromLabel', () => {
  it('reads codes, labels and common aliases from the batch file column', () => {
    expect(idDocTypeFromLabel('resident_id')).toEqual({ ok: true, value: 'resident_id' });
    expect(idDocTypeFromLabel(' 居民身份证 ')).toEqual({ ok: true, value: 'resident_id' });
    expect(idDocTypeFromLabel('身份证')).toEqual({ ok: true, value: 'resident_id' });
    expect(idDocTypeFromLabel('户口本')).toEqual({ ok: true, value: 'household' });
    expect(idDocTypeFromLabel('《台湾居民来往大陆通行证》')).toEqual({ ok: true, value: 'taiwan_permit' });
    expect(idDocTypeFromLabel('回乡证')).toEqual({ ok: true, value: 'hk_macao_permit' });
    expect(idDocTypeFromLabel('护照')).toEqual({ ok: true, value: 'foreign_passport' });
    expect(idDocTypeFromLabel('外国人永久居留证')).toEqual({ ok: true, value: 'foreign_permanent_id' });
  });

  it('refuses unknown and ambiguous labels', () => {
    expect(idDocTypeFromLabel('港澳通行证')).toMatchObject({ ok: false, code: 'ID_DOC_TYPE' });
    expect(idDocTypeFromLabel('军官证')).toMatchObject({ ok: false, code: 'ID_DOC_TYPE' });
    expect(idDocTypeFromLabel('')).toMatchObject({ ok: false, code: 'ID_DOC_TYPE' });
    expect(isIdDocType('passport')).toBe(false);
    expect(isIdDocType('cn_passport')).toBe(true);
  });
});

describe('citizen documents', () => {
  it.each(['resident_id', 'household', 'temporary_id'] as const)('%s uses the GB 11643 check', (t) => {
    expect(checkIdDocument(t, '11010519491231002x', TODAY)).toEqual({ ok: true, value: '11010519491231002X' });
    expect(checkIdDocument(t, '110105194912310021', TODAY)).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
  });

  it('names the chosen document in messages', () => {
    const r = checkIdDocument('household', '4201021990010112', TODAY);
    expect(r).toMatchObject({ ok: false, code: 'ID_FORMAT' });
    expect(!r.ok && r.message).toMatch(/^居民户口簿号码应为18位/);
  });

  it('points out residence-permit and permanent-residence numbers entered as resident IDs', () => {
    expect(checkIdDocument('resident_id', withCheck('81000019900101123'), TODAY)).toMatchObject({
      ok: false,
      code: 'ID_DOC_MISMATCH',
    });
    expect(checkIdDocument('resident_id', withCheck('93184019900101123'), TODAY)).toMatchObject({
      ok: false,
      code: 'ID_DOC_MISMATCH',
    });
  });

  it('reports an empty number and an unknown type', () => {
    expect(checkIdDocument('resident_id', '  ', TODAY)).toMatchObject({ ok: false, code: 'ID_EMPTY' });
    expect(checkIdDocument('military' as IdDocType, '123456', TODAY)).toMatchObject({
      ok: false,
      code: 'ID_DOC_TYPE',
    });
  });
});

describe('Hong Kong, Macao and Taiwan residents', () => {
  it('accepts mainland travel permits: H/M + 8 digits, older + 10 digits', () => {
    expect(checkIdDocument('hk_macao_permit', 'h12345678', TODAY)).toEqual({ ok: true, value: 'H12345678' });
    expect(checkIdDocument('hk_macao_permit', 'M87654321', TODAY)).toEqual({ ok: true, value: 'M87654321' });
    expect(checkIdDocument('hk_macao_permit', 'H1234567801', TODAY)).toEqual({ ok: true, value: 'H1234567801' });
    for (const bad of ['12345678', 'K12345678', 'H1234567', 'H123456789', 'HA2345678']) {
      expect(checkIdDocument('hk_macao_permit', bad, TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' });
    }
  });

  it('accepts Taiwan permits: 8 digits, or the older 10-character forms', () => {
    expect(checkIdDocument('taiwan_permit', '01234567', TODAY)).toEqual({ ok: true, value: '01234567' });
    expect(checkIdDocument('taiwan_permit', '0123456701', TODAY)).toEqual({ ok: true, value: '0123456701' });
    expect(checkIdDocument('taiwan_permit', '01234567（b）', TODAY)).toEqual({ ok: true, value: '01234567(B)' });
    for (const bad of ['1234567', '123456789', 'T1234567', '01234567(BCD)']) {
      expect(checkIdDocument('taiwan_permit', bad, TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' });
    }
  });

  it('checks residence permits strictly: 810000/820000/830000 and the GB 11643 checksum', () => {
    for (const area of ['810000', '820000', '830000']) {
      const n = withCheck(`${area}19850615002`);
      expect(checkIdDocument('hmt_residence_permit', n, TODAY)).toEqual({ ok: true, value: n });
    }
    expect(checkIdDocument('hmt_residence_permit', '11010519491231002X', TODAY)).toMatchObject({
      ok: false,
      code: 'ID_REGION',
    });
    const good = withCheck('81000019850615002');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdDocument('hmt_residence_permit', bad, TODAY)).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
    expect(checkIdDocument('hmt_residence_permit', withCheck('81000019850230002'), TODAY)).toMatchObject({
      ok: false,
      code: 'ID_BIRTH_DATE',
    });
  });
});

describe('passports', () => {
  it('accepts Chinese passport series E, G, D, S, P', () => {
    for (const n of ['E12345678', 'EA1234567', 'G12345678', 'DE1234567', 'SE1234567', 'P12345678']) {
      expect(checkIdDocument('cn_passport', n.toLowerCase(), TODAY)).toEqual({ ok: true, value: n });
    }
    for (const bad of ['12345678', 'X12345678', 'E1234567', 'E123456789', 'EAB123456']) {
      expect(checkIdDocument('cn_passport', bad, TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' });
    }
  });

  it('is lenient with foreign passports: 5-17 letters or digits', () => {
    expect(checkIdDocument('foreign_passport', 'c01x00t47', TODAY)).toEqual({ ok: true, value: 'C01X00T47' });
    expect(checkIdDocument('foreign_passport', '12345', TODAY)).toEqual({ ok: true, value: '12345' });
    expect(checkIdDocument('foreign_passport', 'AB 123 456', TODAY)).toEqual({ ok: true, value: 'AB123456' });
    expect(checkIdDocument('foreign_passport', '1234', TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' });
    expect(checkIdDocument('foreign_passport', 'A'.repeat(18), TODAY)).toMatchObject({ ok: false });
    expect(checkIdDocument('foreign_passport', 'AB-123456', TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' });
  });

  it('property: any 5-17 ASCII alphanumerics pass as a foreign passport, upper-cased', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{5,17}$/), (n) => {
        expect(checkIdDocument('foreign_passport', n, TODAY)).toEqual({ ok: true, value: n.toUpperCase() });
      }),
    );
  });
});

describe('foreign permanent residence card', () => {
  it('accepts the old 15-character form', () => {
    expect(checkIdDocument('foreign_permanent_id', 'usa110085061501', TODAY)).toEqual({
      ok: true,
      value: 'USA110085061501',
    });
    expect(checkIdDocument('foreign_permanent_id', 'US1110085061501', TODAY)).toMatchObject({ ok: false });
  });

  it('checks the 2023 18-character form with GB 11643', () => {
    const n = withCheck('93184019850615002');
    expect(checkIdDocument('foreign_permanent_id', n, TODAY)).toEqual({ ok: true, value: n });
    const bad = n.slice(0, 17) + (n[17] === '0' ? '1' : '0');
    expect(checkIdDocument('foreign_permanent_id', bad, TODAY)).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
    expect(checkIdDocument('foreign_permanent_id', '11010519491231002X', TODAY)).toMatchObject({
      ok: false,
      code: 'ID_FORMAT',
    });
  });
});
