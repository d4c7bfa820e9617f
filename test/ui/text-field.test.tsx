import { useState } from 'react';
import { Box, Text } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { TextField } from '../../src/ui/components/text-field.tsx';
import { KeyRouterProvider, PRIORITY, useKeyHandler } from '../../src/ui/keys/key-router.tsx';
import { matches } from '../../src/ui/keys/registry.ts';
import type { KeyEvent } from '../../src/ui/keys/key-event.ts';
import { displayWidth } from '../../src/text/display-width.ts';
import { KEYS, renderConsole, type RenderedConsole } from '../helpers/render-console.tsx';

type Events = { submitted: string[]; global: string[]; screen: string[] };

/** A login-like screen: two fields, Tab between them, global q/? behind them. */
function Form({ events, modal = false }: { events: Events; modal?: boolean }) {
  const [field, setField] = useState<0 | 1>(0);
  const [user, setUser] = useState('');
  const [pin, setPin] = useState('');
  useKeyHandler(
    (e) => {
      events.screen.push(e.name === 'char' ? e.char : e.name);
      if (matches('login.next-field', e)) setField((f) => (f === 0 ? 1 : 0));
      else return false;
      return true;
    },
    { priority: PRIORITY.screen },
  );
  useKeyHandler(
    (e: KeyEvent) => {
      if (matches('quit', e) || matches('help', e)) {
        events.global.push(e.char);
        return true;
      }
      return false;
    },
    { priority: PRIORITY.global },
  );
  useKeyHandler(() => true, { priority: PRIORITY.modal, isActive: modal });
  return (
    <Box flexDirection="column">
      <TextField label="工号" labelWidth={4} value={user} onChange={setUser} onSubmit={(v) => events.submitted.push(`user=${v}`)} focus={field === 0} width={40} placeholder="请输入工号" />
      <TextField label="密码" labelWidth={4} value={pin} onChange={setPin} onSubmit={(v) => events.submitted.push(`pin=${v}`)} focus={field === 1} width={40} mask="*" />
      <Text>{`user=[${user}] pinLength=${pin.length}`}</Text>
    </Box>
  );
}

let app: RenderedConsole | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

function mount(modal = false, escDelayMs = 0) {
  const events: Events = { submitted: [], global: [], screen: [] };
  app = renderConsole(
    <KeyRouterProvider escDelayMs={escDelayMs} scanGapMs={0}>
      <Form events={events} modal={modal} />
    </KeyRouterProvider>,
  );
  return { c: app, events };
}

const state = (c: RenderedConsole) => c.lastFrame().split('\n').at(-1);

describe('TextField with the key router', () => {
  it('renders label, focus marker and placeholder in one row each', () => {
    const { c } = mount();
    const lines = c.lastFrame().split('\n');
    expect(lines[0]).toMatch(/^›工号 +请输入工号/);
    expect(lines[1]).toMatch(/^ 密码/);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(40);
  });

  it('keeps q and ? typed into a field as text (they do not quit or open help)', async () => {
    const { c, events } = mount();
    await c.press('q');
    await c.press('?');
    await c.press('张');
    expect(state(c)).toBe('user=[q?张] pinLength=0');
    expect(events.global).toEqual([]);
    expect(events.screen).toEqual([]);
  });

  it('edits with Backspace and leaves Tab to the screen', async () => {
    const { c, events } = mount();
    await c.press('abc');
    await c.press(KEYS.backspace);
    expect(state(c)).toBe('user=[ab] pinLength=0');
    await c.press(KEYS.tab);
    await c.press('1234');
    expect(state(c)).toBe('user=[ab] pinLength=4');
    expect(events.screen).toEqual(['tab']);
    expect(c.lastFrame().split('\n')[1]).toMatch(/^›密码 +\*\*\*\*/);
  });

  it('never shows a PIN', async () => {
    const { c } = mount();
    await c.press(KEYS.tab);
    for (const d of '864209') await c.press(d);
    for (const frame of c.frames) expect(frame).not.toMatch(/8642|6420|4209/);
    expect(c.lastFrame()).toContain('******');
  });

  it('Ctrl+U clears and Ctrl+W deletes a word in the field itself, without inserting "u" or "w"', async () => {
    const { c, events } = mount();
    await c.press('abc');
    await c.press(KEYS.ctrlU);
    expect(state(c)).toBe('user=[] pinLength=0');
    await c.press('x');
    expect(state(c)).toBe('user=[x] pinLength=0');
    await c.press(' yz');
    await c.press('\u0017'); // Ctrl+W
    expect(state(c)).toBe('user=[x ] pinLength=0');
    await c.press(KEYS.tab);
    await c.press('1234');
    await c.press(KEYS.ctrlU);
    expect(state(c)).toBe('user=[x ] pinLength=0');
    expect(events.screen).toEqual(['tab']); // the screen never saw the chords
  });

  it('ignores other Ctrl chords instead of typing their letter', async () => {
    const { c } = mount();
    await c.press('ab');
    await c.press('\u0001'); // Ctrl+A
    await c.press('c');
    expect(state(c)).toBe('user=[abc] pinLength=0');
  });

  it('takes ESC and a letter in one read as Escape, then the letter (the console has no Alt keys)', async () => {
    const { c, events } = mount();
    await c.press('ab');
    // Over SSH an Escape and the next key typed ahead arrive together, exactly as Alt+x would.
    await c.press('\u001Bx', 10);
    expect(events.screen).toContain('escape');
    expect(state(c)).toBe('user=[abx] pinLength=0');
  });

  it('does not type the "[A" of an arrow key split by a slow link', async () => {
    const { c, events } = mount(false, 30);
    await c.press('ab');
    await c.press(KEYS.esc);
    await c.press('[A', 50);
    await c.press('\u001B[');
    await c.press('B', 50);
    expect(state(c)).toBe('user=[ab] pinLength=0');
    expect(events.screen).toEqual(['up', 'down']);
  });

  it('submits a scanned value that arrives with its Enter in one read', async () => {
    const { c, events } = mount();
    // A keyboard-wedge scanner: the text and its Enter in one read; the submit sees all of it.
    await c.press('x');
    await c.press(KEYS.backspace);
    await c.press('420102199001011234\r');
    expect(state(c)).toBe('user=[420102199001011234] pinLength=0');
    expect(events.submitted).toEqual(['user=420102199001011234']);
    await c.press(KEYS.enter);
    expect(events.submitted).toEqual(['user=420102199001011234', 'user=420102199001011234']);
  });

  it('takes no text while a modal handler is active', async () => {
    const { c } = mount(true);
    await c.press('abc');
    await c.press(KEYS.backspace);
    expect(state(c)).toBe('user=[] pinLength=0');
  });

  it('clips a value wider than the field to one row', async () => {
    const { c } = mount();
    await c.press('湖北省武汉市江岸区解放大道一千号社保卡服务中心');
    const lines = c.lastFrame().split('\n');
    expect(lines).toHaveLength(3);
    expect(displayWidth(lines[0] ?? '')).toBeLessThanOrEqual(40);
    expect(lines[1]).toMatch(/^ 密码/);
  });
});
