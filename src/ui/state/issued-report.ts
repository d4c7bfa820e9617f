/**
 * The issuance ledger screen's state (发放台账): the day shown (days back from today), the row
 * under the marker, and the notice under the table (where it was saved, or why not). Pure.
 */
import { clampIndex } from './list-index.ts';

export type IssuedNotice = { readonly level: 'ok' | 'error'; readonly lines: readonly string[] };

export type IssuedReportState = { readonly daysBack: number; readonly selected: number; readonly notice: IssuedNotice | null };

export type IssuedReportAction =
  | { type: 'move'; delta: number; count: number }
  /** ← an earlier day, → a later one; never past today. */
  | { type: 'day'; delta: number }
  | { type: 'notice'; notice: IssuedNotice };

export function initialIssuedReportState(): IssuedReportState {
  return { daysBack: 0, selected: 0, notice: null };
}

export const selectedIssuedRow = (s: IssuedReportState, count: number): number => Math.min(s.selected, Math.max(0, count - 1));

export function issuedReportReducer(s: IssuedReportState, a: IssuedReportAction): IssuedReportState {
  switch (a.type) {
    case 'move':
      return { ...s, selected: clampIndex(selectedIssuedRow(s, a.count), a.delta, a.count) };
    case 'day': {
      const daysBack = Math.max(0, s.daysBack - a.delta);
      return daysBack === s.daysBack ? s : { daysBack, selected: 0, notice: null };
    }
    case 'notice':
      return { ...s, notice: a.notice };
  }
}
