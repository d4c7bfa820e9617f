/**
 * The reconciliation report's state (盘点对账表): the row under the marker and the notice under
 * the table (where the report was saved, or why not). Pure.
 */
import { clampIndex } from './list-index.ts';

export type ReportNotice = { readonly level: 'ok' | 'error'; readonly lines: readonly string[] };

export type CountReportState = { readonly selected: number; readonly notice: ReportNotice | null };

export type CountReportAction = { type: 'move'; delta: number; count: number } | { type: 'notice'; notice: ReportNotice };

export function initialCountReportState(): CountReportState {
  return { selected: 0, notice: null };
}

/** The marked row, kept on the report. */
export const selectedRow = (s: CountReportState, count: number): number => Math.min(s.selected, Math.max(0, count - 1));

export function countReportReducer(s: CountReportState, a: CountReportAction): CountReportState {
  switch (a.type) {
    case 'move':
      return { ...s, selected: clampIndex(selectedRow(s, a.count), a.delta, a.count) };
    case 'notice':
      return { ...s, notice: a.notice };
  }
}
