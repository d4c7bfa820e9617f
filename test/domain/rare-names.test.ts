import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareNames,
  formatName,
  hasRareCharacters,
  nameSortKey,
  namesEqual,
  normalizeName,
  parseName,
  pinyinSortChar,
  PINYIN_SYLLABLES,
} from '../../src/domain/rare-names.ts';
import type { NameSegment } from '../../src/domain/rare-names.ts';

const collator = new Intl.Collator('zh-CN');

describe('parseName', () => {
  it('splits the GD Art. 34 example', () => {
    expect(parseName('张[CHUI]')).toEqual({
      ok: true,
      value: [
        { kind: 'text', text: '张' },
        { kind: 'rare', pinyin: 'CHUI' },
      ],
    });
  });

  it('handles several rare characters, including adjacent ones', () => {
    expect(parseName('[YAN]张[CHUI][XI]明')).toEqual({
      ok: true,
      value: [
        { kind: 'rare', pinyin: 'YAN' },
        { kind: 'text', text: '张' },
        { kind: 'rare', pinyin: 'CHUI' },
        { kind: 'rare', pinyin: 'XI' },
        { kind: 'text', text: '明' },
      ],
    });
  });

  it('normalises full-width and lenticular brackets and lower-case pinyin', () => {
    const expected = parseName('张[CHUI]三');
    expect(parseName('张［chui］三')).toEqual(expected);
    expect(parseName('张【Chui】三')).toEqual(expected);
    expect(parseName('张[ｃｈｕｉ]三')).toEqual(expected);
    expect(parseName(' 张 [ CHUI ] 三 ')).toEqual(expected);
  });

  it('normalises middle-dot variants to U+00B7 in minority names', () => {
    const canonical = '阿卜杜·热合曼';
    for (const variant of ['阿卜杜•热合曼', '阿卜杜．热合曼', '阿卜杜.热合曼', '阿卜杜・热合曼', '阿卜杜‧热合曼', '阿卜杜 · 热合曼']) {
      expect(parseName(variant)).toEqual({ ok: true, value: [{ kind: 'text', text: canonical }] });
    }
    expect(normalizeName('买买提•[XI]')).toBe('买买提·[XI]');
  });

  it('keeps Latin names of foreign holders, collapsing spaces but keeping case', () => {
    expect(parseName('  John   F. O\'Neil-Smith ')).toEqual({
      ok: true,
      value: [{ kind: 'text', text: "John F. O'Neil-Smith" }],
    });
  });

  it('rejects empty names', () => {
    expect(parseName('')).toMatchObject({ ok: false, code: 'NAME_EMPTY' });
    expect(parseName(' \u3000 ')).toMatchObject({ ok: false, code: 'NAME_EMPTY' });
  });

  it('rejects unbalanced and nested brackets', () => {
    for (const bad of ['张[CHUI', '张CHUI]', '张]CHUI[', '张[[CHUI]]', '张[CH[UI]]']) {
      expect(parseName(bad)).toMatchObject({ ok: false, code: 'NAME_BRACKET' });
    }
  });

  it('rejects bad pinyin: empty, tone digits, non-letters, ü, more than one syllable', () => {
    expect(parseName('张[]')).toMatchObject({ ok: false, code: 'NAME_PINYIN' });
    expect(parseName('张[CHUI2]')).toMatchObject({ ok: false, code: 'NAME_PINYIN' });
    expect(parseName('张[吹]')).toMatchObject({ ok: false, code: 'NAME_PINYIN' });
    expect(parseName('张[CHUÍ]')).toMatchObject({ ok: false, code: 'NAME_PINYIN' });
    const u = parseName('张[lü]');
    expect(u).toMatchObject({ ok: false, code: 'NAME_PINYIN' });
    expect(!u.ok && u.message).toContain('V');
    expect(parseName('张[ZHANGSAN]')).toMatchObject({ ok: false, code: 'NAME_PINYIN' });
    expect(parseName('张[ZHUANG]').ok).toBe(true);
    expect(parseName('张[LV]').ok).toBe(true);
  });

  it('rejects digits, symbols, private-use characters and misplaced dots', () => {
    expect(parseName('张3')).toMatchObject({ ok: false, code: 'NAME_DIGIT' });
    expect(parseName('张３')).toMatchObject({ ok: false, code: 'NAME_DIGIT' });
    expect(parseName('张,三')).toMatchObject({ ok: false, code: 'NAME_CHAR' });
    expect(parseName('张@三')).toMatchObject({ ok: false, code: 'NAME_CHAR' });
    expect(parseName('张\uE000')).toMatchObject({ ok: false, code: 'NAME_PRIVATE_USE' });
    expect(parseName('·张三')).toMatchObject({ ok: false, code: 'NAME_DOT' });
    expect(parseName('张三·')).toMatchObject({ ok: false, code: 'NAME_DOT' });
    expect(parseName('张··三')).toMatchObject({ ok: false, code: 'NAME_DOT' });
  });

  it('accepts 〇 and characters beyond the BMP', () => {
    expect(parseName('李〇')).toEqual({ ok: true, value: [{ kind: 'text', text: '李〇' }] });
    expect(parseName('张\u{2A6D6}')).toEqual({ ok: true, value: [{ kind: 'text', text: '张\u{2A6D6}' }] });
  });
});

/** Segments as parseName produces them: no empty or adjacent text segments. */
const hanText = fc
  .array(fc.constantFrom('张', '三', '欧', '阳', '娜', '李', '〇', '明', '\u{20000}'), { minLength: 1, maxLength: 4 })
  .map((cs) => cs.join(''));
