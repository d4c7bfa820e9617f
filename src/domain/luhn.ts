/**
 * Bank card numbers (银行卡号) on social security cards with a financial function. Card
 * numbers follow ISO/IEC 7812-1: 13 to 19 digits whose last digit is a Luhn (mod 10) check
 * digit. ENGINEERING.md §3: a few old bank numbering schemes do not use Luhn, so a bank's
 * prefixes can be exempted by configuration; everybody else keeps the full check.
 */
import { fail, ok } from './check-result.ts';
import type { CheckResult } from './check-result.ts';
import { inputChecks as T } from '../i18n/domain/input-checks.ts';
import { SbkError } from './errors.ts';

/** False for anything that is not a non-empty string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The digit to append to `partial` so that the whole passes Luhn. */
export function luhnCheckDigit(partial: string): string {
  if (!/^[0-9]+$/.test(partial)) {
    throw new SbkError('LUHN.checkDigit', undefined, { length: partial.length });
  }
  return String((10 - (luhnSum(partial, true) % 10)) % 10);
}

/**
 * Doubles every second digit counting from the right; `doubleLast` says whether the
 * right-most digit is doubled (true when a check digit is still to be appended).
 */
function luhnSum(digits: string, doubleLast: boolean): number {
  let sum = 0;
  let double = doubleLast;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

export type BankCardCheckOptions = {
  /**
   * Card number prefixes (issuer identification numbers) whose numbering scheme has no Luhn
   * digit. Comes from configuration per bank; an empty or non-digit prefix is a configuration
   * error, since '' would silently exempt every card.
   */
  exemptBins?: readonly string[];
};

/** Spaces and hyphens are how card numbers are printed and typed in groups of four. */
export function normalizeBankCardNumber(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u200B-\u200D\u2060-]+/gu, '');
}

export function checkBankCardNumber(s: string, opts: BankCardCheckOptions = {}): CheckResult<string> {
  const exemptBins = opts.exemptBins ?? [];
  for (const bin of exemptBins) {
    if (!/^[0-9]+$/.test(bin)) {
      throw new SbkError('CONFIG_EXEMPT_BIN', undefined, { bin });
    }
  }
  const n = normalizeBankCardNumber(s);
  if (n === '') return fail('BANK_CARD_EMPTY', T.bankCard.empty);
  if (!/^[0-9]+$/.test(n)) {
    return fail('BANK_CARD_FORMAT', T.bankCard.chars);
  }
  if (n.length < 13 || n.length > 19) {
    return fail('BANK_CARD_FORMAT', T.bankCard.length(n.length));
  }
  if (exemptBins.some((bin) => n.startsWith(bin))) return ok(n);
  if (!luhnValid(n)) {
    return fail('LUHN', T.bankCard.luhn);
  }
  return ok(n);
}
