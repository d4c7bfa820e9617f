import { describe, expect, it } from 'vitest';
import { ESC_IDLE, escStep, isEscTailPrefix, parseEscTail, type EscState } from '../../src/ui/keys/esc-sequence.ts';
import { charEvent, keyEvent, type KeyEvent } from '../../src/ui/keys/key-event.ts';

const key = (event: KeyEvent) => ({ kind: 'key' as const, event });
const timeout = { kind: 'timeout' as const };

/** Runs inputs through the machine; returns the names/chars delivered and the final state. */
function run(inputs: Parameters<typeof escStep>[1][], state: EscState = ESC_IDLE) {
  const out: string[] = [];
  let s = state;
  for (const input of inputs) {
    const step = escStep(s, input);
    s = step.state;
    out.push(...step.emit.map((e) => (e.name === 'char' ? `char:${e.char}` : e.name)));
  }
  return { out, state: s };
}

describe('esc-sequence state machine', () => {
  it('passes keys straight through when idle', () => {
    expect(run([key(charEvent('q')), key(keyEvent('up')), key(keyEvent('enter'))]).out).toEqual(['char:q', 'up', 'enter']);
  });

  it('holds a lone Escape and delivers it after the delay', () => {
    const held = run([key(keyEvent('escape'))]);
    expect(held.out).toEqual([]);
    expect(held.state).toEqual({ pending: true, buffer: '' });
    expect(run([key(keyEvent('escape')), timeout]).out).toEqual(['escape']);
  });

  it('turns Esc then "[A" within the delay into Up', () => {
    const r = run([key(keyEvent('escape')), key(charEvent('[A'))]);
    expect(r.out).toEqual(['up']);
    expect(r.state).toEqual(ESC_IDLE);
  });

  it('recognises the other split sequences', () => {
    const cases: [string, string][] = [
      ['[B', 'down'],
      ['[C', 'right'],
      ['[D', 'left'],
      ['OA', 'up'],
      ['OD', 'left'],
      ['[5~', 'pageup'],
      ['[6~', 'pagedown'],
      ['[H', 'home'],
      ['[F', 'end'],
      ['[1~', 'home'],
      ['[4~', 'end'],
      ['[3~', 'delete'],
      ['[Z', 'backtab'],
      ['[1;5A', 'up'],
    ];
    for (const [tail, name] of cases) {
      expect(run([key(keyEvent('escape')), key(charEvent(tail))]).out, tail).toEqual([name]);
    }
    const ctrlUp = escStep({ pending: true, buffer: '' }, key(charEvent('[1;5A'))).emit[0];
    expect(ctrlUp?.ctrl).toBe(true);
  });

  it('waits across a sequence split in three', () => {
    const r = run([key(keyEvent('escape')), key(charEvent('[')), key(charEvent('6')), key(charEvent('~'))]);
    expect(r.out).toEqual(['pagedown']);
  });

  it('delivers the text after a completed sequence', () => {
    expect(run([key(keyEvent('escape')), key(charEvent('[Axy'))]).out).toEqual(['up', 'char:xy']);
  });

  it('swallows well-formed sequences it has no key for (F5)', () => {
    expect(run([key(keyEvent('escape')), key(charEvent('[15~'))]).out).toEqual([]);
  });

  it('delivers Escape then the text when the text is not a sequence', () => {
    expect(run([key(keyEvent('escape')), key(charEvent('q'))]).out).toEqual(['escape', 'char:q']);
    expect(run([key(keyEvent('escape')), key(charEvent('['))]).out).toEqual([]);
    expect(run([key(keyEvent('escape')), key(charEvent('[')), key(charEvent('中'))]).out).toEqual(['escape', 'char:[中']);
    expect(run([key(keyEvent('escape')), key(charEvent('[')), timeout]).out).toEqual(['escape', 'char:[']);
  });

  it('delivers Escape, then the key, when a non-text key follows', () => {
    expect(run([key(keyEvent('escape')), key(keyEvent('enter'))]).out).toEqual(['escape', 'enter']);
    expect(run([key(keyEvent('escape')), key(charEvent('u', { ctrl: true }))]).out).toEqual(['escape', 'char:u']);
  });

  it('treats Esc Esc as two Escapes, the second held in turn', () => {
    const r = run([key(keyEvent('escape')), key(keyEvent('escape'))]);
    expect(r.out).toEqual(['escape']);
    expect(r.state.pending).toBe(true);
    expect(run([key(keyEvent('escape')), key(keyEvent('escape')), timeout]).out).toEqual(['escape', 'escape']);
  });

  it('ignores a timeout when idle', () => {
    expect(run([timeout]).out).toEqual([]);
  });

  it('keeps the shift flag of a typed capital after Escape', () => {
    const step = escStep({ pending: true, buffer: '' }, key(charEvent('L')));
    expect(step.emit.map((e) => [e.name, e.char, e.shift])).toEqual([
      ['escape', '', false],
      ['char', 'L', true],
    ]);
  });
});

describe('parseEscTail', () => {
  it('classifies prefixes, complete sequences and other text', () => {
    expect(parseEscTail('').kind).toBe('partial');
    expect(parseEscTail('[').kind).toBe('partial');
    expect(parseEscTail('[5').kind).toBe('partial');
    expect(parseEscTail('O').kind).toBe('partial');
    expect(parseEscTail('[A')).toMatchObject({ kind: 'complete', rest: '' });
    expect(parseEscTail('x').kind).toBe('none');
    expect(isEscTailPrefix('[1;')).toBe(true);
    expect(isEscTailPrefix('[A')).toBe(false);
  });
});
