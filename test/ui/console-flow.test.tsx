import { describe, expect, it } from 'vitest';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';

const demo = useDemoConsole();
const start = () => demo.start();
const expectFits = (frame: string) => expect(fitsTerminal(frame)).toBe(true);

async function login(c: RenderedConsole, id: string, pin: string) {
  await c.press(`${id}\r`);
  await c.press(`${pin}\r`);
  return c.waitFor((f) => !f.includes('正在核对'), 3000);
}

describe('console: login → home → lookup', () => {
  it('shows the login screen with the demo accounts and the keys that work', () => {
    const c = start();
    const f = c.lastFrame();
    expect(f).toContain('操作员登录');
    expect(f).toContain('演示账号');
    expect(f).toMatch(/zhangwei\s+357902\s+张伟/);
    expect(f.split('\n').at(-1)).toMatch(/Enter 登录\s+Tab 切换输入框/);
    expectFits(f);
  });

  it('refuses a wrong PIN without a count of tries left (an unknown login has none) and never shows the PIN', async () => {
    const c = start();
    await login(c, 'liuyang', '000001');
    const f = await c.waitFor((x) => x.includes('工号或密码不正确'), 3000);
    expect(f).not.toContain('再输错');
    for (const frame of c.frames) expect(frame).not.toContain('000001');
    await login(c, 'liuyang', '579024'); // resets the failure count for the other tests
  });

  it('logs in, shows stock and alerts, opens help, 即时制卡, 设备 and the lookup', async () => {
    const c = start();
    const home = await login(c, 'zhangwei', '357902');
    expect(home).toContain('张伟（经办员）');
    expect(home).toContain('江岸社会保险管理处及下级 库存  合计 23 张');
    expect(home).toMatch(/在库\s+6/);
    expect(home).toContain('12 张卡应回收（逾期未领 6、睡眠卡 6）');
    expect(home.split('\n').at(-1)).toContain('1-9/0/-/= 进入');
    expectFits(home);

    await c.press('?');
    expect(c.lastFrame()).toMatch(/帮助[\s\S]*本页[\s\S]*导航[\s\S]*全局/);
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('合计 23 张');

    await c.press('4');
    expect(c.lastFrame()).toContain('发卡：查找持卡人的卡');
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('合计 23 张');

    // 即时制卡 at a counter without a desk printer says why it cannot be used.
    await c.press('8');
    let f = await c.waitFor((x) => x.includes('不能即时制卡'), 3000);
    expect(f).toContain('即时制卡：江岸社会保险管理处');
    expect(f).toContain('本网点没有配置制卡机');
    expectFits(f);
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('合计 23 张');

    await c.press('9');
    f = await c.waitFor((x) => x.includes('读卡器1'), 3000);
    expect(f).toContain('设备：江岸社会保险管理处');
    expectFits(f);
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('合计 23 张');

    await c.press('/');
    expect(c.lastFrame()).toContain('输入或扫描卡号后按 Enter');
    await c.press('a10000017\r'); // lower case, as a hand-typed number may come
    const card = c.lastFrame();
    expect(card).toContain('卡号 A10000017  成品卡  状态：在途');
    expect(card).toMatch(/持卡人：\S+\s+4201\*{10}[\dX]{4}/);
    expect(card).toContain('流转记录（共 6 条）');
    expect(card).toMatch(/›\s+\d+ \S+ \S+ 发出/); // the latest movement is selected: sent back up to the city
    expectFits(card);
    await c.press(KEYS.up);
    expect(c.lastFrame()).toMatch(/›\s+\d+ \S+ \S+ 回收/);

    await c.press('NOSUCH001\r');
    expect(c.lastFrame()).toContain('台账中没有卡号 NOSUCH001');

    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('合计 23 张');
  });

  it('a card scanned on the home screen opens its record; its digits are never menu keys', async () => {
    const c = start();
    await login(c, 'zhangwei', '357902');
    await c.press('A10000017\r');
    const f = await c.waitFor((x) => x.includes('卡号 A10000017'), 3000);
    expect(f).toContain('流转记录（共 6 条）');
    expect(f).not.toContain('入库登记');
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('合计 23 张');
  });

  it('q asks before quitting; n stays, y quits', async () => {
    const c = start();
    await login(c, 'zhangwei', '357902');
    await c.press('q');
    expect(c.lastFrame()).toContain('退出控制台？');
    await c.press('n');
    expect(c.lastFrame()).toContain('合计 23 张');
    const exited = c.waitUntilExit();
    await c.press('q');
    await c.press('y');
    await expect(exited).resolves.toBeUndefined();
  });

  it('type-ahead: login and PIN in one read log in, and the PIN never shows', async () => {
    const c = start();
    await c.press('zhangwei\r357902\r');
    const f = await c.waitFor((x) => x.includes('合计 23 张'), 3000);
    expect(f).toContain('张伟（经办员）');
    for (const frame of c.frames) expect(frame).not.toContain('357902\n');
    for (const frame of c.frames) expect(frame).not.toMatch(/工号 zhangwei357902/);
  });

  it('a scanner burst (number and Enter in one read) looks a card up', async () => {
    const c = start();
    await login(c, 'zhangwei', '357902');
    await c.press('/');
    await c.press('B20000006\r');
    expect(c.lastFrame()).toMatch(/卡号 B20000006\s+成品卡/);
  });
});
