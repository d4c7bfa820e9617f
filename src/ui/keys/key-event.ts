import type { Key } from 'ink';

/**
 * The one key shape the console's handlers see. Ink's `Key` is a bag of booleans that changes
 * between majors (and has quirks, below); screens match on `name` and `char` instead.
 */
export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end'
  | 'enter'
  | 'escape'
  | 'tab'
  | 'backtab'
  | 'backspace'
  | 'delete'
  | 'char'
  /** F1 (help inside a text field, where `?` is typed); the other function keys are not used. */
  | 'f1'
  /** A barcode scanner's whole code, told from typing by its speed (drivers/scanner/keyboard-wedge.ts). */
  | 'scan';

export type KeyEvent = {
  readonly name: KeyName;
  /** For `char`: the text typed, pasted or scanned (whole, even when many characters);
   *  with `ctrl`, the lower-case letter (Ctrl+U → 'u'); for `scan`, the code without its Enter.
   *  Empty for every other name. */
  readonly char: string;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
};

const ESC = '\u001B';

/**
 * F1 as terminals send it: ESC O P (xterm, tmux, PuTTY in xterm mode), ESC [ 11 ~ (rxvt, PuTTY's
 * default), ESC [ [ A (the Linux console), with modifiers ESC [ 1 ; m P. Ink parses these but
 * hands them to useInput as an empty input with no flag set, so the raw read tells them.
 */
// eslint-disable-next-line no-control-regex
const F1 = /^\u001B(?:OP|\[11~|\[\[A|\[1;\d+P)$/;

export function keyEvent(name: KeyName, char = '', mods: Partial<Pick<KeyEvent, 'ctrl' | 'meta' | 'shift'>> = {}): KeyEvent {
  return { name, char, ctrl: mods.ctrl ?? false, meta: mods.meta ?? false, shift: mods.shift ?? false };
}

/** Text as Ink reports it: a lone upper-case letter carries `shift`. */
export function charEvent(text: string, mods: Partial<Pick<KeyEvent, 'ctrl' | 'meta' | 'shift'>> = {}): KeyEvent {
  return keyEvent('char', text, { shift: /^[A-Z]$/.test(text), ...mods });
}

/** A printable character as a text field would insert it (no Ctrl/Alt chord). */
export function isTextInput(e: KeyEvent): boolean {
  return e.name === 'char' && !e.ctrl && !e.meta && e.char.length > 0;
}

/**
 * Maps Ink's useInput arguments to a KeyEvent, or `undefined` for keys the console does not
 * use (F2-F12, Insert, kitty key releases, an empty read). F1 needs `raw`.
 *
 * `raw` is the string Ink's input parser emitted for this event (the key router taps it); it is
 * only needed to tell Backspace from Delete, because Ink 6 reports both the 0x7F byte that the
 * Backspace key sends on xterm/PuTTY/GNOME terminals and the real Delete key (ESC [ 3 ~) as
 * `key.delete`. Without `raw`, `key.delete` is taken as Backspace: the key operators press.
 */
export function fromInk(input: string, key: Key, raw?: string): KeyEvent | undefined {
  if (key.eventType === 'release') return undefined;
  const mods = { ctrl: key.ctrl, meta: key.meta, shift: key.shift };
  if (key.upArrow) return keyEvent('up', '', mods);
  if (key.downArrow) return keyEvent('down', '', mods);
  if (key.leftArrow) return keyEvent('left', '', mods);
  if (key.rightArrow) return keyEvent('right', '', mods);
  if (key.pageUp) return keyEvent('pageup', '', mods);
  if (key.pageDown) return keyEvent('pagedown', '', mods);
  if (key.home) return keyEvent('home', '', mods);
  if (key.end) return keyEvent('end', '', mods);
  if (key.return) return keyEvent('enter', '', { ...mods, meta: false });
  // Ink sets meta on every Escape (a leftover of its ESC-prefix = Alt handling): drop it.
  if (key.escape) return keyEvent('escape', '', { ...mods, meta: false });
  // Shift+Tab arrives as ESC [ Z, which Ink names 'tab' with shift set.
  if (key.tab) return key.shift ? keyEvent('backtab', '', mods) : keyEvent('tab', '', mods);
  if (key.backspace) return keyEvent('backspace', '', { ...mods, meta: false });
  if (key.delete) {
    const forward = raw !== undefined && raw.startsWith(`${ESC}[3`);
    return keyEvent(forward ? 'delete' : 'backspace', '', { ...mods, meta: false });
  }
  if (input === '') return raw !== undefined && F1.test(raw) ? keyEvent('f1', '', mods) : undefined;
  // Ink only recognises CR as Return; a bare LF (Ctrl+J, some serial/SSH set-ups) or CR LF in
  // one read comes through as text.
  if (/^(?:\r\n?|\n)$/.test(input)) return keyEvent('enter');
  return charEvent(input, mods);
}

/**
 * A barcode scanner or a paste often sends text and Enter in one read ("4201…1234\r"), which Ink
 * hands over as one string. Keep the text whole, but split it at line ends into text and Enter
 * events so that "scan then submit" works the same as "type then press Enter".
 */
export function splitLines(e: KeyEvent): KeyEvent[] {
  if (e.name !== 'char' || e.ctrl || !/[\r\n]/.test(e.char)) return [e];
  const out: KeyEvent[] = [];
  const parts = e.char.split(/\r\n|\r|\n/);
  parts.forEach((part, i) => {
    if (part !== '') out.push({ ...e, char: part });
    if (i < parts.length - 1) out.push(keyEvent('enter'));
  });
  return out;
}
