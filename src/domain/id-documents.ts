/**
 * Identity documents accepted for card business. The list follows HB Art. 5 (citizens:
 * resident ID card, temporary ID card, household register for under-16s; Hong Kong and Macao
 * residents: mainland travel permit or residence permit; Taiwan residents: the same pair;
 * foreigners: passport or permanent residence card) and GD Art. 35, which ties the social
 * security number to the document. The batch application file (GD Annex 6) carries the type
 * in its 证件类型 column.
 *
 * Checks are strict where the document has a check character (GB 11643-1999 numbers) and
 * lenient where formats genuinely vary (foreign passports, older permit booklets): a false
 * rejection stops a real person from getting a card, while the number is still checked
 * against the physical document at the desk (HB Art. 5: originals are required).
 */
import { fail, ok } from './check-result.ts';
import type { CheckResult } from './check-result.ts';
import { checkResidentId, normalizeIdNumber } from './resident-id.ts';
import { ID_DOC_LABEL_ALIASES } from './id-doc-aliases.ts';
import { inputChecks } from '../i18n/domain/input-checks.ts';

const T = inputChecks.idDocument;

export const ID_DOC_TYPES = [
  'resident_id',
  'household',
  'temporary_id',
  'hk_macao_permit',
  'taiwan_permit',
  'hmt_residence_permit',
  'cn_passport',
  'foreign_passport',
  'foreign_permanent_id',
] as const;

export type IdDocType = (typeof ID_DOC_TYPES)[number];

/** What operators call each document (the words live in src/i18n/domain/input-checks.ts). */
export const ID_DOC_LABELS: Readonly<Record<IdDocType, string>> = T.labels;

export function isIdDocType(s: string): s is IdDocType {
  return (ID_DOC_TYPES as readonly string[]).includes(s);
}

/**
 * Reads the 证件类型 column of a batch file or a typed label: one of our codes or a Chinese
 * name from ID_DOC_LABEL_ALIASES (NFKC, spaces and 《》 ignored).
 */
export function idDocTypeFromLabel(label: string): CheckResult<IdDocType> {
  const key = label.normalize('NFKC').replace(/[\s\u300A\u300B<>]+/gu, '');
  if (isIdDocType(key)) return ok(key);
  const t = Object.hasOwn(ID_DOC_LABEL_ALIASES, key) ? ID_DOC_LABEL_ALIASES[key] : undefined;
  if (t !== undefined) return ok(t);
  return fail('ID_DOC_TYPE', T.unknownLabel({ label: key, known: Object.values(ID_DOC_LABELS) }));
}

/**
 * GB 11643 address codes reserved for the residence permits of Hong Kong (810000),
 * Macao (820000) and Taiwan (830000) residents (人社信息函〔2018〕36号, cited by GD Art. 35 (四)).
 */
const HMT_PERMIT_REGIONS: ReadonlySet<string> = new Set(['810000', '820000', '830000']);

/**
 * Checks a document number for its type and returns the normalised number (NFKC, no spaces,
 * upper case), which is what should be stored and compared.
 */
export function checkIdDocument(type: IdDocType, number: string, today?: string): CheckResult<string> {
  if (!isIdDocType(type)) {
    // Types arrive from files at run time; the compiler cannot vouch for them.
    return fail('ID_DOC_TYPE', T.unknownType(String(type)));
  }
  const n = normalizeIdNumber(number);
  const label = ID_DOC_LABELS[type];
  if (n === '') return fail('ID_EMPTY', T.empty(label));

  switch (type) {
    case 'resident_id':
    case 'household':
    case 'temporary_id':
      return checkCitizenNumber(type, n, today);
    case 'hmt_residence_permit': {
      const r = checkResidentId(n, today, { numberName: T.numberOf(label) });
      if (!r.ok) return r;
      if (!HMT_PERMIT_REGIONS.has(r.value.region)) return fail('ID_REGION', T.hmtRegion);
      return ok(r.value.number);
    }
    case 'foreign_permanent_id':
      return checkForeignPermanentId(n, today);
    case 'hk_macao_permit':
      // The card issued since 2013 has H (Hong Kong) or M (Macao) + 8 digits; older booklets
      // append a 2-digit issue count to the same 8 digits.
      if (/^[HM][0-9]{8}([0-9]{2})?$/.test(n)) return ok(n);
      return fail('ID_FORMAT', T.hkMacaoFormat({ label, length: n.length }));
    case 'taiwan_permit':
      // The card issued since 2015 carries a lifelong 8-digit number. Older booklets add a
      // 2-character issue count, sometimes written in brackets, e.g. 12345678(B).
      if (/^[0-9]{8}([0-9A-Z]{2}|\([0-9A-Z]{1,2}\))?$/.test(n)) return ok(n);
      return fail('ID_FORMAT', T.taiwanFormat({ label, length: n.length }));
    case 'cn_passport':
      // E (e-passport) or G (older ordinary), D/S/P (diplomatic, service, official), then
      // either 8 digits or a letter and 7 digits once a series ran out (EA1234567).
      if (/^[EGDSP][0-9A-Z][0-9]{7}$/.test(n)) return ok(n);
      return fail('ID_FORMAT', T.cnPassportFormat(label));
    case 'foreign_passport':
      // Issuing states choose their own formats; ICAO 9303 only bounds the character set.
      if (/^[A-Z0-9]{5,17}$/.test(n)) return ok(n);
      return fail('ID_FORMAT', T.foreignPassportFormat({ label, length: n.length }));
  }
}

