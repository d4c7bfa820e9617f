import { describe, expect, it } from 'vitest';
import { initialPickupState, pickupReducer, type PickupAction, type PickupState } from '../../../src/ui/state/pickup.ts';

const run = (actions: PickupAction[], from: PickupState = initialPickupState('op')): PickupState => actions.reduce(pickupReducer, from);
const AGENT_ID = '11010519491231002X';
const required: PickupAction[] = [
  { type: 'field-done', field: 'unit', value: '江岸小学' },
  { type: 'field-done', field: 'agentName', value: '王老师' },
  { type: 'field-done', field: 'agentId', value: AGENT_ID },
];

describe('new pickup reducer: the unit paperwork (GD Art. 15, Annex 4)', () => {
  it('is optional as a whole: Enter on the last required field goes on to the cards', () => {
    expect(run([...required, { type: 'field-done', field: 'authRef', value: 'SQ-1' }])).toMatchObject({ step: 'scan', error: null });
  });

  it('once begun, Enter walks the paper fields still empty, and the cards wait until all five are filled', () => {
    let s = run([...required, { type: 'set-field', field: 'authRef', value: 'SQ-1' }, { type: 'move-focus', delta: 1 }]);
    expect(s.focus).toBe('unitCode');
    s = run([{ type: 'field-done', field: 'unitCode', value: 'U9' }], s);
    expect(s).toMatchObject({ step: 'details', focus: 'contact' });
    s = run([{ type: 'field-done', field: 'contact', value: '王芳' }, { type: 'field-done', field: 'contactPhone', value: '13912345678' }, { type: 'field-done', field: 'authFrom', value: '2026-12-01' }], s);
    expect(s).toMatchObject({ step: 'details', focus: 'authTo' });
    // Enter on the empty last field: it is named, nothing goes on.
    s = run([{ type: 'field-done', field: 'authTo', value: '' }], s);
    expect(s).toMatchObject({ step: 'details', focus: 'authTo', error: '请填写“授权期限止”。' });
    s = run([{ type: 'field-done', field: 'authTo', value: '2026-12-31' }], s);
    expect(s).toMatchObject({ step: 'scan', error: null });
    expect(s.fields).toMatchObject({ unitCode: 'U9', contact: '王芳', contactPhone: '13912345678', authFrom: '2026-12-01', authTo: '2026-12-31' });
  });

  it('focus cycles through all nine fields; the saved list is kept as its message', () => {
    let s = run([{ type: 'move-focus', delta: -1 }]);
    expect(s.focus).toBe('authTo');
    s = run([{ type: 'move-focus', delta: 1 }], s);
    expect(s.focus).toBe('unit');
    s = run([{ type: 'recorded', done: { ref: 'DL-1', cards: 2 } }, { type: 'sheet', result: { level: 'ok', text: 'saved' } }], s);
    expect(s).toMatchObject({ step: 'done', sheet: { level: 'ok', text: 'saved' } });
  });
});
