/** The one result table: plain text for a terminal, or the rows as JSON (`--json`). */
import stringWidth from 'string-width';

export type Status = 'pass' | 'FAIL' | 'report' | 'skip';

export type Row = {
  /** What was measured. */
  what: string;
  /** The figure, formatted for people. */
  figure: string;
  /** The comparison measured in the same run, formatted. */
  comparison: string;
  /** The goal, in words ('report' when informational). */
  goal: string;
  status: Status;
  /** Raw numbers behind the figure and the comparison (JSON only). */
  data?: Record<string, number | string | boolean | null>;
  /** Anything a reader must know to trust the figure. */
  note?: string;
};

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - stringWidth(s)));

export function formatTable(rows: readonly Row[]): string {
  const head = ['#', 'what', 'figure', 'comparison (same run)', 'goal', 'result'];
  const body = rows.map((r, i) => [String(i + 1), r.what, r.figure, r.comparison, r.goal, r.status]);
  const widths = head.map((h, c) => Math.max(stringWidth(h), ...body.map((b) => stringWidth(b[c]!))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join(' | ').trimEnd();
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)];
  const notes = rows.flatMap((r, i) => (r.note ? [`  [${i + 1}] ${r.note}`] : []));
  if (notes.length) out.push('', 'notes:', ...notes);
  return out.join('\n');
}
