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

export const ID_DOC_LABELS: Readonly<Record<IdDocType, string>> = {
  resident_id: '居民身份证',
  household: '居民户口簿',
  temporary_id: '临时居民身份证',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  hmt_residence_permit: '港澳台居民居住证',
  cn_passport: '中华人民共和国护照',
  foreign_passport: '外国护照',
  foreign_permanent_id: '外国人永久居留身份证',
};

/**
 * Other spellings met in batch files and on forms. "护照" alone means a foreign passport:
 * HB Art. 5 (4) and GD Art. 35 (二) list the passport only for foreigners.
 * "港澳通行证" is deliberately absent: it usually means the mainland residents' permit to
 * Hong Kong and Macao (往来港澳通行证), which is not an accepted document.
 */
const LABEL_ALIASES: Readonly<Record<string, IdDocType>> = {
  身份证: 'resident_id',
  居民身份证: 'resident_id',
  公民身份证: 'resident_id',
  第二代居民身份证: 'resident_id',
  中华人民共和国居民身份证: 'resident_id',
  户口簿: 'household',
  户口本: 'household',
  居民户口簿: 'household',
  临时身份证: 'temporary_id',
  临时居民身份证: 'temporary_id',
  港澳居民来往内地通行证: 'hk_macao_permit',
  回乡证: 'hk_macao_permit',
  台湾居民来往大陆通行证: 'taiwan_permit',
  台胞证: 'taiwan_permit',
  港澳台居民居住证: 'hmt_residence_permit',
  港澳居民居住证: 'hmt_residence_permit',
  台湾居民居住证: 'hmt_residence_permit',
  中华人民共和国护照: 'cn_passport',
  中国护照: 'cn_passport',
  护照: 'foreign_passport',
  外国护照: 'foreign_passport',
  外国人护照: 'foreign_passport',
  外国人永久居留身份证: 'foreign_permanent_id',
  外国人永久居留证: 'foreign_permanent_id',
  永久居留身份证: 'foreign_permanent_id',
};

export function isIdDocType(s: string): s is IdDocType {
  return (ID_DOC_TYPES as readonly string[]).includes(s);
}

/**
 * Reads the 证件类型 column of a batch file or a typed label: one of our codes or a Chinese
 * name from LABEL_ALIASES (NFKC, spaces and 《》 ignored).
 */
export function idDocTypeFromLabel(label: string): CheckResult<IdDocType> {
  const key = label.normalize('NFKC').replace(/[\s《》<>]+/gu, '');
  if (isIdDocType(key)) return ok(key);
  const t = LABEL_ALIASES[key];
  if (t !== undefined) return ok(t);
  return fail(
    'ID_DOC_TYPE',
    `无法识别的证件类型“${key}”。可用的证件类型：${Object.values(ID_DOC_LABELS).join('、')}。`,
  );
}

/**
 * GB 11643 address codes reserved for the residence permits of Hong Kong (810000),
 * Macao (820000) and Taiwan (830000) residents (人社信息函〔2018〕36号, cited by GD Art. 35 (四)).
 */
const HMT_PERMIT_REGIONS: Readonly<Record<string, string>> = {
  '810000': '香港',
  '820000': '澳门',
  '830000': '台湾',
};

/**
 * Checks a document number for its type and returns the normalised number (NFKC, no spaces,
 * upper case), which is what should be stored and compared.
 */
export function checkIdDocument(type: IdDocType, number: string, today?: string): CheckResult<string> {
  if (!isIdDocType(type)) {
    // Types arrive from files at run time; the compiler cannot vouch for them.
    return fail('ID_DOC_TYPE', `无法识别的证件类型“${String(type)}”，请选择有效的证件类型。`);
  }
  const n = normalizeIdNumber(number);
  const label = ID_DOC_LABELS[type];
  if (n === '') return fail('ID_EMPTY', `${label}号码为空，请填写证件号码。`);

  switch (type) {
    case 'resident_id':
    case 'household':
    case 'temporary_id':
      return checkCitizenNumber(type, n, today);
    case 'hmt_residence_permit': {
      const r = checkResidentId(n, today);
      if (!r.ok) return relabel(r, label);
      if (HMT_PERMIT_REGIONS[r.value.region] === undefined) {
        return fail(
          'ID_REGION',
          '港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头；若持证人使用的是居民身份证，请将证件类型改为居民身份证。',
        );
      }
      return ok(r.value.number);
    }
    case 'foreign_permanent_id':
      return checkForeignPermanentId(n, today);
    case 'hk_macao_permit':
      // The card issued since 2013 has H (Hong Kong) or M (Macao) + 8 digits; older booklets
      // append a 2-digit issue count to the same 8 digits.
      if (/^[HM][0-9]{8}([0-9]{2})?$/.test(n)) return ok(n);
      return fail(
        'ID_FORMAT',
        `${label}号码应为 H（香港）或 M（澳门）加8位数字（旧版证件为加10位数字），当前为${n.length}位，请对照证件核对。`,
      );
    case 'taiwan_permit':
      // The card issued since 2015 carries a lifelong 8-digit number. Older booklets add a
      // 2-character issue count, sometimes written in brackets, e.g. 12345678(B).
      if (/^[0-9]{8}([0-9A-Z]{2}|\([0-9A-Z]{1,2}\))?$/.test(n)) return ok(n);
      return fail(
        'ID_FORMAT',
        `${label}号码应为8位数字（旧版证件为10位，即8位数字加2位换发次数），当前为${n.length}位，请对照证件核对。`,
      );
    case 'cn_passport':
      // E (e-passport) or G (older ordinary), D/S/P (diplomatic, service, official), then
      // either 8 digits or a letter and 7 digits once a series ran out (EA1234567).
      if (/^[EGDSP][0-9A-Z][0-9]{7}$/.test(n)) return ok(n);
      return fail(
        'ID_FORMAT',
        `${label}号码应为9位：首位为 E、G、D、S 或 P，其后为8位数字（或1位字母加7位数字），请对照证件核对。`,
      );
    case 'foreign_passport':
      // Issuing states choose their own formats; ICAO 9303 only bounds the character set.
      if (/^[A-Z0-9]{5,17}$/.test(n)) return ok(n);
      return fail(
        'ID_FORMAT',
        `${label}号码应为5至17位字母或数字（不含空格和符号），当前为${n.length}位，请对照护照资料页核对。`,
      );
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
  if (/^8[123]0000/.test(n) && n.length === 18) {
    return fail('ID_DOC_MISMATCH', '这是港澳台居民居住证号码，请将证件类型改为港澳台居民居住证。');
  }
  if (/^9/.test(n) && n.length === 18) {
    return fail('ID_DOC_MISMATCH', '这是外国人永久居留身份证号码，请将证件类型改为外国人永久居留身份证。');
  }
  const r = checkResidentId(n, today);
  if (!r.ok) return relabel(r, ID_DOC_LABELS[type]);
  return ok(r.value.number);
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
    const r = checkResidentId(n, today);
    if (!r.ok) return relabel(r, ID_DOC_LABELS.foreign_permanent_id);
    return ok(r.value.number);
  }
  return fail(
    'ID_FORMAT',
    '外国人永久居留身份证号码应为18位（以9开头，2023年版）或15位（3位字母加12位数字，旧版），请对照证件核对。',
  );
}

/** checkResidentId speaks of 公民身份号码; say which document the operator chose instead. */
function relabel(r: { ok: false; code: string; message: string }, label: string): CheckResult<string> {
  return fail(r.code, r.message.replace(/^公民身份号码/u, `${label}号码`));
}
