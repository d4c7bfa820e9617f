import type { ContextId } from '../../keys/registry.ts';
import type { ColumnSpec } from '../../components/table.tsx';
import type { CountReview } from '../../hooks/use-count-review.ts';
import type { ReviewFocus, ReviewMode } from '../../state/count-review.ts';
import type { CountLine } from '../../../workflows/stock-count.ts';
import { boxLabel, shortBank } from '../../../domain/count-report-format.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type BoxRow = { where: string; expected: string; counted: string; diff: string; off: boolean };
export type DiffRow = { cardNo: string; kind: string; where: string; reason: string };

const C = zh.count;
export const LABEL_WIDTH = 14;
/** A table's header and rule. */
const TABLE_HEAD = 2;
export const BOX_COLUMNS: ColumnSpec<BoxRow>[] = [
  { key: 'where', header: C.columns.where, width: 30, min: 12 },
  { key: 'expected', header: C.columns.expected, width: 4, align: 'right' },
  { key: 'counted', header: C.columns.actual, width: 4, align: 'right' },
  { key: 'diff', header: C.columns.diff, width: 5, align: 'right' },
];
export const DIFF_COLUMNS: ColumnSpec<DiffRow>[] = [
  { key: 'cardNo', header: C.columns.cardNo, width: 12 },
  { key: 'kind', header: C.columns.kind, width: 4 },
  { key: 'where', header: C.columns.place, width: 24, min: 8 },
  { key: 'reason', header: C.columns.reason, width: 30, min: 10 },
];

export function contextOf(mode: ReviewMode, focus: ReviewFocus, clean: boolean): ContextId {
  if (mode === 'leave') return 'confirm';
  if (mode === 'done' || mode === 'failed') return 'count-done';
  if (clean) return 'count-confirm';
  return focus === 'reason' ? 'count-reason' : 'count-approve';
}

/** Rows for the box table and the differences table in `avail` lines (an overflow line counts). */
function split(avail: number, boxes: number, diffs: number): [number, number] {
  if (boxes + diffs <= avail) return [boxes, diffs];
  if (diffs === 0) return [Math.max(1, avail - 1), 0];
  const b = Math.min(boxes, Math.max(1, Math.min(4, avail - 3)));
  const rest = avail - b - (boxes > b ? 1 : 0);
  return [b, diffs <= rest ? diffs : Math.max(1, rest - 1)];
}

/** Clean, or how many cards are missing and unexpected. */
export function titleOf(countId: number, r: Pick<CountReview, 'clean' | 'diffs'>): { text: string; color: string } {
  const missing = r.diffs.filter((d) => d.kind === 'missing').length;
  return r.clean ? { text: C.resultClean(countId), color: 'green' } : { text: C.resultDiff(countId, missing, r.diffs.length - missing), color: 'yellow' };
}

/** Per bank the balance and what was counted, two lines each. */
export function balanceLines(lines: readonly CountLine[]): string[] {
  if (lines.length === 0) return [C.noBanks];
  return lines.flatMap((l) => [C.balance(shortBank(l.bank), l), `${' '.repeat(10)}${C.counted(l)}`]);
}

function boxRows(r: CountReview): BoxRow[] {
  return (r.boxes ?? []).map((b) => {
    const d = b.counted - b.expected;
    return { where: boxLabel(b.box), expected: String(b.expected), counted: String(b.counted), diff: d === 0 ? '0' : `${d > 0 ? '+' : ''}${d}`, off: d !== 0 };
  });
}

function diffRows(r: CountReview): DiffRow[] {
  return r.diffs.map((d) => ({ cardNo: d.cardNo, kind: C.kinds[d.kind], where: d.where, reason: r.reasons[d.cardNo]?.trim() ? r.reasons[d.cardNo]! : C.noReason }));
}

/** The review form worked out from the state: the components only lay it out. */
export type ReviewFormView = {
  /** The box table's rows, or null when only the submission knew them. */
  readonly boxes: BoxRow[] | null;
  readonly boxRows: number;
  /** A window too short for both tables shows only the differences, which are what the operator acts on. */
  readonly boxesHidden: boolean;
  /** The differences, or null for a clean count. */
  readonly diffs: DiffRow[] | null;
  readonly diffRows: number;
  readonly reasonLabel: string | null;
  readonly who: { readonly login: string; readonly pin: string };
  readonly message: { readonly text: string; readonly color: string | undefined };
  readonly hint: string;
};

function messageOf(r: CountReview): ReviewFormView['message'] {
  if (r.checking) return { text: C.checking, color: 'yellow' };
  if (r.error) return { text: r.error, color: 'red' };
  return r.notice ? { text: r.notice, color: 'green' } : { text: '', color: undefined };
}

export function formView(r: CountReview, balance: number, height: number): ReviewFormView {
  // Title, balance, the fields, two lines of message and the hint; the tables share the rest.
  const fixed = 1 + balance + (r.clean ? 2 : 3) + 2 + 1;
  const diffsHead = r.clean ? 0 : TABLE_HEAD;
  // Each table needs at least a row and its overflow line.
  const boxesHidden = !r.clean && r.boxes !== null && height - fixed - TABLE_HEAD - diffsHead < 4;
  const heads = (boxesHidden ? 0 : r.boxes ? TABLE_HEAD : 1) + diffsHead;
  const [b, d] = split(Math.max(2, height - fixed - heads), r.boxes && !boxesHidden ? r.boxes.length : 0, r.clean ? 0 : r.diffs.length);
  return {
    boxes: r.boxes ? boxRows(r) : null,
    boxRows: Math.max(1, b),
    boxesHidden,
    diffs: r.clean ? null : diffRows(r),
    diffRows: Math.max(1, d),
    reasonLabel: r.clean || !r.current ? null : C.reason(r.current.cardNo),
    who: r.clean ? { login: C.confirmerLogin, pin: C.confirmerPin } : { login: C.approverLogin, pin: C.approverPin },
    message: messageOf(r),
    hint: r.clean ? C.cleanHint : C.diffHint,
  };
}
