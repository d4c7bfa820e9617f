/**
 * What a key does to a text field's value and cursor (src/ui/components/use-text-field.ts). Pure:
 * the value is given as code points and the cursor as an index into them.
 */
import { isTextInput, type KeyEvent } from '../keys/key-event.ts';
import { matches } from '../keys/registry.ts';
import { dropUnprintable } from '../../text/printable-text.ts';

/**
 * `submit`: Enter, to the field's onSubmit. `edit`: the new value and cursor. `move`: the cursor
 * only. `keep`: the key is the field's but changes nothing (Backspace at the start). `pass`:
 * not the field's key (Tab, ↑↓, Esc and the other Ctrl chords go on to the screen and the
 * global keys). Ctrl+U and Ctrl+W are every field's (registry `field.clear`, `field.word`), so
 * each screen's fields edit alike.
 */
export type FieldStep =
  | { readonly kind: 'submit' }
  | { readonly kind: 'edit'; readonly chars: readonly string[]; readonly at: number }
  | { readonly kind: 'move'; readonly at: number }
  | { readonly kind: 'keep' }
  | { readonly kind: 'pass' };

const KEEP: FieldStep = { kind: 'keep' };
const PASS: FieldStep = { kind: 'pass' };

function cursorMove(name: KeyEvent['name'], at: number, length: number): number | null {
  if (name === 'left') return Math.max(0, at - 1);
  if (name === 'right') return Math.min(length, at + 1);
  if (name === 'home') return 0;
  if (name === 'end') return length;
  return null;
}

/**
 * Ctrl+U: everything before the cursor (the whole value when the cursor is at the end, as it
 * is after typing or a scan); at the start of the field, the whole value.
 */
function clearLine(chars: readonly string[], at: number): FieldStep {
  if (chars.length === 0) return KEEP;
  return at === 0 ? { kind: 'edit', chars: [], at: 0 } : { kind: 'edit', chars: chars.slice(at), at: 0 };
}

/** Ctrl+W: the word before the cursor and the spaces after it (as in a shell). */
function deleteWord(chars: readonly string[], at: number): FieldStep {
  let from = at;
  while (from > 0 && /\s/.test(chars[from - 1]!)) from--;
  while (from > 0 && !/\s/.test(chars[from - 1]!)) from--;
  return from === at ? KEEP : { kind: 'edit', chars: [...chars.slice(0, from), ...chars.slice(at)], at: from };
}

/** The step for key `e` in a field holding `chars` with the cursor at `at`. */
export function fieldStep(chars: readonly string[], at: number, e: KeyEvent, canSubmit: boolean): FieldStep {
  if (e.name === 'enter') return canSubmit ? { kind: 'submit' } : PASS;
  if (isTextInput(e)) {
    // Printable text, typed, pasted or scanned; control characters in it are dropped.
    const typed = [...dropUnprintable(e.char)];
    return typed.length ? { kind: 'edit', chars: [...chars.slice(0, at), ...typed, ...chars.slice(at)], at: at + typed.length } : KEEP;
  }
  if (matches('field.clear', e)) return clearLine(chars, at);
  if (matches('field.word', e)) return deleteWord(chars, at);
  if (e.ctrl || e.meta) return PASS;
  if (e.name === 'backspace') return at > 0 ? { kind: 'edit', chars: [...chars.slice(0, at - 1), ...chars.slice(at)], at: at - 1 } : KEEP;
  if (e.name === 'delete') return at < chars.length ? { kind: 'edit', chars: [...chars.slice(0, at), ...chars.slice(at + 1)], at } : KEEP;
  const to = cursorMove(e.name, at, chars.length);
  return to === null ? PASS : { kind: 'move', at: to };
}
