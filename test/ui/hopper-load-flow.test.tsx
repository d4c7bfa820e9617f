/**
 * 装入卡盒 from the 即时制卡 page, on the demo ledger with the simulated desk printer: 孙丽's ICBC
 * branch has one printer whose hopper 制卡机1-卡盒1 holds 4 ICBC blanks, and more ICBC blanks
 * are in the safe. The tests share the ledger in order: load two, then unload the hopper.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { type Actor } from '../../src/domain/actor.ts';
import { siteDevicesCache } from '../../src/workflows/site-devices-cache.ts';
import { checkSameKind, loadableBlank } from '../../src/workflows/hopper-loading.ts';
import { chipOfBlank } from '../../src/workflows/site-devices.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { isSbkError } from '../../src/domain/errors.ts';
import { onHandPrefab } from '../../db/stock-count-repo.ts';
import { hopperQueue } from '../../db/instant-jobs-repo.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { footerText } from '../../src/ui/components/footer.tsx';
import { helpLines } from '../../src/ui/components/help-overlay.tsx';
import { displayWidth } from '../../src/text/display-width.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';

const demo = useDemoConsole();
const CTRL_S = '\u0013';
const CTRL_Z = '\u001a';
const LEFT = '\u001B[D';
const RIGHT = '\u001B[C';
const ICBC = '中国工商银行';
const HOPPER = '制卡机1-卡盒1';
const footer = (f: string) => f.split('\n').at(-1) ?? '';

let cache: ReturnType<typeof siteDevicesCache> | null = null;
afterEach(async () => {
  await cache?.closeAll();
  cache = null;
});

function sunli(): Actor {
  return authenticate(demo.ledger, 'sunli', '680135');
}

/** The console with a device cache the test can also reach (the simulated printer's hoppers). */
async function start(): Promise<{ c: RenderedConsole; open: () => ReturnType<ReturnType<typeof siteDevicesCache>['open']> }> {
  cache = siteDevicesCache(demo.ledger);
  const actor = sunli();
  const site = { id: actor.siteId, code: actor.siteCode };
  const c = demo.start({ devicesFor: cache.open });
  await c.press('sunli\r');
  await c.press('680135\r');
  await c.waitFor((f) => f.includes('合计'), 3000);
  const own = cache;
  return { c, open: () => own.open(site) };
}

/** The blanks the ledger has in the demo hopper, in feed order. */
function queue(actor: Actor) {
  const place = placesAt(demo.ledger.db, actor.siteId).find((p) => p.kind === 'hopper' && p.name === HOPPER)!;
  return hopperQueue(demo.ledger.db, place.id);
}

function expectAllFit(c: RenderedConsole) {
  for (const f of c.frames) expect(fitsTerminal(f), f).toBe(true);
}

