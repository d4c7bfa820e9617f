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
