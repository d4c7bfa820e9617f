import { Box } from 'ink';
import { Wrapped } from '../shared/wrapped.tsx';
import { MESSAGE_COLOR, type Message } from '../shared/message.ts';

/** What the home page itself just did (the counter's cards back in the vault, and where the sheet is), wrapped in `rows` rows. */
export function HomeNotice({ notice, rows }: { notice: readonly Message[]; rows: number }) {
  return (
    <Box height={rows} overflow="hidden" flexDirection="column">
      {notice.map((m, i) => (
        // Not shrunk: in a short box the first line (what was done) shows, the rest is cut.
        <Box key={i} flexShrink={0}>
          <Wrapped text={m.text} color={MESSAGE_COLOR[m.level]} />
        </Box>
      ))}
    </Box>
  );
}
