import { describe, expect, it } from 'vitest';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';
import { useDemoConsole } from '../helpers/demo-console.tsx';
import { CTRL_C_WINDOW_MS } from '../../src/ui/shell/use-ctrl-c-quit.ts';
import { fromInk } from '../../src/ui/keys/key-event.ts';
import { screenHelp } from '../../src/i18n/shell.ts';

const F1 = '\u001BOP';

const demo = useDemoConsole();
const footer = (c: RenderedConsole) => c.lastFrame().split('\n').at(-1) ?? '';
/** Whether the app has ended; asked for at once, since Ink resolves only waits made before the exit. */
const exited = (c: RenderedConsole) => {
  let done = false;
  void c.waitUntilExit().then(() => (done = true));
  return () => done;
};

async function login(c: RenderedConsole) {
  await c.press('zhangwei\r');
  await c.press('357902\r');
  return c.waitFor((f) => f.includes('合计 23 张'), 3000);
}

describe('Ctrl+C twice quits', () => {
  it('the first Ctrl+C in a text field says to press it again and keeps the typing; the second quits', async () => {
    const c = demo.start();
    const isDone = exited(c);
    await c.press('zhang');
    await c.press(KEYS.ctrlC);
    expect(footer(c)).toContain('再按一次 Ctrl+C 退出');
    expect(c.lastFrame()).toMatch(/工号 zhang/);
    expect(isDone()).toBe(false);
    await c.press(KEYS.ctrlC);
    await c.waitFor(() => isDone());
  });

  it('two Ctrl+C in one read (a fast double press over SSH) quit too', async () => {
    const c = demo.start();
    const isDone = exited(c);
    await c.press('zhang');
    await c.press(KEYS.ctrlC + KEYS.ctrlC);
    await c.waitFor(() => isDone());
  });

  it('quits over the quit dialog too, which does not take Ctrl+C as its "no"', async () => {
    const c = demo.start();
    const ended = c.waitUntilExit(); // asked before the exit: Ink resolves only the waits it has
    await login(c);
    await c.press('q');
    await c.waitFor((f) => f.includes('退出控制台？'));
    await c.press(KEYS.ctrlC);
    expect(c.lastFrame()).toContain('退出控制台？');
    await c.press(KEYS.ctrlC);
    await ended;
  });

  it('one Ctrl+C alone does nothing once the notice has gone', async () => {
    const c = demo.start();
    const isDone = exited(c);
    await login(c);
    await c.press(KEYS.ctrlC);
    expect(footer(c)).toContain('再按一次 Ctrl+C 退出');
    await c.press('', CTRL_C_WINDOW_MS + 100);
    expect(footer(c)).not.toContain('再按一次');
    await c.press(KEYS.ctrlC);
    expect(footer(c)).toContain('再按一次 Ctrl+C 退出');
    expect(isDone()).toBe(false);
    expect(c.lastFrame()).toContain('合计 23 张');
  });
});

describe('help: `?` outside a text field, F1 everywhere', () => {
  it('F1 is read from the raw sequences terminals send', () => {
    const none = {} as Parameters<typeof fromInk>[1];
    for (const raw of ['\u001BOP', '\u001B[11~', '\u001B[[A', '\u001B[1;2P']) expect(fromInk('', none, raw)?.name, JSON.stringify(raw)).toBe('f1');
    expect(fromInk('', none, '\u001B[12~')).toBeUndefined(); // F2: not used
  });

  it('in 查卡’s field `?` is typed and F1 opens the help, which says what the screen is for and what Enter does', async () => {
    const c = demo.start();
    await login(c);
    await c.press('/');
    await c.waitFor((f) => f.includes('输入或扫描卡号后按 Enter'), 3000);
    expect(footer(c)).toContain('F1 帮助');
    expect(footer(c)).not.toContain('? 帮助');
    await c.press('A1?');
    expect(c.lastFrame()).toMatch(/卡号 A1\?/);
    expect(c.lastFrame()).not.toContain('帮助：查卡');
    await c.press(F1);
    const help = c.lastFrame();
    expect(help).toContain('帮助：查卡');
    expect(help).toContain(`用途：${screenHelp.lookup.purpose}`);
    expect(help).toContain(`提交：${screenHelp.lookup.submit}`);
    await c.press(F1);
    expect(c.lastFrame()).toMatch(/卡号 A1\?/); // the typing survived the help
    // Outside a field `?` opens help, as before.
    await c.press(KEYS.esc, 5);
    await c.waitFor((f) => f.includes('合计 23 张'), 3000);
    await c.press('?');
    expect(c.lastFrame()).toContain(`用途：${screenHelp.home.purpose}`);
  });
});
