import { describe, expect, it } from 'vitest';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';
import { useDemoConsole } from '../helpers/demo-console.tsx';
import { CTRL_C_WINDOW_MS } from '../../src/ui/shell/use-ctrl-c-quit.ts';

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

  // Two Ctrl+C in one read ("\x03\x03") reach the router as one string today: splitting a
  // read into keys is the router's (issue 16 item 1).
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
