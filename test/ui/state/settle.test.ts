import { describe, expect, it } from 'vitest';
import { initialSettleState, marked, settleIndex, settleLeavesOnBack, settleReducer, type SettleAction, type SettleState } from '../../../src/ui/state/settle.ts';

const run = (actions: SettleAction[], from: SettleState = initialSettleState('op')): SettleState => actions.reduce(settleReducer, from);

describe('settle reducer', () => {
  it('D and R mark the card under the marker and move on; the same mark again takes it off', () => {
    let s = run([
      { type: 'mark', mark: 'delivered', cardNo: 'A1', count: 3 },
      { type: 'mark', mark: 'returned', cardNo: 'A2', count: 3 },
    ]);
    expect(marked(s, 'delivered')).toEqual(['A1']);
    expect(marked(s, 'returned')).toEqual(['A2']);
    expect(s.index).toBe(2);
    s = run([{ type: 'move', delta: -2, count: 3 }, { type: 'mark', mark: 'delivered', cardNo: 'A1', count: 3 }], s);
    expect(marked(s, 'delivered')).toEqual([]);
    // The marker never runs past the last card.
    s = run([{ type: 'move', delta: 9, count: 3 }, { type: 'mark', mark: 'returned', cardNo: 'A3', count: 3 }], s);
    expect(s.index).toBe(2);
  });

  it('Enter with nothing marked says so; with marks it asks; a refusal returns to marking', () => {
    let s = run([{ type: 'ask-confirm' }]);
    expect(s.step).toBe('mark');
    expect(s.error).toBe('还没有登记任何卡：按 D 或 R 标记。');
    s = run([{ type: 'mark', mark: 'delivered', cardNo: 'A1', count: 1 }, { type: 'ask-confirm' }], s);
    expect(s).toMatchObject({ step: 'confirm', error: null });
    s = run([{ type: 'failed', error: 'no' }], s);
    expect(s).toMatchObject({ step: 'mark', error: 'no' });
  });

  it('a settlement shows its result and asks for the list again', () => {
    const s = run([{ type: 'mark', mark: 'delivered', cardNo: 'A1', count: 1 }, { type: 'ask-confirm' }, { type: 'settled', done: { delivered: 1, returned: 0, stillHeld: 2 } }]);
    expect(s).toMatchObject({ step: 'done', version: 1, done: { delivered: 1, stillHeld: 2 } });
    expect(settleLeavesOnBack(s)).toBe(true);
  });

  it('Esc: closes a question, asks before dropping marks, and leaves when nothing is marked', () => {
    expect(settleLeavesOnBack(initialSettleState('op'))).toBe(true);
    let s = run([{ type: 'mark', mark: 'returned', cardNo: 'A1', count: 2 }]);
    expect(settleLeavesOnBack(s)).toBe(false);
    s = run([{ type: 'back' }], s);
    expect(s.step).toBe('leave');
    s = run([{ type: 'back' }], s);
    expect(s.step).toBe('mark');
    s = run([{ type: 'back' }, { type: 'drop-marks' }], s);
    expect(s.marks.size).toBe(0);
    expect(settleLeavesOnBack(s)).toBe(true);
  });

  it('the marker stays on a row when the list shrinks under it', () => {
    const s = run([{ type: 'move', delta: 4, count: 5 }]);
    expect(settleIndex(s, 5)).toBe(4);
    expect(settleIndex(s, 2)).toBe(1);
    expect(settleIndex(s, 0)).toBe(0);
  });
});
