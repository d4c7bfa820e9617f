import type { ColumnSpec } from '../../components/table.tsx';
import { boxProgress, checkInResult, totals } from '../../../domain/check-in-session.ts';
import type { CheckInBatch } from '../../../workflows/check-in.ts';
import type { CheckInState } from '../../state/check-in.ts';
import { displayWidth } from '../../../text/display-width.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type BoxRow = { box: string; expected: string; counted: string; status: string };
export type BatchRow = { code: string; kind: string; bank: string; expected: string };

const C = zh.checkin;
export const BOX_COLUMNS: ColumnSpec<BoxRow>[] = [
  { key: 'box', header: C.columns.box, width: 10 },
  { key: 'expected', header: C.columns.expected, width: 6, align: 'right' },
  { key: 'counted', header: C.columns.counted, width: 6, align: 'right' },
  { key: 'status', header: C.columns.status, width: 8 },
];
export const BATCH_COLUMNS: ColumnSpec<BatchRow>[] = [
  { key: 'code', header: C.batchColumns.code, width: 24 },
  { key: 'kind', header: C.batchColumns.kind, width: 8, drop: 1 },
  { key: 'bank', header: C.batchColumns.bank, width: 14, min: 6 },
  { key: 'expected', header: C.batchColumns.expected, width: 8, align: 'right' },
];

export function batchRows(batches: readonly CheckInBatch[]): BatchRow[] {
  const kind = (k: string) => (k === 'finished' ? zh.intake.kinds.finished : zh.intake.kinds.prefab);
  return batches.map((b) => ({ code: b.code, kind: kind(b.kind), bank: b.bank, expected: String(b.expected) }));
}

/** The question, or the result, that takes the place of the box table. */
export type CheckInBottom = { kind: 'question'; title: string; body: string } | { kind: 'done'; text: string } | { kind: 'boxes'; rows: BoxRow[] };

/** The counting page worked out from the state: the screen only lays it out. */
export type CheckInView = {
  readonly title: string;
  /** Where the counted cards go and who answers for them there. */
  readonly custody: string;
  readonly label: string;
  readonly labelWidth: number;
  readonly placeholder: string;
  readonly editing: boolean;
  readonly totals: string;
  readonly bottom: CheckInBottom;
};

function boxRows(s: CheckInState): BoxRow[] {
  const status = (counted: number, expected: number, shortBy: number | null) =>
    counted === expected ? C.status.complete : shortBy != null ? C.status.short(shortBy) : C.status.open;
  return (s.session ? boxProgress(s.session) : []).map((p) => ({ box: p.box, expected: String(p.expected), counted: String(p.counted), status: status(p.counted, p.expected, p.shortBy) }));
}

function bottomOf(s: CheckInState, place: string, custodian: string): CheckInBottom {
  const t = s.session ? totals(s.session) : null;
  const r = s.session ? checkInResult(s.session) : null;
  if (s.mode === 'leave' && t) return { kind: 'question', title: C.leaveTitle, body: C.leaveBody(t.counted) };
  if (s.mode === 'confirm' && r) return { kind: 'question', title: C.confirmTitle, body: C.confirmBody(r.received.length, place, custodian, r.missing.length, r.damaged.length, r.extras.length) };
  if (s.mode === 'done' && s.summary) return { kind: 'done', text: C.done(s.summary.received, s.summary.missing) };
  return { kind: 'boxes', rows: boxRows(s) };
}

function labelOf(s: CheckInState): string {
  if (s.mode === 'box-count') return C.boxCount(s.pendingBox ?? '');
  if (s.mode === 'damage-reason') return C.damageReason(s.lastCard ?? '');
  return C.scan;
}

export function checkInView(s: CheckInState, place: string, custodian: string): CheckInView {
  const t = s.session ? totals(s.session) : null;
  const label = labelOf(s);
  return {
    title: C.title(s.batch ?? ''),
    custody: `${C.place(place)}  ${C.custodian(custodian)}`,
    label,
    labelWidth: Math.max(12, displayWidth(label)),
    placeholder: s.mode === 'scan' ? C.scanPlaceholder : '',
    editing: s.mode === 'scan' || s.mode === 'box-count' || s.mode === 'damage-reason',
    totals: t ? C.totals(t.counted, t.expected, t.extras, t.duplicates) : '',
    bottom: bottomOf(s, place, custodian),
  };
}
