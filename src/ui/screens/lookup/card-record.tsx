import { Table, type ColumnSpec } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { historyRows, summaryLines, type HistoryRow } from './lookup-lines.ts';
import type { CardView } from '../../../workflows/card-lookup.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type CardRecordProps = { card: CardView; width: number; tableHeight: number; selected: number };

const L = zh.lookup.columns;
const COLUMNS: ColumnSpec<HistoryRow>[] = [
  { key: 'seq', header: L.seq, width: 6, align: 'right', drop: 1 },
  { key: 'at', header: L.at, width: 16 },
  { key: 'type', header: L.type, width: 10, min: 8 },
  { key: 'state', header: L.state, width: 8 },
  { key: 'site', header: L.site, width: 22, min: 8, drop: 3 },
  { key: 'operator', header: L.operator, width: 8, drop: 2 },
];

/** The card found: its summary rows and its history, the selected movement marked. */
export function CardRecord({ card, width, tableHeight, selected }: CardRecordProps) {
  const lines = summaryLines(card);
  const rows = historyRows(card);
  return (
    <>
      {lines.map((text, i) => (
        <Line key={i} text={text} width={width} />
      ))}
      <Table data={rows} columns={COLUMNS} width={width} height={tableHeight} selectedIndex={selected} />
    </>
  );
}
