import { useState } from 'react';
import { Text } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyRouterProvider, PRIORITY, useKeyHandler } from '../../src/ui/keys/key-router.tsx';
import type { KeyEvent } from '../../src/ui/keys/key-event.ts';
import { KEYS, renderConsole, type RenderedConsole } from '../helpers/render-console.tsx';

const fmt = (e: KeyEvent) => (e.name === 'char' ? `${e.ctrl ? 'C-' : ''}${e.meta ? 'M-' : ''}${e.char}` : e.name === 'scan' ? `scan:${e.char}` : e.name);

type Log = string[];

/** A handler that logs what it sees under `label` and consumes what `consume` says. */
function Probe(props: { label: string; log: Log; priority: number; isActive?: boolean; consume: (e: KeyEvent) => boolean }) {
  useKeyHandler(
    (e) => {
      props.log.push(`${props.label}:${fmt(e)}`);
      return props.consume(e);
    },
    { priority: props.priority, ...(props.isActive === undefined ? {} : { isActive: props.isActive }) },
  );
  return null;
}

let app: RenderedConsole | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

function mount(children: React.ReactNode, escDelayMs = 0, unhandled?: Log) {
  app = renderConsole(
    <KeyRouterProvider escDelayMs={escDelayMs} scanGapMs={0} {...(unhandled ? { onUnhandled: (e: KeyEvent) => unhandled.push(fmt(e)) } : {})}>
      <Text>router</Text>
      {children}
    </KeyRouterProvider>,
  );
  return app;
}

describe('key router', () => {
  it('tries the highest priority first and stops at the handler that consumes', async () => {
    const log: Log = [];
    const unhandled: Log = [];
    const c = mount(
      <>
        <Probe label="global" log={log} priority={PRIORITY.global} consume={() => true} />
        <Probe label="modal" log={log} priority={PRIORITY.modal} consume={(e) => e.char === 'y'} />
        <Probe label="screen" log={log} priority={PRIORITY.screen} consume={(e) => e.name === 'down'} />
        <Probe label="text" log={log} priority={PRIORITY.text} consume={() => false} />
      </>,
      0,
      unhandled,
    );
    await c.press('y');
    expect(log).toEqual(['modal:y']);
    log.length = 0;
    await c.press(KEYS.down);
    expect(log).toEqual(['modal:down', 'text:down', 'screen:down']);
    log.length = 0;
    await c.press('q');
    expect(log).toEqual(['modal:q', 'text:q', 'screen:q', 'global:q']);
    expect(unhandled).toEqual([]);
  });

  it('skips inactive handlers and reports unconsumed keys', async () => {
    const log: Log = [];
    const unhandled: Log = [];
    const c = mount(<Probe label="modal" log={log} priority={PRIORITY.modal} isActive={false} consume={() => true} />, 0, unhandled);
    await c.press('x');
    expect(log).toEqual([]);
    expect(unhandled).toEqual(['x']);
  });

  it('gives equal priorities to the most recently registered handler first', async () => {
    const log: Log = [];
    const tree = (withDialog: boolean) => (
      <KeyRouterProvider escDelayMs={0} scanGapMs={0}>
        <Probe label="first" log={log} priority={PRIORITY.modal} consume={() => true} />
        {withDialog ? <Probe label="dialog" log={log} priority={PRIORITY.modal} consume={() => true} /> : null}
      </KeyRouterProvider>
    );
    app = renderConsole(tree(false));
    await app.press('a');
    app.rerender(tree(true));
    await app.press('b');
    app.rerender(tree(false));
    await app.press('c');
    expect(log).toEqual(['first:a', 'dialog:b', 'first:c']);
  });

  it('uses the latest handler closure without re-registering or re-rendering', async () => {
    let renders = 0;
    const seen: Log = [];
    function Screen() {
      renders++;
      const [n, setN] = useState(0);
      useKeyHandler(
        (e) => {
          seen.push(`${n}:${fmt(e)}`);
          if (e.name === 'up') setN(n + 1);
          return true;
        },
        { priority: PRIORITY.screen },
      );
      return <Text>n={n}</Text>;
    }
    const c = mount(<Screen />);
    const base = renders;
    await c.press('x'); // consumed, no state change: no render
    expect(renders).toBe(base);
    await c.press(KEYS.up);
    await c.press(KEYS.up);
    await c.press('x');
    expect(seen).toEqual(['0:x', '0:up', '1:up', '2:x']);
    expect(renders).toBe(base + 2);
    expect(c.lastFrame()).toContain('n=2');
  });

  it('normalises keys: Backspace byte, Ctrl+letter, Shift+Tab, Enter as LF, capitals, paste', async () => {
    const log: Log = [];
    const shifts: boolean[] = [];
    const c = mount(
      <Probe
        label="s"
        log={log}
        priority={PRIORITY.screen}
        consume={(e) => {
          shifts.push(e.shift);
          return true;
        }}
      />,
    );
    await c.press(KEYS.backspace);
    await c.press('\u001B[3~');
    await c.press(KEYS.ctrlU);
    await c.press(KEYS.ctrlC);
    await c.press('\u001B[Z');
    await c.press('\n');
    await c.press('L');
    // With no text field focused, pasted text is keys, one by one, as if typed.
    await c.press('张三丰');
    await c.press(KEYS.pageDown);
    expect(log).toEqual(['s:backspace', 's:delete', 's:C-u', 's:C-c', 's:backtab', 's:enter', 's:L', 's:张', 's:三', 's:丰', 's:pagedown']);
    expect(shifts[6]).toBe(true);
  });

  it('splits scanned text + Enter into the whole text, then Enter, for a focused text field', async () => {
    const log: Log = [];
    const c = mount(<Probe label="t" log={log} priority={PRIORITY.text} consume={() => true} />);
    await c.press('420102199001011234\r');
    expect(log).toEqual(['t:420102199001011234', 't:enter']);
  });

  it('with no text field focused, a scan is one scan event: its digits never act as command keys', async () => {
    const log: Log = [];
    const c = mount(<Probe label="s" log={log} priority={PRIORITY.screen} consume={() => true} />);
    await c.press('A10000017\r');
    expect(log).toEqual(['s:scan:A10000017']);
    // Typed keys still arrive as keys, an Enter on its own too.
    await c.press('1');
    await c.press('\r');
    expect(log).toEqual(['s:scan:A10000017', 's:1', 's:enter']);
  });

  it('keeps scans in order when a new read arrives while the keys of the one before wait their turn', async () => {
    const log: Log = [];
    const c = mount(<Probe label="s" log={log} priority={PRIORITY.screen} consume={() => true} />);
    // Two reads back to back: the second lands while the first's second scan waits for a commit.
    c.stdin.write('PKG1\rPKG2\r');
    c.stdin.write('PKG3\r');
    await c.press('', 50);
    expect(log).toEqual(['s:scan:PKG1', 's:scan:PKG2', 's:scan:PKG3']);
  });
});

