/**
 * The ways back on the console's recall screen (逾期与回收 → 退回与销毁): the re-make list (HB
 * Art. 16), taking back old cards at the counter (GD Art. 32 一(一)), and the destruction
 * hand-over to the service bank, counted and approved (GD Art. 32 二; HB Art. 33).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';

const demo = useDemoConsole();
const RIGHT = '\u001B[C';
const CTRL_Z = '\u001a';
const footer = (f: string) => f.split('\n').at(-1) ?? '';
const stateOf = (cardNo: string) => (demo.ledger.sqlite.prepare('SELECT state FROM cards WHERE card_no = ?').get(cardNo) as { state: string } | undefined)?.state;

async function start(size: { columns?: number; rows?: number } = {}): Promise<RenderedConsole> {
  const c = demo.start({}, size);
  await c.press('zhangwei\r');
  await c.press('357902\r');
  await c.waitFor((f) => f.includes('合计'), 3000);
  await c.press('5');
  await c.waitFor((x) => x.includes('逾期与回收'));
  return c;
}

/** Tab from 应回收 (past 邮寄中) to the ways-back page `n` (1 重制清单, 2 收回旧卡, 3 销毁移交). */
async function toWays(c: RenderedConsole, n: number): Promise<string> {
  for (let i = 0; i < 4 + n; i++) await c.press(KEYS.tab);
  return c.waitFor((x) => x.includes('退回与销毁'));
}

describe('console: 退回与销毁 on the recall screen', () => {
  it('lists the defective card, takes back two old cards, hands them to the bank counted and approved', async () => {
    const c = await start();
    let f = await toWays(c, 1);
    expect(f).toMatch(/退回与销毁\s+\[重制清单 1\]\s+收回旧卡\s+销毁移交/);
    expect(f).toMatch(/›\s*A10000018\s+\S+\s+不合格/);
    expect(f).toMatch(/\d{4}\*{10}[\dX]{4}\s+登记 \d{4}-\d\d-\d\d/);
    expect(footer(f)).toMatch(/M 登记已申请重制\s+Tab 换页\s+↑↓ 选择/);
    // M records that the re-make was ordered (HB Art. 16): the list and the detail line say so.
    expect(f).toMatch(/›\s*A10000018\s.*未申请/);
    expect(f).toContain('按 M 登记已申请重制');
    await c.press('m');
    f = await c.waitFor((x) => x.includes('已登记卡 A10000018 的重新制卡申请'), 3000);
    expect(f).toMatch(/›\s*A10000018\s.*已申请/);
    expect(f).toMatch(/重制已申请 \d{4}-\d\d-\d\d \d\d:\d\d/);

    // 收回旧卡: the card number, the reason with ←→, the giver.
    await c.press(KEYS.tab);
    f = await c.waitFor((x) => x.includes('[收回旧卡]'));
    expect(f).toContain('换发回收旧卡');
    await c.press('A10000001\r');
    await c.press(RIGHT);
    expect(c.lastFrame()).toMatch(/›收回原因\s+‹ 注销回收 ›/);
    await c.press(KEYS.enter);
    await c.press('王小红\r');
    f = await c.waitFor((x) => x.includes('已收回旧卡'));
    expect(f).toContain('✓ 已收回旧卡 A10000001（注销回收），交回人 王小红，存放于“保险柜1”。');
    expect(stateOf('A10000001')).toBe('taken_back');
    // A card the ledger never had: recorded with its number.
    await c.press('Z99000009\r');
    await c.press(KEYS.enter);
    await c.press('路人甲\r');
    f = await c.waitFor((x) => x.includes('台账中原无此卡'));
    expect(stateOf('Z99000009')).toBe('taken_back');
    // A card in stock is refused by the state machine.
    await c.press('A10000019\r');
    await c.press(KEYS.enter);
    await c.press('某人\r');
    f = await c.waitFor((x) => x.includes('不能做'));
    expect(stateOf('A10000019')).toBe('in_stock');
    await c.press(KEYS.ctrlU);

    // 销毁移交: scan, count, the bank's receiver, reason, approver.
    await c.press(KEYS.tab);
    f = await c.waitFor((x) => x.includes('[销毁移交]'));
    await c.press('A10000001\r');
    await c.press('Z99000009\r');
    await c.press('A10000019\r');
    f = await c.waitFor((x) => x.includes('不能做'));
    expect(f).toContain('已扫 2 张：A10000001 Z99000009');
    // The defective card scanned by mistake, and taken off the list again.
    await c.press('A10000018\r');
    f = await c.waitFor((x) => x.includes('已扫 3 张'));
    expect(f).toContain('✓ A10000018（不合格）');
    await c.press(CTRL_Z);
    f = await c.waitFor((x) => x.includes('已撤销 A10000018'));
    expect(f).toContain('已扫 2 张');
    await c.press(KEYS.enter);
    await c.press('3\r');
    await c.press('银行孙丽\r');
    await c.press('换发、注销旧卡\r');
    await c.press('zhaomin\r');
    await c.press('468013\r');
    f = await c.waitFor((x) => x.includes('不符'));
    expect(f).toContain('清点数 3 张与所选卡数 2 张不符');
    expect(stateOf('A10000001')).toBe('taken_back');
    await c.press(KEYS.ctrlU);
    await c.press('2\r');
    await c.press('468013\r');
    f = await c.waitFor((x) => x.includes('已登记销毁移交'));
    expect(f).toMatch(/✓ 已登记销毁移交 XH-420102-01-\d{8}-01：2 张，复核 赵敏，银行接收人 银行孙丽/);
    const sheet = /移交单已存：(exports\/\S+\.txt)/.exec(f)?.[1];
    expect(sheet).toBeTruthy();
    expect(stateOf('A10000001')).toBe('destroyed');
    expect(stateOf('Z99000009')).toBe('destroyed');
    const path = join(dirname(demo.ledger.path), sheet!);
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('社会保障卡销毁移交单');
    const v = verifyLedger(demo.ledger);
    expect(v.problems).toEqual([]);
    for (const frame of c.frames) expect(fitsTerminal(frame), frame).toBe(true);
  });

  it('asks before dropping a form with something in it; fits 60×16', async () => {
    const c = await start({ columns: 60, rows: 16 });
    let f = await toWays(c, 2);
    expect(f).toContain('[收回旧卡]');
    await c.press('A10000003');
    await c.press(KEYS.esc, 5);
    f = await c.waitFor((x) => x.includes('放弃填写的内容？'));
    await c.press('n');
    f = c.lastFrame();
    expect(f).not.toContain('放弃填写的内容？');
    expect(f).toContain('A10000003');
    await c.press(KEYS.tab);
    f = await c.waitFor((x) => x.includes('[销毁移交]'));
    await c.press(KEYS.tab);
    f = await c.waitFor((x) => x.includes('[应回收'));
    for (const frame of c.frames) expect(fitsTerminal(frame, 60, 16), frame).toBe(true);
    // Round again to 收回旧卡: what was typed there is still there.
    for (let i = 0; i < 6; i++) await c.press(KEYS.tab);
    f = await c.waitFor((x) => x.includes('[收回旧卡]'));
    expect(f).toContain('A10000003');
    await c.press(KEYS.esc, 5);
    await c.waitFor((x) => x.includes('放弃填写的内容？'));
    await c.press('y');
    await c.waitFor((x) => x.includes('合计'));
  });
});
