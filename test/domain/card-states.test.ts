import { describe, expect, it } from 'vitest';
import {
  AGENT_HELD_STATES,
  AWAITING_ARRIVAL_STATES,
  CANCELLABLE_STATES,
  CARD_KINDS,
  DISPATCHABLE_STATES,
  IN_STORAGE_STATES,
  ISSUABLE_FINISHED_STATES,
  MOVEMENT_TYPES,
  PREFAB_ON_HAND_STATES,
  RECALLABLE_STATES,
  allowedTransitions,
  isAgentHeld,
  isCancellable,
  isDefective,
  isExpected,
  isInStock,
  isInStorage,
  isInTransit,
  isLoaded,
  isRecallable,
  isRecalled,
  mayMove,
  stateAfter,
  stateLabel,
  nextState,
  ruleFor,
  statesOf,
  type CardKind,
  type MovementType,
  type StateOrNone,
} from '../../src/domain/card-states.ts';
import { SbkError } from '../../src/domain/errors.ts';
import { sbkCode } from '../helpers/error-code.ts';

const ok = { operatorId: 1, secondOperatorId: 2, counterpartName: '张三', reason: '测试' };

describe('card state machine', () => {
  it('allows every listed transition and lands in the listed state', () => {
    const all = allowedTransitions();
    expect(all.length).toBeGreaterThan(30);
    for (const t of all) {
      expect(nextState({ kind: t.kind, from: t.from, type: t.type, ...ok })).toBe(t.to);
    }
  });

  it('has the states the foundation issue names', () => {
    expect(statesOf('finished')).toEqual(
      expect.arrayContaining(['expected', 'in_transit', 'in_stock', 'agent_held', 'issued', 'recalled', 'cancelled', 'sealed', 'defective']),
    );
    expect(statesOf('prefab')).toEqual(expect.arrayContaining(['expected', 'in_transit', 'in_stock', 'loaded', 'consumed', 'spoiled']));
  });

  it('refuses every transition not in the table, with a code', () => {
    let refused = 0;
    for (const kind of CARD_KINDS) {
      const states: StateOrNone[] = ['none', ...statesOf(kind)];
      for (const from of states) {
        for (const type of MOVEMENT_TYPES) {
          const rule = ruleFor(kind, type);
          if (rule && rule.from.includes(from)) continue;
          expect(sbkCode(() => nextState({ kind, from, type, ...ok }))).toMatch(/^TRANSITION_(ILLEGAL|NOT_FOR_KIND)$/);
          refused += 1;
        }
      }
    }
    expect(refused).toBeGreaterThan(150);
  });

  it.each<[CardKind, StateOrNone, MovementType]>([
    ['finished', 'issued', 'issue'],
    ['finished', 'expected', 'issue'],
    ['finished', 'cancelled', 'receive'],
    ['finished', 'in_stock', 'load'],
    ['prefab', 'in_stock', 'issue'],
    ['prefab', 'consumed', 'load'],
    ['finished', 'none', 'receive'],
  ])('refuses %s %s → %s', (kind, from, type) => {
    expect(() => nextState({ kind, from, type, ...ok })).toThrow(SbkError);
  });

  it('needs a second operator, not the same one, for cancellation', () => {
    expect(sbkCode(() => nextState({ kind: 'finished', from: 'recalled', type: 'cancel', operatorId: 1, reason: 'x' }))).toBe(
      'SECOND_OPERATOR_REQUIRED',
    );
    expect(
      sbkCode(() => nextState({ kind: 'finished', from: 'recalled', type: 'cancel', operatorId: 1, secondOperatorId: 1, reason: 'x' })),
    ).toBe('SECOND_OPERATOR_SAME');
  });

  it('needs the counterpart for hand-overs and a reason for recalls', () => {
    expect(sbkCode(() => nextState({ kind: 'finished', from: 'in_stock', type: 'issue' }))).toBe('COUNTERPART_REQUIRED');
    expect(sbkCode(() => nextState({ kind: 'finished', from: 'in_stock', type: 'recall' }))).toBe('REASON_REQUIRED');
  });
});

describe('the questions callers ask the state machine', () => {
  it('names the state sets queries list', () => {
    expect([...ISSUABLE_FINISHED_STATES].sort()).toEqual(['agent_held', 'in_stock', 'recalled']);
    expect([...DISPATCHABLE_STATES].sort()).toEqual(['defective', 'in_stock', 'recalled']);
    expect([...AWAITING_ARRIVAL_STATES].sort()).toEqual(['expected', 'in_transit', 'returning']);
    expect([...AGENT_HELD_STATES]).toEqual(['agent_held']);
    expect([...RECALLABLE_STATES].sort()).toEqual(['agent_held', 'in_stock']);
    expect([...CANCELLABLE_STATES].sort()).toEqual(['defective', 'in_stock', 'recalled', 'taken_back']);
    expect([...IN_STORAGE_STATES].sort()).toEqual(['in_stock', 'loaded']);
    expect([...PREFAB_ON_HAND_STATES].sort()).toEqual(['in_stock', 'loaded']);
  });

  it('answers single-state questions', () => {
    const all: readonly [(s: string) => boolean, string][] = [
      [isInStock, 'in_stock'],
      [isInTransit, 'in_transit'],
      [isExpected, 'expected'],
      [isLoaded, 'loaded'],
      [isRecalled, 'recalled'],
      [isDefective, 'defective'],
      [isAgentHeld, 'agent_held'],
    ];
    for (const [ask, state] of all) {
      expect(ask(state)).toBe(true);
      for (const other of [...statesOf('finished'), ...statesOf('prefab'), 'none']) if (other !== state) expect(ask(other)).toBe(false);
    }
    expect(isInStorage('loaded') && isInStorage('in_stock') && !isInStorage('in_transit')).toBe(true);
    expect(isRecallable('agent_held') && !isRecallable('recalled')).toBe(true);
    expect(isCancellable('defective') && !isCancellable('agent_held')).toBe(true);
  });

  it('knows where every movement leads and agrees with nextState on what may move', () => {
    for (const type of MOVEMENT_TYPES) expect(stateAfter(type)).toBeTruthy();
    expect(stateAfter('register')).toBe('expected');
    expect(stateAfter('load')).toBe('loaded');
    expect(stateAfter('issue', 'finished')).toBe('issued');
    for (const kind of CARD_KINDS) {
      for (const from of ['none', ...statesOf(kind)] as StateOrNone[]) {
        for (const type of MOVEMENT_TYPES) {
          const allowed = ruleFor(kind, type)?.from.includes(from) ?? false;
          expect(mayMove(kind, from, type)).toBe(allowed);
        }
      }
    }
  });

  it('labels every state, and a card before its first movement', () => {
    for (const s of [...statesOf('finished'), ...statesOf('prefab')]) expect(stateLabel(s)).toMatch(/\S/);
    expect(stateLabel('none')).toBe('未登记');
  });
});
