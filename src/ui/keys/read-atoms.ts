import type { Key } from 'ink';
import { parseEscTail } from './esc-sequence.ts';
import { charEvent, fromInk, keyEvent, type KeyEvent } from './key-event.ts';

const ESC = '\u001B';

/**
 * Splits what Ink reported for one read into the keys a person would have pressed one by one.
 *
 * Over SSH, a paste or a fast typist's keys arrive together, and Ink hands a run of text with
 * control bytes in it over as one string ("sunli\t680135", "\x7f\x7f", "3n") and ESC followed by
 * a character as one Alt chord. Taken whole, the Tab inside a login would be typed into the 工号
 * field with the PIN after it, in clear text. Here every control byte is a key of its own and
 * only runs of printable text stay together (a field inserts them at once; the router splits
 * them further where no field has focus). The console has no Alt bindings, so ESC + a character
 * is Escape and then that character.
 *
 * `raw` is the string Ink's parser emitted for this event (the router taps it).
 */
export function atomsOfRead(input: string, key: Key, raw: string): KeyEvent[] {
  if (raw.length <= 1) return single(input, key, raw);
  if (raw.startsWith(ESC)) return fromEscapeRead(input, key, raw);
  if (!/[\u0000-\u001F\u007F]/.test(raw)) return single(input, key, raw);
  return splitControls(raw);
}

function single(input: string, key: Key, raw: string): KeyEvent[] {
  const e = fromInk(input, key, raw);
  return e ? [e] : [];
}

function fromEscapeRead(input: string, key: Key, raw: string): KeyEvent[] {
  const tail = parseEscTail(raw.slice(1));
  // One complete sequence (an arrow, a page key, Shift+Tab, Delete): Ink's own reading of it.
  if (tail.kind === 'complete' && tail.rest === '' && /^\u001B[[O]/.test(raw)) return single(input, key, raw);
  return atomsAfterEscape(raw.slice(1));
}

/** What an ESC and the text after it in one read are: Escape and keys, or a whole sequence. */
function atomsAfterEscape(text: string): KeyEvent[] {
  if (text === '') return [keyEvent('escape')];
  // ESC ESC, ESC ESC [ B: Escape, then whatever the second ESC starts.
  if (text.startsWith(ESC)) return [keyEvent('escape'), ...atomsAfterEscape(text.slice(1))];
  const tail = parseEscTail(text);
  // Ink flushed an incomplete sequence ("ESC [", "ESC O", "ESC [ 5"): its ESC and text go to the
  // router's escape guard, which waits for the rest.
  if (tail.kind === 'partial') return [keyEvent('escape'), charEvent(text)];
  if (tail.kind === 'complete') return [...(tail.event ? [tail.event] : []), ...splitControls(tail.rest)];
  // ESC ?, ESC q: Escape, then the key on its own.
  return [keyEvent('escape'), ...splitControls(text)];
}

/** Runs of printable text stay whole; each control byte is one key. */
function splitControls(text: string): KeyEvent[] {
  const out: KeyEvent[] = [];
  const re = /\r\n|[\u0000-\u001F\u007F]|[^\u0000-\u001F\u007F]+/g;
  for (const [part] of text.matchAll(re)) {
    const e = controlKey(part);
    if (e) out.push(e);
    else if (part.length > 0 && !/^[\u0000-\u001F\u007F]/.test(part)) out.push(charEvent(part));
  }
  return out;
}

function controlKey(part: string): KeyEvent | undefined {
  if (part === '\r' || part === '\n' || part === '\r\n') return keyEvent('enter');
  if (part === '\t') return keyEvent('tab');
  if (part === '\u007F' || part === '\b') return keyEvent('backspace');
  if (part === ESC) return keyEvent('escape');
  const code = part.length === 1 ? part.charCodeAt(0) : -1;
  // Ctrl+A … Ctrl+Z arrive as 0x01 … 0x1A.
  if (code >= 1 && code <= 26) return charEvent(String.fromCharCode(96 + code), { ctrl: true });
  return undefined;
}
