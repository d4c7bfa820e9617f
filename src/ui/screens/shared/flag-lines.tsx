import { memo } from 'react';
import { Line } from '../../components/line.tsx';
import { messageColor, type Message } from './message.ts';

export type FlagLinesProps = { readonly flags: readonly Message[]; readonly count: number; readonly width: number };

/** The newest `count` outcomes, one fitted row each (older ones dimmed); empty rows keep the layout still. */
function FlagLinesView({ flags, count, width }: FlagLinesProps) {
  const rows = Array.from({ length: count }, (_, i) => ({ key: `f${i}`, text: flags[i]?.text ?? '', color: messageColor(flags[i]), dim: i > 0 }));
  return (
    <>
      {rows.map((r) => (
        <Line key={r.key} text={r.text} color={r.color} dim={r.dim} width={width} />
      ))}
    </>
  );
}

/** Memoised: a keystroke in the field above leaves the flags as they were, and so their rows. */
export const FlagLines = memo(FlagLinesView);
