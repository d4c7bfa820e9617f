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
    expect(fieldStep(chars, 4, keyEvent('char', 'd', { ctrl: true }), true)).toEqual({ kind: 'pass' });
  });

  it('Ctrl+U clears before the cursor (at the start: the whole value); Ctrl+W deletes the word before the cursor', () => {
    const ctrlU = keyEvent('char', 'u', { ctrl: true });
    const ctrlW = keyEvent('char', 'w', { ctrl: true });
    expect(fieldStep(chars, 4, ctrlU, true)).toEqual({ kind: 'edit', chars: [], at: 0 });
    expect(fieldStep(chars, 2, ctrlU, true)).toEqual({ kind: 'edit', chars: [...'12'], at: 0 });
    expect(fieldStep(chars, 0, ctrlU, true)).toEqual({ kind: 'edit', chars: [], at: 0 });
    expect(fieldStep([], 0, ctrlU, true)).toEqual({ kind: 'keep' });
    const words = [...'张 伟  A100 '];
    expect(fieldStep(words, words.length, ctrlW, true)).toEqual({ kind: 'edit', chars: [...'张 伟  '], at: 5 });
    expect(fieldStep(words, 3, ctrlW, true)).toEqual({ kind: 'edit', chars: [...'张   A100 '], at: 2 });
    expect(fieldStep(words, 0, ctrlW, true)).toEqual({ kind: 'keep' });
  });
});
