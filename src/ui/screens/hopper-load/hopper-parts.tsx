import { Box } from 'ink';
import { Line } from '../../components/line.tsx';
import { Wrapped } from '../shared/wrapped.tsx';
import { MESSAGE_COLOR, type Message } from '../shared/message.ts';
import { listLines } from './hopper-lines.ts';
import type { LoadableBlank } from '../../../workflows/hopper-loading.ts';

/** Lines kept for the last message: a refusal can take two at 80 columns. */
export const MESSAGE_LINES = 2;

/** The last message (wrapped, at most two rows), or an empty row. */
export function MessageBox({ message, width }: { message: Message | null; width: number }) {
  return (
    <Box height={MESSAGE_LINES} overflow="hidden" flexDirection="column">
      {message ? <Wrapped text={message.text} color={MESSAGE_COLOR[message.level]} /> : <Line text="" width={width} />}
    </Box>
  );
}

/** The blanks in feeding order, numbered; the newest at the bottom of `rows` rows. */
export function ScannedList({ cards, rows, width }: { cards: readonly LoadableBlank[]; rows: number; width: number }) {
  const lines = listLines(cards, rows);
  const height = Math.max(0, rows);
  return (
    <Box height={height} overflow="hidden" flexDirection="column">
      {lines.map((l, i) => (
        <Line key={i} text={l} width={width} />
      ))}
    </Box>
  );
}
