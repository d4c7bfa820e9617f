import { describe, expect, it } from 'vitest';
import { displayWidth, ELLIPSIS, fitWidth } from '../../src/text/display-width.ts';

describe('displayWidth', () => {
  it('counts Chinese as 2 columns and ASCII as 1', () => {
    expect(displayWidth('社保卡')).toBe(6);
    expect(displayWidth('ID 4201')).toBe(7);
    expect(displayWidth('张三 A1')).toBe(7);
    expect(displayWidth('')).toBe(0);
  });
});

describe('fitWidth', () => {
  it('pads to exactly the width by display width', () => {
    expect(fitWidth('张三', 6)).toBe('张三  ');
    expect(fitWidth('张三', 6, 'right')).toBe('  张三');
    expect(fitWidth('张三', 7, 'center')).toBe(' 张三  ');
    expect(fitWidth('ab', 5, 'center')).toBe(' ab  ');
  });

  it('returns text that already fits unchanged', () => {
    expect(fitWidth('湖北省', 6)).toBe('湖北省');
  });

  it('truncates with an ellipsis and never splits a wide character', () => {
    // 5 columns: 2 Chinese (4) + … (1).
    expect(fitWidth('湖北省武汉市', 5)).toBe(`湖北${ELLIPSIS}`);
    // 6 columns: only 5 fit before the ellipsis, the third character would straddle: pad instead.
    const six = fitWidth('湖北省武汉市', 6);
    expect(six).toBe(`湖北${ELLIPSIS} `);
    expect(displayWidth(six)).toBe(6);
  });

  it('handles mixed text', () => {
    const s = fitWidth('工行 ICBC 汉口支行', 12);
    expect(displayWidth(s)).toBe(12);
    // 汉 would end at column 12, leaving no room for the ellipsis.
    expect(s).toBe(`工行 ICBC ${ELLIPSIS} `);
    for (let w = 0; w <= 20; w++) {
      for (const align of ['left', 'right', 'center'] as const) {
        expect(displayWidth(fitWidth('工行 ICBC 汉口支行 ①', w, align))).toBe(w);
      }
    }
  });

  it('keeps combining sequences and emoji whole', () => {
    expect(fitWidth('e\u0301e\u0301e\u0301', 2)).toBe(`e\u0301${ELLIPSIS}`);
    expect(displayWidth(fitWidth('👍👍👍', 4))).toBe(4);
  });

  it('never lets control characters through', () => {
    expect(fitWidth('a\nb\tc', 5)).toBe('a b c');
    expect(fitWidth('\u001B[31m', 6)).toBe(' [31m ');
  });

  it('copes with tiny and zero widths', () => {
    expect(fitWidth('张三', 0)).toBe('');
    expect(fitWidth('张三', 1)).toBe(ELLIPSIS);
    expect(fitWidth('张', 2)).toBe('张');
    expect(fitWidth('张三', 2)).toBe(`${ELLIPSIS} `);
    expect(fitWidth('张三丰', 2)).toBe(`${ELLIPSIS} `);
  });
});
