import { describe, expect, it } from 'vitest';
import { contactReducer, initialContactState, selectedContactRow } from '../../../src/ui/state/contact.ts';

describe('待联系 state', () => {
  it('moves within the list, forgets an opened phone when the marker moves, toggles overdue, bumps the version on a record', () => {
    let s = initialContactState();
    s = contactReducer(s, { type: 'opened', opened: { cardNo: 'A1', lines: ['x'] } });
    expect(s.opened?.cardNo).toBe('A1');
    s = contactReducer(s, { type: 'move', delta: 1, count: 3 });
    expect(s).toMatchObject({ selected: 1, opened: null });
    expect(contactReducer(s, { type: 'move', delta: 5, count: 3 }).selected).toBe(2);
    expect(selectedContactRow({ ...s, selected: 9 }, 2)).toBe(1);
    s = contactReducer(s, { type: 'toggle-overdue' });
    expect(s).toMatchObject({ overdueOnly: true, selected: 0 });
    const r = contactReducer(s, { type: 'recorded', notice: { level: 'ok', lines: ['ok'] } });
    expect(r.version).toBe(s.version + 1);
    expect(r.notice?.lines).toEqual(['ok']);
  });
});
