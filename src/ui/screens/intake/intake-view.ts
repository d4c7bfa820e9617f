import type { ColumnSpec } from '../../components/table.tsx';
import { isInvalidPreview, needsCityConfirmation, type IntakeState } from '../../state/intake.ts';
import { binding } from '../../keys/registry.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export type ProblemRow = { line: string; column: string; message: string };
export type FileRow = { name: string };

const I = zh.intake;

export const PROBLEM_COLUMNS: ColumnSpec<ProblemRow>[] = [
  { key: 'line', header: I.columns.line, width: 6, align: 'right' },
  { key: 'column', header: I.columns.column, width: 10 },
  { key: 'message', header: I.columns.message, width: 58, min: 20 },
];

/** A folder's maker files: one column, as wide as the screen allows (marker and gap take 2). */
export const fileColumns = (width: number): ColumnSpec<FileRow>[] => [{ key: 'name', header: I.columns.file, width: Math.max(8, width - 2), min: 8 }];

/** What the intake screen shows, worked out from its state: the screen only lays it out. */
export type IntakeView = {
  readonly status: string;
  readonly statusColor: string | undefined;
  readonly summary: string;
  /** A clean file for another city: said before Enter is pressed. */
  readonly warning: string;
  readonly hint: string;
  readonly hintColor: string;
  readonly rows: ProblemRow[];
};

const key = (id: Parameters<typeof binding>[0]): string => binding(id).keys;

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

function warningOf(s: IntakeState): string {
  const o = s.result?.otherCity;
  return o && (s.phase === 'preview' || s.phase === 'other-city') ? I.otherCity(o.cityBody, o.code) : '';
}

/** The line before the problems, or what Enter does next; key names come from the registry. */
function hintOf(s: IntakeState): string {
  const r = s.result;
  if (isInvalidPreview(s)) return I.fixHint(key('intake.reread'), key('intake.save-report'), key('back'));
  if (needsCityConfirmation(s)) return I.otherCityHint(key('intake.import'), key('back'));
  if (s.phase === 'preview' && r?.status === 'valid') return I.confirmHint;
  if (s.phase === 'done' && r?.status === 'imported' && !r.received) return I.doneHint;
  return '';
}

export function intakeView(s: IntakeState): IntakeView {
  const rows = (s.result?.errors ?? []).map((e) => ({ line: e.line ? String(e.line) : I.fileNameLine, column: e.column ?? '', message: e.message }));
  return {
    status: statusOf(s),
    statusColor: s.error ? 'red' : s.result?.status === 'invalid' ? 'yellow' : undefined,
    summary: summaryOf(s),
    warning: warningOf(s),
    hint: hintOf(s),
    hintColor: rows.length ? 'yellow' : 'green',
    rows,
  };
}

/** Tab's choices under the field: as many as fit in `lines`, the last saying how many more. */
export function candidateLines(candidates: readonly string[], lines: number): string[] {
  if (candidates.length === 0 || lines < 2) return [];
  const room = lines - 1;
  if (candidates.length <= room) return [I.candidates, ...candidates];
  return [I.candidates, ...candidates.slice(0, room - 1), I.more(candidates.length - (room - 1))];
}
