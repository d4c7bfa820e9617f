import { TextField } from '../../components/text-field.tsx';
import { Table, type ColumnSpec } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { messageColor, type Message } from '../shared/message.ts';
import { candidateRow, messageText, pickDetail, type CandidateRow } from './issue-lines.ts';
import type { IssueCandidate } from '../../../workflows/issue-card.ts';
import { displayWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const I = zh.issuance;
const COLUMNS: ColumnSpec<CandidateRow>[] = [
  { key: 'cardNo', header: I.columns.cardNo, width: 10 },
  { key: 'holder', header: I.columns.holder, width: 10, min: 6 },
  { key: 'id', header: I.columns.id, width: 18 },
  { key: 'state', header: I.columns.state, width: 8 },
  { key: 'site', header: I.columns.site, width: 18, min: 6, drop: 1 },
  { key: 'can', header: I.columns.can, width: 4 },
];
/** Title, query row, message, the table's header, rule and overflow line, the detail line. */
const LIST_CHROME = 7;
const rowColor = (row: CandidateRow): string | undefined => (row.blocked ? 'gray' : undefined);

export type IssueFindProps = {
  query: string;
  candidates: readonly IssueCandidate[];
  /** The selected card while the list has the keys; null while the query field has them. */
  pickIndex: number | null;
  message: Message | null;
  focus: boolean;
  width: number;
  height: number;
  onQuery: (value: string) => void;
  onSearch: (raw: string) => void;
};

/** The query field, the cards found (those that cannot be issued greyed) and the selected one's detail. */
export function IssueFind({ query, candidates, pickIndex, message, focus, width, height, onQuery, onSearch }: IssueFindProps) {
  const rows = candidates.map(candidateRow);
  const detail = pickDetail(pickIndex === null ? undefined : candidates[pickIndex]);
  const tableHeight = Math.max(1, height - LIST_CHROME);
  const selected = pickIndex ?? undefined;
  const labelWidth = displayWidth(I.query);
  const said = { text: messageText(message), color: messageColor(message) };
  return (
    <>
      <Line text={I.findTitle} width={width} bold />
      <TextField label={I.query} value={query} onChange={onQuery} onSubmit={onSearch} focus={focus} placeholder={I.queryPlaceholder} width={width} labelWidth={labelWidth} />
      <Line text={said.text} width={width} color={said.color} />
      {rows.length > 0 ? <Table data={rows} columns={COLUMNS} width={width} height={tableHeight} selectedIndex={selected} rowColor={rowColor} /> : null}
      <Line text={detail.text} width={width} color={detail.color} />
    </>
  );
}
