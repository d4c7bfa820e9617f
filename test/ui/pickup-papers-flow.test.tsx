/**
 * The new-pickup screen with the unit's paperwork (issue 19 item 6; GD Art. 15, Annex 4) at
 * 80×24: the letter's period refused when expired, corrected on the details, the pickup
 * recorded, then P saves the printable list (批量领取清单) under exports/ — phone and IDs masked.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportsDir } from '../../src/workflows/shipment-export.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { pickupSheet } from '../../src/workflows/pickup-sheet.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS } from '../helpers/render-console.tsx';

const demo = useDemoConsole();
const AGENT_ID = '11010519491231002X';
const PHONE = '13912345678';
const chinaDate = (offsetDays: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offsetDays * 86_400_000));

describe('console: a new collective pickup with the unit paperwork', () => {
  it('refuses an expired authorisation, records the corrected one and saves the list with P', async () => {
    const c = demo.start();
    await c.press('zhangwei\r');
    await c.press('357902\r');
    await c.waitFor((f) => f.includes('合计'), 3000);
    await c.press('5');
    await c.waitFor((x) => x.includes('逾期与回收'));
    await c.press(KEYS.tab);
    await c.press(KEYS.tab);
    await c.waitFor((x) => x.includes('N 新建集体代领'));
    await c.press('N');
    let f = await c.waitFor((x) => x.includes('新建集体代领'));
    // The nine fields fit 80×24 with the title and intro.
    for (const label of ['单位名称', '授权书编号', '单位编号', '单位联系人', '联系电话', '授权期限起', '授权期限止']) expect(f).toContain(label);
    await c.press(`武汉测试有限公司\r王五\r${AGENT_ID}\r`);
    await c.waitFor((x) => /›授权书编号/.test(x));
    await c.press('SQ-2026-09');
    await c.press(KEYS.down);
    await c.waitFor((x) => /›单位编号/.test(x));
    await c.press('U9\r');
    await c.waitFor((x) => /›单位联系人/.test(x));
    await c.press(`王芳\r${PHONE}\r${chinaDate(-30)}\r${chinaDate(-1)}\r`);
    f = await c.waitFor((x) => x.includes('›扫描'));
    await c.press('A10000021\r');
    await c.waitFor((x) => x.includes('共 1 张'));
    await c.press(KEYS.enter);
    await c.waitFor((x) => x.includes('确认集体代领？'));
    await c.press('y');
    f = await c.waitFor((x) => x.includes('已过授权期限'));
    expect(lookupCard(demo.ledger, 'A10000021').state).toBe('in_stock');

    // Back to the details: the last date corrected, Enter goes on to the cards kept in the list.
    await c.press(KEYS.esc);
    f = await c.waitFor((x) => x.includes('单位联系人') && !x.includes('›扫描'));
    await c.press(KEYS.up);
    await c.press(KEYS.down);
    await c.waitFor((x) => /›授权期限止/.test(x));
    await c.press(KEYS.ctrlU);
    await c.press(`${chinaDate(30)}\r`);
    f = await c.waitFor((x) => x.includes('›扫描'));
    expect(f).toContain('共 1 张');
    await c.press(KEYS.enter);
    await c.waitFor((x) => x.includes('确认集体代领？'));
    await c.press('y');
    f = await c.waitFor((x) => x.includes('已登记集体代领'));
    const ref = /(DL-420102-01-\d{8}-\d{2})/.exec(f)![1]!;
    expect(f).toContain('按 P 保存批量领取清单');
    expect(f.split('\n').at(-1)).toMatch(/P 保存批量领取清单/);
    await c.press('p');
    f = await c.waitFor((x) => x.includes('批量领取清单已保存'));
    const name = readdirSync(exportsDir(demo.ledger)).find((n) => n.includes(ref))!;
    expect(name).toBe(`批量领取清单-${ref}.txt`);
    const sheet = readFileSync(join(exportsDir(demo.ledger), name), 'utf8');
    expect(sheet).toMatch(/领取单位：\s*U9 武汉测试有限公司/);
    expect(sheet).toContain('A10000021');
    expect(sheet).toContain('领取单位经办人（签字）');
    expect(sheet).not.toContain(PHONE);
    expect(sheet).not.toMatch(/\d{17}[\dX]/);
    expect(lookupCard(demo.ledger, 'A10000021').state).toBe('agent_held');

    // The signed list back: U marks the card as signed by the unit for its holder.
    await c.press(KEYS.esc);
    f = await c.waitFor((x) => x.includes('[集体代领 2]'));
    await c.press(KEYS.down);
    f = await c.waitFor((x) => new RegExp(`›\\s+${ref}`).test(x));
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes(`结清集体代领 ${ref}`));
    expect(f).toContain('U 单位代签');
    await c.press('u');
    f = await c.waitFor((x) => /单位代签\s+A10000021/.test(x));
    await c.press(KEYS.enter);
    await c.waitFor((x) => x.includes('确认登记？'));
    await c.press('y');
    f = await c.waitFor((x) => x.includes('已登记：'));
    expect(f).toContain('✓ 已登记：转交本人 1 张，退回入库 0 张。');
    expect(lookupCard(demo.ledger, 'A10000021').state).toBe('issued');
    const after = pickupSheet(demo.ledger, authenticate(demo.ledger, 'zhangwei', '357902'), ref);
    expect(after.cards.map((x) => [x.cardNo, x.outcome])).toEqual([['A10000021', 'unit_signed']]);
    for (const frame of c.frames) expect(fitsTerminal(frame), frame).toBe(true);
    expect(verifyLedger(demo.ledger).ok).toBe(true);
  });
});
