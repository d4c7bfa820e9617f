import { describe, expect, it } from 'vitest';
import { initialIssuedReportState, issuedReportReducer, selectedIssuedRow, type IssuedReportAction, type IssuedReportState } from '../../../src/ui/state/issued-report.ts';

const run = (actions: IssuedReportAction[], from: IssuedReportState = initialIssuedReportState()): IssuedReportState => actions.reduce(issuedReportReducer, from);

describe('issued report reducer (发放台账)', () => {
  it('moves the marker within the rows and keeps it on a shorter list', () => {
    const s = run([{ type: 'move', delta: 1, count: 3 }, { type: 'move', delta: 5, count: 3 }]);
    expect(s.selected).toBe(2);
    expect(selectedIssuedRow(s, 1)).toBe(0);
    expect(run([{ type: 'move', delta: -1, count: 3 }]).selected).toBe(0);
  });

  it('← goes a day back and → forward, never past today; a new day starts at its first row with no notice', () => {
    let s = run([{ type: 'move', delta: 2, count: 5 }, { type: 'notice', notice: { level: 'ok', lines: ['saved'] } }, { type: 'day', delta: -1 }]);
    expect(s).toEqual({ daysBack: 1, selected: 0, notice: null });
    s = run([{ type: 'day', delta: -1 }, { type: 'day', delta: 1 }], s);
    expect(s.daysBack).toBe(1);
    const today = run([{ type: 'day', delta: 1 }]);
    expect(today).toEqual(initialIssuedReportState());
  });
});
