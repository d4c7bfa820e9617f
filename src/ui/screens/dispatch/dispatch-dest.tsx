import { Box } from 'ink';
import { Table } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { DEST_COLUMNS, type DestRow } from './dispatch-view.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type DispatchDestProps = { readonly rows: readonly DestRow[]; readonly selected: number | undefined; readonly page: number; readonly width: number; readonly height: number };

/** Where the shipment goes: the sites below, or up the hierarchy (回退). */
export function DispatchDest({ rows, selected, page, width, height }: DispatchDestProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={zh.dispatch.title(zh.dispatch.pickTitle)} width={width} bold />
      <Table data={rows} columns={DEST_COLUMNS} width={width} height={page} selectedIndex={selected} emptyText={zh.dispatch.none} />
    </Box>
  );
}
