import { describe, expect, it } from 'vitest';
import { fromPlace, hasWork, initialTransferState, readItem, receiver, submitRefusal, toPlace, transferInput, transferReducer, type TransferAction, type TransferState } from '../../../src/ui/state/transfer.ts';
import { transferContext } from '../../../src/ui/screens/transfer/transfer-keys.ts';
import { itemLines } from '../../../src/ui/screens/transfer/transfer-lines.ts';
import type { TransferChoices } from '../../../src/workflows/transfer-desk.ts';

const CHOICES: TransferChoices = {
  places: [
    { name: '保险柜1', kind: 'safe', cards: 40 },
    { name: '发卡柜', kind: 'cabinet', cards: 6 },
    { name: '退回架', kind: 'shelf', cards: 0 },
  ],
  receivers: [
    { login: 'zhaomin', name: '赵敏' },
    { login: 'qianli', name: '钱立' },
  ],
  held: 46,
};

const run = (actions: readonly TransferAction[], from: TransferState = transferReducer(initialTransferState(), { type: 'loaded', choices: CHOICES })): TransferState =>
  actions.reduce(transferReducer, from);

describe('transfer state: 移库', () => {
  it('starts on the scan field with the counter as the destination', () => {
    const s = run([]);
    expect(s).toMatchObject({ step: 'form', mode: 'places', focus: 'scan', fromIndex: 0 });
    expect(toPlace(s)?.name).toBe('发卡柜');
    expect(transferContext(s)).toBe('transfer-scan');
  });

  it('reads a card number or a 批次/箱号, refuses a repeat, and Ctrl+Z takes back the last', () => {
    expect(readItem(' a1000 0019 ')).toEqual({ kind: 'card', value: 'A10000019' });
    expect(readItem('420100-2026-0301／02')).toEqual({ kind: 'box', value: '420100-2026-0301/02' });
    expect(readItem('  ')).toBeNull();
    let s = run([{ type: 'scanned', raw: 'A10000019' }, { type: 'scanned', raw: '420100-2026-0301/02' }, { type: 'scanned', raw: 'a10000019' }]);
    expect(s.items).toHaveLength(2);
    expect(s.message).toMatchObject({ level: 'error' });
    s = run([{ type: 'undo' }], s);
    expect(s.items).toEqual([{ kind: 'card', value: 'A10000019' }]);
    expect(s.message?.text).toContain('已撤销');
    s = run([{ type: 'undo' }, { type: 'undo' }], s);
    expect(s.items).toEqual([]);
    expect(s.message?.level).toBe('warn');
    expect(run([{ type: 'scanned', raw: '' }]).message?.level).toBe('warn');
  });

  it('keeps the ledger’s count with a checked scan; a refused scan is not added', () => {
    let s = run([{ type: 'scanned', raw: 'B/02', cards: 4 }]);
    expect(s.items).toEqual([{ kind: 'box', value: 'B/02', cards: 4 }]);
    expect(s.message?.text).toBe('✓ 第 1 项 箱 B/02（4 张）');
    s = run([{ type: 'input', value: 'A1' }, { type: 'scan-refused', text: '卡 A1 不在本网点。' }], s);
    expect(s).toMatchObject({ input: '', items: [{ value: 'B/02' }], message: { level: 'error', text: '✗ 卡 A1 不在本网点。' } });
  });

  it('Tab walks the rows; ←→ choose a whole place and the destination', () => {
    let s = run([{ type: 'focus', delta: 1 }]);
    expect(s.focus).toBe('from');
    expect(transferContext(s)).toBe('transfer');
    s = run([{ type: 'pick', delta: 1 }], s);
    expect(fromPlace(s)?.name).toBe('保险柜1');
    s = run([{ type: 'pick', delta: -1 }, { type: 'pick', delta: -1 }], s);
    expect(fromPlace(s)?.name).toBe('退回架');
    s = run([{ type: 'focus', delta: 1 }, { type: 'pick', delta: 1 }], s);
    expect(toPlace(s)?.name).toBe('退回架');
    expect(submitRefusal(s)?.text).toContain('既是移出又是移入');
    s = run([{ type: 'pick', delta: -2 }], s);
    expect(toPlace(s)?.name).toBe('保险柜1');
    expect(s.focus).toBe('to');
    s = run([{ type: 'focus', delta: 1 }], s);
    expect(s.focus).toBe('mode');
    // ←→ on the scan row are the field's: the reducer ignores a pick there.
    expect(run([{ type: 'pick', delta: 1 }]).toIndex).toBe(1);
  });

  it('Ctrl+S refuses with nothing chosen or text left in the field, then asks for the chosen cards', () => {
    expect(submitRefusal(run([]))?.text).toContain('还没有选卡');
    expect(submitRefusal(run([{ type: 'input', value: 'A1' }]))?.text).toContain('扫描框中还有');
    const s = run([{ type: 'scanned', raw: 'A10000019' }, { type: 'scanned', raw: 'B/02' }, { type: 'focus', delta: 1 }, { type: 'pick', delta: 1 }]);
    expect(submitRefusal(s)).toBeNull();
    expect(transferInput(s, 'op-1')).toEqual({ operationId: 'op-1', cards: ['A10000019'], boxes: ['B/02'], fromPlaces: ['保险柜1'], toPlace: '发卡柜' });
    expect(submitRefusal(transferReducer(initialTransferState(), { type: 'scanned', raw: 'A1' }))?.text).toContain('没有保管地点');
  });

  it('done clears the list; Enter starts again with fresh counts, in the same mode', () => {
    let s = run([{ type: 'scanned', raw: 'A10000019' }, { type: 'done', done: { mode: 'places', cards: 1, ref: 'YJ-1', giver: '张伟', receiver: '张伟', toPlace: '发卡柜', sheetPath: '/x' } }]);
    expect(s).toMatchObject({ step: 'done', items: [] });
    expect(transferContext(s)).toBe('transfer-done');
    s = run([{ type: 'again', choices: { ...CHOICES, held: 45 } }], s);
    expect(s).toMatchObject({ step: 'form', done: null, held: 45, focus: 'scan', mode: 'places' });
  });

  it('asks before Esc drops what was scanned or typed', () => {
    expect(hasWork(run([]))).toBe(false);
    const s = run([{ type: 'scanned', raw: 'A10000019' }]);
    expect(hasWork(s)).toBe(true);
    const asking = run([{ type: 'ask-leave' }], s);
    expect(asking.step).toBe('leave');
    expect(transferContext(asking)).toBe('confirm');
    expect(run([{ type: 'cancel-leave' }], asking)).toEqual(s);
    expect(hasWork(run([{ type: 'focus', delta: 1 }, { type: 'pick', delta: 1 }]))).toBe(true);
  });

  it('shows the newest items at the bottom and says how many are above', () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ kind: 'card' as const, value: `A${i}` }));
    expect(itemLines(items, 10)).toHaveLength(5);
    expect(itemLines(items, 3)).toEqual(['（前 3 项未显示）', '4. 卡 A3', '5. 卡 A4']);
    expect(itemLines(items, 0)).toEqual([]);
  });
});

