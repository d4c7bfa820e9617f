/**
 * Codes that identify a social security card, as they appear in the maker's return file
 * (YZKCG, GD Annex 9 一(四): 社保卡号, 卡识别码, 卡复位码) and in the reader's basic read
 * (iReadCardBas: 卡号|卡识别码|...|卡复位信息). A placeholder row in Annex 9 reads
 * `1,*00000001,,,,,sbm4567890sbm4567890sbm456789011,fwm4567890sbm4567890sbm451,...`,
 * so these checks accept its shapes; anything the real systems emit is narrower.
 */
import { fail, ok } from './check-result.ts';
import type { CheckResult } from './check-result.ts';

function clean(s: string): string {
  return s.normalize('NFKC').trim();
}

/**
 * 卡识别码: exactly 32 ASCII letters or digits. Case is kept as received: the value is
 * compared with what the chip returns, and the Annex 9 sample is lower-case.
 */
export function checkCardIdentificationCode(s: string): CheckResult<string> {
  const n = clean(s);
  if (n === '') return fail('CARD_ID_CODE', '卡识别码为空，请从读卡结果或卡商回盘文件中填写32位卡识别码。');
  if (!/^[A-Za-z0-9]+$/.test(n)) {
    return fail('CARD_ID_CODE', '卡识别码只能由英文字母和数字组成，请核对读卡结果或回盘文件。');
  }
  if (n.length !== 32) {
    return fail('CARD_ID_CODE', `卡识别码应为32位，当前为${n.length}位，请核对读卡结果或回盘文件。`);
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
  if (n === '') return fail('CARD_NUMBER', '社会保障卡卡号为空，请填写9位卡号。');
  if (n.length !== 9) {
    return fail('CARD_NUMBER', `社会保障卡卡号应为9位，当前为${n.length}位，请对照卡面或回盘文件核对。`);
  }
  if (!/^[A-Z0-9*][A-Z0-9]{8}$/.test(n)) {
    return fail(
      'CARD_NUMBER',
      '社会保障卡卡号应由字母和数字组成（首位可为预制卡占位符 *），请对照卡面或回盘文件核对。',
    );
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
  if (n === '') return fail('CARD_RESET_CODE', '卡复位码为空，请从读卡结果或卡商回盘文件中填写。');
  if (!/^[A-Za-z0-9]+$/.test(n)) {
    return fail('CARD_RESET_CODE', '卡复位码只能由英文字母和数字组成，请核对读卡结果或回盘文件。');
  }
  if (n.length > 66) {
    return fail('CARD_RESET_CODE', `卡复位码最长66位（33字节），当前为${n.length}位，请核对读卡结果或回盘文件。`);
  }
  return ok(n);
}