describe('key router: split escape sequences over a slow link', () => {
  it('delivers a lone Escape only after the delay', async () => {
    const log: Log = [];
    const c = mount(<Probe label="s" log={log} priority={PRIORITY.screen} consume={() => true} />, 40);
    await c.press(KEYS.esc);
    expect(log).toEqual([]);
    await c.press('', 60);
    expect(log).toEqual(['s:escape']);
  });

  it('turns Esc + "[A" arriving in two reads into Up', async () => {
    const log: Log = [];
    const c = mount(<Probe label="s" log={log} priority={PRIORITY.screen} consume={() => true} />, 40);
    await c.press(KEYS.esc);
    await c.press('[A', 60);
    expect(log).toEqual(['s:up']);
  });

  it('turns "Esc [" + "A" (which Ink reports as the text "[") into Up', async () => {
    const log: Log = [];
    const c = mount(<Probe label="s" log={log} priority={PRIORITY.screen} consume={() => true} />, 40);
    await c.press('\u001B[');
    await c.press('A', 60);
    expect(log).toEqual(['s:up']);
  });

  it('turns "Esc O" + "B" (SS3, which Ink reports as Alt+O) into Down, and "Esc [6" + "~" into PgDn', async () => {
    const log: Log = [];
    const c = mount(<Probe label="s" log={log} priority={PRIORITY.screen} consume={() => true} />, 40);
    await c.press('\u001BO');
    await c.press('B', 10);
    await c.press('\u001B[6');
    await c.press('~', 60);
    expect(log).toEqual(['s:down', 's:pagedown']);
  });

  it('delivers Escape and then the text when ordinary text follows', async () => {
    const log: Log = [];
    const c = mount(<Probe label="s" log={log} priority={PRIORITY.screen} consume={() => true} />, 40);
    await c.press(KEYS.esc);
    await c.press('q', 60);
    expect(log).toEqual(['s:escape', 's:q']);
  });

  it('passes complete sequences without any delay', async () => {
    const log: Log = [];
    const c = mount(<Probe label="s" log={log} priority={PRIORITY.screen} consume={() => true} />, 1000);
    await c.press(KEYS.up);
    await c.press(KEYS.pageUp);
    expect(log).toEqual(['s:up', 's:pageup']);
  });
});

describe('key router with a keyboard-wedge scanner typing character by character', () => {
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  it('a fast burst ending in Enter is one scan; the same keys typed by hand are keys', async () => {
    const log: Log = [];
    const c = renderConsole(
      <KeyRouterProvider escDelayMs={0} scanGapMs={35}>
        <Probe label="s" log={log} priority={PRIORITY.screen} consume={() => true} />
      </KeyRouterProvider>,
    );
    // The scanner: one character per read, a few ms apart.
    for (const ch of 'C3000001\r') {
      c.stdin.write(ch);
      await sleep(2);
    }
    await sleep(80);
    expect(log).toEqual(['s:scan:C3000001']);
    // A person: 120 ms between keys, so each one is a key, in order.
    for (const ch of '12\r') {
      c.stdin.write(ch);
      await sleep(120);
    }
    expect(log).toEqual(['s:scan:C3000001', 's:1', 's:2', 's:enter']);
    c.unmount();
  });
});

describe('key router: keys held while telling them from a scan', () => {
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  it('two keys typed quickly (q then y) stay two keys, not the text "qy"', async () => {
    const log: Log = [];
    const c = renderConsole(
      <KeyRouterProvider escDelayMs={0} scanGapMs={35}>
        <Probe label="s" log={log} priority={PRIORITY.screen} consume={() => true} />
      </KeyRouterProvider>,
    );
    c.stdin.write('q');
    await sleep(5);
    c.stdin.write('y');
    await sleep(80);
    expect(log).toEqual(['s:q', 's:y']);
    c.unmount();
  });
});
