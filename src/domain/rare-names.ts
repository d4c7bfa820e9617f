/**
 * Names with rare characters (生僻字), GD Art. 34 and 人社信息函〔2019〕17号: a character outside
 * GB18030 is written as half-width square brackets around its upper-case pinyin, `张[CHUI]`,
 * once per rare character. Such names are valid input everywhere, are compared and sorted
 * like other names, and must survive a round trip through our files unchanged.
 */
import { fail, ok } from './check-result.ts';
import type { CheckResult } from './check-result.ts';
import { inputChecks } from '../i18n/domain/input-checks.ts';
import { SYLLABLE_CHARS } from './pinyin-sort-chars.ts';

const T = inputChecks.name;

export type NameSegment = { kind: 'text'; text: string } | { kind: 'rare'; pinyin: string };

/** The middle dot of minority and transliterated names (阿卜杜·热合曼), as GB 18030 has it. */
export const NAME_DOT = '\u00B7';

/**
 * Dots people type instead of U+00B7: bullet, hyphenation point, katakana and half-width
 * katakana middle dots, bullet/dot operators, Greek ano teleia, full-width full stop.
 * Mapped before NFKC because NFKC turns U+FF0E into an ASCII full stop.
 */
const DOT_VARIANTS = /[\u2022\u2027\u2219\u22C5\u30FB\uFF65\uFF0E\u0387\u2E31]/gu;

/** GD Art. 34 asks for half-width brackets; IMEs produce these instead (【 ［ and 】 ］). */
const OPEN_BRACKET_VARIANTS = /[\u3010\uFF3B]/gu;
const CLOSE_BRACKET_VARIANTS = /[\u3011\uFF3D]/gu;

/** The longest Mandarin syllables (ZHUANG, CHUANG, SHUANG) have 6 letters. */
const MAX_PINYIN = 6;

/**
 * Canonical spelling of a name, before validation: brackets and dots unified, NFKC applied,
 * pinyin upper-cased, stray spaces removed. Latin letters outside brackets keep their case
 * (a foreign holder's name is data, not a code).
 */
export function normalizeName(s: string): string {
  let t = s.replace(OPEN_BRACKET_VARIANTS, '[').replace(CLOSE_BRACKET_VARIANTS, ']').replace(DOT_VARIANTS, NAME_DOT);
  t = t.normalize('NFKC');
  // An ASCII full stop between Chinese characters can only be a mistyped middle dot; between
  // Latin letters it may be an initial (JOHN F. KENNEDY), so it is left alone there.
  t = t.replace(/(?<=[\p{Script=Han}\]])\s*\.\s*(?=[\p{Script=Han}\[])/gu, NAME_DOT);
  t = t.replace(/[\u200B-\u200D\u2060]/gu, '').replace(/\s+/gu, ' ').trim();
  // Spaces matter only between Latin words; "张 三" and "张三" are the same person's name.
  t = t.replace(/ (?=[\p{Script=Han}\[\]·])|(?<=[\p{Script=Han}\[\]·]) /gu, '');
  t = t.replace(/\[([^\[\]]*)\]/gu, (_m, p: string) => `[${p.replace(/ /g, '').toUpperCase()}]`);
  return t;
}

/**
 * Splits a name into ordinary text and rare characters. Rejected, with a reason: empty
 * names, unbalanced or nested brackets, pinyin that is not 1-6 letters A-Z, digits,
 * private-use characters, other symbols, and misplaced middle dots.
 */
export function parseName(s: string): CheckResult<NameSegment[]> {
  const n = normalizeName(s);
  if (n === '') return fail('NAME_EMPTY', T.empty);
  if (/^·|·$|··/u.test(n)) {
    return fail('NAME_DOT', T.dot);
  }
  const segments: NameSegment[] = [];
  let text = '';
  let pinyin: string | null = null;
  for (const ch of n) {
    if (ch === '[') {
      if (pinyin !== null) return fail('NAME_BRACKET', T.nestedBrackets);
      if (text !== '') segments.push({ kind: 'text', text });
      text = '';
      pinyin = '';
    } else if (ch === ']') {
      if (pinyin === null) return fail('NAME_BRACKET', T.unpairedClose);
      const bad = checkPinyin(pinyin);
      if (bad) return bad;
      segments.push({ kind: 'rare', pinyin });
      pinyin = null;
    } else if (pinyin !== null) {
      pinyin += ch;
    } else {
      const bad = checkTextChar(ch);
      if (bad) return bad;
      text += ch;
    }
  }
  if (pinyin !== null) return fail('NAME_BRACKET', T.unclosed);
  if (text !== '') segments.push({ kind: 'text', text });
  return ok(segments);
}

