import { memo } from 'react';
import { Box } from 'ink';
import { Table, type ColumnSpec } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import type { StockRow } from '../../hooks/use-home-data.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const STOCK_COLUMNS: ColumnSpec<StockRow>[] = [
  { key: 'state', header: zh.home.stateColumn, width: 12, min: 8 },
  { key: 'finished', header: zh.home.kindFinished, width: 8, align: 'right' },
  { key: 'prefab', header: zh.home.kindPrefab, width: 8, align: 'right' },
];

export type HomeStockProps = { readonly title: string; readonly rows: readonly StockRow[]; readonly width: number };

/** Stock at the site and below, one row per state: it fits beside the menu in 80 columns. */
function HomeStockView({ title, rows, width }: HomeStockProps) {
  const tableRows = Math.max(1, rows.length);
  return (
    <Box flexDirection="column" width={width} marginLeft={2}>
      <Line text={title} width={width} bold />
      <Table data={rows} columns={STOCK_COLUMNS} width={width} height={tableRows} emptyText={zh.home.noStock} />
    </Box>
  );
}

/** Memoised: the stock does not change while the marker moves. */
export const HomeStock = memo(HomeStockView);
