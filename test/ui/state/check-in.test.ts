import { describe, expect, it } from 'vitest';
import { backTarget, checkInReducer, initialCheckInState, type CheckInAction, type CheckInState } from '../../../src/ui/state/check-in.ts';

const cards = [
  { cardNo: 'A1', box: 'B01' },
  { cardNo: 'A2', box: 'B01' },
  { cardNo: 'A3', box: 'B02' },
];
const run = (actions: CheckInAction[], from: CheckInState = initialCheckInState()): CheckInState => actions.reduce(checkInReducer, from);
const opened = (): CheckInState => run([{ type: 'opened', batch: 'YZ-1', cards, operationId: 'op-1' }]);
const texts = (s: CheckInState) => s.flags.map((f) => f.text);

describe('check-in state', () => {
  it('picks a batch on the list, kept on the list', () => {
    expect(run([{ type: 'move-pick', delta: 1, count: 2 }, { type: 'move-pick', delta: 1, count: 2 }]).picked).toBe(1);
    expect(run([{ type: 'move-pick', delta: -1, count: 2 }]).picked).toBe(0);
  });

  it('opening a batch starts scanning with its operation id; a scan before that does nothing', () => {
    expect(checkInReducer(initialCheckInState(), { type: 'submitted', raw: 'A1' })).toEqual(initialCheckInState());
    const s = opened();
    expect(s).toMatchObject({ mode: 'scan', batch: 'YZ-1', operationId: 'op-1', flags: [] });
    expect(s.session?.boxOf.size).toBe(3);
  });

  it('counts cards, flags a repeat and a card not on the list, newest first and four at most', () => {
    const s = run([{ type: 'input', value: 'A1' }, { type: 'submitted', raw: 'A1' }, { type: 'submitted', raw: 'A1' }, { type: 'submitted', raw: 'X9' }, { type: 'submitted', raw: 'A2' }, { type: 'submitted', raw: 'A3' }], opened());
    expect(s.input).toBe('');
    expect(s.session?.counted.size).toBe(3);
    expect(s.lastCard).toBe('A3');
    expect(texts(s)).toEqual(['✓ A3（箱 B02）', '✓ A2（箱 B01）', '不在清单中：X9（将登记为多出）', '重复扫描：A1 已点过']);
    expect(s.flags[2]?.level).toBe('error');
  });

  it('a box label asks for its count: a number is required, a matching count takes the box whole', () => {
    let s = run([{ type: 'submitted', raw: 'B01' }], opened());
    expect(s).toMatchObject({ mode: 'box-count', pendingBox: 'B01' });
    s = checkInReducer(s, { type: 'submitted', raw: 'two' });
    expect(s).toMatchObject({ mode: 'box-count', pendingBox: 'B01' });
    expect(texts(s)[0]).toBe('请输入箱内张数（数字）。');
    s = checkInReducer(s, { type: 'submitted', raw: '2' });
    expect(s).toMatchObject({ mode: 'scan', pendingBox: null });
    expect(texts(s)[0]).toBe('✓ 箱 B01 共 2 张，与清单一致');
    expect(s.session?.counted.size).toBe(2);
  });

  it('the full box label `批次/箱号` of this batch names its box; another batch’s is flagged, not counted as a card', () => {
    let s = run([{ type: 'submitted', raw: 'YZ-1/B01' }], opened());
    expect(s).toMatchObject({ mode: 'box-count', pendingBox: 'B01' });
    s = run([{ type: 'submitted', raw: '2' }, { type: 'submitted', raw: 'ｙｚ－１／ｂ０２' }], s);
    expect(s).toMatchObject({ mode: 'box-count', pendingBox: 'B02' });
    s = run([{ type: 'submitted', raw: '1' }, { type: 'submitted', raw: 'YZ-9/B01' }], s);
    expect(s.mode).toBe('scan');
    expect(texts(s)[0]).toBe('没有箱号 YZ-9/B01');
    expect(s.session?.extras).toEqual([]);
    expect(s.session?.counted.size).toBe(3);
  });

  it('Ctrl+B needs a card first, then records the reason for the last one', () => {
    let s = checkInReducer(opened(), { type: 'damaged' });
    expect(texts(s)[0]).toBe('先扫描一张卡，再按 Ctrl+B 记录损坏。');
    s = run([{ type: 'submitted', raw: 'A1' }, { type: 'damaged' }], s);
    expect(s.mode).toBe('damage-reason');
    s = checkInReducer(s, { type: 'submitted', raw: '  卡面划伤 ' });
    expect(s.mode).toBe('scan');
    expect(s.session?.damaged.get('A1')).toBe('卡面划伤');
    // An empty reason records nothing.
    s = run([{ type: 'damaged' }, { type: 'submitted', raw: '' }], s);
    expect(s.mode).toBe('scan');
    expect(s.session?.damaged.size).toBe(1);
  });

  it('Ctrl+Z takes back the last scan whatever it was, and walks back further; each says what it took back', () => {
    const scan = (raw: string): CheckInAction => ({ type: 'submitted', raw });
    const undo: CheckInAction = { type: 'undo' };
    const before = run([scan('A1'), scan('B01'), scan('2')], opened());
    // A mistyped code becomes 多出; a repeat; a damage mark: each taken back in turn.
    let s = run([scan('24'), scan('A1'), { type: 'damaged' }, scan('划伤')], before);
    expect(s.session?.extras).toEqual(['24']);
    expect(s.session?.duplicates).toBe(1);
    s = run([undo], s);
    expect(texts(s)[0]).toBe('已撤销：A1 的损坏记录');
    expect(s.session?.damaged.size).toBe(0);
    s = run([undo], s);
    expect(texts(s)[0]).toBe('已撤销：重复扫描 A1');
    expect(s.session?.duplicates).toBe(0);
    s = run([undo], s);
    expect(texts(s)[0]).toBe('已撤销：24（不再登记为多出）');
    expect(s.session?.extras).toEqual([]);
    expect(s.session).toEqual(before.session);
    expect(s.lastCard).toBe('A1');
    // The box's count, then the card scanned before it.
    s = run([undo], s);
    expect(texts(s)[0]).toBe('已撤销：箱 B01 的数量');
    expect([...(s.session?.counted ?? [])]).toEqual(['A1']);
    s = run([undo, undo], s);
    expect(texts(s).slice(0, 2)).toEqual(['没有可撤销的扫描。', '已撤销：A1']);
    expect(s.session).toEqual(opened().session);
    expect(s.lastCard).toBeNull();
  });

  it('Ctrl+Z in a prompt drops the box label or damage mark that opened it, recording nothing', () => {
    const asking = run([{ type: 'submitted', raw: 'B02' }], opened());
    const s = run([{ type: 'undo' }], asking);
    expect(s).toMatchObject({ mode: 'scan', pendingBox: null });
    expect(texts(s)[0]).toBe('已撤销：箱 B02（未记数量）');
    const damaging = run([{ type: 'submitted', raw: 'A3' }, { type: 'damaged' }, { type: 'undo' }], opened());
    expect(damaging.mode).toBe('scan');
    expect(texts(damaging)[0]).toBe('已撤销：A3 的损坏登记（未记原因）');
    expect(damaging.session?.counted.has('A3')).toBe(true);
  });

  it('a box recount that no longer matches is taken back to the matching count it replaced', () => {
    const matched = run([{ type: 'submitted', raw: 'B01' }, { type: 'submitted', raw: '2' }], opened());
    const short = run([{ type: 'submitted', raw: 'B01' }, { type: 'submitted', raw: '1' }], matched);
    expect(short.session?.counted.size).toBe(0);
    expect(short.session?.shortBoxes.get('B01')).toBe(1);
    const back = run([{ type: 'undo' }], short);
    expect(back.session).toEqual(matched.session);
  });

  it('an empty Enter asks to confirm; confirming ends on the summary, a failure returns to scanning', () => {
    const asking = run([{ type: 'submitted', raw: 'A1' }, { type: 'submitted', raw: '  ' }], opened());
    expect(asking.mode).toBe('confirm');
    expect(checkInReducer(asking, { type: 'cancel-confirm' }).mode).toBe('scan');
    const summary = { received: 1, damaged: 0, missing: 2, extras: 0, replayed: false };
    expect(checkInReducer(asking, { type: 'confirmed', summary })).toMatchObject({ mode: 'done', summary });
    const failed = checkInReducer(asking, { type: 'confirm-failed', error: '台账忙' });
    expect(failed.mode).toBe('scan');
    expect(failed.flags[0]).toEqual({ level: 'error', text: '台账忙' });
  });

  it('Esc: from a prompt back to scanning; with cards counted it asks first; otherwise it leaves', () => {
    const fresh = opened();
    expect(backTarget(fresh)).toBeNull();
    expect(checkInReducer(fresh, { type: 'back' })).toBe(fresh);
    const prompt = run([{ type: 'submitted', raw: 'B02' }], fresh);
    expect(checkInReducer(prompt, { type: 'back' })).toMatchObject({ mode: 'scan', pendingBox: null });
    const counted = run([{ type: 'submitted', raw: 'A1' }, { type: 'back' }], fresh);
    expect(counted.mode).toBe('leave');
    expect(checkInReducer(counted, { type: 'back' }).mode).toBe('scan');
  });

  it('the storage place goes round the places', () => {
    const s = run([{ type: 'next-place', count: 2 }, { type: 'next-place', count: 2 }, { type: 'next-place', count: 2 }]);
    expect(s.placeIndex).toBe(1);
    expect(run([{ type: 'next-place', count: 0 }]).placeIndex).toBe(0);
  });
});
