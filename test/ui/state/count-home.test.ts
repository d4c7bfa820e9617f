import { describe, expect, it } from 'vitest';
import { countHomeReducer, initialCountHomeState } from '../../../src/ui/state/count-home.ts';

describe('count page state', () => {
  it('N opens the scope only where there are blanks; otherwise it says why', () => {
    const none = countHomeReducer(initialCountHomeState(), { type: 'open-new', hasStock: false });
    expect(none).toMatchObject({ mode: 'home', notice: '本网点没有预制卡，无需盘点。' });
    const scope = countHomeReducer({ ...none, bankIndex: 2 }, { type: 'open-new', hasStock: true });
    expect(scope).toMatchObject({ mode: 'new', notice: null, bankIndex: 0 });
  });

  it('the scope goes round all banks and each bank; Esc cancels', () => {
    let s = countHomeReducer(initialCountHomeState(), { type: 'open-new', hasStock: true });
    s = countHomeReducer(s, { type: 'move-bank', delta: -1, count: 3 });
    expect(s.bankIndex).toBe(2);
    s = countHomeReducer(s, { type: 'move-bank', delta: 1, count: 3 });
    expect(s.bankIndex).toBe(0);
    expect(countHomeReducer(s, { type: 'cancel-new' }).mode).toBe('home');
  });

  it('a refused start returns home with the reason, and keeps the open count it names', () => {
    const scope = countHomeReducer(initialCountHomeState(), { type: 'open-new', hasStock: true });
    const found = { id: 7, status: 'counting' as const };
    const s = countHomeReducer(scope, { type: 'refused', notice: '已有未结束的盘点。按 Enter 继续那次盘点。', found });
    expect(s).toMatchObject({ mode: 'home', found, notice: '已有未结束的盘点。按 Enter 继续那次盘点。' });
    expect(countHomeReducer(s, { type: 'refused', notice: '台账忙' }).found).toEqual(found);
  });
});
