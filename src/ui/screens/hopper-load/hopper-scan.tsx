import { Box } from 'ink';
import { TextField } from '../../components/text-field.tsx';
import { Line } from '../../components/line.tsx';
import { Wrapped } from '../shared/wrapped.tsx';
import { MESSAGE_LINES, MessageBox, ScannedList } from './hopper-parts.tsx';
import { holdsText } from './hopper-lines.ts';
import type { Message } from '../shared/message.ts';
import type { DoneView } from '../../hooks/use-hopper-load.ts';
import type { StationChoice } from '../../../workflows/instant-stations.ts';
import type { LoadableBlank } from '../../../workflows/hopper-loading.ts';
import { displayWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const H = zh.hopperLoad;
/** Title, target, field, tally, the message (two rows), a blank: the rest is the list. */
const SCAN_CHROME = 7;

export type HopperScanProps = {
  station: StationChoice | undefined;
  input: string;
  cards: readonly LoadableBlank[];
  message: Message | null;
  /** Esc with cards scanned: the question about dropping them replaces the message. */
  asking: boolean;
  focus: boolean;
  width: number;
  height: number;
  onInput: (value: string) => void;
  onSubmit: (raw: string) => void;
};

function LeaveQuestion({ count, width }: { count: number; width: number }) {
  const title = H.leaveTitle(count);
  return (
    <Box height={MESSAGE_LINES} flexDirection="column">
      <Line text={title} width={width} color="yellow" bold />
      <Line text={H.leaveBody} width={width} />
    </Box>
  );
}

/** Scanning into the chosen hopper: the field, the tally and the numbered list. */
export function HopperScan({ station, input, cards, message, asking, focus, width, height, onInput, onSubmit }: HopperScanProps) {
  const target = station ? H.target(station.hopperName, holdsText(station)) : '';
  const tally = H.tally(cards.length, station?.remaining ?? 0);
  const labelWidth = displayWidth(H.scanLabel);
  return (
    <>
      <Line text={target} width={width} bold />
      <TextField label={H.scanLabel} value={input} onChange={onInput} onSubmit={onSubmit} focus={focus} placeholder={H.scanPlaceholder} width={width} labelWidth={labelWidth} />
      <Line text={tally} width={width} />
      {asking ? <LeaveQuestion count={cards.length} width={width} /> : <MessageBox message={message} width={width} />}
      <Line text="" width={width} />
      <ScannedList cards={cards} rows={height - SCAN_CHROME} width={width} />
    </>
  );
}

/** Recorded: put the blanks in, in the order scanned. */
export function HopperDone({ done, width, height }: { done: DoneView; width: number; height: number }) {
  const loaded = H.loaded(done.count, done.hopper);
  const behind = done.prior > 0 ? H.behind(done.prior) : '';
  return (
    <>
      <Line text="" width={width} />
      <Box height={2} overflow="hidden" flexDirection="column">
        <Wrapped text={loaded} color="green" bold />
      </Box>
      <Line text={behind} width={width} />
      <Line text="" width={width} />
      <ScannedList cards={done.cards} rows={height - SCAN_CHROME} width={width} />
      <Line text={H.doneHint} width={width} dim />
    </>
  );
}