function checkPinyin(p: string): { ok: false; code: string; message: string } | null {
  if (p === '') return fail('NAME_PINYIN', T.noPinyin);
  if (/[0-9]/.test(p)) return fail('NAME_PINYIN', T.toneDigits);
  if (/Ü/u.test(p)) return fail('NAME_PINYIN', T.umlaut);
  if (!/^[A-Z]+$/.test(p)) return fail('NAME_PINYIN', T.pinyinLetters);
  if (p.length > MAX_PINYIN) {
    return fail('NAME_PINYIN', T.pinyinTooLong(MAX_PINYIN));
  }
  return null;
}

function checkTextChar(ch: string): { ok: false; code: string; message: string } | null {
  if (/\p{Nd}/u.test(ch)) return fail('NAME_DIGIT', T.digit);
  if (/\p{Co}/u.test(ch)) {
    return fail('NAME_PRIVATE_USE', T.privateUse);
  }
  // Letters of any script (Han, including the extension blocks, and Latin for foreign
  // holders), combining marks, 〇 (a letter number used in names), the middle dot, and the
  // space, full stop, hyphen and apostrophe of Latin names (JOHN F. O'NEIL-SMITH).
  if (/[\p{L}\p{M}\u3007· .'-]/u.test(ch)) return null;
  return fail('NAME_CHAR', T.char(ch));
}

export function formatName(segments: readonly NameSegment[]): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : `[${s.pinyin}]`)).join('');
}

/**
 * True when a name uses the rare-character notation. A name too malformed to parse counts
 * when it still contains a bracket, so that the GD Art. 34 (三) exemption from name matching
 * and the 宋体-18030 print font (GD Annex 9) are not lost to a typo.
 */
export function hasRareCharacters(s: string): boolean {
  const r = parseName(s);
  if (r.ok) return r.value.some((seg) => seg.kind === 'rare');
  return /[\[\]]/.test(normalizeName(s));
}

/** Equality of the normalised spellings; case of Latin text still matters. */
export function namesEqual(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

const SYLLABLES: ReadonlyMap<string, string> = new Map(
  SYLLABLE_CHARS.split(' ').map((e) => [e.replace(/\P{Lu}/gu, ''), e.replace(/\p{Lu}/gu, '')]),
);
/** Sorted as the collator sorts pinyin: ü counts as u (lu < lü < luan < lüe < lun). */
export const PINYIN_SYLLABLES: readonly string[] = [...SYLLABLES.keys()].sort((x, y) => pinyinOrder(x, y));

function pinyinOrder(x: string, y: string): number {
  const px = x.replace(/V/g, 'U');
  const py = y.replace(/V/g, 'U');
  if (px !== py) return px < py ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The character a rare segment sorts as. A syllable missing from the list (interjections
 * like DEI or NOU, or a non-standard spelling) sorts with the nearest syllable before it.
 */
export function pinyinSortChar(pinyin: string): string {
  const p = pinyin.toUpperCase().replace(/^([LN])UE$/, '$1VE');
  const exact = SYLLABLES.get(p);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  for (const syl of PINYIN_SYLLABLES) {
    if (pinyinOrder(syl, p) <= 0) best = syl;
    else break;
  }
  return best === undefined ? p : (SYLLABLES.get(best) ?? p);
}

/**
 * A string to sort by with Intl.Collator('zh-CN'): the normalised name with each rare
 * segment replaced by a common character of the same pinyin. Not for display or storage.
 */
export function nameSortKey(s: string): string {
  const r = parseName(s);
  if (!r.ok) return normalizeName(s);
  return r.value.map((seg) => (seg.kind === 'text' ? seg.text : pinyinSortChar(seg.pinyin))).join('');
}

const collator = new Intl.Collator('zh-CN');

/**
 * Orders names by pinyin with rare characters in their pinyin place; ties (张[CHUI] and 张锤
 * share a sort key) are broken by the spelling so that the order is total and stable.
 */
export function compareNames(a: string, b: string): number {
  const byKey = collator.compare(nameSortKey(a), nameSortKey(b));
  if (byKey !== 0) return byKey;
  const na = normalizeName(a);
  const nb = normalizeName(b);
  const byName = collator.compare(na, nb);
  if (byName !== 0) return byName;
  return na < nb ? -1 : na > nb ? 1 : 0;
}
