import { describe, expect, it } from 'vitest';
import { fieldStep } from '../../../src/ui/state/text-field.ts';
import { charEvent, keyEvent } from '../../../src/ui/keys/key-event.ts';

const chars = [...'工号12'];

describe('text field keys', () => {
  it('text is inserted at the cursor, control characters dropped; a key of nothing but controls is still the field’s', () => {
    expect(fieldStep(chars, 2, charEvent('ab'), true)).toEqual({ kind: 'edit', chars: [...'工号ab12'], at: 4 });
    expect(fieldStep(chars, 4, charEvent('x\u0007y'), true)).toEqual({ kind: 'edit', chars: [...'工号12xy'], at: 6 });
    expect(fieldStep(chars, 4, charEvent('\u0007'), true)).toEqual({ kind: 'keep' });
  });

  it('Backspace and Delete edit around the cursor, and do nothing at the ends', () => {
    expect(fieldStep(chars, 2, keyEvent('backspace'), true)).toEqual({ kind: 'edit', chars: [...'工12'], at: 1 });
    expect(fieldStep(chars, 0, keyEvent('backspace'), true)).toEqual({ kind: 'keep' });
    expect(fieldStep(chars, 0, keyEvent('delete'), true)).toEqual({ kind: 'edit', chars: [...'号12'], at: 0 });
    expect(fieldStep(chars, 4, keyEvent('delete'), true)).toEqual({ kind: 'keep' });
  });

  it('arrows, Home and End move the cursor within the value', () => {
    expect(fieldStep(chars, 0, keyEvent('left'), true)).toEqual({ kind: 'move', at: 0 });
    expect(fieldStep(chars, 4, keyEvent('right'), true)).toEqual({ kind: 'move', at: 4 });
    expect(fieldStep(chars, 2, keyEvent('home'), true)).toEqual({ kind: 'move', at: 0 });
    expect(fieldStep(chars, 2, keyEvent('end'), true)).toEqual({ kind: 'move', at: 4 });
  });

  it('Enter submits only a field that can; Tab, ↑↓, Esc and Ctrl chords are not the field’s', () => {
    expect(fieldStep(chars, 4, keyEvent('enter'), true)).toEqual({ kind: 'submit' });
    expect(fieldStep(chars, 4, keyEvent('enter'), false)).toEqual({ kind: 'pass' });
    for (const name of ['tab', 'up', 'down', 'escape'] as const) expect(fieldStep(chars, 4, keyEvent(name), true)).toEqual({ kind: 'pass' });
    expect(fieldStep(chars, 4, keyEvent('char', 'u', { ctrl: true }), true)).toEqual({ kind: 'pass' });
  });
});
