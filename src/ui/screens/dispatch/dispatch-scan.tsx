import { Box } from 'ink';
import { TextField } from '../../components/text-field.tsx';
import { Table } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { FlagLines } from '../shared/flag-lines.tsx';
import { Question } from '../shared/question.tsx';
import type { Message } from '../shared/message.ts';
import { GROUP_COLUMNS, type GroupRow } from './dispatch-view.ts';
import { displayWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const D = zh.dispatch;
const SCAN_LABEL_WIDTH = Math.max(4, displayWidth(D.scan));

export type DispatchScanProps = {
  readonly title: string;
  readonly total: string;
  readonly input: string;
  readonly focus: boolean;
  readonly flags: readonly Message[];
  readonly rows: readonly GroupRow[];
  /** The question before the list is dropped, with the cards on it; null while scanning. */
  readonly leaving: number | null;
  readonly onChange: (value: string) => void;
  readonly onSubmit: (value: string) => void;
  readonly width: number;
  readonly height: number;
};

/** Scanning the list (and the question before dropping it). */
export function DispatchScan(p: DispatchScanProps) {
  const { width } = p;
  const tableRows = Math.max(1, p.height - 9);
  return (
    <Box flexDirection="column" width={width} height={p.height}>
      <Line text={p.title} width={width} bold />
      <TextField label={D.scan} value={p.input} onChange={p.onChange} onSubmit={p.onSubmit} focus={p.focus} placeholder={D.scanPlaceholder} width={width} labelWidth={SCAN_LABEL_WIDTH} />
      <Line text={p.total} width={width} bold />
      <FlagLines flags={p.flags} count={3} width={width} />
      {p.leaving === null ? (
        <Table data={p.rows} columns={GROUP_COLUMNS} width={width} height={tableRows} emptyText={D.emptyTable} />
      ) : (
        <Question title={D.leaveTitle} body={D.leaveBody(p.leaving)} width={width} wrap />
      )}
    </Box>
  );
}
