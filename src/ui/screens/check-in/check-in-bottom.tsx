import { Table } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { Question } from '../shared/question.tsx';
import { BOX_COLUMNS, type CheckInBottom } from './check-in-view.ts';

/** Under the count: the box table, or the question (confirm, leave), or the result. */
export function CheckInBottomPart({ bottom, width, height }: { bottom: CheckInBottom; width: number; height: number }) {
  if (bottom.kind === 'question') return <Question title={bottom.title} body={bottom.body} width={width} wrap />;
  if (bottom.kind === 'done') return <Line text={bottom.text} color="green" width={width} />;
  const tableRows = Math.max(1, Math.min(bottom.rows.length, height - 10));
  return <Table data={bottom.rows} columns={BOX_COLUMNS} width={width} height={tableRows} />;
}
