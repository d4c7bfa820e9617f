import { describe, expect, it } from 'vitest';
import { destroyMissing, formTyped, initialWaysState, stepField, takeBackMissing, takeBackReason, waysReducer, DESTROY_FIELDS, type WaysAction, type WaysState } from '../../../src/ui/state/ways-back.ts';

const run = (s: WaysState, ...actions: WaysAction[]): WaysState => actions.reduce(waysReducer, s);
const card = (cardNo: string) => ({ cardNo, kind: 'finished' as const, stateLabel: '已收回旧卡' });

describe('ways-back state', () => {
  it('take-back: ←→ wraps through the reasons, the first empty field is asked for, done keeps the reason and takes a new operation id', () => {
    let s = initialWaysState('op-1', 'op-2');
    expect(takeBackReason(s)).toBe('replacement');
    s = run(s, { type: 'tb-reason', delta: -1 });
    expect(takeBackReason(s)).toBe('found');
    expect(takeBackMissing(s.takeBack)).toBe('cardNo');
    s = run(s, { type: 'tb-set', field: 'cardNo', value: 'A1' });
    expect(takeBackMissing(s.takeBack)).toBe('from');
    expect(formTyped(s, 'takeback')).toBe(true);
    s = run(s, { type: 'tb-set', field: 'from', value: '王' }, { type: 'tb-done', text: 'ok', operationId: 'op-3' });
    expect(s.takeBack).toEqual({ cardNo: '', from: '', reasonIndex: 2, focus: 'cardNo', operationId: 'op-3' });
    expect(s.version).toBe(1);
    expect(s.notice).toEqual({ level: 'ok', text: 'ok' });
  });

  it('destroy: a card is listed once, undo takes the last off, a failure drops the PIN, done clears the form', () => {
    let s = initialWaysState('op-1', 'op-2');
    expect(destroyMissing(s.destroy)).toBe('scan');
    s = run(s, { type: 'd-add', card: card('A1'), text: '' }, { type: 'd-add', card: card('A1'), text: '' }, { type: 'd-add', card: card('A2'), text: '' });
    expect(s.destroy.cards.map((c) => c.cardNo)).toEqual(['A1', 'A2']);
    s = run(s, { type: 'd-undo', text: 'undone' });
    expect(s.destroy.cards.map((c) => c.cardNo)).toEqual(['A1']);
    expect(destroyMissing(s.destroy)).toBe('count');
    for (const [field, value] of [['count', '1'], ['receiver', '银行'], ['reason', '旧卡'], ['login', 'zhaomin'], ['pin', '1234']] as const) s = run(s, { type: 'd-set', field, value });
    expect(destroyMissing(s.destroy)).toBeNull();
    s = run(s, { type: 'd-failed', field: 'count', text: 'mismatch' });
    expect(s.destroy).toMatchObject({ pin: '', focus: 'count', count: '1' });
    expect(s.notice?.level).toBe('error');
    s = run(s, { type: 'd-done', text: 'done', sheetPath: 'exports/x.txt', operationId: 'op-9' });
    expect(s.destroy).toMatchObject({ cards: [], count: '', pin: '', operationId: 'op-9', focus: 'scan' });
    expect(s.sheetPath).toBe('exports/x.txt');
    expect(run(s, { type: 'notice', notice: null }).sheetPath).toBeNull();
  });

  it('fields step round, the remake marker stays in the list, leaving is asked and answered', () => {
    expect(stepField(DESTROY_FIELDS, 'pin', 1)).toBe('scan');
    expect(stepField(DESTROY_FIELDS, 'scan', -1)).toBe('pin');
    let s = run(initialWaysState('a', 'b'), { type: 'move-remake', delta: 5, count: 3 });
    expect(s.remakeIndex).toBe(2);
    s = run(s, { type: 'move-remake', delta: -9, count: 3 });
    expect(s.remakeIndex).toBe(0);
    expect(run(s, { type: 'ask-leave' }).leaving).toBe(true);
    expect(run(s, { type: 'ask-leave' }, { type: 'cancel-leave' }).leaving).toBe(false);
    expect(formTyped(s, 'remake')).toBe(false);
  });
});
