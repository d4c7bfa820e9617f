import { describe, expect, it } from 'vitest';
import { endRefusal, indexOn, initialOverdueState, mainCategory, nextEmptyEndField, overdueReducer, reasonOf, type OverdueAction, type OverdueState } from '../../../src/ui/state/overdue.ts';
import type { OverdueRow } from '../../../src/workflows/recall.ts';

const run = (actions: OverdueAction[], from: OverdueState = initialOverdueState()): OverdueState => actions.reduce(overdueReducer, from);
const row = (cardNo: string, category: OverdueRow['category']) => ({ cardNo, category }) as OverdueRow;

describe('overdue reducer', () => {
  it('Space chooses the card under the marker and moves on; A chooses all, again none', () => {
    let s = run([{ type: 'toggle', tab: 'due', cardNo: 'A1', count: 3 }, { type: 'toggle', tab: 'due', cardNo: 'A2', count: 3 }]);
    expect([...s.chosen.due]).toEqual(['A1', 'A2']);
    expect(s.selected.due).toBe(2);
    s = run([{ type: 'toggle', tab: 'due', cardNo: 'A3', count: 3 }], s);
    expect(s.selected.due).toBe(2);
    s = run([{ type: 'toggle-all', tab: 'due', cardNos: ['A1', 'A2', 'A3'] }], s);
    expect(s.chosen.due.size).toBe(0);
    s = run([{ type: 'toggle-all', tab: 'cancel', cardNos: ['C1'] }], s);
    expect([...s.chosen.cancel]).toEqual(['C1']);
    expect(indexOn(run([{ type: 'move', tab: 'warn', delta: 9, count: 4 }]), 'warn', 2)).toBe(1);
  });

  it('the recall dialog: the card under the marker when none is chosen, the reason preset, a recall clears the choice', () => {
    let s = run([{ type: 'open-recall', only: 'A1', reasonIndex: 2, operationId: 'op' }]);
    expect(s).toMatchObject({ mode: 'recall', reasonIndex: 2, operationId: 'op', note: '' });
    expect([...s.chosen.due]).toEqual(['A1']);
    s = run([{ type: 'move-reason', delta: 99 }, { type: 'dialog-error', text: 'x' }], s);
    expect(reasonOf(s).code).toBe('other');
    expect(s.dialogError).toBe('x');
    s = run([{ type: 'set-note', value: '搬家' }], s);
    expect(s.dialogError).toBeNull();
    s = run([{ type: 'recalled', text: '✓ 已回收 1 张卡（其他）。' }], s);
    expect(s).toMatchObject({ mode: 'list', version: 1, notice: { level: 'ok' } });
    expect(s.chosen.due.size).toBe(0);
    expect(mainCategory([row('A', 'sleeping'), row('B', 'unclaimed'), row('C', 'unclaimed')])).toBe('unclaimed');
    expect(mainCategory([row('A', 'deceased'), row('B', 'unclaimed')])).toBe('deceased');
  });

  it('the cancel dialog asks for each row in turn; a failure forgets the PIN', () => {
    let s = run([{ type: 'open-end', action: 'seal', only: null, operationId: 'op' }]);
    expect(s).toMatchObject({ mode: 'end', action: 'seal', endFocus: 'reason' });
    expect(endRefusal(s, '')).toEqual({ field: 'reason', text: '请写明原因。' });
    expect(endRefusal(s, '库存超过6个月')?.field).toBe('login');
    expect(nextEmptyEndField(s, 'reason', '库存超过6个月')).toBe('login');
    s = run([{ type: 'set-end', field: 'login', value: 'zhaomin' }, { type: 'set-end', field: 'pin', value: '1234' }], s);
    expect(endRefusal(s, 'r')).toBeNull();
    expect(nextEmptyEndField(s, 'pin', 'r')).toBeUndefined();
    s = run([{ type: 'checking', on: true }, { type: 'end-failed', field: 'login', text: 'no' }, { type: 'checking', on: false }], s);
    expect(s).toMatchObject({ checking: false, endFocus: 'login', dialogError: 'no', end: { login: 'zhaomin', pin: '' } });
    s = run([{ type: 'next-end-field', delta: -2 }], s);
    expect(s.endFocus).toBe('pin');
  });

  it('Esc in a dialog asks only when something was typed; N returns to the dialog, Y closes it', () => {
    let s = run([{ type: 'open-recall', only: null, reasonIndex: 0, operationId: 'op' }, { type: 'close-dialog' }]);
    expect(s.mode).toBe('list');
    s = run([{ type: 'open-end', action: 'cancel', only: null, operationId: 'op' }, { type: 'set-end', field: 'reason', value: 'r' }, { type: 'close-dialog' }], s);
    expect(s).toMatchObject({ mode: 'leave', leaving: { what: 'form', back: 'end' } });
    expect(run([{ type: 'cancel-leave' }], s)).toMatchObject({ mode: 'end', leaving: null });
    expect(run([{ type: 'confirm-leave' }], s)).toMatchObject({ mode: 'list', leaving: null, dialogError: null });
    // Esc Esc: the second Esc is the question's "no", never the drop.
    expect(run([{ type: 'close-dialog' }], s)).toMatchObject({ mode: 'end', leaving: null, end: { reason: 'r' } });
  });

  it('leaving with cards chosen asks first and keeps where to go', () => {
    let s = run([{ type: 'toggle', tab: 'due', cardNo: 'A1', count: 1 }, { type: 'ask-leave', target: { to: 'settle', ref: 'DL-1' } }]);
    expect(s).toMatchObject({ mode: 'leave', leaving: { what: 'selection', target: { to: 'settle', ref: 'DL-1' } } });
    expect(run([{ type: 'cancel-leave' }], s)).toMatchObject({ mode: 'list', leaving: null });
    s = run([{ type: 'confirm-leave' }], s);
    expect(s).toMatchObject({ mode: 'list', leaving: null });
    expect(run([{ type: 'stats', stats: { total: 0, byCategory: [], bySite: [] } }]).mode).toBe('stats');
  });

  it('邮寄中: D/T open the dialog for one card with a fresh operation; typing then Esc asks first; done reads the lists again', () => {
    let s = overdueReducer(initialOverdueState(), { type: 'open-mail', outcome: 'delivered', cardNo: 'A1', operationId: 'op-m' });
    expect(s).toMatchObject({ mode: 'mail', operationId: 'op-m', mail: { outcome: 'delivered', cardNo: 'A1', text: '' } });
    expect(overdueReducer(s, { type: 'close-dialog' }).mode).toBe('list');
    s = overdueReducer(s, { type: 'set-mail-text', value: '5821' });
    expect(s.mail.text).toBe('5821');
    expect(overdueReducer(s, { type: 'close-dialog' })).toMatchObject({ mode: 'leave', leaving: { what: 'form', back: 'mail' } });
    s = overdueReducer(s, { type: 'dialog-error', text: 'no' });
    expect(overdueReducer(s, { type: 'set-mail-text', value: '5822' }).dialogError).toBeNull();
    const done = overdueReducer(s, { type: 'mail-done', text: 'ok' });
    expect(done).toMatchObject({ mode: 'list', notice: { level: 'ok', text: 'ok' }, version: s.version + 1 });
    expect(overdueReducer(done, { type: 'move', tab: 'mail', delta: 1, count: 3 }).selected.mail).toBe(1);
  });
});
