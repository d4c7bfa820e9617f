import { memo } from 'react';
import { Line } from '../../components/line.tsx';
import type { Flag } from '../../state/flags.ts';

export const FLAG_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;

export type FlagLinesProps = { readonly flags: readonly Flag[]; readonly count: number; readonly width: number };

/** The newest `count` outcomes, one fitted row each (older ones dimmed); empty rows keep the layout still. */
function FlagLinesView({ flags, count, width }: FlagLinesProps) {
  const rows = Array.from({ length: count }, (_, i) => flags[i]);
  return (
    <>
      {rows.map((f, i) => (
        <Line key={`f${i}`} text={f?.text ?? ''} color={f ? FLAG_COLOR[f.level] : undefined} dim={i > 0} width={width} />
      ))}
    </>
  );
}

/** Memoised: a keystroke in the field above leaves the flags as they were, and so their rows. */
export const FlagLines = memo(FlagLinesView);
