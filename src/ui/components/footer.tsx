import { memo } from 'react';
import { Text } from 'ink';
import { bindingsFor, type ContextId, type KeyBinding } from '../keys/registry.ts';
import { displayWidth, fitWidth } from '../../text/display-width.ts';

export type FooterProps = {
  readonly context: ContextId;
  readonly width: number;
  /** Screen-specific hints shown first (display only; pass a stable array). */
  readonly extra?: readonly KeyBinding[];
  /** A text field has focus: printable keys (q, ?, 1-9…) are typed, not commands, so they are not offered. */
  readonly textFocused?: boolean;
};

const GAP = '  ';

/**
 * The footer row: `键 说明  键 说明 …`, the context's keys then the global ones, whole items
 * only, cut to `width` columns by display width and padded to exactly `width` (never wraps).
 * The way out (`Esc`, the global keys: `Esc 返回  q 退出`) is kept at any width: in a narrow
 * window the screen's own hints that do not fit are left out first.
 * A pure function of its arguments, so the row is byte-identical for the same context and Ink
 * never redraws it on a keystroke.
 */
export function footerText(context: ContextId, width: number, extra: readonly KeyBinding[] = [], textFocused = false): string {
  const shown = [...extra, ...bindingsFor(context, { textFocused })].filter((b) => (b.footer === 'text' ? textFocused : b.footer !== false) && !(textFocused && b.printable));
  // F1 (shown only while a field has focus) comes after the screen's own keys: a submit key matters more.
  const kept = (b: KeyBinding) => (b.category === 'global' && b.footer !== 'text') || b.keys.split('/').includes('Esc');
  const join = (items: readonly string[]) => items.join(GAP);
  const label = (b: KeyBinding) => `${b.keys} ${b.description}`;
  // The way out first; then the screen's hints, in their order, each if it still fits. Shown in the registry's order.
  const chosen = new Set(shown.filter(kept));
  for (const b of shown) {
    if (!chosen.has(b) && displayWidth(join(shown.filter((x) => chosen.has(x) || x === b).map(label))) <= width) chosen.add(b);
  }
  let line = '';
  for (const item of shown.filter((b) => chosen.has(b)).map(label)) {
    const next = line === '' ? item : line + GAP + item;
    if (displayWidth(next) > width) break;
    line = next;
  }
  return fitWidth(line, width);
}

function FooterView({ context, width, extra, textFocused = false }: FooterProps) {
  return <Text dimColor>{footerText(context, width, extra, textFocused)}</Text>;
}

/** Memoised: a parent re-rendering on every key does not re-render the footer. */
export const Footer = memo(FooterView);
