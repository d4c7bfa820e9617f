import { memo } from 'react';
import { Box, Text } from 'ink';
import { bindingsFor, type ContextId, type KeyCategory } from '../keys/registry.ts';
import { helpText, type ScreenHelp } from '../../i18n/shell.ts';
import { displayWidth, ELLIPSIS, fitWidth } from '../../text/display-width.ts';
import { labeledLines } from '../../text/text-table.ts';

export type HelpOverlayProps = {
  /** The screen context whose keys to explain (not 'help' itself). */
  readonly context: ContextId;
  /** The screen's title from the screen table; without one the heading is just 帮助. */
  readonly title?: string;
  /** What the screen is for and what submitting does (the screen table's `help`), above the keys. */
  readonly about?: ScreenHelp;
  readonly width: number;
  readonly height: number;
};

const GROUPS: readonly KeyCategory[] = ['local', 'navigation', 'global'];

/**
 * The help box as exactly `height` lines of exactly `width` columns: a title, what the screen is
 * for and what submitting does, then the context's bindings grouped 本页 / 导航 / 全局 with the
 * key labels in one aligned column.
 * When the box is too short, the last line shows that more was cut. No border: box-drawing
 * characters are ambiguous-width and some Chinese terminal settings draw them double.
 */
export function helpLines(context: ContextId, width: number, height: number, title?: string, about?: ScreenHelp): string[] {
  const bindings = bindingsFor(context);
  const keyWidth = Math.max(0, ...bindings.map((b) => displayWidth(b.keys)));
  const body: string[] = about
    ? [...labeledLines(helpText.purposeLabel, about.purpose, width), ...labeledLines(helpText.submitLabel, about.submit, width)]
    : [];
  for (const category of GROUPS) {
    const inGroup = bindings.filter((b) => b.category === category);
    if (inGroup.length === 0) continue;
    body.push(helpText.groups[category]);
    for (const b of inGroup) body.push(`  ${fitWidth(b.keys, keyWidth)}  ${b.description}`);
  }
  const heading = title ? helpText.titleFor(title) : helpText.title;
  const head = displayWidth(heading) + 2 + displayWidth(helpText.close) <= width
    ? heading + fitWidth(helpText.close, width - displayWidth(heading), 'right')
    : heading;
  const rows = Math.max(0, height - 2);
  let shown = body;
  if (body.length > rows) shown = rows > 0 ? [...body.slice(0, rows - 1), `  ${ELLIPSIS}`] : [];
  const lines = [head, '-'.repeat(Math.max(0, width)), ...shown].slice(0, Math.max(0, height));
  while (lines.length < height) lines.push('');
  return lines.map((l) => fitWidth(l, width));
}

function HelpOverlayView({ context, title, about, width, height }: HelpOverlayProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      {helpLines(context, width, height, title, about).map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
    </Box>
  );
}

export const HelpOverlay = memo(HelpOverlayView);
