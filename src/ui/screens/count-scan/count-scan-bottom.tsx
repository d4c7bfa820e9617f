import { Box } from 'ink';
import { Table } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { Question } from '../shared/question.tsx';
import { COLUMNS, HOPPER_COLUMNS, type ScanBottom } from './count-scan-view.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const C = zh.count;

/** Under the flags: the progress table, the hopper to count, or a question. */
export function CountScanBottom({ bottom, tableRows, width }: { bottom: ScanBottom; tableRows: number; width: number }) {
  if (bottom.kind === 'question') return <Question title={bottom.title} body={bottom.body} width={width} wrap />;
  if (bottom.kind === 'progress') return <Table data={bottom.rows} columns={COLUMNS} width={width} height={tableRows} emptyText={C.nothingYet} />;
  const pickRows = Math.max(1, tableRows - 1);
  return (
    <Box flexDirection="column">
      <Line text={C.hopperPick} color="yellow" width={width} />
      <Table data={bottom.rows} columns={HOPPER_COLUMNS} width={width} height={pickRows} selectedIndex={bottom.selected} />
    </Box>
  );
}
