import { describe, expect, it } from 'vitest';
import { asksBeforeLeaving, countReviewReducer, currentDiff, initialCountReviewState, type CountReviewAction, type CountReviewState, type Review } from '../../../src/ui/state/count-review.ts';

const diffs = [
  { cardNo: 'P1', kind: 'missing' as const, where: '箱 YZ/01' },
  { cardNo: 'P2', kind: 'missing' as const, where: '箱 YZ/01' },
  { cardNo: 'Q9', kind: 'unexpected' as const, where: '建设银行' },
];
const review = (over: Partial<Review> = {}): Review => ({ lines: [], boxes: null, diffs, clean: false, error: null, ...over });
const run = (actions: CountReviewAction[], from: CountReviewState = initialCountReviewState(review())): CountReviewState => actions.reduce(countReviewReducer, from);

describe('count review state', () => {
  it('a count with differences starts on the first reason; a clean one on the 工号; an unreadable one has failed', () => {
    expect(run([])).toMatchObject({ mode: 'review', focus: 'reason', sel: 0 });
    expect(initialCountReviewState(review({ diffs: [], clean: true }))).toMatchObject({ focus: 'login' });
    expect(initialCountReviewState(review({ error: '盘点 3 已结束' })).mode).toBe('failed');
  });

  it('Enter on a reason goes to the next difference without one, then to the supervisor', () => {
    let s = run([{ type: 'reason-done', value: '  ' }]);
    expect(s).toMatchObject({ sel: 0, focus: 'reason' }); // nothing written: stay
    s = run([{ type: 'reason', value: '找到' }, { type: 'reason-done', value: '找到' }], s);
    expect(s.sel).toBe(1);
    s = run([{ type: 'move-diff', delta: 1 }, { type: 'reason-done', value: '他行的卡' }], s);
    expect(s.sel).toBe(1); // back round to the one still without a reason
    s = run([{ type: 'reason-done', value: '未找到' }], s);
    expect(s.focus).toBe('login');
    expect(s.reasons).toEqual({ P1: '找到', P2: '未找到', Q9: '他行的卡' });
  });

  it('Ctrl+A gives the reason under the marker to the rest; without one it says so', () => {
    expect(run([{ type: 'apply-to-rest' }]).error).toBe('请先写好此处的原因。');
    const s = run([{ type: 'move-diff', delta: 1 }, { type: 'reason', value: '保险柜内外均未找到' }, { type: 'apply-to-rest' }]);
    expect(s.reasons).toEqual({ P1: '保险柜内外均未找到', P2: '保险柜内外均未找到', Q9: '保险柜内外均未找到' });
    expect(s.notice).toBe('已把此原因用于其余 2 处差异。');
    expect(currentDiff(s)?.cardNo).toBe('P2');
  });

  it('工号 then PIN starts the check once; keys typed meanwhile change nothing', () => {
    let s = run([{ type: 'next-field', delta: 1 }, { type: 'field-done', field: 'login', value: 'lijuan' }]);
    expect(s).toMatchObject({ focus: 'pin', checking: false, login: 'lijuan' });
    s = run([{ type: 'field-done', field: 'pin', value: '246801' }], s);
    expect(s).toMatchObject({ checking: true, error: null });
    const ahead = run([{ type: 'login', value: 'x' }, { type: 'pin', value: '9' }, { type: 'field-done', field: 'pin', value: '9' }], s);
    expect(ahead).toMatchObject({ login: 'lijuan', pin: '246801', checking: true });
  });

  it('a refused close drops the PIN and puts the focus where the problem is', () => {
    const checking = run([{ type: 'field-done', field: 'login', value: 'zhaomin' }, { type: 'field-done', field: 'pin', value: '1' }]);
    const reason = run([{ type: 'close-failed', failure: { error: '还有 2 处差异没有说明原因', code: 'COUNT_REASON_REQUIRED', cards: ['P2', 'Q9'] } }], checking);
    expect(reason).toMatchObject({ pin: '', checking: false, focus: 'reason', sel: 1, error: '还有 2 处差异没有说明原因' });
    expect(run([{ type: 'close-failed', failure: { error: '不管辖', code: 'APPROVER_SCOPE', cards: [] } }], checking).focus).toBe('login');
    expect(run([{ type: 'close-failed', failure: { error: '密码不对', code: 'AUTH_FAILED', cards: [] } }], checking).focus).toBe('pin');
    expect(run([{ type: 'closed', done: '✓ 盘点 2 已结束' }], checking)).toMatchObject({ mode: 'done', checking: false, done: '✓ 盘点 2 已结束' });
  });

  it('Esc asks first only when something was typed; Tab goes round the fields of the kind of count', () => {
    const fresh = run([]);
    expect(asksBeforeLeaving(fresh)).toBe(false);
    const typed = run([{ type: 'reason', value: '找到' }]);
    expect(run([{ type: 'back' }], typed).mode).toBe('leave');
    expect(run([{ type: 'back' }, { type: 'cancel-leave' }], typed).mode).toBe('review');
    expect(run([{ type: 'next-field', delta: -1 }]).focus).toBe('pin');
    const clean = initialCountReviewState(review({ diffs: [], clean: true }));
    expect(run([{ type: 'next-field', delta: 1 }, { type: 'next-field', delta: 1 }], clean).focus).toBe('login');
    expect(run([{ type: 'move-diff', delta: 1 }], clean)).toBe(clean);
  });
});
