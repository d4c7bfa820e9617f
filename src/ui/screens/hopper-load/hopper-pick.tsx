import { Box } from 'ink';
import { Line } from '../../components/line.tsx';
import { Wrapped } from '../shared/wrapped.tsx';
import { MessageBox } from './hopper-parts.tsx';
import { hopperRows } from './hopper-lines.ts';
import type { Message } from '../shared/message.ts';
import type { StationChoice } from '../../../workflows/instant-stations.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const H = zh.hopperLoad;
/** Title, pick line, a blank, the message (two rows), a blank, then the hint or the question (three rows and a spare). */
const CHROME = 7 + 4;

export type HopperPickProps = {
  stations: readonly StationChoice[];
  index: number;
  message: Message | null;
  /** Unloading the chosen hopper: the places it may go back to, and the one chosen. */
  unload: { places: readonly string[]; placeIndex: number } | null;
  width: number;
  height: number;
};

function UnloadQuestion({ station, places, placeIndex, width }: { station: StationChoice; places: readonly string[]; placeIndex: number; width: number }) {
  const title = H.unloadTitle(station.hopperName, station.remaining);
  const place = H.unloadPlace(places[placeIndex] ?? '', placeIndex + 1, places.length);
  return (
    <>
      <Line text={title} width={width} color="yellow" bold />
      <Line text={place} width={width} />
      <Wrapped text={H.unloadBody} />
    </>
  );
}

/** The printers' hoppers to choose from, the last message, and the hint or the unload question. */
export function HopperPick({ stations, index, message, unload, width, height }: HopperPickProps) {
  const rows = hopperRows(stations, index);
  const room = Math.min(Math.max(1, height - CHROME), rows.length);
  const station = stations[index];
  return (
    <>
      <Line text={H.pickTitle} width={width} />
      <Box height={room} overflow="hidden" flexDirection="column">
        {rows.map((r) => (
          <Line key={r.key} text={r.text} width={width} />
        ))}
      </Box>
      <Line text="" width={width} />
      <MessageBox message={message} width={width} />
      <Line text="" width={width} />
      {unload && station ? <UnloadQuestion station={station} places={unload.places} placeIndex={unload.placeIndex} width={width} /> : <Wrapped text={H.pickHint} />}
    </>
  );
}