/**
 * Resident ID card, temporary card and household register all carry the same citizen
 * identity number, which becomes the social security number (GD Art. 35 (一)). HB Art. 5
 * limits the household register to holders under 16; that is an eligibility rule for the
 * desk, not a property of the number, so it is not checked here.
 */
function checkCitizenNumber(type: IdDocType, n: string, today: string | undefined): CheckResult<string> {
  // Prefixes 81/82/83 with 0000 and a leading 9 are never citizen numbers: they belong to
  // the residence permits and the new permanent residence card. Saying so beats a puzzling
  // "valid number" that later breaks the social security number rules of GD Art. 35.
  if (/^8[123]0000/.test(n) && n.length === 18) return fail('ID_DOC_MISMATCH', T.isHmtPermit);
  if (/^9/.test(n) && n.length === 18) return fail('ID_DOC_MISMATCH', T.isForeignPermanentId);
  const r = checkResidentId(n, today, { numberName: T.numberOf(ID_DOC_LABELS[type]) });
  return r.ok ? ok(r.value.number) : r;
}

/**
 * The 2017 card has 3 letters (ISO 3166-1 nationality) + 12 digits; the 2023 card has
 * 18 characters laid out like a citizen number with a leading 9 (9 + 2-digit accepting
 * province + 3-digit nationality + 8-digit birth date + 3-digit sequence + check character),
 * so it gets the full GB 11643 check.
 */
function checkForeignPermanentId(n: string, today: string | undefined): CheckResult<string> {
  if (/^[A-Z]{3}[0-9]{12}$/.test(n)) return ok(n);
  if (n.length === 18 && n.startsWith('9')) {
    const r = checkResidentId(n, today, { numberName: T.numberOf(ID_DOC_LABELS.foreign_permanent_id) });
    return r.ok ? ok(r.value.number) : r;
  }
  return fail('ID_FORMAT', T.foreignPermanentIdFormat);
}

/** The normaliser every document number goes through before it is checked, stored or compared (NFKC, no spaces, upper case). */
export const normalizeIdDocNumber: (s: string) => string = normalizeIdNumber;

/**
 * Types whose number is laid out like a GB 11643 citizen number (address code, YYYYMMDD birth
 * date at characters 7–14, sequence, check character): the birth date can be read from it.
 * The 2023 permanent residence card (leading 9) has the same layout; the 2017 card does not.
 */
const BIRTH_IN_NUMBER: ReadonlySet<IdDocType> = new Set(['resident_id', 'household', 'temporary_id', 'hmt_residence_permit']);

/**
 * The holder's birth date as the document number states it (YYYY-MM-DD), or null when the
 * number does not carry one (travel permits, passports, the 2017 permanent residence card) and
 * the operator must type it. Expects a number that passed checkIdDocument.
 */
