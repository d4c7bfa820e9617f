import { describe, expect, it } from 'vitest';
import { initialLookupState, lookupReducer, type LookupState } from '../../../src/ui/state/lookup.ts';
import type { CardView } from '../../../src/workflows/card-lookup.ts';

function card(movements: number): CardView {
  const h = { at: '2026-03-01T08:00:00Z', type: 'receive', fromState: 'none', toState: 'in_stock', from: null, to: '江岸', place: null, operator: '张伟' };
  const none = { secondOperator: null, counterpart: null, counterpartRole: null, method: null, reason: null, ref: null };
  return {
    cardNo: 'A10000001',
    kind: 'finished',
    state: 'in_stock',
    stateSince: '2026-03-01T08:00:00Z',
    site: { code: '420102', name: '江岸' },
    place: null,
    batch: null,
    box: null,
    boxPosition: null,
    bank: '中国工商银行',
    maker: '',
    bankCardNo: null,
    holder: null,
    issueDate: null,
    expiryDate: null,
    history: Array.from({ length: movements }, (_, i) => ({ ...h, ...none, seq: i + 1 })),
  };
}

describe('lookup reducer', () => {
  it('a found card clears the field, drops the error and marks its newest movement', () => {
    const typed = lookupReducer({ ...initialLookupState(), error: 'old' }, { type: 'input', value: 'A10000001' });
    expect(typed.input).toBe('A10000001');
    const s = lookupReducer(typed, { type: 'found', card: card(3) });
    expect(s).toMatchObject({ input: '', error: null, selected: 2 });
    expect(s.card?.cardNo).toBe('A10000001');
  });

  it('a failed search keeps what was typed and drops the card shown before', () => {
    const shown = lookupReducer(lookupReducer(initialLookupState(), { type: 'found', card: card(1) }), { type: 'input', value: 'X' });
    const s = lookupReducer(shown, { type: 'failed', error: '台账中没有卡号 X。' });
    expect(s).toMatchObject({ input: 'X', card: null, error: '台账中没有卡号 X。' });
  });

  it('moving the marker stays inside the history, and without a card at 0', () => {
    let s: LookupState = lookupReducer(initialLookupState(), { type: 'found', card: card(5) });
    s = lookupReducer(s, { type: 'move', delta: -2 });
    expect(s.selected).toBe(2);
    s = lookupReducer(s, { type: 'move', delta: -10 });
    expect(s.selected).toBe(0);
    s = lookupReducer(s, { type: 'move', delta: 99 });
    expect(s.selected).toBe(4);
    expect(lookupReducer(initialLookupState(), { type: 'move', delta: 3 }).selected).toBe(0);
  });

  it('typing (or Ctrl+U emptying the field) drops the last search’s error but keeps the card', () => {
    const s = lookupReducer({ ...lookupReducer(initialLookupState(), { type: 'found', card: card(2) }), input: 'A1', error: 'e' }, { type: 'input', value: '' });
    expect(s).toMatchObject({ input: '', error: null, selected: 1 });
    expect(s.card).not.toBeNull();
  });
});
