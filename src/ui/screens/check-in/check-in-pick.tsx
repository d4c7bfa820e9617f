import { Box, Text } from 'ink';
import { Table } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { messageColor, type Message } from '../shared/message.ts';
import { BATCH_COLUMNS, type BatchRow } from './check-in-view.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type CheckInPickProps = {
  readonly rows: readonly BatchRow[];
  readonly picked: number;
  readonly flag: Message | undefined;
  readonly width: number;
  readonly height: number;
};

/** The batches waiting to be counted in at the site, to pick one. */
export function CheckInPick({ rows, picked, flag, width, height }: CheckInPickProps) {
  const tableRows = Math.min(rows.length, height - 4);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{zh.checkin.pickTitle}</Text>
      {rows.length === 0 ? <Text>{zh.checkin.none}</Text> : <Table data={rows} columns={BATCH_COLUMNS} width={width} height={tableRows} selectedIndex={picked} />}
      {flag ? <Line text={flag.text} color={messageColor(flag)} width={width} /> : null}
    </Box>
  );
}