describe('transfer state: 交接班', () => {
  it('→ on the mode row switches; the receiver is chosen with ←→ and types their PIN', () => {
    let s = run([{ type: 'focus', delta: -1 }, { type: 'pick', delta: 1 }]);
    expect(s).toMatchObject({ mode: 'handOver', focus: 'mode' });
    expect(transferContext(s)).toBe('transfer-handover');
    s = run([{ type: 'focus', delta: 1 }, { type: 'pick', delta: 1 }], s);
    expect(receiver(s)?.login).toBe('qianli');
    s = run([{ type: 'focus', delta: 1 }], s);
    expect(s.focus).toBe('pin');
    expect(transferContext(s)).toBe('transfer-pin');
    expect(submitRefusal(s)?.text).toContain('请接收人输入本人密码');
    s = run([{ type: 'pin', value: '468013' }], s);
    expect(submitRefusal(s)).toBeNull();
    expect(transferInput(s, 'op-2')).toEqual({ operationId: 'op-2', handOver: true });
    // A refusal clears the PIN; choosing another receiver does too.
    expect(run([{ type: 'failed', message: { level: 'error', text: 'x' } }], s)).toMatchObject({ pin: '', message: { text: 'x' } });
    s = run([{ type: 'focus', delta: -1 }, { type: 'pick', delta: 1 }], s);
    expect(s).toMatchObject({ pin: '', focus: 'receiver' });
    expect(receiver(s)?.login).toBe('zhaomin');
    // Scans and undo belong to 移库.
    expect(run([{ type: 'scanned', raw: 'A10000019' }, { type: 'undo' }], s).items).toEqual([]);
  });

  it('refuses with no one to hand over to or nothing held', () => {
    const alone = transferReducer(initialTransferState(), { type: 'loaded', choices: { ...CHOICES, receivers: [] } });
    expect(submitRefusal(run([{ type: 'focus', delta: -1 }, { type: 'pick', delta: 1 }], alone))?.text).toContain('没有其他可接班');
    const empty = transferReducer(initialTransferState(), { type: 'loaded', choices: { ...CHOICES, held: 0 } });
    expect(submitRefusal(run([{ type: 'focus', delta: -1 }, { type: 'pick', delta: 1 }], empty))?.text).toContain('没有保管的卡');
  });
});
