import { memo } from 'react';
import { Box, Text } from 'ink';
import { bindingsFor, type KeyCategory } from '../keys/registry.ts';
import { displayWidth, ELLIPSIS, fitWidth } from '../../text/display-width.ts';

export type HelpOverlayProps = {
  /** The screen whose keys to explain (not 'help' itself). */
  readonly context: string;
  readonly width: number;
  readonly height: number;
};

const GROUPS: readonly { readonly category: KeyCategory; readonly title: string }[] = [
  { category: 'local', title: '本页' },
  { category: 'navigation', title: '导航' },
  { category: 'global', title: '全局' },
];

const TITLE = '帮助';
const CLOSE_HINT = 'Esc/? 关闭';

/**
 * The help box as exactly `height` lines of exactly `width` columns: a title, then the
 * context's bindings grouped 本页 / 导航 / 全局 with the key labels in one aligned column.
 * When the box is too short, the last line shows that more was cut. No border: box-drawing
 * characters are ambiguous-width and some Chinese terminal settings draw them double.
 */
export function helpLines(context: string, width: number, height: number): string[] {
  const bindings = bindingsFor(context);
  const keyWidth = Math.max(0, ...bindings.map((b) => displayWidth(b.keys)));
  const body: string[] = [];
  for (const { category, title } of GROUPS) {
    const inGroup = bindings.filter((b) => b.category === category);
    if (inGroup.length === 0) continue;
    body.push(title);
    for (const b of inGroup) body.push(`  ${fitWidth(b.keys, keyWidth)}  ${b.description}`);
  }
  const head = displayWidth(TITLE) + 2 + displayWidth(CLOSE_HINT) <= width
    ? TITLE + fitWidth(CLOSE_HINT, width - displayWidth(TITLE), 'right')
    : TITLE;
  const rows = Math.max(0, height - 2);
  let shown = body;
  if (body.length > rows) shown = rows > 0 ? [...body.slice(0, rows - 1), `  ${ELLIPSIS}`] : [];
  const lines = [head, '-'.repeat(Math.max(0, width)), ...shown].slice(0, Math.max(0, height));
  while (lines.length < height) lines.push('');
  return lines.map((l) => fitWidth(l, width));
}

function HelpOverlayView({ context, width, height }: HelpOverlayProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      {helpLines(context, width, height).map((line, i) => (
        <Text key={i}>{line}</Text>
      ))}
    </Box>
  );
}

export const HelpOverlay = memo(HelpOverlayView);
