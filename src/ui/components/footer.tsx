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
 * A pure function of its arguments, so the row is byte-identical for the same context and Ink
 * never redraws it on a keystroke.
 */
export function footerText(context: ContextId, width: number, extra: readonly KeyBinding[] = [], textFocused = false): string {
  const items = [...extra, ...bindingsFor(context, { textFocused })]
    .filter((b) => (b.footer === 'text' ? textFocused : b.footer !== false) && !(textFocused && b.printable))
    .map((b) => `${b.keys} ${b.description}`);
  let line = '';
  for (const item of items) {
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
