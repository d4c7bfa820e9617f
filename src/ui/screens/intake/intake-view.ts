import type { ColumnSpec } from '../../components/table.tsx';
import type { IntakeState } from '../../state/intake.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type ProblemRow = { line: string; column: string; message: string };

const I = zh.intake;

export const PROBLEM_COLUMNS: ColumnSpec<ProblemRow>[] = [
  { key: 'line', header: I.columns.line, width: 6, align: 'right' },
  { key: 'column', header: I.columns.column, width: 10 },
  { key: 'message', header: I.columns.message, width: 58, min: 20 },
];

/** What the intake screen shows, worked out from its state: the screen only lays it out. */
export type IntakeView = {
  readonly status: string;
  readonly statusColor: string | undefined;
  readonly summary: string;
  readonly hint: string;
  readonly hintColor: string;
  readonly rows: ProblemRow[];
};

function statusOf(s: IntakeState): string {
  if (s.phase === 'checking') return I.checking;
  if (s.phase === 'writing') return I.writing;
  return s.error ?? s.message ?? '';
}

function summaryOf(s: IntakeState): string {
  const r = s.result;
  if (!r || !r.batch) return '';
  return I.summary(r.kind ? I.kinds[r.kind] : '', r.bank ?? '', r.batch, r.rows, r.boxes, r.encoding);
}

function hintOf(s: IntakeState, problems: number): string {
  const r = s.result;
  if (s.phase === 'preview' && r?.status === 'valid') return I.confirmHint;
  if (s.phase === 'preview' && problems) return I.problems(problems);
  if (s.phase === 'done' && r?.status === 'imported' && !r.received) return I.doneHint;
  return '';
}

export function intakeView(s: IntakeState): IntakeView {
  const rows = (s.result?.errors ?? []).map((e) => ({ line: e.line ? String(e.line) : I.fileNameLine, column: e.column ?? '', message: e.message }));
  return {
    status: statusOf(s),
    statusColor: s.error ? 'red' : s.result?.status === 'invalid' ? 'yellow' : undefined,
    summary: summaryOf(s),
    hint: hintOf(s, rows.length),
    hintColor: rows.length ? 'yellow' : 'green',
    rows,
  };
}