export function birthDateInNumber(type: IdDocType, number: string): string | null {
  const n = normalizeIdNumber(number);
  const laidOut = BIRTH_IN_NUMBER.has(type) || (type === 'foreign_permanent_id' && n.length === 18);
  if (!laidOut || !/^[0-9]{17}[0-9X]$/.test(n)) return null;
  return `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
}

/**
 * Where the social security number comes from, by document (GD Art. 35, and GD Art. 5 (五):
 * “持有居民身份证、居民户口簿或者港澳台居民居住证的中国公民，社会保障号码采用十八位公民身份号码。
 * 其他人员的社会保障号码按照全国统一规则编制。”):
 * - `id_number`: the 18-character number on the document is the social security number —
 *   (一) resident ID and household register (the temporary ID carries the same citizen number),
 *   (四) the HK/Macao/Taiwan residence permit (人社信息函〔2018〕36号).
 * - `assigned`: the number is compiled by the social insurance agency under the national rule
 *   and cannot be derived from the document — (二) passports and permanent residence cards
 *   (人社部令第16号; HB Art. 38), (三) the two travel permits (粤人社发〔2014〕234号; HB Art. 37).
 *   The counter types the number the province system assigned, as it does the card number.
 */
export type SsnRule = 'id_number' | 'assigned';

export const SSN_RULES: Readonly<Record<IdDocType, SsnRule>> = {
  resident_id: 'id_number',
  household: 'id_number',
  temporary_id: 'id_number',
  hmt_residence_permit: 'id_number',
  hk_macao_permit: 'assigned',
  taiwan_permit: 'assigned',
  cn_passport: 'assigned',
  foreign_passport: 'assigned',
  foreign_permanent_id: 'assigned',
};

/**
 * The social security number for a holder with this (checked, normalised) document. For an
 * `id_number` document it is the document number, and a typed `assigned` number must equal it;
 * for an `assigned` document the agency's number is required: up to 18 digits or capital
 * letters (the card face has room for 18, GD Annex 9: `社会保障号码  XXXXXXXXXXXXXXXXXX`), never
 * the document number itself unless the agency made it so.
 */
export function socialSecurityNumberFor(type: IdDocType, idNumber: string, assigned?: string): CheckResult<string> {
  const given = normalizeIdNumber(assigned ?? '');
  if (SSN_RULES[type] === 'id_number') {
    const n = normalizeIdNumber(idNumber);
    if (given !== '' && given !== n) return fail('SSN_NOT_ID_NUMBER', T.ssnIsIdNumber(ID_DOC_LABELS[type]));
    return ok(n);
  }
  if (given === '') return fail('SSN_REQUIRED', T.ssnRequired(ID_DOC_LABELS[type]));
  if (!/^[0-9A-Z]{8,18}$/.test(given)) return fail('SSN_FORMAT', T.ssnFormat({ length: given.length }));
  return ok(given);
}

/** Whether a document type's number needs the holder's birth date typed beside it (for the under-7 photo rule). */
export function needsTypedBirthDate(type: IdDocType, number: string): boolean {
  return birthDateInNumber(type, number) === null;
}

/**
 * The document a typed number most likely belongs to, for a lookup that was given a number and
 * no type: the layouts that only one document uses (810000/820000/830000 permits, a leading 9 or
 * 3 letters + 12 digits for permanent residence, H/M for the HK/Macao permit, 8 digits for the
 * Taiwan permit), an 18-character number as the resident ID, and any other run of 5–17 letters
 * and digits with a digit in it as a foreign passport. Null when it does not look like a number.
 */
export function idDocTypeOfNumber(number: string): IdDocType | null {
  const n = normalizeIdNumber(number);
  if (/^8[123]0000[0-9]{11}[0-9X]$/.test(n)) return 'hmt_residence_permit';
  if (/^9[0-9]{16}[0-9X]$/.test(n) || /^[A-Z]{3}[0-9]{12}$/.test(n)) return 'foreign_permanent_id';
  if (/^[0-9]{17}[0-9X]$/.test(n)) return 'resident_id';
  if (/^[HM][0-9]{8}([0-9]{2})?$/.test(n)) return 'hk_macao_permit';
  if (/^[0-9]{8}([0-9A-Z]{2}|\([0-9A-Z]{1,2}\))?$/.test(n)) return 'taiwan_permit';
  if (/^[EGDSP][0-9A-Z][0-9]{7}$/.test(n)) return 'cn_passport';
  if (/^(?=.*[0-9])[A-Z0-9]{5,17}$/.test(n)) return 'foreign_passport';
  return null;
}

/** The Chinese name of a stored type code; an unknown code (older rows) is shown as it is. */
export function idDocLabelOf(code: string | null | undefined): string {
  if (!code) return '';
  return isIdDocType(code) ? ID_DOC_LABELS[code] : code;
}

/**
 * The document behind an 18-character number in a maker's file, whose 身份证号 column (GD Annex 9)
 * holds the social security number and carries no document type: by GD Art. 35 (一)(四) that is
 * the citizen number or the HK/Macao/Taiwan residence permit number (810000/820000/830000),
 * and the 2023 permanent residence card (leading 9) has the same layout. Anything else is
 * stored as a resident ID, the code every row had before document types were told apart.
 */
export function idDocTypeOfMakerNumber(number: string): IdDocType {
  const t = idDocTypeOfNumber(number);
  return t === 'hmt_residence_permit' || t === 'foreign_permanent_id' ? t : 'resident_id';
}

/** Whether every number of this type states the birth date (so it is never typed beside it). */
export function birthDateAlwaysInNumber(type: IdDocType): boolean {
  return BIRTH_IN_NUMBER.has(type);
}

/**
 * The document a number typed with no type chosen is checked as: its layout (idDocTypeOfNumber),
 * except that digits first are a citizen number unless the layout names a permit or card, so a
 * mistyped resident ID gets its length or checksum message rather than passing as a passport.
 * Null when it does not look like a number at all (a name).
 */
export function idDocTypeForTyped(number: string): IdDocType | null {
  const guessed = idDocTypeOfNumber(number);
  const digitsFirst = /^\s*[0-9\uFF10-\uFF19]/.test(number);
  return digitsFirst && (guessed === null || guessed === 'foreign_passport') ? 'resident_id' : guessed;
}
