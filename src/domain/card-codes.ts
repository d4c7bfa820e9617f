/**
 * Codes that identify a social security card, as they appear in the maker's return file
 * (YZKCG, GD Annex 9 一(四): 社保卡号, 卡识别码, 卡复位码) and in the reader's basic read
 * (iReadCardBas: 卡号|卡识别码|...|卡复位信息). A placeholder row in Annex 9 reads
 * `1,*00000001,,,,,sbm4567890sbm4567890sbm456789011,fwm4567890sbm4567890sbm451,...`,
 * so these checks accept its shapes; anything the real systems emit is narrower.
 */
import { fail, ok } from './check-result.ts';
import type { CheckResult } from './check-result.ts';
import { inputChecks as T } from '../i18n/domain/input-checks.ts';

function clean(s: string): string {
  return s.normalize('NFKC').trim();
}

/**
 * 卡识别码: exactly 32 ASCII letters or digits. Case is kept as received: the value is
 * compared with what the chip returns, and the Annex 9 sample is lower-case.
 */
export function checkCardIdentificationCode(s: string): CheckResult<string> {
  const n = clean(s);
  if (n === '') return fail('CARD_ID_CODE', T.cardIdCode.empty);
  if (!/^[A-Za-z0-9]+$/.test(n)) {
    return fail('CARD_ID_CODE', T.cardIdCode.chars);
  }
  if (n.length !== 32) {
    return fail('CARD_ID_CODE', T.cardIdCode.length(n.length));
  }
  return ok(n);
}

/**
 * 社会保障卡卡号: 9 characters. The first may be `*`, which the province system writes as
 * the placeholder prefix of prefab numbers (GD Annex 9 一(三)/(四): `*00000001`); the other
 * eight are letters or digits. Upper-cased because the number is printed in capitals.
 */
export function checkSocialSecurityCardNumber(s: string): CheckResult<string> {
  const n = clean(s).toUpperCase();
  if (n === '') return fail('CARD_NUMBER', T.cardNumber.empty);
  if (n.length !== 9) {
    return fail('CARD_NUMBER', T.cardNumber.length(n.length));
  }
  if (!/^[A-Z0-9*][A-Z0-9]{8}$/.test(n)) {
    return fail('CARD_NUMBER', T.cardNumber.chars);
  }
  return ok(n);
}

/**
 * 卡复位码 (the chip's answer to reset, ATR). Accepted: 1 to 66 ASCII letters or digits,
 * i.e. up to the 33-byte maximum of ISO/IEC 7816-3 written in hex, plus the non-hex
 * placeholder of Annex 9 (`fwm4567890sbm4567890sbm451`). Readers often print the ATR as
 * space-separated hex bytes (`3B 6D 00 ...`); those spaces are removed. Case is kept, as
 * for the identification code, because the value is compared with what the reader returns.
 */
export function checkResetCode(s: string): CheckResult<string> {
  let n = clean(s);
  if (/^[0-9A-Fa-f]{2}(\s+[0-9A-Fa-f]{2})+$/.test(n)) n = n.replace(/\s+/g, '');
  if (n === '') return fail('CARD_RESET_CODE', T.resetCode.empty);
  if (!/^[A-Za-z0-9]+$/.test(n)) {
    return fail('CARD_RESET_CODE', T.resetCode.chars);
  }
  if (n.length > 66) {
    return fail('CARD_RESET_CODE', T.resetCode.tooLong(n.length));
  }
  return ok(n);
}