describe('console: loading a printer hopper (装入卡盒)', () => {
  it('L typed into a field that already has text stays text', async () => {
    const { c } = await start();
    await c.press('8');
    let f = await c.waitFor((x) => x.includes('服务银行'), 3000);
    expect(f).toContain('尚未填写申请人时按 Shift+L 装入卡盒');
    await c.press('王');
    await c.press('L');
    f = c.lastFrame();
    expect(f).toMatch(/›姓名\s+王L/);
    expect(f).not.toContain('选择卡盒');
    expectAllFit(c);
  });

  it('scans two blanks in order, refuses a bad number and a duplicate, records them in the ledger and the printer', async () => {
    const actor = sunli();
    const before = queue(actor).map((q) => q.cardNo);
    expect(before).toHaveLength(4);
    const safe = onHandPrefab(demo.ledger.db, actor.siteId, ICBC)
      .filter((x) => x.state === 'in_stock')
      .map((x) => x.cardNo);
    // Not the first two: the order scanned, not the order in the box, is what counts.
    const [b1, b2] = [safe[3]!, safe[1]!];

    const { c, open } = await start();
    await c.press('8');
    let f = await c.waitFor((x) => x.includes('服务银行'), 3000);
    expect(f).toMatch(/余 4 张/);
    await c.press('L');
    f = await c.waitFor((x) => x.includes('选择卡盒'), 3000);
    expect(f).toContain('装入卡盒：工商银行武汉江岸支行（演示）');
    expect(f).toMatch(/› 制卡机1-卡盒1（制卡机1 卡盒1）\s+中国工商银行（东信和平） {2}余 4 张/);
    expect(footer(f)).toMatch(/^Enter 开始扫描装盒\s+U 卸下卡盒\s+←→\/↑↓ 选择卡盒\s+\? 帮助\s+Esc 返回/);

    // The first scan (one read, no field focused) picks the hopper and is 第 1 张.
    await c.press(`${b1}\r`);
    f = await c.waitFor((x) => x.includes('第 1 张'), 3000);
    expect(f).toContain('装入 制卡机1-卡盒1  中国工商银行（东信和平）  余 4 张');
    expect(f).toContain(`✓ 第 1 张 ${b1}`);
    expect(f).toContain('已扫描 1 张（排在卡盒中原有 4 张之后）');
    expect(footer(f)).toMatch(/^Enter 加入此卡\s+Ctrl\+Z 撤销\s+Ctrl\+S 按此顺序登记装盒\s+Esc 返回选择卡盒/);

    // Refused at once, not added: a number not at this site, a blank already in the hopper, a duplicate.
    await c.press('Y99999999\r');
    f = await c.waitFor((x) => x.includes('Y99999999。'), 3000);
    expect(f).toContain('✗ 本网点没有卡号 Y99999999。');
    await c.press(`${before[0]}\r`);
    f = await c.waitFor((x) => x.includes(`卡 ${before[0]} 是`), 3000);
    expect(f).toContain('不能装入卡盒');
    await c.press(`${b1}\r`);
    f = await c.waitFor((x) => x.includes('已是第 1 张'), 3000);
    expect(f).toContain(`✗ ${b1} 已是第 1 张，没有重复加入。`);
    expect(f).toContain('已扫描 1 张');
    expect(f).not.toContain('第 2 张');

    // Typed by hand in lower case, with a stray space: 第 2 张. Ctrl+Z takes it off; scanned again.
    await c.press(`${b2.toLowerCase().slice(0, 4)} ${b2.slice(4)}\r`);
    f = await c.waitFor((x) => x.includes(`第 2 张  ${b2}`), 3000);
    await c.press(CTRL_Z);
    f = await c.waitFor((x) => x.includes(`已撤销：第 2 张 ${b2}`), 3000);
    expect(f).not.toContain(`第 2 张  ${b2}`);
    await c.press(`${b2}\r`);
    f = await c.waitFor((x) => x.includes(`第 2 张  ${b2}`), 3000);
    expect(f).toMatch(new RegExp(`第 1 张 {2}${b1}\\s+第 2 张 {2}${b2}`));
    expect(queue(actor)).toHaveLength(4); // nothing written while scanning

    await c.press(CTRL_S);
    f = await c.waitFor((x) => x.includes('已按扫描顺序'), 3000);
    expect(f).toContain(`已按扫描顺序把 2 张装入卡盒 ${HOPPER}：请按同样顺序放入，第一张在进卡口一侧`);
    expect(f).toContain('卡盒中原有的 4 张先进卡，新装的放在它们后面。');
    expect(footer(f)).toMatch(/^Enter\/Esc 返回即时制卡/);

    // The ledger: both loaded, behind the four, in the order scanned.
    const after = queue(actor);
    expect(after.map((q) => q.cardNo)).toEqual([...before, b1, b2]);
    expect(lookupCard(demo.ledger, b1).state).toBe('loaded');
    expect(lookupCard(demo.ledger, b2).state).toBe('loaded');
    // The simulated printer's hopper: the same six chips, the new ones last, in that order.
    const sim = (await open()).printers[0]!.simulator!;
    const contents = sim.hopperContents(1);
    expect(contents).toHaveLength(6);
    expect(contents.slice(-2)).toEqual(after.slice(-2).map((q) => chipOfBlank(q, actor.siteCode)));
    expect(contents.map((x) => x.cardIdCode)).toEqual(after.map((q) => q.cardIdCode));
    expect(verifyLedger(demo.ledger).ok).toBe(true);

    // Back to 即时制卡: the station shows the new count.
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('服务银行'), 3000);
    expect(f).toMatch(/服务银行\s+\[中国工商银行 {2}制卡机1-卡盒1 {2}余 6 张\]/);
    expectAllFit(c);
  });

  it('Esc with cards scanned asks first; Y drops them and nothing is recorded', async () => {
    const actor = sunli();
    const before = queue(actor).map((q) => q.cardNo);
    const spare = onHandPrefab(demo.ledger.db, actor.siteId, ICBC).find((x) => x.state === 'in_stock')!.cardNo;
    const { c } = await start();
    await c.press('8');
    await c.waitFor((x) => x.includes('服务银行'), 3000);
    await c.press('L');
    await c.waitFor((x) => x.includes('选择卡盒'), 3000);
    // Enter starts with an empty list; Esc on it goes straight back to the hoppers.
    await c.press(KEYS.enter);
    let f = await c.waitFor((x) => x.includes('扫描卡号'), 3000);
    await c.press(KEYS.esc, 20);
    f = await c.waitFor((x) => x.includes('选择卡盒'), 3000);
    await c.press(KEYS.enter);
    await c.waitFor((x) => x.includes('扫描卡号'), 3000);
    await c.press(`${spare}\r`);
    await c.waitFor((x) => x.includes('第 1 张'), 3000);
    await c.press(KEYS.esc, 20);
    f = await c.waitFor((x) => x.includes('放弃已扫描的 1 张？'), 3000);
    expect(footer(f)).toMatch(/^Y\/Enter 确认\s+N\/Esc 取消/);
    await c.press('n');
    f = await c.waitFor((x) => x.includes('扫描卡号') && !x.includes('放弃'), 3000);
    expect(f).toContain(`第 1 张  ${spare}`);
    await c.press(KEYS.esc, 20);
    await c.waitFor((x) => x.includes('放弃已扫描'), 3000);
    await c.press('y');
    f = await c.waitFor((x) => x.includes('选择卡盒'), 3000);
    expect(queue(actor).map((q) => q.cardNo)).toEqual(before);
    expect(lookupCard(demo.ledger, spare).state).toBe('in_stock');
    // Esc from the hoppers: back to 即时制卡.
    await c.press(KEYS.esc, 20);
    await c.waitFor((x) => x.includes('服务银行'), 3000);
    expectAllFit(c);
  });

  it('U unloads the hopper into a storage place chosen with ←→, after Y; the ledger and the printer are empty', async () => {
    const actor = sunli();
    const n = queue(actor).length;
    expect(n).toBe(6);
    const { c, open } = await start();
    await c.press('8');
    await c.waitFor((x) => x.includes('服务银行'), 3000);
    await c.press('L');
    await c.waitFor((x) => x.includes('选择卡盒'), 3000);
    await c.press('u');
    let f = await c.waitFor((x) => x.includes('张预制卡？'), 3000);
    expect(f).toContain(`卸下卡盒 ${HOPPER} 中的全部 6 张预制卡？`);
    // The place keeping most of the blanks is offered first.
    expect(f).toContain('放回保管地点：‹ 预制卡保险柜 ›（←→ 换地点 2/2）');
    expect(footer(f)).toMatch(/^Y\/Enter 确认卸下\s+N\/Esc 取消\s+←→ 换保管地点/);
    await c.press(RIGHT);
    f = await c.waitFor((x) => x.includes('‹ 保险柜1 ›'), 3000);
    // N: nothing happens.
    await c.press('n');
    f = await c.waitFor((x) => !x.includes('张预制卡？') && x.includes('选择卡盒'), 3000);
    expect(queue(actor)).toHaveLength(6);
    // A stray scan does not confirm.
    await c.press('u');
    await c.waitFor((x) => x.includes('张预制卡？'), 3000);
    await c.press('Y10000011\r');
    expect(c.lastFrame()).toContain('张预制卡？');
    expect(queue(actor)).toHaveLength(6);
    await c.press(LEFT);
    await c.press(LEFT);
    f = await c.waitFor((x) => x.includes('‹ 预制卡保险柜 ›'), 3000);
    await c.press('y');
    f = await c.waitFor((x) => x.includes('已把卡盒'), 3000);
    expect(f).toContain(`✓ 已把卡盒 ${HOPPER} 中的 6 张预制卡卸下，放回预制卡保险柜。`);
    expect(f).toMatch(/› 制卡机1-卡盒1（制卡机1 卡盒1）\s+空（台账记载没有卡）/);
    expect(queue(actor)).toEqual([]);
    expect((await open()).printers[0]!.simulator!.hopperContents(1)).toEqual([]);
    expect(verifyLedger(demo.ledger).ok).toBe(true);

    // U again: nothing to unload.
    await c.press('u');
    f = await c.waitFor((x) => x.includes('不需要卸下'), 3000);

    // 即时制卡 now has no blanks: L from there opens 装入卡盒 again.
    await c.press(KEYS.esc, 20);
    f = await c.waitFor((x) => x.includes('卡盒里没有预制卡'), 3000);
    expect(f).toContain('请按 L 扫描登记装盒');
    expect(footer(f)).toMatch(/^G 重新检查设备\s+L 装入卡盒/);
    await c.press('l');
    f = await c.waitFor((x) => x.includes('选择卡盒'), 3000);
    expect(f).toMatch(/空（台账记载没有卡）/);
    expectAllFit(c);
  });

  it('refuses a blank of another bank or maker than the hopper holds or the first card', () => {
    const actor = sunli();
    const safe = onHandPrefab(demo.ledger.db, actor.siteId, ICBC).find((x) => x.state === 'in_stock')!;
    const blank = loadableBlank(demo.ledger, actor, ` ${safe.cardNo.toLowerCase()} `);
    expect(blank).toEqual({ cardNo: safe.cardNo, bank: ICBC, maker: '东信和平' });
    expect(() => checkSameKind(blank, null)).not.toThrow();
    expect(() => checkSameKind(blank, { bank: ICBC, maker: '东信和平' })).not.toThrow();
    const codeOf = (f: () => void): string => {
      try {
        f();
        return '';
      } catch (e) {
        return isSbkError(e) ? e.code : String(e);
      }
    };
    expect(codeOf(() => checkSameKind(blank, { bank: ICBC, maker: '金邦达' }))).toBe('HOPPER_MIXED');
    expect(codeOf(() => checkSameKind(blank, { bank: '中国建设银行', maker: '东信和平' }))).toBe('HOPPER_MIXED');
    expect(codeOf(() => loadableBlank(demo.ledger, actor, 'Y99999999'))).toBe('CARD_NOT_HERE');
    expect(codeOf(() => loadableBlank(demo.ledger, actor, 'Y20000001'))).toBe('CARD_NOT_HERE'); // another site's
    expect(codeOf(() => loadableBlank(demo.ledger, actor, 'Y10000001'))).toBe('CARD_NOT_LOADABLE'); // consumed
  });

  it('every key context of 装入卡盒 has a footer of exactly 80 columns and a help page that fits 80×21', () => {
    for (const context of ['instant-no-blanks', 'instant-form', 'instant-form-edit', 'hopper-load', 'hopper-load-off', 'hopper-load-scan', 'hopper-load-unload', 'hopper-load-done'] as const) {
      expect(displayWidth(footerText(context, 80)), context).toBe(80);
      const help = helpLines(context, 80, 21);
      expect(help).toHaveLength(21);
      for (const l of help) expect(displayWidth(l)).toBe(80);
      expect(help.join('\n'), context).not.toContain('…');
    }
    expect(helpLines('instant-form-edit', 80, 21).join('\n')).toMatch(/L\s+装入卡盒/);
    // In the scan field the printable keys are the field's: the footer leaves them out.
    expect(footerText('hopper-load-scan', 80, [], true).trimEnd()).toBe('Enter 加入此卡  Ctrl+Z 撤销  Ctrl+S 按此顺序登记装盒  Esc 返回选择卡盒  F1 帮助');
  });
});
