import { describe, expect, it } from 'vitest';
import { initialIssuanceState, issuanceLeavesOnBack, issuanceReducer, issueFieldOf, missingIssueField, nextEmptyField, settledRead, type IssuanceAction, type IssuanceState } from '../../../src/ui/state/issuance.ts';
import type { IssueCandidate } from '../../../src/workflows/issue-card.ts';

const run = (actions: IssuanceAction[], from: IssuanceState = initialIssuanceState()): IssuanceState => actions.reduce(issuanceReducer, from);
const card = (cardNo: string, blocked: string | null = null): IssueCandidate => ({ cardNo, state: 'in_stock', stateLabel: '在库', siteName: '江汉', holderName: '张三', holderIdMasked: '4201', bank: '工行', batch: null, blocked });
const chip = { cardNo: 'A1' } as never;

describe('issuance reducer', () => {
  it('a search lists the cards and marks the first that may be issued', () => {
    const s = run([{ type: 'query', value: '张三' }, { type: 'query', value: '' }, { type: 'found', candidates: [card('A1', '已发放'), card('A2')], shown: '张三' }]);
    expect(s).toMatchObject({ step: 'pick', pickIndex: 1, message: { level: 'ok', text: '“张三”：找到 2 张卡，选择要发放的卡。' } });
    const none = run([{ type: 'found', candidates: [card('A1', '已发放')], shown: 'A1' }]);
    expect(none.message?.level).toBe('error');
    expect(run([{ type: 'search-failed', text: 'no' }], s)).toMatchObject({ candidates: [], message: { level: 'error', text: 'no' } });
  });

  it('a blocked card does not open; an issuable one opens a clean form with its operation id', () => {
    let s = run([{ type: 'found', candidates: [card('A1', '已发放'), card('A2')], shown: 'x' }, { type: 'open', card: card('A1', '已发放'), operationId: 'op1' }]);
    expect(s.step).toBe('pick');
    expect(s.message?.text).toBe('卡 A1 不能发放：已发放');
    s = run([{ type: 'open', card: card('A2'), operationId: 'op2' }], s);
    expect(s).toMatchObject({ step: 'form', operationId: 'op2', receiver: 'self', focus: 'holderId', message: null, read: { kind: 'none' } });
  });

  it('the rows follow the receiver: the holder only, or the agent’s three more', () => {
    let s = run([{ type: 'open', card: card('A1'), operationId: 'op' }]);
    expect(missingIssueField(s)).toBe('holderId');
    s = run([{ type: 'set-field', field: 'holderId', value: '420102' }], s);
    expect(missingIssueField(s)).toBeUndefined();
    expect(nextEmptyField(s, 'holderId')).toBeUndefined();
    s = run([{ type: 'set-receiver', receiver: 'agent' }, { type: 'move-focus', delta: 1 }], s);
    expect(s.focus).toBe('agentName');
    expect(missingIssueField(s)).toBe('agentName');
    expect(nextEmptyField(s, 'holderId')).toBe('agentName');
    expect(run([{ type: 'move-focus', delta: -2 }], s).focus).toBe('receiver');
    expect(run([{ type: 'move-focus', delta: -3 }], s).focus).toBe('relation');
    // A chip that cannot be read condemns the card whoever is at the counter.
    expect(missingIssueField(run([{ type: 'read', read: { kind: 'chip-fault', message: 'x' } }], s))).toBeUndefined();
  });

  it('only a finished read is reused by the issue', () => {
    expect(settledRead({ kind: 'passed', chip })).not.toBeNull();
    expect(settledRead({ kind: 'chip-fault', message: 'x' })).not.toBeNull();
    expect(settledRead({ kind: 'fault', message: 'x' })).toBeNull();
    expect(settledRead({ kind: 'reading' })).toBeNull();
  });

  it('Esc: back from the list, asks before dropping a typed form, and from a result on to the next person', () => {
    const listed = run([{ type: 'found', candidates: [card('A1'), card('A2')], shown: 'x' }]);
    expect(issuanceLeavesOnBack(listed)).toBe(false);
    expect(run([{ type: 'back' }], listed).step).toBe('query');
    let s = run([{ type: 'open', card: card('A1'), operationId: 'op' }, { type: 'back' }], listed);
    expect(s.step).toBe('pick');
    s = run([{ type: 'open', card: card('A1'), operationId: 'op' }, { type: 'set-receiver', receiver: 'agent' }, { type: 'back' }], s);
    expect(s.step).toBe('leave');
    expect(run([{ type: 'cancel-leave' }], s).step).toBe('form');
    expect(run([{ type: 'drop-form' }], s).step).toBe('pick');
    s = run([{ type: 'cancel-leave' }, { type: 'condemned', text: 'bad chip' }, { type: 'back' }], s);
    expect(s).toMatchObject({ step: 'query', candidates: [], defect: null, query: '' });
    expect(issuanceLeavesOnBack(s)).toBe(true);
    expect(issuanceLeavesOnBack(run([{ type: 'busy', busy: true }], s))).toBe(false);
  });

  it('a refusal points at the row to correct', () => {
    expect(issueFieldOf('HOLDER_ID_MISMATCH')).toBe('holderId');
    expect(issueFieldOf('AGENT_IS_HOLDER')).toBe('agentId');
    expect(issueFieldOf('ID_CHECKSUM')).toBe('agentId');
    expect(issueFieldOf('AGENT_REQUIRED')).toBe('agentName');
    const s = run([{ type: 'open', card: card('A1'), operationId: 'op' }, { type: 'refused', focus: null, text: 'x' }]);
    expect(s).toMatchObject({ focus: 'holderId', message: { level: 'error', text: 'x' } });
  });

  it('邮寄 (3) asks for the address, carrier and tracking number instead of the holder at the counter, and drops a read', () => {
    let s = run([{ type: 'open', card: card('A1'), operationId: 'op' }, { type: 'read', read: { kind: 'passed', chip } as never }, { type: 'set-receiver', receiver: 'mail' }]);
    expect(s.read).toEqual({ kind: 'none' });
    expect(missingIssueField(s)).toBe('address');
    s = run([{ type: 'set-field', field: 'address', value: '武汉市江岸区' }, { type: 'focus', field: 'address' }], s);
    expect(nextEmptyField(s, 'address')).toBe('carrier');
    s = run([{ type: 'set-field', field: 'carrier', value: 'EMS' }, { type: 'set-field', field: 'tracking', value: 'E1' }], s);
    expect(missingIssueField(s)).toBeUndefined();
    expect(run([{ type: 'focus', field: 'receiver' }, { type: 'move-focus', delta: -1 }], s).focus).toBe('tracking');
    expect(issueFieldOf('MAIL_FIELDS')).toBe('address');
    // Esc asks before dropping a mail form, even an empty one.
    expect(run([{ type: 'set-receiver', receiver: 'mail' }, { type: 'back' }], run([{ type: 'open', card: card('A2'), operationId: 'op2' }])).step).toBe('leave');
  });
});
