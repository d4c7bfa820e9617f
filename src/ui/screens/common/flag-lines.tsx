import { Line } from '../../components/line.tsx';
import type { Flag } from '../../state/flags.ts';

export const FLAG_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;

export type FlagLinesProps = { readonly flags: readonly Flag[]; readonly count: number; readonly width: number };

/** The newest `count` outcomes, one fitted row each (older ones dimmed); empty rows keep the layout still. */
export function FlagLines({ flags, count, width }: FlagLinesProps) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <FlagLine key={`f${i}`} flag={flags[i]} dim={i > 0} width={width} />
      ))}
    </>
  );
}

function FlagLine({ flag, dim, width }: { flag: Flag | undefined; dim: boolean; width: number }) {
  return <Line text={flag?.text ?? ''} color={flag ? FLAG_COLOR[flag.level] : undefined} dim={dim} width={width} />;
}
