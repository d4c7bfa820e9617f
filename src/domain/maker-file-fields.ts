/**
 * The outer fence of every column of the card maker's return file (GD Annex 9 一(四)): a
 * maximum length and the characters a value may hold at all. It runs before the column's own
 * check (card-codes.ts, resident-id.ts, rare-names.ts, luhn.ts, the dates and accounts in
 * maker-file.ts), so that a field that cannot be a value of its column — a 1 MB 装箱位置, a
 * 10,000-character name, a NUL — is refused with its line and column and never stored or
 * printed, and the column's own check only ever sees short, printable text.
 *
 * Where the limit comes from:
 * - GD Annex 9 一(四) gives the column names and one sample row, no lengths. The sample row
 *   fixes the shape of 卡识别码 (32 letters and digits) and the bank numbers (19 digits).
 * - GD Annex 6 (批量申请数据文件格式说明) gives lengths for the fields the return file's
 *   holder columns come from: “证件号码 字符型 18”, “姓名 字符型 50”, “出生日期 字符型 8”.
 *   These are the province system's own field sizes, so nothing longer can have come from it.
 * - Where both are silent the limit is generous but finite, and says so.
 *
 * Lengths count characters (Unicode code points) of the value as it stands in the file,
 * spaces inside included; the spaces around it are not counted (they are trimmed).
 */
import type { MakerColumn } from './maker-file-format.ts';
import { makerFileTexts as T } from '../i18n/domain/maker-file.ts';

export type MakerFieldLimit = {
  /** the most characters the column may hold */
  readonly max: number;
  /**
   * The characters the column may hold, tested after NFKC (full-width letters and digits
   * count as their ASCII forms), or null when the column's own check decides the characters
   * with a more precise message (then only the characters in NEVER are refused here).
   */
  readonly chars: { readonly pattern: RegExp; readonly allowed: string } | null;
};

/**
 * In no column: C0 and C1 control characters (NUL, ESC, DEL …; a tab inside a value is
 * tolerated as white space), lone surrogates, the Unicode line and paragraph separators, the
 * bidirectional embedding/override/isolate controls (they reorder what a screen or a printed
 * list shows) and the noncharacters U+FFFE/U+FFFF.
 */
const NEVER = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|\p{Cs}/u;

export const MAKER_FIELD_LIMITS: { readonly [C in MakerColumn]: MakerFieldLimit } = {
  // Annex 9 is silent; Annex 6 has “序号 数字型 不定长”. Nine digits number a billion rows,
  // far beyond any file MAKER_FILE_MAX_BYTES lets in. Digits: checkSeq.
  序号: { max: 9, chars: null },
  // Annex 9 is silent on the length; the card number has 9 characters (card-codes.ts, the
  // sample's `*00000001`). 16 leaves room for spaces typed into it; checkSocialSecurityCardNumber
  // then demands exactly 9 letters or digits.
  社保卡号: { max: 16, chars: null },
  // GD Annex 6: “证件号码 字符型 18”. 24 leaves room for the spaces of a grouped number
  // (440103 19800802 5037), which checkResidentId removes before demanding 18 characters.
  身份证号: { max: 24, chars: null },
  // GD Annex 6: “姓名 字符型 50”. Characters: parseName (Han characters, letters, the `[PINYIN]`
  // notation of GD Art. 34 (二), the middle dot ·, and the space, full stop, hyphen and
  // apostrophe of Latin names).
  姓名: { max: 50, chars: null },
  // GD Annex 6 writes dates as “字符型 8” (YYYYMMDD); the reader also takes YYYY-MM-DD, 10.
  制卡日期: { max: 10, chars: null },
  有效期至: { max: 10, chars: null },
  // GD Annex 9 一(四) sample: `sbm4567890sbm4567890sbm456789011`, 32 letters and digits; so
  // does checkCardIdentificationCode.
  卡识别码: { max: 32, chars: null },
  // The answer to reset: at most 33 bytes (ISO/IEC 7816-3), 66 hex digits, or 98 characters
  // when a reader prints the bytes separated by spaces (checkResetCode removes them).
  卡复位码: { max: 98, chars: null },
  // The Annex gives no format for the accounts. account() in maker-file.ts accepts at most
  // 40 letters and digits once the spaces and hyphens of grouped printing are removed; 60
  // leaves room for those.
  个人账户: { max: 60, chars: null },
  // GD Annex 9 一(四) sample: 19 digits (ISO/IEC 7812-1: 13 to 19). 25 leaves room for the
  // spaces or hyphens of a number printed in groups of four; checkBankCardNumber does the rest.
  银行卡号: { max: 25, chars: null },
  银行账户: { max: 60, chars: null },
  // The Annex names the column and leaves it empty in the sample; makers write box and slot
  // joined by hyphens (01-007, GZ-2026-03-015, 箱A-01-9). Not in the Annex, chosen here: at most
  // 32 characters, letters (Han included), digits, spaces and - _ / . #, which holds every
  // label seen and no sentence, no control character, no stray punctuation.
  装箱位置: { max: 32, chars: { pattern: /^[\p{L}\p{N} _\-/.#]*$/u, allowed: T.allowed.boxPosition } },
};

/** A fence violation: its code and message (never the value: it may be a holder's data). */
export type FieldProblem = { readonly code: string; readonly message: string };

/**
 * The characters of `s` when there are at most `max`, else the count, stopping early: a
 * UTF-16 string of more than 2·max units has more than `max` code points.
 */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** `U+0000`, for naming a character without printing it. */
function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Checks one (trimmed) field against its column's fence; null when it passes. */
export function fenceMakerField(column: MakerColumn, value: string): FieldProblem | null {
  const limit = MAKER_FIELD_LIMITS[column];
  if (value.length > limit.max) {
    const have = codePoints(value);
    if (have > limit.max) return { code: 'MAKER_FIELD_TOO_LONG', message: T.fieldTooLong({ column, max: limit.max, have }) };
  }
  const never = NEVER.exec(value);
  if (never) return { code: 'MAKER_FIELD_CONTROL', message: T.fieldControl({ column, char: codePointLabel(never[0]) }) };
  if (limit.chars !== null && !limit.chars.pattern.test(value.normalize('NFKC'))) {
    return { code: 'MAKER_FIELD_CHARS', message: T.fieldChars({ column, allowed: limit.chars.allowed }) };
  }
  return null;
}
