import { Table, type ColumnSpec } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { Question } from '../shared/question.tsx';
import type { Mark, SettleCard, SettleStep } from '../../hooks/use-settle.ts';
import { formatLocalTime } from '../../../domain/china-dates.ts';
import { zh } from '../../../i18n/zh-CN.ts';

type Row = { mark: string; cardNo: string; name: string; id: string; since: string };

const S = zh.settle;
const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'mark', header: S.columns.mark, width: 10 },
  { key: 'cardNo', header: S.columns.cardNo, width: 10 },
  { key: 'name', header: S.columns.name, width: 10, min: 6 },
  { key: 'id', header: S.columns.id, width: 18 },
  { key: 'since', header: S.columns.since, width: 10, drop: 1 },
];

export type SettleMarkingProps = {
  cards: readonly SettleCard[];
  marks: ReadonlyMap<string, Mark>;
  index: number;
  step: SettleStep;
  delivered: number;
  returned: number;
  /** The settlement's refusal, or why the list could not be read. */
  error: string;
  width: number;
  tableHeight: number;
};

function rowsOf(cards: readonly SettleCard[], marks: ReadonlyMap<string, Mark>): Row[] {
  return cards.map((c) => {
    const m = marks.get(c.cardNo);
    return { mark: m ? S.marks[m] : '', cardNo: c.cardNo, name: c.holderName ?? '-', id: c.holderIdMasked ?? '-', since: c.since ? formatLocalTime(c.since).slice(0, 10) : '-' };
  });
}

/** The agent's cards with their marks, the totals, and the hint or the question being asked. */
export function SettleMarking({ cards, marks, index, step, delivered, returned, error, width, tableHeight }: SettleMarkingProps) {
  const rows = rowsOf(cards, marks);
  const held = cards.length - delivered - returned;
  const selected = rows.length ? index : undefined;
  const totals = S.totals(delivered, returned, held);
  const confirmBody = S.confirmBody(delivered, returned, held);
  return (
    <>
      <Table data={rows} columns={COLUMNS} width={width} height={tableHeight} selectedIndex={selected} emptyText={S.none} />
      <Line text={totals} width={width} bold />
      <Line text={error} width={width} color="red" />
      {step === 'confirm' ? <Question title={S.confirmTitle} body={confirmBody} width={width} /> : null}
      {step === 'leave' ? <Question title={S.leaveTitle} body={S.leaveBody} width={width} /> : null}
      {step === 'mark' ? <Line text={S.hint} width={width} /> : null}
    </>
  );
}
