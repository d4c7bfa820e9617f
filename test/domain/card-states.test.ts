import { describe, expect, it } from 'vitest';
import {
  CARD_KINDS,
  MOVEMENT_TYPES,
  allowedTransitions,
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