const rare = fc.stringMatching(/^[A-Z]{1,6}$/).map((pinyin): NameSegment => ({ kind: 'rare', pinyin }));
const segmentsArb = fc
  .array(fc.oneof(hanText.map((text): NameSegment => ({ kind: 'text', text })), rare), { minLength: 1, maxLength: 6 })
  .map((segs) => {
    const merged: NameSegment[] = [];
    for (const s of segs) {
      const last = merged[merged.length - 1];
      if (s.kind === 'text' && last?.kind === 'text') merged[merged.length - 1] = { kind: 'text', text: last.text + s.text };
      else merged.push(s);
    }
    return merged;
  });

describe('formatName', () => {
  it('writes half-width brackets around the pinyin', () => {
    expect(
      formatName([
        { kind: 'text', text: '张' },
        { kind: 'rare', pinyin: 'CHUI' },
        { kind: 'text', text: '三' },
      ]),
    ).toBe('张[CHUI]三');
  });

  it('property: parseName ∘ formatName is the identity on parsed segments', () => {
    fc.assert(
      fc.property(segmentsArb, (segs) => {
        expect(parseName(formatName(segs))).toEqual({ ok: true, value: segs });
      }),
    );
  });

  it('property: formatting a parse gives the normalised spelling, which parses the same', () => {
    const messy = fc
      .tuple(segmentsArb, fc.boolean(), fc.boolean())
      .map(([segs, fullWidth, lower]) =>
        segs
          .map((s) => {
            if (s.kind === 'text') return s.text;
            const p = lower ? s.pinyin.toLowerCase() : s.pinyin;
            return fullWidth ? `【${p}】` : `[${p}]`;
          })
          .join(''),
      );
    fc.assert(
      fc.property(messy, (s) => {
        const r = parseName(s);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const f = formatName(r.value);
        expect(f).toBe(normalizeName(s));
        expect(parseName(f)).toEqual(r);
      }),
    );
  });
});

describe('hasRareCharacters and namesEqual', () => {
  it('detects rare segments, also in malformed names', () => {
    expect(hasRareCharacters('张[CHUI]')).toBe(true);
    expect(hasRareCharacters('张【chui】')).toBe(true);
    expect(hasRareCharacters('张三')).toBe(false);
    expect(hasRareCharacters('张[CHUI')).toBe(true);
    expect(hasRareCharacters('阿卜杜·热合曼')).toBe(false);
  });

  it('compares normalised spellings', () => {
    expect(namesEqual('张[CHUI]', '张［chui］')).toBe(true);
    expect(namesEqual('阿卜杜•热合曼', '阿卜杜·热合曼')).toBe(true);
    expect(namesEqual('张 三', '张三')).toBe(true);
    expect(namesEqual('张[CHUI]', '张[CHUN]')).toBe(false);
    expect(namesEqual('张三', '张叁')).toBe(false);
  });
});

describe('sorting', () => {
  it('puts a rare character where its pinyin belongs among ordinary characters', () => {
    const sorted = ['张左', '张丹', '张[CHUI]', '章三', '张安', '李四', '张[ZUO]'].sort(compareNames);
    expect(sorted.indexOf('张[CHUI]')).toBeGreaterThan(sorted.indexOf('张安'));
    expect(sorted.indexOf('张[CHUI]')).toBeLessThan(sorted.indexOf('张丹'));
    expect(sorted[0]).toBe('李四');
    // All 张 names stay together, before 章.
    expect(sorted.slice(1, 6).every((n) => n.startsWith('张'))).toBe(true);
    expect(sorted[6]).toBe('章三');
  });

  it('maps pinyin to a same-sounding character, with a fallback for unlisted syllables', () => {
    expect(pinyinSortChar('CHUI')).toBe('吹');
    expect(pinyinSortChar('lue')).toBe(pinyinSortChar('LVE'));
    expect(nameSortKey('张[CHUI]三')).toBe('张吹三');
    // DEI is not listed: it sorts with DE, after DAN and before DENG.
    const dei = pinyinSortChar('DEI');
    expect(collator.compare('丹', dei)).toBeLessThan(0);
    expect(collator.compare(dei, '灯')).toBeLessThanOrEqual(0);
  });

  it('the syllable characters are distinct and in pinyin order under Intl.Collator(zh-CN)', () => {
    expect(PINYIN_SYLLABLES.length).toBeGreaterThan(390);
    expect(PINYIN_SYLLABLES.slice(0, 3)).toEqual(['A', 'AI', 'AN']);
    expect(PINYIN_SYLLABLES.indexOf('LV')).toBe(PINYIN_SYLLABLES.indexOf('LU') + 1);
    const chars = PINYIN_SYLLABLES.map(pinyinSortChar);
    expect(new Set(chars).size).toBe(chars.length);
    expect([...chars].sort(collator.compare)).toEqual(chars);
  });

  it('is a total order that ties only equal spellings', () => {
    expect(compareNames('张[CHUI]', '张［chui］')).toBe(0);
    expect(compareNames('张[CHUI]', '张吹')).not.toBe(0);
    expect(Math.sign(compareNames('张[CHUI]', '张吹'))).toBe(-Math.sign(compareNames('张吹', '张[CHUI]')));
  });

  it('property: compareNames is antisymmetric and consistent with namesEqual', () => {
    const name = segmentsArb.map(formatName);
    fc.assert(
      fc.property(name, name, (a, b) => {
        // `+ 0` because toBe uses Object.is, for which 0 and -0 differ.
        expect(Math.sign(compareNames(a, b))).toBe(-Math.sign(compareNames(b, a)) + 0);
        expect(compareNames(a, b) === 0).toBe(namesEqual(a, b));
        expect(compareNames(a, a)).toBe(0);
      }),
    );
  });
});
