import { describe, expect, it } from 'vitest';
import { backTarget, initialSignInState, signInReducer, signInTally, type SignInAction, type SignInState } from '../../../src/ui/state/sign-in.ts';

const expected = [
  { cardNo: 'A1', box: 'YZ-1/01' },
  { cardNo: 'A2', box: 'YZ-1/01' },
  { cardNo: 'A3', box: 'YZ-1/02' },
  { cardNo: 'B1', box: 'YZ-2/02' },
];
const fresh = (): SignInState => initialSignInState({ expected, signer: '孙丽', operationId: 'op-1' });
const run = (actions: SignInAction[], from: SignInState = fresh()): SignInState => actions.reduce(signInReducer, from);
const submit = (...raws: string[]): SignInAction[] => raws.map((raw) => ({ type: 'submitted', raw }));
const last = (s: SignInState) => s.flags[0];

describe('sign-in state', () => {
  it('a shipment that could not be read has failed; otherwise counting starts', () => {
    expect(initialSignInState({ expected: null, signer: 'x', operationId: 'o' }).mode).toBe('failed');
    expect(fresh()).toMatchObject({ mode: 'scan', signer: '孙丽', operationId: 'op-1', custodian: '' });
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

  it('Ctrl+D marks the last card damaged only when it was counted', () => {
    expect(last(run([{ type: 'damaged' }]))?.text).toBe('先扫描一张卡，再按 Ctrl+D 记录损坏。');
    expect(last(run([...submit('X9'), { type: 'damaged' }]))?.text).toBe('卡 X9 不是已点的清单内卡，不能记损坏');
    const s = run([...submit('A2'), { type: 'damaged' }, ...submit('外壳破损')]);
    expect(s.mode).toBe('scan');
    expect(s.session.damaged.get('A2')).toBe('外壳破损');
    expect(last(s)).toEqual({ level: 'warn', text: '已记录损坏：A2' });
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
    s = run([{ type: 'custodian', value: '王芳' }, { type: 'field-done' }, { type: 'cycle-place', delta: -1, count: 3 }], s);
    expect(s).toMatchObject({ focus: 'place', custodian: '王芳', placeIndex: 2 });
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
    expect(run([{ type: 'sign-failed', error: '请登记签收人' }, { type: 'signer', value: '张' }], result).notice).toBeNull();
  });

  it('Esc: back to counting from a prompt or the result; asks before dropping a count; leaves otherwise', () => {
    expect(backTarget(fresh())).toBeNull();
    const declaredOnly = run([...submit('01', '2')]);
    expect(run([{ type: 'back' }], declaredOnly).mode).toBe('leave');
    expect(run([{ type: 'back' }, { type: 'cancel-leave' }], declaredOnly).mode).toBe('scan');
    expect(run([...submit('01'), { type: 'back' }])).toMatchObject({ mode: 'scan', pendingBox: null });
  });
});
