import { memo } from 'react';
import { Text } from 'ink';
import { fitWidth } from '../../text/display-width.ts';

export type ProgressBarProps = { done: number; total: number; width: number; label?: string };

/**
 * `[########------------]  40%  20000/50000 行`. ASCII only (box-drawing and block characters
 * are ambiguous-width on some Chinese terminals), and whole steps of the bar, so an update
 * rewrites a few cells, not the line.
 */
export function progressText({ done, total, width, label = '' }: ProgressBarProps): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const tail = `${String(Math.floor(ratio * 100)).padStart(3)}%  ${done}/${total}${label}`;
  const barWidth = Math.max(10, Math.min(40, width - tail.length - 6));
  const filled = Math.round(ratio * barWidth);
  return fitWidth(`[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]  ${tail}`, width);
}

function ProgressBarView(props: ProgressBarProps) {
  return <Text>{progressText(props)}</Text>;
}

export const ProgressBar = memo(ProgressBarView);
