/**
 * Citizen identity numbers (公民身份号码), GB 11643-1999. For citizens the social security
 * number is this 18-character number (GD Art. 35 (一)), so every finished card and every
 * batch-file row depends on it being right.
 *
 * Messages never contain the number or its birth date: they go to screens, logs and `--json`
 * output, and identity numbers are sensitive personal information (PIPL Art. 28; HB Art. 42).
 */
import { fail, ok } from './check-result.ts';
import type { CheckResult } from './check-result.ts';
import { SbkError } from './errors.ts';
import { inputChecks } from '../i18n/domain/input-checks.ts';
import { daysInMonth, isIsoDate, isLeapYear, todayInChina } from './china-dates.ts';

export { daysInMonth, isIsoDate, isLeapYear, todayInChina };

const T = inputChecks.residentId;

export type ResidentIdInfo = {
  /** normalised: 17 digits + check character, `X` upper-case */
  number: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** GB 11643-1999 §4.3: the sequence code is odd for men, even for women */
  sex: 'M' | 'F';
  /** the 6-digit address code as issued; deliberately not looked up (see checkResidentId) */
  region: string;
};

export type ResidentIdOptions = {
  /**
   * Earliest birth date accepted (YYYY-MM-DD). The default is 1800-01-01 and not 1900-01-01
   * because GB 11643-1999's own worked example `440524188001010014` is born in 1880, and
   * ENGINEERING.md §3 requires the standard's examples to pass. A caller that wants the
   * tighter plausibility floor passes `{ earliestBirthDate: '1900-01-01' }`.
   */
  earliestBirthDate?: string;
  /**
   * What the messages call the number (default 公民身份号码): the document the operator chose,
   * e.g. 居民户口簿号码, so the message names what is in front of them.
   */
  numberName?: string;
};

export const DEFAULT_EARLIEST_BIRTH_DATE = '1800-01-01';

/** GB 11643-1999 §7.2: W_i = 2^(i-1) mod 11 for positions 18..2, written left to right. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** GB 11643-1999 §7.2: weighted sum mod 11 = 0..10 maps to this check character. */
const CHECK_CHARS = '10X98765432';

/**
 * NFKC folds the full-width digits and `ｘ` that Chinese input methods produce; upper-casing
 * turns a typed `x` into the standard's `X`. Whitespace (including the no-break and
 * zero-width spaces that copy-paste brings along) is removed everywhere, not just trimmed,
 * because numbers copied from forms are often grouped as `4201 0219 9001 0112 34`.
 */
export function normalizeIdNumber(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\u2060]+/gu, '')
    .toUpperCase();
}

/** The check character for 17 digits. Throws because a caller passing anything else is a bug. */
export function residentIdCheckChar(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) {
    throw new SbkError('ID_FORMAT.checkChar', undefined, { length: first17.length });
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  }
  return CHECK_CHARS[sum % 11] as string;
}

/**
 * Checks an 18-character citizen identity number: format, a real and plausible birth date,
 * then the check character.
 *
 * The address code is not checked against a code list (ENGINEERING.md §3): codes are retired
 * and renumbered over time, but a number stays valid for life.
 *
 * The birth date is checked before the check character: when a typo lands in the date both
 * fail, and "the date does not exist" tells the operator where to look.
 */
export function checkResidentId(
  s: string,
  today?: string,
  opts: ResidentIdOptions = {},
): CheckResult<ResidentIdInfo> {
  const number = normalizeIdNumber(s);
  const numberName = opts.numberName ?? T.numberName;
  if (number === '') return fail('ID_EMPTY', T.empty);
  if (/^[0-9]{15}$/.test(number)) return fail('ID_FORMAT', T.legacy15);
  if (!/^[0-9]{17}[0-9X]$/.test(number)) {
    return fail('ID_FORMAT', T.format({ numberName, length: number.length, otherChars: !/^[0-9X]*$/.test(number) }));
  }
  const birth = checkBirthDate(number.slice(6, 14), today, opts.earliestBirthDate ?? DEFAULT_EARLIEST_BIRTH_DATE);
  if (!birth.ok) return birth;
  if (residentIdCheckChar(number.slice(0, 17)) !== number[17]) {
    // The expected character is deliberately not shown: "fixing" the last character would
    // make a number with a typo elsewhere pass.
    return fail('ID_CHECKSUM', T.checksum(numberName));
  }
  return ok({
    number,
    birthDate: birth.value,
    sex: Number(number[16]) % 2 === 1 ? 'M' : 'F',
    region: number.slice(0, 6),
  });
}

/**
 * Checks a 15-digit identity number of the first-generation card (6-digit address code,
 * YYMMDD birth date in the 1900s, 3-digit sequence, no check character). These numbers no
 * longer appear on valid cards but do appear in old ledgers and files.
 */
export function checkLegacyId15(s: string, today?: string): CheckResult<ResidentIdInfo> {
  const number = normalizeIdNumber(s);
  if (number === '') return fail('ID_EMPTY', T.empty15);
  if (!/^[0-9]{15}$/.test(number)) return fail('ID_FORMAT', T.format15(number.length));
  const birth = checkBirthDate(`19${number.slice(6, 12)}`, today, '1900-01-01');
  if (!birth.ok) return birth;
  return ok({
    number,
    birthDate: birth.value,
    sex: Number(number[14]) % 2 === 1 ? 'M' : 'F',
    region: number.slice(0, 6),
  });
}

/**
 * Upgrades a 15-digit number the way GB 11643-1999 did: insert the century `19` before the
 * birth year and append the check character. The result is what the holder's 18-digit card
 * carries unless the number was reissued, so callers should still confirm it against a card.
 */
export function upgradeId15to18(s: string, today?: string): CheckResult<string> {
  const legacy = checkLegacyId15(s, today);
  if (!legacy.ok) return legacy;
  const n = legacy.value.number;
  const first17 = `${n.slice(0, 6)}19${n.slice(6)}`;
  return ok(first17 + residentIdCheckChar(first17));
}

function requireIsoDate(s: string, field: 'today' | 'earliestBirthDate'): string {
  if (!isIsoDate(s)) throw new SbkError('INVALID_DATE.option', { field, value: s }, { value: s });
  return s;
}

/** `yyyymmdd` is 8 digits (the caller has checked that). */
function checkBirthDate(yyyymmdd: string, today: string | undefined, earliest: string): CheckResult<string> {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const todayIso = today === undefined ? todayInChina() : requireIsoDate(today, 'today');
  requireIsoDate(earliest, 'earliestBirthDate');
  if (!isIsoDate(iso)) return fail('ID_BIRTH_DATE', T.birthDateInvalid);
  // ISO dates of equal length compare correctly as strings.
  if (iso > todayIso) return fail('ID_BIRTH_DATE', T.birthDateFuture);
  if (iso < earliest) return fail('ID_BIRTH_DATE', T.birthDateTooEarly(earliest));
  return ok(iso);
}
