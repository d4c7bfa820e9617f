import { Box } from 'ink';
import { Table } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { Question } from '../shared/question.tsx';
import { GROUP_COLUMNS, type GroupRow } from './dispatch-view.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type DispatchConfirmProps = {
  readonly title: string;
  readonly lines: readonly string[];
  readonly rows: readonly GroupRow[];
  readonly width: number;
  readonly height: number;
};

/** What will be sent, and the question before it is. */
export function DispatchConfirm({ title, lines, rows, width, height }: DispatchConfirmProps) {
  const tableRows = Math.max(1, Math.min(rows.length, height - 12));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={title} width={width} bold />
      {lines.map((l, i) => (
        <Line key={i} text={l} width={width} />
      ))}
      <Table data={rows} columns={GROUP_COLUMNS} width={width} height={tableRows} />
      <Question title={zh.dispatch.confirmTitle} body={zh.dispatch.confirmBody} width={width} wrap />
    </Box>
  );
}
