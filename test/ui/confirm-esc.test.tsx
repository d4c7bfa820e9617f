import { describe, expect, it } from 'vitest';
import { KEYS } from '../helpers/render-console.tsx';
import { useDemoConsole } from '../helpers/demo-console.tsx';

const demo = useDemoConsole();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Esc on a confirmation is its safe answer', () => {
  it('Esc Esc on a half-filled 发卡 form: the first asks 放弃？, the second answers no and the typing stays', async () => {
    const c = demo.start();
    await c.press('liuyang\r');
    await c.press('579024\r');
    await c.waitFor((f) => f.includes('1-9'), 3000);
    await c.press('4');
    await c.waitFor((x) => x.includes('发卡：查找持卡人的卡'));
    await c.press('a10000037\r');
    await c.waitFor((x) => x.includes('发卡：卡 A10000037'));
    await c.press('4201');
    await c.press(KEYS.esc, 60);
    expect(c.lastFrame()).toContain('放弃填写的内容？');
    await c.press(KEYS.esc, 60);
    expect(c.lastFrame()).not.toContain('放弃填写的内容？');
    expect(c.lastFrame()).toMatch(/›持卡人证件号码 4201/);
    // Typed at speed (two reads a few ms apart): the same.
    c.stdin.write(KEYS.esc);
    await sleep(2);
    c.stdin.write(KEYS.esc);
    await c.press('', 80);
    expect(c.lastFrame()).toMatch(/›持卡人证件号码 4201/);
    expect(c.lastFrame()).not.toContain('放弃填写的内容？');
  });
});
