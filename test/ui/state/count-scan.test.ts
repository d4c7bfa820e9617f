import { describe, expect, it } from 'vitest';
import { countScanReducer, entriesView, handlesBack, initialCountScanState, submitStep, undoTarget, undoWrites, type CountScanAction, type CountScanStart, type CountScanState } from '../../../src/ui/state/count-scan.ts';

const places = { boxes: ['YZ-1/01', 'YZ-1/02', 'YZ-2/02'], hoppers: ['卡盒A', '卡盒B'] };
const open: CountScanStart = { status: 'counting', error: null, progress: [], cards: new Set(), scans: 0, counted: 0 };
const run = (actions: CountScanAction[], from: CountScanState = initialCountScanState(open)): CountScanState => actions.reduce(countScanReducer, from);
const texts = (s: CountScanState) => s.flags.map((f) => f.text);

describe('count scan state', () => {
  it('opens for scanning only a count still counting; a resumed count says what it has', () => {
    expect(initialCountScanState({ ...open, status: 'submitted' }).mode).toBe('closed');
    expect(initialCountScanState({ ...open, error: '没有此盘点' }).mode).toBe('closed');
    const resumed = initialCountScanState({ ...open, scans: 3, counted: 40 });
    expect(resumed).toMatchObject({ mode: 'scan', scans: 3, counted: 40 });
    expect(texts(resumed)).toEqual(['继续盘点：之前已记录 3 条扫描，都已保存在台账中。']);
  });

  it('decides what an entry is: a hopper or a box asks for a quantity, a card is recorded once', () => {
    const s = initialCountScanState(open);
    expect(submitStep(s, places, '卡盒A')).toEqual({ act: { type: 'ask', pending: { kind: 'hopper', code: '卡盒A' } } });
    expect(submitStep(s, places, '@卡盒B')).toEqual({ act: { type: 'ask', pending: { kind: 'hopper', code: '卡盒B' } } });
    expect(submitStep(s, places, '01')).toEqual({ act: { type: 'ask', pending: { kind: 'box', code: 'YZ-1/01' } } });
    expect(submitStep(s, places, 'P00000001')).toEqual({ record: { kind: 'card', code: 'P00000001', quantity: null }, endsEntry: false });
    const seen = run([{ type: 'recorded', scan: { kind: 'card', code: 'P00000001', quantity: null }, scans: 1, counted: 1, ids: [1] }]);
    expect(submitStep(seen, places, 'P00000001')).toEqual({ act: { type: 'flag', flag: { level: 'warn', text: '重复扫描：P00000001 已点过，未重复记录' } } });
  });

  it('the command line forms record a quantity at once; unknown or ambiguous boxes and hoppers are refused', () => {
    const s = initialCountScanState(open);
    expect(submitStep(s, places, 'YZ-1/02=30')).toEqual({ record: { kind: 'box', code: 'YZ-1/02', quantity: 30 }, endsEntry: false });
    expect(submitStep(s, places, '@卡盒A=5')).toEqual({ record: { kind: 'hopper', code: '卡盒A', quantity: 5 }, endsEntry: false });
    expect(submitStep(s, places, '@卡盒Z=5')).toMatchObject({ act: { flag: { text: '本网点没有名为“卡盒Z”的制卡机卡盒' } } });
    expect(submitStep(s, places, '02=5')).toMatchObject({ act: { flag: { text: '箱号 02 不唯一（YZ-1/02、YZ-2/02），请扫描“批次/箱号”' } } });
    expect(submitStep(s, places, 'YZ-9/01')).toMatchObject({ act: { flag: { level: 'error', text: '本网点的台账中没有箱 YZ-9/01：请逐张扫描此箱的卡' } } });
    expect(submitStep(s, places, '  ')).toMatchObject({ act: { flag: { level: 'warn', text: '点完后按 Ctrl+S 提交盘点。' } } });
  });

  it('a quantity must be a number; a box counted again says what it replaced', () => {
    const asking = run([{ type: 'ask', pending: { kind: 'box', code: 'YZ-1/01' } }]);
    expect(asking.mode).toBe('qty');
    expect(submitStep(asking, places, 'abc')).toMatchObject({ act: { flag: { text: '请输入张数（数字）。' } } });
    expect(submitStep(asking, places, '４８')).toEqual({ record: { kind: 'box', code: 'YZ-1/01', quantity: 48 }, endsEntry: true });
    let s = run([{ type: 'recorded', scan: { kind: 'box', code: 'YZ-1/01', quantity: 48 }, scans: 1, counted: 48, ids: [2] }, { type: 'entry-done' }], asking);
    expect(s).toMatchObject({ mode: 'scan', pending: null, scans: 1, counted: 48, progress: [{ kind: 'box', code: 'YZ-1/01', counted: 48 }] });
    s = run([{ type: 'recorded', scan: { kind: 'box', code: 'YZ-1/01', quantity: 50 }, scans: 1, counted: 50, ids: [3] }], s);
    expect(texts(s)[0]).toBe('✓ 已记录：箱 YZ-1/01 改为 50 张（之前记 48 张）');
    expect(s.progress).toEqual([{ kind: 'box', code: 'YZ-1/01', counted: 50 }]);
    expect(s.scans).toBe(2);
  });

  it('Ctrl+Z: while scanning it writes a reversing line and shows the count as the ledger has it; asking a quantity, it drops the question', () => {
    const s = run([
      { type: 'recorded', scan: { kind: 'box', code: 'YZ-1/01', quantity: 48 }, scans: 1, counted: 48, ids: [4] },
      { type: 'recorded', scan: { kind: 'card', code: '24', quantity: null }, scans: 1, counted: 49, ids: [5] },
    ]);
    expect(undoWrites(s)).toBe(true);
    const view = entriesView([{ kind: 'box', code: '01', quantity: 48 }], (code) => (code === '01' ? 'YZ-1/01' : code));
    const back = run([{ type: 'undone', entry: { kind: 'card', code: '24', quantity: null }, view, scans: 1, counted: 48, scanId: 5 }], s);
    expect(back).toMatchObject({ scans: 1, counted: 48, progress: [{ kind: 'box', code: 'YZ-1/01', counted: 48 }] });
    expect([...back.cards]).toEqual([]);
    expect(texts(back)[0]).toBe('已撤销：24');
    // This screen's own lines, oldest first: Ctrl+Z names the last one, so a colleague's scan in between is never taken back.
    expect(undoTarget(s)).toBe(5);
    expect(undoTarget(back)).toBe(4);
    // The card may be scanned again (it is no longer a repeat).
    expect(submitStep(back, places, '24')).toEqual({ record: { kind: 'card', code: '24', quantity: null }, endsEntry: false });
    const asking = run([{ type: 'ask', pending: { kind: 'hopper', code: '卡盒A' } }, { type: 'input', value: '1' }]);
    expect(undoWrites(asking)).toBe(false);
    expect(run([{ type: 'drop-pending' }], asking)).toMatchObject({ mode: 'scan', pending: null, input: '' });
    expect(texts(run([{ type: 'drop-pending' }], asking))[0]).toBe('已撤销：卡盒 卡盒A（未记数量）');
  });

  it('entriesView: a box entered twice shows its last quantity, in the place of the first', () => {
    const v = entriesView(
      [
        { kind: 'box', code: 'YZ-1/01', quantity: 48 },
        { kind: 'hopper', code: '卡盒A', quantity: 5 },
        { kind: 'card', code: 'P1', quantity: null },
        { kind: 'box', code: 'YZ-1/01', quantity: 50 },
      ],
      (c) => c,
    );
    expect(v.progress).toEqual([
      { kind: 'box', code: 'YZ-1/01', counted: 50 },
      { kind: 'hopper', code: '卡盒A', counted: 5 },
    ]);
    expect([...v.cards]).toEqual(['P1']);
  });

  it('H: no hopper, one hopper (its quantity at once), or a choice', () => {
    expect(texts(run([{ type: 'open-hopper', hoppers: [] }]))).toEqual(['本网点没有制卡机卡盒。']);
    expect(run([{ type: 'open-hopper', hoppers: ['卡盒A'] }])).toMatchObject({ mode: 'qty', pending: { kind: 'hopper', code: '卡盒A' } });
    const s = run([{ type: 'open-hopper', hoppers: places.hoppers }, { type: 'move-hopper', delta: 5, count: 2 }]);
    expect(s).toMatchObject({ mode: 'hopper', hopperIndex: 1 });
  });

  it('Ctrl+S asks first, not while something typed is unrecorded; a refused submit returns to scanning', () => {
    expect(texts(run([{ type: 'input', value: 'P1' }, { type: 'ask-submit' }]))).toEqual(['扫描框中还有未记录的内容：按 Enter 记录，或删除后再提交。']);
    const asking = run([{ type: 'ask-submit' }]);
    expect(asking.mode).toBe('submit');
    expect(run([{ type: 'cancel-question' }], asking).mode).toBe('scan');
    const failed = run([{ type: 'submit-failed', error: '盘点已提交' }], asking);
    expect(failed.mode).toBe('scan');
    expect(failed.flags[0]).toEqual({ level: 'error', text: '盘点已提交' });
  });

  it('Esc: drops an empty entry, asks before dropping a typed one, and leaves when nothing is typed', () => {
    const fresh = initialCountScanState(open);
    expect(handlesBack(fresh)).toBe(false);
    const entry = run([{ type: 'ask', pending: { kind: 'box', code: 'YZ-1/01' } }]);
    expect(run([{ type: 'back' }], entry)).toMatchObject({ mode: 'scan', pending: null });
    const typed = run([{ type: 'input', value: '4' }, { type: 'back' }], entry);
    expect(typed).toMatchObject({ mode: 'leave', leave: { back: 'qty', then: 'cancel-entry' } });
    expect(run([{ type: 'cancel-question' }], typed)).toMatchObject({ mode: 'qty', input: '4', leave: null });
    expect(run([{ type: 'confirm-leave' }], typed)).toMatchObject({ mode: 'scan', input: '', pending: null, leave: null });
    const scanning = run([{ type: 'input', value: 'P9' }]);
    expect(handlesBack(scanning)).toBe(true);
    expect(run([{ type: 'back' }], scanning)).toMatchObject({ mode: 'leave', leave: { back: 'scan', then: 'leave' } });
  });
});
