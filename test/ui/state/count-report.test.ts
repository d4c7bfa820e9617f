import { describe, expect, it } from 'vitest';
import { countReportReducer, initialCountReportState, selectedRow } from '../../../src/ui/state/count-report.ts';

describe('count report state', () => {
  it('the marker stays on the report, by rows and by pages', () => {
    let s = countReportReducer(initialCountReportState(), { type: 'move', delta: 15, count: 10 });
    expect(s.selected).toBe(9);
    s = countReportReducer(s, { type: 'move', delta: -4, count: 10 });
    expect(s.selected).toBe(5);
    // A shorter report keeps the marker on its last row.
    expect(selectedRow(s, 3)).toBe(2);
    expect(countReportReducer(s, { type: 'move', delta: -1, count: 3 }).selected).toBe(1);
  });

  it('shows where the report was saved, or why not', () => {
    const notice = { level: 'error' as const, lines: ['对账表没有保存：磁盘已满'] };
    expect(countReportReducer(initialCountReportState(), { type: 'notice', notice }).notice).toEqual(notice);
  });
});
