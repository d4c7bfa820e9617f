import { TextField } from '../../components/text-field.tsx';
import { Table, type ColumnSpec } from '../../components/table.tsx';
import { Line } from '../../components/line.tsx';
import { Question } from '../shared/question.tsx';
import { messageColor, type Message } from '../shared/message.ts';
import { displayWidth } from '../../../text/display-width.ts';
import type { PickupEntry } from '../../../workflows/issue-desk.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type PickupScanProps = {
  input: string;
  entries: readonly PickupEntry[];
  flags: readonly Message[];
  total: number;
  /** The confirmation is asked (no scan field, no flags). */
  confirming: boolean;
  isActive: boolean;
  width: number;
  height: number;
  onInput: (value: string) => void;
  onScan: (raw: string) => void;
};

type Row = { label: string; kind: string; cards: string };

const P = zh.pickup;
const COLUMNS: ColumnSpec<Row>[] = [
  { key: 'label', header: P.columns.label, width: 24, min: 14 },
  { key: 'kind', header: P.columns.kind, width: 6 },
  { key: 'cards', header: P.columns.cards, width: 6, align: 'right' },
];
/** Rows kept for the flags under the scan field. */
const FLAG_SLOTS = [0, 1, 2, 3] as const;

/** Four flag rows, the newest in colour and the older ones dimmed; empty rows keep their place. */
function Flags({ flags, width }: { flags: readonly Message[]; width: number }) {
  const rows = FLAG_SLOTS.map((i) => ({ key: `f${i}`, text: flags[i]?.text ?? '', color: messageColor(flags[i]), dim: i > 0 }));
  return (
    <>
      {rows.map((r) => (
        <Line key={r.key} text={r.text} width={width} color={r.color} dim={r.dim} />
      ))}
    </>
  );
}

/** The scan field with its running count and flags, the list of what was added, and the confirmation. */
export function PickupScan({ input, entries, flags, total, confirming, isActive, width, height, onInput, onScan }: PickupScanProps) {
  const rows: Row[] = entries.map((e) => ({ label: e.label, kind: P.kinds[e.kind], cards: String(e.cards.length) }));
  const tableRows = Math.max(1, height - (confirming ? 10 : 11));
  const labelWidth = Math.max(4, displayWidth(P.scan));
  const count = P.total(total, entries.length);
  const confirmBody = P.confirmBody(total);
  return (
    <>
      {confirming ? null : <TextField label={P.scan} value={input} onChange={onInput} onSubmit={onScan} focus={isActive} placeholder={P.scanPlaceholder} width={width} labelWidth={labelWidth} />}
      <Line text={count} width={width} bold />
      {confirming ? null : <Flags flags={flags} width={width} />}
      <Table data={rows} columns={COLUMNS} width={width} height={tableRows} emptyText={P.emptyTable} />
      {confirming ? <Question title={P.confirmTitle} body={confirmBody} width={width} wrap /> : null}
    </>
  );
}
