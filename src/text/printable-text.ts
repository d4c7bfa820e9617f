/**
 * Text that came from outside (a tracking number, a custodian's name, a maker file's field, a
 * note) may hold characters a terminal obeys rather than shows: C0 controls (ESC starts
 * `\e]0;title\a` and `\e[2J`), DEL, the C1 block (U+0080–U+009F, U+009B is a one-byte CSI on
 * some terminals) and the bidi controls that reorder what follows (U+202E shows `gpj.exe` as
 * `exe.jpg`). Every text the CLI prints and every cell the console draws goes through here.
 *
 * Pure, one job: the console blanks them in fixed-width cells (`blankUnprintable`), the CLI
 * shows them visibly (`printableValue`, `printableText`) or escapes them in JSON (`printableJson`).
 */

/** C0, DEL, C1, the bidi controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI) and the line/paragraph separators. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** The same set without `\n` and `\t`, and a `\r` only when it is not part of `\r\n`. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|\r(?!\n)/g;

/** Inside JSON strings: what JSON.stringify leaves raw (it already escapes U+0000–U+001F). */
const UNPRINTABLE_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const hex4 = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/**
 * How one unprintable character is shown: a C0 control as its Unicode control picture (`\n` as
 * ␊, ESC as ␛, BEL as ␇), DEL as ␡, anything else as `<U+202E>`. None of them is itself
 * unprintable, so the result is safe to print and a second pass changes nothing.
 */
export function visibleControl(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${hex4(c)}>`;
}

/** True when `s` holds a character a terminal would obey rather than show. */
export function hasUnprintable(s: string): boolean {
  return s.search(UNPRINTABLE) !== -1;
}

/** One value for a line of text: every unprintable character, newline and tab too, shown visibly. */
export function printableValue(s: string): string {
  return s.replace(UNPRINTABLE, visibleControl);
}

/**
 * A whole text the program formatted: its own line breaks (`\n`, `\r\n`) and tabs stay, every
 * other unprintable character is shown visibly. The CLI's one output path applies it.
 */
export function printableText(s: string): string {
  return s.replace(UNPRINTABLE_IN_TEXT, visibleControl);
}

/** A fixed-width console cell: each unprintable character becomes one space, so the width holds. */
export function blankUnprintable(s: string): string {
  return s.replace(UNPRINTABLE, ' ');
}

/** Characters typed or pasted into a field: the unprintable ones dropped. */
export function dropUnprintable(s: string): string {
  return s.replace(UNPRINTABLE, '');
}

/**
 * `data` as JSON that is safe to print: JSON.stringify escapes C0 but not DEL, C1 or the bidi
 * controls; those are escaped as `\uXXXX` too. They can only occur inside strings, so the
 * result parses to the same value.
 */
export function printableJson(data: unknown, indent?: number): string {
  const json = JSON.stringify(data, null, indent);
  // JSON.stringify(undefined) is undefined; the CLI never prints that, but stay total.
  return (json ?? 'null').replace(UNPRINTABLE_IN_JSON, (c) => `\\u${hex4(c).toLowerCase()}`);
}
