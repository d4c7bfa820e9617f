import { describe, expect, it } from 'vitest';
import { backTarget, dispatchMethod, dispatchReducer, dispatchTotal, initialDispatchState, listedCardIds, type DispatchAction, type DispatchState } from '../../../src/ui/state/dispatch.ts';
import type { DispatchScan, ScannedCard } from '../../../src/workflows/dispatch-scan.ts';

const card = (id: number, batchCode = 'B1', boxLabel = '01'): ScannedCard => ({ id, batchCode, boxLabel }) as unknown as ScannedCard;
const dest = { code: '420102-B01', name: '工商银行武汉江岸支行', kind: 'bank_branch', direction: 'down' as const };
const box: DispatchScan = { kind: 'box', label: 'B1/01', cards: [card(1), card(2)] };
const one: DispatchScan = { kind: 'card', label: 'C3', cards: [card(3)] };
const run = (actions: DispatchAction[], from: DispatchState = initialDispatchState('孙丽')): DispatchState => actions.reduce(dispatchReducer, from);
const scanning = () => run([{ type: 'pick-dest', dest }]);

describe('dispatch state', () => {
  it('starts on the destinations, sent by the operator; picking one starts the scan', () => {
    const s = run([{ type: 'move-dest', delta: 3, count: 2 }]);
    expect(s).toMatchObject({ step: 'dest', destIndex: 1, senderName: '孙丽' });
    expect(run([{ type: 'pick-dest', dest }])).toMatchObject({ step: 'scan', dest });
  });

  it('keeps a running list: added, already there, and undo in reverse order', () => {
    let s = run([{ type: 'scanned', scan: box }, { type: 'scanned', scan: one }, { type: 'scanned', scan: { kind: 'batch', label: 'B1', cards: [] } }], scanning());
    expect(dispatchTotal(s)).toBe(3);
    expect([...listedCardIds(s)]).toEqual([1, 2, 3]);
    expect(s.flags.map((f) => f.text)).toEqual(['B1 的卡已全部在清单中', '✓ 卡 C3：加入 1 张', '✓ 箱 B1/01：加入 2 张']);
    s = run([{ type: 'undo' }], s);
    expect(dispatchTotal(s)).toBe(2);
    expect(s.flags[0]?.text).toBe('已撤销 C3（1 张）');
    s = run([{ type: 'undo' }, { type: 'undo' }], s);
    expect(s.additions).toEqual([]);
    expect(s.flags[0]?.text).toBe('清单为空，没有可撤销的项。');
    expect(s.flags).toHaveLength(3);
  });

  it('an empty Enter on an empty list is refused; with cards it goes on to the details', () => {
    expect(run([{ type: 'list-done' }], scanning()).flags[0]).toEqual({ level: 'error', text: '清单为空：请扫描或输入卡号、箱号或批次号。' });
    const s = run([{ type: 'scanned', scan: one }, { type: 'list-done' }], scanning());
    expect(s).toMatchObject({ step: 'details', focus: 'method' });
  });

  it('the details: methods go round, Tab goes round the fields, the texts are kept', () => {
    let s = run([{ type: 'scanned', scan: one }, { type: 'list-done' }], scanning());
    expect(dispatchMethod(s)).toBe('staff');
    s = run([{ type: 'cycle-method', delta: -1 }], s);
    expect(dispatchMethod(s)).toBe('collected');
    s = run([{ type: 'next-field', delta: 1 }, { type: 'tracking', value: 'SF123' }, { type: 'next-field', delta: 1 }, { type: 'sender', value: '王芳' }], s);
    expect(s).toMatchObject({ focus: 'sender', trackingNo: 'SF123', senderName: '王芳' });
    expect(run([{ type: 'next-field', delta: 1 }], s).focus).toBe('method');
    expect(run([{ type: 'next-field', delta: -1 }], s).focus).toBe('tracking');
  });

  it('confirming: sent ends on the result, a refusal returns to the scan with the reason', () => {
    const asking = run([{ type: 'scanned', scan: one }, { type: 'list-done' }, { type: 'to-confirm' }], scanning());
    expect(asking.step).toBe('confirm');
    const done = { number: 'JJ-1', cards: 1, sheet: ['/x.txt', '/x.csv'], sheetError: null };
    expect(run([{ type: 'sent', done }], asking)).toMatchObject({ step: 'done', done });
    const failed = run([{ type: 'send-failed', error: '卡已不在库' }], asking);
    expect(failed.step).toBe('scan');
    expect(failed.flags[0]).toEqual({ level: 'error', text: '卡已不在库' });
  });

  it('Esc goes one step back, asks before dropping a list, and leaves from the destinations and the result', () => {
    expect(backTarget(initialDispatchState('x'))).toBeNull();
    expect(run([{ type: 'back' }], scanning()).step).toBe('dest');
    const listed = run([{ type: 'scanned', scan: one }], scanning());
    expect(run([{ type: 'back' }], listed).step).toBe('leave');
    expect(run([{ type: 'back' }, { type: 'back' }], listed).step).toBe('scan');
    expect(run([{ type: 'list-done' }, { type: 'to-confirm' }, { type: 'back' }], listed).step).toBe('details');
    expect(run([{ type: 'list-done' }, { type: 'back' }], listed).step).toBe('scan');
    const dropped = run([{ type: 'back' }, { type: 'drop-list' }], listed);
    expect(dropped).toMatchObject({ step: 'dest', additions: [], flags: [] });
  });
});
