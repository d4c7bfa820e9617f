import stringWidth from 'string-width';
import { blankUnprintable } from './printable-text.ts';

/**
 * Text is fitted by *display* width before it reaches Ink's <Text>: Ink 6 pads and truncates
 * by its own rules, and truncating Chinese inside a Box can overflow it (fixed only in ink 7).
 * Every string we render into a fixed-width slot goes through fitWidth, so a column is exactly
 * its width whatever mix of Chinese (2 columns), Latin (1) and combining marks it holds.
 */

export type Align = 'left' | 'right' | 'center';

/**
 * U+2026 is East Asian *Ambiguous*: string-width counts it as 1 (as most UTF-8 terminals do),
 * but a terminal set to draw ambiguous characters wide (some GBK/CJK profiles in Xshell,
 * SecureCRT, PuTTY) draws it in 2 columns and a truncated cell then pushes its row one column
 * right. Kept because the console's design uses it; change it here if operators hit that.
 */
export const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

export function displayWidth(s: string): number {
  return stringWidth(s);
}

/**
 * Truncates `s` with ELLIPSIS so it takes at most `width` columns (never splitting a wide
 * character or a grapheme cluster: when a 2-column character would straddle the edge it is
 * dropped and the gap padded), then pads with spaces to exactly `width` columns.
 */
export function fitWidth(s: string, width: number, align: Align = 'left'): string {
  const w = Math.max(0, Math.floor(width));
  if (w === 0) return '';
  // C0/C1 controls (tab, newline, escape…) would move the terminal's cursor and break the row,
  // bidi controls reorder it: a cell shows each as a space instead (printable-text.ts).
  const clean = blankUnprintable(s);
  const fitted = displayWidth(clean) > w ? truncate(clean, w) : clean;
  const gap = w - displayWidth(fitted);
  if (gap <= 0) return fitted;
  if (align === 'right') return ' '.repeat(gap) + fitted;
  if (align === 'center') {
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + fitted + ' '.repeat(gap - left);
  }
  return fitted + ' '.repeat(gap);
}

/** Cuts `s` (known to be wider than `width`) to at most `width` columns, ellipsis included. */
function truncate(s: string, width: number): string {
  const ellipsisWidth = displayWidth(ELLIPSIS);
  if (width <= ellipsisWidth) return ELLIPSIS.slice(0, width > 0 ? ELLIPSIS.length : 0);
  const budget = width - ellipsisWidth;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(s)) {
    const sw = displayWidth(segment);
    if (used + sw > budget) break;
    out += segment;
    used += sw;
  }
  return out + ELLIPSIS;
}
