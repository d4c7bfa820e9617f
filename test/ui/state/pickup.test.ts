import { describe, expect, it } from 'vitest';
import { initialPickupState, pickupCardNos, pickupLeavesOnBack, pickupReducer, type PickupAction, type PickupState } from '../../../src/ui/state/pickup.ts';

const run = (actions: PickupAction[], from: PickupState = initialPickupState('op')): PickupState => actions.reduce(pickupReducer, from);
/** A valid resident ID (GB 11643's own example). */
const AGENT_ID = '11010519491231002X';
const details: PickupAction[] = [
  { type: 'field-done', field: 'unit', value: '江岸小学' },
  { type: 'field-done', field: 'agentName', value: '王老师' },
  { type: 'field-done', field: 'agentId', value: AGENT_ID },
  { type: 'field-done', field: 'authRef', value: 'SQ-1' },
];

describe('new pickup reducer', () => {
  it('Enter in a field goes on to the next empty one, and with all filled on to the cards', () => {
    let s = run([{ type: 'field-done', field: 'unit', value: '江岸小学' }]);
    expect(s).toMatchObject({ focus: 'agentName', step: 'details' });
    s = run(details);
    expect(s).toMatchObject({ step: 'scan', error: null });
  });

  it('a missing field or a bad agent ID keeps the details and points at the row', () => {
    let s = run([{ type: 'set-field', field: 'unit', value: 'U' }, { type: 'set-field', field: 'agentName', value: 'A' }, { type: 'set-field', field: 'agentId', value: AGENT_ID }, { type: 'field-done', field: 'authRef', value: '' }]);
    expect(s).toMatchObject({ step: 'details', focus: 'authRef', error: '请填写“授权书编号”。' });
    s = run([{ type: 'set-field', field: 'agentId', value: '110105194912310021' }, { type: 'field-done', field: 'authRef', value: 'SQ' }], s);
    expect(s.step).toBe('details');
    expect(s.focus).toBe('agentId');
    expect(s.error).toMatch(/^代领人证件号码：/);
    s = run([{ type: 'set-field', field: 'agentId', value: AGENT_ID }], s);
    expect(s.error).toBeNull();
  });

  it('scans add only cards not in the list yet; undo takes the last entry off; four flags are kept', () => {
    let s = run([...details, { type: 'scanned', entry: { kind: 'batch', label: 'B1', cards: ['A1', 'A2'] } }, { type: 'scanned', entry: { kind: 'card', label: 'A2', cards: ['A2'] } }]);
    expect(pickupCardNos(s)).toEqual(['A1', 'A2']);
    expect(s.flags.map((f) => f.level)).toEqual(['warn', 'ok']);
    s = run([{ type: 'scanned', entry: { kind: 'card', label: 'A3', cards: ['A3'] } }, { type: 'undo' }, { type: 'undo' }, { type: 'undo' }], s);
    expect(pickupCardNos(s)).toEqual([]);
    expect(s.flags).toHaveLength(4);
    expect(s.flags[0]).toEqual({ level: 'warn', text: '清单为空，没有可撤销的项。' });
  });

  it('an empty Enter asks to confirm only with cards; a refused record returns to scanning', () => {
    let s = run([...details, { type: 'scan-empty' }]);
    expect(s.step).toBe('scan');
    expect(s.flags[0]?.level).toBe('error');
    s = run([{ type: 'scanned', entry: { kind: 'card', label: 'A1', cards: ['A1'] } }, { type: 'scan-empty' }], s);
    expect(s.step).toBe('confirm');
    s = run([{ type: 'record-failed', error: 'no' }], s);
    expect(s.step).toBe('scan');
    expect(s.flags[0]).toEqual({ level: 'error', text: 'no' });
    s = run([{ type: 'scan-empty' }, { type: 'recorded', done: { ref: 'DL-1', cards: 1 } }], s);
    expect(s).toMatchObject({ step: 'done', done: { ref: 'DL-1', cards: 1 } });
    expect(pickupLeavesOnBack(s)).toBe(true);
  });

  it('Esc steps back, and asks before dropping what was typed', () => {
    expect(pickupLeavesOnBack(initialPickupState('op'))).toBe(true);
    let s = run([...details, { type: 'back' }]);
    expect(s.step).toBe('details');
    expect(pickupLeavesOnBack(s)).toBe(false);
    s = run([{ type: 'back' }], s);
    expect(s.step).toBe('leave');
    s = run([{ type: 'back' }], s);
    expect(s.step).toBe('details');
    expect(run([{ type: 'move-focus', delta: -1 }]).focus).toBe('authTo'); // the last of the unit's paperwork fields
  });
});
