import { charEvent, keyEvent, type KeyEvent, type KeyName } from './key-event.ts';

/**
 * Reassembling escape sequences that a slow link split in two.
 *
 * Ink's input parser holds a trailing ESC (or ESC [, ESC O, ESC [ 5 …) only until the next
 * `setImmediate`, then flushes it as a key of its own. Over SSH an arrow key's `ESC [ A` can be
 * split across packets, and Ink then reports Escape (or a stray `[`) followed by the text `[A`:
 * the screen would go back and a text field would receive "[A". The router therefore feeds
 * every key through this state machine: after an Escape it waits a little (`delayMs`, ~50 ms);
 * if the text that follows completes a known sequence, the arrow/page key is delivered instead;
 * otherwise Escape is delivered, then the held text.
 *
 * Pure: the hook `useEscGuard` owns the timer and calls `escStep` with a `timeout` input.
 */

export type EscState =
  | { readonly pending: false }
  | {
      readonly pending: true;
      /** Text received after the Escape so far, a proper prefix of a known sequence ('' at first). */
      readonly buffer: string;
    };

export type EscInput = { readonly kind: 'key'; readonly event: KeyEvent } | { readonly kind: 'timeout' };

export type EscStep = {
  readonly state: EscState;
  /** Keys to deliver now, in order. */
  readonly emit: readonly KeyEvent[];
};

export const ESC_IDLE: EscState = { pending: false };

/** The default wait after a lone Escape; long enough for a packet gap on a slow link, short enough not to feel laggy. */
export const DEFAULT_ESC_DELAY_MS = 50;

const SS3: Readonly<Record<string, KeyName>> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const CSI_LETTER: Readonly<Record<string, KeyName>> = { ...SS3, Z: 'backtab' };
const CSI_TILDE: Readonly<Record<string, KeyName>> = {
  '1': 'home',
  '3': 'delete',
  '4': 'end',
  '5': 'pageup',
  '6': 'pagedown',
  '7': 'home',
  '8': 'end',
};

// What may follow ESC: CSI (`[`, parameters, one final byte) or SS3 (`O` + one letter).
const CSI_COMPLETE = /^\[(\[?)([0-9;]*)([A-Za-z~^$])/;
const CSI_PARTIAL = /^\[\[?[0-9;]*$/;
const SS3_COMPLETE = /^O([A-Za-z])/;

export type EscTail =
  /** `event` is undefined for a well-formed sequence the console does not use (F5, Insert…). */
  | { readonly kind: 'complete'; readonly event: KeyEvent | undefined; readonly rest: string }
  | { readonly kind: 'partial' }
  | { readonly kind: 'none' };

/** Classifies the text that followed an ESC. */
export function parseEscTail(text: string): EscTail {
  if (text === '' || text === 'O' || CSI_PARTIAL.test(text)) return { kind: 'partial' };
  const ss3 = SS3_COMPLETE.exec(text);
  if (ss3) {
    const name = SS3[ss3[1] ?? ''];
    return { kind: 'complete', event: name ? keyEvent(name) : undefined, rest: text.slice(ss3[0].length) };
  }
  const csi = CSI_COMPLETE.exec(text);
  if (csi) {
    const [whole, doubled = '', params = '', final = ''] = csi;
    return { kind: 'complete', event: doubled ? undefined : csiEvent(params, final), rest: text.slice(whole.length) };
  }
  return { kind: 'none' };
}

function csiEvent(params: string, final: string): KeyEvent | undefined {
  const [first = '', modifier = '1'] = params.split(';');
  const bits = Math.max(0, Number.parseInt(modifier, 10) - 1 || 0);
  const mods = { shift: (bits & 1) !== 0, meta: (bits & 10) !== 0, ctrl: (bits & 4) !== 0 };
  if (final === '~') {
    const name = CSI_TILDE[first];
    return name ? keyEvent(name, '', mods) : undefined;
  }
  if (final === 'Z') return keyEvent('backtab', '', { ...mods, shift: true });
  const name = CSI_LETTER[final];
  return name && (first === '' || first === '1') ? keyEvent(name, '', mods) : undefined;
}

/** True when `text` could be the start of what follows ESC in a sequence (used for Ink's flushed "ESC [", "ESC O"). */
export function isEscTailPrefix(text: string): boolean {
  return parseEscTail(text).kind === 'partial';
}

const ESCAPE = keyEvent('escape');

function flush(buffer: string): KeyEvent[] {
  return buffer === '' ? [ESCAPE] : [ESCAPE, charEvent(buffer)];
}

function fromIdle(event: KeyEvent): EscStep {
  if (event.name === 'escape' && !event.ctrl && !event.meta) return { state: { pending: true, buffer: '' }, emit: [] };
  return { state: ESC_IDLE, emit: [event] };
}

export function escStep(state: EscState, input: EscInput): EscStep {
  if (!state.pending) return input.kind === 'timeout' ? { state, emit: [] } : fromIdle(input.event);
  if (input.kind === 'timeout') return { state: ESC_IDLE, emit: flush(state.buffer) };

  const { event } = input;
  if (event.name !== 'char' || event.ctrl || event.meta) {
    // Anything but plain text ends the wait: the Escape was real.
    const next = fromIdle(event);
    return { state: next.state, emit: [...flush(state.buffer), ...next.emit] };
  }

  const text = state.buffer + event.char;
  const tail = parseEscTail(text);
  if (tail.kind === 'partial') return { state: { pending: true, buffer: text }, emit: [] };
  if (tail.kind === 'none') {
    // Keep the original event (and its shift flag) when nothing was buffered.
    return { state: ESC_IDLE, emit: state.buffer === '' ? [ESCAPE, event] : flush(text) };
  }
  const emit: KeyEvent[] = [];
  if (tail.event) emit.push(tail.event);
  if (tail.rest !== '') emit.push(charEvent(tail.rest));
  return { state: ESC_IDLE, emit };
}
