/**
 * Masking for screens, logs, errors and exports. Identity numbers and financial accounts are
 * sensitive personal information (PIPL Art. 28); card offices may use holder data only for
 * card work and must not let it out beyond that (HB Art. 42; GD Art. 41). ENGINEERING.md §4
 * fixes the ID form `4201**********1234`.
 *
 * Every function is total: whatever it is given, it returns a masked string and never
 * throws, because it runs inside error paths and log formatting.
 */
import { normalizeBankCardNumber } from './luhn.ts';
import { parseName } from './rare-names.ts';
import { normalizeIdNumber } from './resident-id.ts';

const MASK = '*';
const PLAIN_RESIDENT_ID = /^[0-9]{17}[0-9X]$/;

/**
 * Keeps `keep` characters at each end and masks the rest, but never shows more than half of
 * the string: a short value (a passport number, a truncated ID) would otherwise be nearly
 * all visible.
 */
function maskEnds(chars: readonly string[], keepFront: number, keepBack: number): string {
  const n = chars.length;
  let front = keepFront;
  let back = keepBack;
  while (front + back > n / 2 && (front > 0 || back > 0)) {
    if (front >= back && front > 0) front--;
    else back--;
  }
  return chars.map((c, i) => (i < front || i >= n - back ? c : MASK)).join('');
}

/**
 * Identity and document numbers: first 4 and last 4 for 16 characters and more (an 18-digit
 * number shows 8 of 18). Permits and passports (8–15 characters: H12345678, 12345678, E12345678)
 * keep their last 4 too, so the counter can match the document in hand, with at most 2 in front
 * and never more than half shown. Shorter values: at most 2 at each end, never more than half.
 */
export function maskIdNumber(s: string): string {
  // The ledger's own 18-character numbers, already normalised: the same answer without the
  // Unicode normalisation and per-character arrays (the whole-city overdue list masks ~20,000).
  if (PLAIN_RESIDENT_ID.test(s)) return `${s.slice(0, 4)}${MASK.repeat(10)}${s.slice(14)}`;
  const chars = [...normalizeIdNumber(s)];
  if (chars.length >= 16) return maskEnds(chars, 4, 4);
  if (chars.length >= 8) {
    const half = Math.floor(chars.length / 2);
    return maskEnds(chars, Math.min(2, half - 4), 4);
  }
  const k = Math.min(2, Math.floor(chars.length / 4));
  return maskEnds(chars, k, k);
}

/**
 * Bank card numbers: the first 6 (the issuer identification number, which names the bank
 * and is not secret) and the last 4, the usual form on Chinese bank receipts. At least 6
 * digits always stay hidden, so a 13-digit number shows fewer leading digits; anything
 * shorter than 12 characters is not a card number and gets the at-most-half rule.
 */
export function maskBankCard(s: string): string {
  const chars = [...normalizeBankCardNumber(s)];
  const n = chars.length;
  if (n < 12) {
    const k = Math.min(2, Math.floor(n / 4));
    return maskEnds(chars, k, k);
  }
  const front = Math.min(6, n - 4 - 6);
  return chars.map((c, i) => (i < front || i >= n - 4 ? c : MASK)).join('');
}

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/**
 * Names: the first character stays, every other character becomes `*` (`张三` → `张*`,
 * `欧阳娜娜` → `欧***`). A rare character written `[CHUI]` (GD Art. 34) is one character, so
 * `张[CHUI]` → `张*` and its pinyin never leaks. Middle dots and spaces stay, because they
 * carry no identity. A one-character name is fully masked.
 */
export function maskName(s: string): string {
  const parsed = parseName(s);
  const units: string[] = [];
  if (parsed.ok) {
    for (const seg of parsed.value) {
      if (seg.kind === 'rare') units.push(`[${seg.pinyin}]`);
      else for (const g of graphemes.segment(seg.text)) units.push(g.segment);
    }
  } else {
    // Malformed names still get masked; a stray bracket is just another character here.
    for (const g of graphemes.segment(s.normalize('NFKC').trim())) units.push(g.segment);
  }
  const letters = units.filter((u) => !isSeparator(u)).length;
  if (letters <= 1) return units.map((u) => (isSeparator(u) ? u : MASK)).join('');
  let shown = false;
  return units
    .map((u) => {
      if (isSeparator(u)) return u;
      if (!shown) {
        shown = true;
        return u;
      }
      return MASK;
    })
    .join('');
}

function isSeparator(u: string): boolean {
  return u === '·' || u === ' ';
}

/**
 * Phone numbers: a mainland mobile (11 digits starting with 1, optionally +86) shows the
 * first 3 and last 4 (`138****5678`), the common form in Chinese services. Other numbers
 * (landlines with area codes, extensions) show only the last 4 digits if there are at least
 * 8, else the last 2 if there are at least 4; separators are kept so the shape stays
 * readable.
 */
export function maskPhone(s: string): string {
  const t = s.normalize('NFKC').trim();
  const compact = t.replace(/[\s-]+/g, '');
  const mobile = /^(\+?86)?(1[0-9]{10})$/.exec(compact);
  if (mobile) {
    const d = mobile[2] as string;
    return `${mobile[1] ?? ''}${d.slice(0, 3)}****${d.slice(7)}`;
  }
  const digitCount = (t.match(/[0-9]/g) ?? []).length;
  const keep = digitCount >= 8 ? 4 : digitCount >= 4 ? 2 : 0;
  let seen = 0;
  return [...t]
    .map((c) => {
      if (!/[0-9]/.test(c)) return /[\p{L}]/u.test(c) ? MASK : c;
      seen++;
      return seen > digitCount - keep ? c : MASK;
    })
    .join('');
}
