import { describe, expect, it } from 'vitest';
import { backTarget, initialSignInState, signInReducer, signInTally, type SignInAction, type SignInState } from '../../../src/ui/state/sign-in.ts';

const expected = [
  { cardNo: 'A1', box: 'YZ-1/01' },
  { cardNo: 'A2', box: 'YZ-1/01' },
  { cardNo: 'A3', box: 'YZ-1/02' },
  { cardNo: 'B1', box: 'YZ-2/02' },
];
const fresh = (): SignInState => initialSignInState({ expected, signer: 'sunli', operationId: 'op-1' });
const run = (actions: SignInAction[], from: SignInState = fresh()): SignInState => actions.reduce(signInReducer, from);
const submit = (...raws: string[]): SignInAction[] => raws.map((raw) => ({ type: 'submitted', raw }));
const last = (s: SignInState) => s.flags[0];

describe('sign-in state', () => {
  it('a shipment that could not be read has failed; otherwise counting starts', () => {
    expect(initialSignInState({ expected: null, signer: 'x', operationId: 'o' }).mode).toBe('failed');
    expect(fresh()).toMatchObject({ mode: 'scan', signer: 'sunli', operationId: 'op-1', custodian: 'sunli' });
  });

  it('counts blind: a listed card is ✓, a card not listed is an extra, a repeat is flagged against scans only', () => {
    const s = run(submit('A1', 'X9', 'A1'));
    expect(signInTally(s)).toBe(1);
    expect(s.repeats).toBe(1);
    expect(s.flags.map((f) => f.text)).toEqual(['重复扫描：A1 已点过', '多出：X9 不在此交接单中（将登记为多出）', '✓ A1']);
    expect(run(submit('')).flags[0]).toEqual({ level: 'warn', text: '点完后按 Ctrl+S 提交点数。' });
  });

  it('a box asks for its count and only says it was recorded; a bare label must name one box', () => {
    let s = run(submit('01'));
    expect(s).toMatchObject({ mode: 'box-count', pendingBox: 'YZ-1/01' });
    s = run(submit('x'), s);
    expect(last(s)).toEqual({ level: 'error', text: '请输入箱内张数（数字）。' });
    s = run(submit('１'), s); // a full-width digit, as some scanners send it
    expect(s).toMatchObject({ mode: 'scan', pendingBox: null });
    expect(last(s)).toEqual({ level: 'ok', text: '已记录：箱 YZ-1/01 实点 1 张' });
    expect(signInTally(s)).toBe(1);
    expect(last(run(submit('02')))?.text).toBe('箱号 02 不唯一（YZ-1/02、YZ-2/02），请扫描“批次/箱号”');
    expect(last(run(submit('YZ-9/01')))?.text).toBe('此交接单中没有箱 YZ-9/01');
  });

  it('Ctrl+B marks the last card damaged only when it was counted', () => {
    expect(last(run([{ type: 'damaged' }]))?.text).toBe('先扫描一张卡，再按 Ctrl+B 记录损坏。');
    expect(last(run([...submit('X9'), { type: 'damaged' }]))?.text).toBe('卡 X9 不是已点的清单内卡，不能记损坏');
    const s = run([...submit('A2'), { type: 'damaged' }, ...submit('外壳破损')]);
    expect(s.mode).toBe('scan');
    expect(s.session.damaged.get('A2')).toBe('外壳破损');
    expect(last(s)).toEqual({ level: 'warn', text: '已记录损坏：A2' });
  });

  it('Ctrl+Z takes back a stray 多出 (no need to drop the count), then the scans before it, one at a time', () => {
    const undo: SignInAction = { type: 'undo' };
    const counted = run(submit('A1', '01', '3'));
    let s = run([...submit('24', 'A1'), { type: 'damaged' }, ...submit('外壳破损')], counted);
    expect(s.session.extras).toEqual(['24']);
    expect(s.repeats).toBe(1);
    s = run([undo], s);
    expect(last(s)).toEqual({ level: 'warn', text: '已撤销：A1 的损坏记录' });
    s = run([undo], s);
    expect(last(s)?.text).toBe('已撤销：重复扫描 A1');
    expect(s.repeats).toBe(0);
    s = run([undo], s);
    expect(last(s)?.text).toBe('已撤销：24（不再登记为多出）');
    expect(s.session.extras).toEqual([]);
    expect(s.scanned.has('24')).toBe(false);
    expect(signInTally(s)).toBe(signInTally(counted));
    expect({ ...s, flags: [] }).toEqual({ ...counted, flags: [] });
    // The box's count says only what was typed (blind), then the card.
    s = run([undo], s);
    expect(last(s)?.text).toBe('已撤销：箱 YZ-1/01 实点 3 张');
    expect(s.declared.size).toBe(0);
    expect(signInTally(s)).toBe(1);
    s = run([undo, undo], s);
    expect(s.flags.slice(0, 2).map((f) => f.text)).toEqual(['没有可撤销的扫描。', '已撤销：A1']);
    expect({ ...s, flags: [] }).toEqual({ ...fresh(), flags: [] });
  });

  it('Ctrl+Z of a box counted twice restores the first count; in a prompt it drops the prompt', () => {
    const once = run(submit('01', '2'));
    const twice = run(submit('01', '1'), once);
    expect(twice.declared.get('YZ-1/01')).toBe(1);
    expect({ ...run([{ type: 'undo' }], twice), flags: [] }).toEqual({ ...once, flags: [] });
    const dropped = run([...submit('YZ-1/02'), { type: 'undo' }]);
    expect(dropped).toMatchObject({ mode: 'scan', pendingBox: null });
    expect(last(dropped)?.text).toBe('已撤销：箱 YZ-1/02（未记数量）');
  });

  it('Ctrl+S keeps the first tally as the blind count and shows the result', () => {
    let s = run([...submit('A1', 'A3'), { type: 'submit-count' }]);
    expect(s).toMatchObject({ mode: 'result', blindCount: 2, focus: 'place', missingSel: 0 });
    s = run([{ type: 'back' }, ...submit('B1'), { type: 'submit-count' }], s);
    expect(s).toMatchObject({ mode: 'result', blindCount: 2 });
    // Not from the result itself.
    expect(run([{ type: 'submit-count' }], { ...s, blindCount: null }).blindCount).toBeNull();
  });

  it('on the result: fields go round, places go round, the missing list keeps its marker on the list', () => {
    let s = run([...submit('A1'), { type: 'submit-count' }]);
    s = run([{ type: 'next-field', delta: -1 }], s);
    expect(s.focus).toBe('custodian');
    // The custodian is one of the site's operators, chosen from their list (←→), never typed.
    const logins = ['sunli', 'wangfang', 'zhoujie'];
    s = run([{ type: 'pick-person', delta: -1, logins }], s);
    expect(s).toMatchObject({ custodian: 'zhoujie', signer: 'sunli' });
    s = run([{ type: 'pick-person', delta: 1, logins }, { type: 'pick-person', delta: 1, logins }, { type: 'field-done' }, { type: 'cycle-place', delta: -1, count: 3 }], s);
    expect(s).toMatchObject({ focus: 'place', custodian: 'wangfang', signer: 'sunli', placeIndex: 2 });
    // On the place row ←→ moves the place, not a person.
    expect(run([{ type: 'pick-person', delta: 1, logins }], s)).toBe(s);
    s = run([{ type: 'move-missing', delta: 1 }, { type: 'move-missing', delta: 1 }, { type: 'move-missing', delta: 1 }, { type: 'move-missing', delta: 1 }], s);
    expect(s.missingSel).toBe(2); // three cards missing
    s = run([{ type: 'sign-failed', error: '请登记签收人' }], s);
    expect(s.notice?.text).toBe('请登记签收人');
    s = run([{ type: 'stray-scan' }], s);
    expect(s.notice?.text).toBe('点数已提交，这次扫描未计入：要继续清点请先按 Esc 返回清点。');
    const summary = { number: 'JJ-1', expected: 4, received: 1, damaged: 0, extras: 0, missing: 3, outstanding: 0, closed: true, replayed: false };
    expect(run([{ type: 'signed', summary }], s)).toMatchObject({ mode: 'done', summary });
  });

  it('a message of the result page belongs to it: the next action or Esc drops it, and it never enters the count’s log', () => {
    const result = run([...submit('A1'), { type: 'submit-count' }]);
    const log = result.flags;
    const stray = run([{ type: 'stray-scan' }], result);
    expect(stray.notice?.text).toContain('这次扫描未计入');
    expect(stray.flags).toBe(log);
    expect(run([{ type: 'back' }], stray)).toMatchObject({ mode: 'scan', notice: null });
    expect(run([{ type: 'next-field', delta: 1 }], stray).notice).toBeNull();
    expect(run([{ type: 'sign-failed', error: '请登记签收人' }, { type: 'pick-person', delta: 1, logins: ['sunli', 'lijuan'] }], result).notice).toBeNull();
  });

  it('Esc: back to counting from a prompt or the result; asks before dropping a count; leaves otherwise', () => {
    expect(backTarget(fresh())).toBeNull();
    const declaredOnly = run([...submit('01', '2')]);
    expect(run([{ type: 'back' }], declaredOnly).mode).toBe('leave');
    expect(run([{ type: 'back' }, { type: 'cancel-leave' }], declaredOnly).mode).toBe('scan');
    expect(run([...submit('01'), { type: 'back' }])).toMatchObject({ mode: 'scan', pendingBox: null });
  });
});
