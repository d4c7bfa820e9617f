import { describe, expect, it } from 'vitest';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';
import { useDemoConsole } from '../helpers/demo-console.tsx';
import { contextFor } from '../../src/ui/shell/use-screen-context.ts';

const demo = useDemoConsole();

async function login(c: RenderedConsole) {
  await c.press('zhangwei\r');
  await c.press('357902\r');
  return c.waitFor((f) => f.includes('合计 23 张'), 3000);
}
const footer = (c: RenderedConsole) => c.lastFrame().split('\n').at(-1) ?? '';

describe('the footer follows the screen on top', () => {
  it('查卡 opened after 发运与签收 shows the lookup keys, not the shipments list’s', async () => {
    const c = demo.start();
    await login(c);
    await c.press('3');
    await c.waitFor((f) => f.includes('待签收'), 3000);
    await c.press(KEYS.tab); // to 本网点发出: a context the shipments screen reports
    await c.waitFor((f) => (f.split('\n').at(-1) ?? '').includes('保存交接单'), 3000);
    await c.press(KEYS.esc, 5);
    await c.waitFor((f) => f.includes('合计 23 张'), 3000);
    await c.press('/');
    await c.waitFor((f) => f.includes('输入或扫描卡号后按 Enter'), 3000);
    expect(footer(c)).toContain('Enter 查询');
    expect(footer(c)).not.toMatch(/交接单|新建发运|待签收/);
    // And 3 again starts on its first list, not on the tab the last visit left.
    await c.press(KEYS.esc, 5);
    await c.press('3');
    await c.waitFor((f) => f.includes('待签收'), 3000);
    expect(footer(c)).toContain('Enter 签收此单');
  });


  it('takes a report only from the screen and depth that made it, and only a context that screen has', () => {
    const shipments = { id: 'shipments', tab: 'inbound' } as const;
    expect(contextFor({ id: 'lookup' }, 2, { depth: 2, id: 'shipments', context: 'shipments-out' })).toBe('lookup');
    expect(contextFor(shipments, 2, { depth: 2, id: 'shipments', context: 'shipments-out' })).toBe('shipments-out');
    expect(contextFor(shipments, 3, { depth: 2, id: 'shipments', context: 'shipments-out' })).toBe('shipments-in');
    expect(contextFor(shipments, 2, { depth: 2, id: 'shipments', context: 'lookup' })).toBe('shipments-in');
    // The yes/no question is every screen's.
    expect(contextFor({ id: 'hopper-load' }, 3, { depth: 3, id: 'hopper-load', context: 'confirm' })).toBe('confirm');
  });
});
