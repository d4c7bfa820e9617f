import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { atomsOfRead } from '../../src/ui/keys/read-atoms.ts';
import type { KeyEvent } from '../../src/ui/keys/key-event.ts';

/** Ink's Key for a read it could not name (text with control bytes, an Alt chord): all false. */
const NONE = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
} as unknown as Key;

const show = (es: KeyEvent[]) => es.map((e) => (e.name === 'char' ? `${e.ctrl ? 'C-' : ''}${e.char}` : e.name));
const atoms = (raw: string) => show(atomsOfRead(raw, NONE, raw));

describe('atomsOfRead: one read split into the keys a person pressed', () => {
  it('keeps the PIN out of the 工号 field: Tab inside typed text is a key of its own', () => {
    expect(atoms('sunli\t680135')).toEqual(['sunli', 'tab', '680135']);
  });

  it('splits Backspaces, Enter (CR, LF, CR LF) and Ctrl letters', () => {
    expect(atoms('\u007F\u007F')).toEqual(['backspace', 'backspace']);
    expect(atoms('ab\r\ncd\ne\r')).toEqual(['ab', 'enter', 'cd', 'enter', 'e', 'enter']);
    expect(atoms('x\u0015y\u001A\u0002')).toEqual(['x', 'C-u', 'y', 'C-z', 'C-b']);
  });

  it('reads ESC and a character as Escape, then the character (no Alt keys in the console)', () => {
    expect(atoms('\u001B?')).toEqual(['escape', '?']);
    expect(atoms('\u001B\u001B')).toEqual(['escape', 'escape']);
    expect(atoms('\u001B\u001B[B')).toEqual(['escape', 'down']);
    expect(atoms('\u001Bq\r')).toEqual(['escape', 'q', 'enter']);
  });

  it('hands an incomplete sequence to the escape guard as Escape and its text', () => {
    expect(atoms('\u001B[')).toEqual(['escape', '[']);
    expect(atoms('\u001B[6')).toEqual(['escape', '[6']);
  });

  it('keeps plain text whole (a field inserts it at once)', () => {
    expect(atoms('张三丰')).toEqual(['张三丰']);
  });
});
