import { describe, expect, it } from 'vitest';
import { KeyPipeline } from '../../src/ui/keys/key-pipeline.ts';
import { charEvent, keyEvent, type KeyEvent } from '../../src/ui/keys/key-event.ts';
import { typedAheadKeys } from '../../src/ui/keys/typed-ahead.ts';
import { isCardCode } from '../../src/domain/card-code-scan.ts';

// A resident ID with a right check character (GB 11643's own example).
const ID = '11010519491231002X';

/**
 * The pipeline with a hand-cranked clock and scheduler: `commit()` runs one pending "after
 * commit" callback, `advance(ms)` fires timers. Focus is a plain flag the handlers flip, as a
 * screen opening a form would.
 */
function harness(opts: { scanGapMs?: number; escDelayMs?: number; commands?: string } = {}) {
  let now = 0;
  const ticks: (() => void)[] = [];
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  const log: string[] = [];
  const state = { focused: false };
  const p = new KeyPipeline({
    dispatch: (e: KeyEvent) => {
      log.push(`${state.focused ? 'field' : 'screen'}:${e.name === 'char' ? e.char : e.name === 'scan' ? `scan:${e.char}` : e.name}`);
      // The screen opens a form with a focused field on "n", and Tab/Esc leave it.
      if (!state.focused && e.name === 'char' && e.char === 'n') state.focused = true;
      else if (e.name === 'escape') state.focused = false;
    },
    textFocused: () => state.focused,
    afterCommit: (fn) => {
      ticks.push(fn);
      return () => undefined;
    },
    soon: (fn) => {
      ticks.push(fn);
      return () => undefined;
    },
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return () => {
        t.live = false;
      };
    },
    elapsedMs: () => now,
    escDelayMs: opts.escDelayMs ?? 50,
    scanGapMs: opts.scanGapMs ?? 35,
    ...(opts.commands === undefined
      ? {}
      : { typedAheadKeys: (v: string) => typedAheadKeys(v, isCardCode, (e) => !state.focused && e.name === 'char' && opts.commands!.includes(e.char)) }),
  });
  const run = () => {
    for (let guard = 0; guard < 1000; guard++) {
      const tick = ticks.shift();
      if (tick) {
        tick();
        continue;
      }
      const due = timers.filter((t) => t.live && t.at <= now).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      due.live = false;
      due.fn();
    }
  };
  const advance = (ms: number) => {
    now += ms;
    run();
  };
  return { p, log, run, advance, state };
}

describe('KeyPipeline', () => {
  it('routes each key when its turn comes: after "n" opens a field, the rest of the read is typed into it', () => {
    const h = harness({ scanGapMs: 35 });
    h.p.push([charEvent('n'), charEvent('abc')]);
    h.run();
    h.advance(40);
    // Held together with the "n" by the scan detector, the text goes on key by key.
    expect(h.log).toEqual(['screen:n', 'field:a', 'field:b', 'field:c']);
  });

  it('never reorders: keys held by the scan detector go before the arrow that follows them', () => {
    const h = harness({ scanGapMs: 35 });
    h.p.push([charEvent('3')]);
    h.p.push([keyEvent('down')]);
    h.run();
    expect(h.log).toEqual(['screen:3', 'screen:down']);
  });

  it('takes a burst ending in Enter as one scan where no field has focus', () => {
    const h = harness({ scanGapMs: 35 });
    h.p.push([charEvent('A10000017'), keyEvent('enter')]);
    h.advance(1);
    expect(h.log).toEqual(['screen:scan:A10000017']);
  });

  it('gives text and its Enter to a focused field in one commit', () => {
    const h = harness();
    h.state.focused = true;
    h.p.push([charEvent('A10000017'), keyEvent('enter'), charEvent('x')]);
    h.run();
    expect(h.log).toEqual(['field:A10000017', 'field:enter', 'field:x']);
  });

  it('holds a lone Escape for the rest of a split sequence, and keeps what follows behind it', () => {
    const h = harness({ escDelayMs: 50, scanGapMs: 0 });
    h.p.push([keyEvent('escape')]);
    h.p.push([charEvent('[B')]);
    h.run();
    expect(h.log).toEqual(['screen:down']);
    h.p.push([keyEvent('escape')]);
    h.p.push([keyEvent('tab')]);
    h.run();
    expect(h.log).toEqual(['screen:down', 'screen:escape', 'screen:tab']);
  });

  it('is idle only when nothing is held or queued', async () => {
    const h = harness({ scanGapMs: 35 });
    h.p.push([charEvent('7')]);
    expect(h.p.isIdle()).toBe(false);
    let done = false;
    void h.p.whenIdle().then(() => {
      done = true;
    });
    h.run();
    h.advance(40);
    await Promise.resolve();
    expect(done).toBe(true);
    expect(h.p.isIdle()).toBe(true);
  });

  describe('command keys typed ahead of a code, in one read (SSH)', () => {
    it('gives the key first and then types the code into the field it opened', () => {
      const h = harness({ scanGapMs: 0, commands: 'n4' });
      h.p.push([charEvent(`n${ID}`), keyEvent('enter')]);
      h.run();
      expect(h.log[0]).toBe('screen:n');
      expect(h.log.slice(1, -1).map((l) => l.replace('field:', '')).join('')).toBe(ID);
      expect(h.log.at(-1)).toBe('field:enter');
    });

    it('scans the code again when the key opened no field, ahead of the keys that followed it', () => {
      const h = harness({ scanGapMs: 0, commands: '4' });
      h.p.push([charEvent('4A10000017'), keyEvent('enter'), keyEvent('down')]);
      h.run();
      expect(h.log).toEqual(['screen:4', 'screen:scan:A10000017', 'screen:down']);
    });

    it('takes two leading keys, and no more', () => {
      const h = harness({ scanGapMs: 0, commands: '34n' });
      h.p.push([charEvent('3nA10000017'), keyEvent('enter')]);
      h.run();
      expect(h.log.slice(0, 2)).toEqual(['screen:3', 'screen:n']);
      expect(h.log.slice(2).join(' ')).toContain('field:enter');
      const three = harness({ scanGapMs: 0, commands: '34n' });
      three.p.push([charEvent('34nA10000017'), keyEvent('enter')]);
      three.run();
      expect(three.log).toEqual(['screen:scan:34nA10000017']);
    });

    it('keeps a real scan whole: a code, or a run whose head is not a command here', () => {
      const h = harness({ scanGapMs: 0, commands: '4a' });
      // A card number that starts with a command key's letter is still a code.
      h.p.push([charEvent('A10000017'), keyEvent('enter')]);
      h.p.push([charEvent(ID), keyEvent('enter')]);
      // Not a command: a scan of something that is not a card code, reported as such by the screen.
      h.p.push([charEvent('xA10000017'), keyEvent('enter')]);
      // A command followed by what is no code either.
      h.p.push([charEvent('4hello'), keyEvent('enter')]);
      h.run();
      expect(h.log).toEqual(['screen:scan:A10000017', `screen:scan:${ID}`, 'screen:scan:xA10000017', 'screen:scan:4hello']);
    });
  });
});
