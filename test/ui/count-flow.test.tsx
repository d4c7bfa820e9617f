import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { type Actor } from '../../src/domain/actor.ts';
import { addOperator } from '../../src/workflows/operators.ts';
import { prefabStock } from '../../src/workflows/prefab-stock.ts';
import { countView, reconciliationReport } from '../../src/workflows/stock-count.ts';
import { openDiscrepancies } from '../../src/workflows/check-in.ts';
import { exportsDir } from '../../src/workflows/shipment-export.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { addCalendarDays, todayInChina } from '../../src/domain/calendar.ts';
import { onHandPrefab } from '../../db/stock-count-repo.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { footerText } from '../../src/ui/components/footer.tsx';
import { helpLines } from '../../src/ui/components/help-overlay.tsx';
import { displayWidth } from '../../src/text/display-width.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';

/**
 * 预制卡盘点 on the demo ledger. ICBC branch 420102-B01: clerk sunli holds prefab batch
 * YZ-ICBC-2026-11 in boxes and a printer hopper; CCB branch 420102-B02: clerk zhoujie; the city's
 * supervisor lijuan is over both branches, 江岸's zhaomin is not. The tests run in order on one
 * ledger: (a) a clean count, (b) one with differences, (c) a count resumed after a lost link,
 * (d) the report, (e) layout and help.
 */
const demo = useDemoConsole();
const CTRL_S = '\u0013';
const CTRL_A = '\u0001';
const CTRL_Z = '\u001a';
const BACKTAB = '\u001B[Z';
const PINS = { sunli: '680135', zhoujie: '791246', lijuan: '246801', zhaomin: '468013', admin: '135790', wangfang: '246135' } as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const me = (login: keyof typeof PINS): Actor => authenticate(demo.ledger, login, PINS[login]);

type Stock = { boxes: { label: string; key: string; n: number }[]; hopper: { name: string; n: number }; total: number };

/** What the ledger has at sunli's branch, read through the prefab workflow (never hard-coded). */
function stockOf(actor: Actor): Stock {
  const rows = prefabStock(demo.ledger, actor);
  const boxes = rows.flatMap((r) => {
    const m = /^箱 (\S+)（/.exec(r.where);
    return m ? [{ label: m[1]!, key: `${r.batch}/${m[1]!}`, n: r.inStock }] : [];
  });
  const hoppers = rows.flatMap((r) => {
    const m = /^卡盒 (.+)$/.exec(r.where);
    return m ? [{ name: m[1]!, n: r.loaded }] : [];
  });
  expect(hoppers).toHaveLength(1);
  return { boxes, hopper: hoppers[0]!, total: rows.reduce((a, r) => a + r.inStock + r.loaded, 0) };
}

/** The blanks in stock in one box at the actor's site, in box order. */
function cardsInBox(actor: Actor, label: string): string[] {
  return onHandPrefab(demo.ledger.db, actor.siteId, null)
    .filter((c) => c.box === label && c.state === 'in_stock')
    .map((c) => c.cardNo);
}

async function start(login: keyof typeof PINS): Promise<RenderedConsole> {
  const c = demo.start();
  await c.press(`${login}\r`);
  await c.press(`${PINS[login]}\r`);
  await c.waitFor((f) => f.includes('合计'), 3000);
  return c;
}

async function openCountPage(c: RenderedConsole): Promise<string> {
  await c.press('6');
  return c.waitFor((f) => f.includes('预制卡盘点  工商银行'));
}

/** N, then Enter on 全部银行: the new count's id from the counting screen's title. */
async function newCount(c: RenderedConsole): Promise<number> {
  await c.press('N');
  await c.waitFor((f) => f.includes('[全部银行]'));
  await c.press(KEYS.enter);
  const f = await c.waitFor((x) => /盘点 \d+  全部银行/.test(x));
  return Number(/盘点 (\d+)  全部银行/.exec(f)![1]);
}

/** Types `text` then Enter, and waits until the scan is on record. */
async function enter(c: RenderedConsole, text: string, until: (f: string) => boolean) {
  await c.press(`${text}\r`);
  return c.waitFor(until, 3000);
}

function expectAllFit(c: RenderedConsole) {
  for (const f of c.frames) expect(fitsTerminal(f), f).toBe(true);
}

/** Frames from `from` to `to` (exclusive), without the header row and the footer. */
const bodies = (c: RenderedConsole, from: number, to = c.frames.length) => c.frames.slice(from, to).map((f) => f.split('\n').slice(1, -1).join('\n'));

describe('console: the daily prefab count (预制卡盘点)', () => {
  it('(a) sunli counts every box and the hopper blind, submits a clean count, a colleague confirms it', async () => {
    const admin = me('admin');
    addOperator(demo.ledger, admin, { login: 'wangfang', name: '王芳', role: 'clerk', siteCode: '420102-B01', pin: PINS.wangfang });
    const sunli = me('sunli');
    const stock = stockOf(sunli);
    expect(stock.boxes.length).toBeGreaterThanOrEqual(2);

    const c = await start('sunli');
    const opened = c.frames.length;
    let f = await openCountPage(c);
    expect(f).toMatch(/420102-B01\s+工商银行武汉江岸支行（演示）\s+⚠ 未盘点/);
    expect(f).toMatch(/中国工商银行\s+东信和平/);
    expect(f.split('\n').at(-1)).toMatch(/N 开始盘点\s+R 盘点对账表/);
    // Names only: no box, no figure of what is on hand.
    expect(f).not.toContain('YZ-ICBC-2026-11/');
    expect(f).not.toMatch(new RegExp(`\\b${stock.total}\\b`));

    const id = await newCount(c);
    f = c.lastFrame();
    expect(f).toContain('已点 0 张    已记录 0 条扫描');
    expect(f.split('\n').at(-1)).toMatch(/Enter 记录扫描\s+H 点卡盒\s+Ctrl\+Z 撤销\s+Ctrl\+S 提交盘点\s+Esc 返回/);

    // Each box: its label, then (on the prompt) the number counted. Until that number is typed,
    // no frame shows the box's size beside its label.
    const before: number[] = [];
    let scans = 0;
    let counted = 0;
    for (const [i, b] of stock.boxes.entries()) {
      // The first by 批次/箱号, the others by the bare label.
      await c.press(`${i === 0 ? b.key : b.label}\r`);
      await c.waitFor((x) => x.includes(`›箱 ${b.key} 实点张数`));
      before.push(c.frames.length);
      counted += b.n;
      f = await enter(c, String(b.n), (x) => x.includes(`已记录 ${++scans} 条扫描`));
      expect(f).toContain(`✓ 已记录：箱 ${b.key} 实点 ${b.n} 张`);
      expect(f).toMatch(new RegExp(`箱 ${escape(b.key)}\\s+${b.n}\\b`)); // what the operator counted
      expect(f).toContain(`已点 ${counted} 张`);
    }
    await c.press('H'); // the branch has one hopper: straight to its count
    await c.waitFor((x) => x.includes(`›卡盒 ${stock.hopper.name} 内张数`));
    const beforeHopper = c.frames.length;
    f = await enter(c, String(stock.hopper.n), (x) => x.includes(`已记录 ${++scans} 条扫描`));
    expect(f).toContain(`已点 ${stock.total} 张`);
    expect(f).toMatch(new RegExp(`卡盒 ${escape(stock.hopper.name)}\\s+${stock.hopper.n}\\b`));

    // Blind until Ctrl+S: nothing expected anywhere, no box's size beside its label before it was typed.
    for (const b of bodies(c, opened)) expect(b).not.toMatch(/应有|期末|缺少|多出/);
    stock.boxes.forEach((b, i) => {
      for (const body of bodies(c, opened, before[i])) {
        expect(body).not.toMatch(new RegExp(`${escape(b.key)}\\s+${b.n}\\b`));
        expect(body).not.toMatch(new RegExp(`(^|\\s)${escape(b.label)}\\s+${b.n}\\b`, 'm'));
      }
    });
    for (const body of bodies(c, opened, beforeHopper)) expect(body).not.toMatch(new RegExp(`${escape(stock.hopper.name)}\\s+${stock.hopper.n}\\b`));

    await c.press(CTRL_S);
    f = await c.waitFor((x) => x.includes('提交盘点？'));
    expect(f).toContain(`已记录 ${scans} 条扫描，已点 ${stock.total} 张`);
    await c.press('y');
    f = await c.waitFor((x) => x.includes('账实相符'));
    expect(f).toContain(`盘点 ${id} 已提交：账实相符，没有差异。`);
    expect(f).toMatch(new RegExp(`工商银行  期初 0 \\+ 入库 50 - 使用 \\d+ - 作废 1 - 调出 0 = 期末 ${stock.total}`));
    expect(f).toContain(`实点 ${stock.total} = 期末 ${stock.total} - 缺少 0 + 多出 0    差异 0`);
    for (const b of stock.boxes) expect(f).toMatch(new RegExp(`箱 ${escape(b.key)}\\s+${b.n}\\s+${b.n}\\s+0`));
    expect(f).toMatch(new RegExp(`卡盒 ${escape(stock.hopper.name)}\\s+${stock.hopper.n}\\s+${stock.hopper.n}\\s+0`));
    expect(f).toMatch(/›确认人工号/);
    expect(f.split('\n').at(-1)).toMatch(/Enter 下一项（填齐后结束盘点）\s+Tab 切换输入项/);

    // The counter herself is refused; the PIN is never kept.
    await c.press('sunli\r');
    await c.waitFor((x) => /›确认人密码/.test(x));
    await c.press(`${PINS.sunli}\r`);
    f = await c.waitFor((x) => x.includes('复核人不能是盘点人本人'), 3000);
    expect(f).toMatch(/›确认人工号\s+sunli/);
    expect(countView(demo.ledger, sunli, id).status).toBe('submitted');
    for (let i = 0; i < 'sunli'.length; i++) await c.press(KEYS.backspace);
    await c.press('wangfang\r');
    await c.waitFor((x) => /›确认人密码/.test(x));
    await c.press(`${PINS.wangfang}\r`);
    f = await c.waitFor((x) => x.includes('已结束'), 3000);
    expect(f).toContain(`✓ 盘点 ${id} 已结束：账实相符（确认：王芳）。`);
    for (const frame of c.frames) expect(frame).not.toContain(PINS.wangfang);
    expect(countView(demo.ledger, sunli, id)).toMatchObject({ status: 'closed', variances: [] });

    await c.press(KEYS.esc, 5);
    f = await c.waitFor((x) => x.includes('预制卡盘点  工商银行'));
    expect(f).toMatch(new RegExp(`420102-B01\\s+工商银行武汉江岸支行（演示）\\s+已结束（编号 ${id}）`));
    expectAllFit(c);
  });

  it('(b) a box one short and a stray card: reasons and a supervisor over the branch are required to close', async () => {
    const sunli = me('sunli');
    const stock = stockOf(sunli);
    // The fullest box is one short: counted, then scanned card by card without its last card.
    const short = [...stock.boxes].sort((x, y) => y.n - x.n)[0]!;
    const inBox = cardsInBox(sunli, short.label);
    expect(inBox).toHaveLength(short.n);
    const gone = inBox.at(-1)!;
    // A CCB blank from the other branch turns up in the ICBC safe.
    const stray = onHandPrefab(demo.ledger.db, me('zhoujie').siteId, null).find((x) => x.state === 'in_stock')!.cardNo;

    const c = await start('sunli');
    await openCountPage(c);
    const counting = c.frames.length;
    const id = await newCount(c);
    let scans = 0;
    await c.press(`${short.label}\r`);
    await c.waitFor((x) => x.includes(`›箱 ${short.key} 实点张数`));
    await enter(c, String(short.n - 1), (x) => x.includes(`已记录 ${++scans} 条扫描`));
    for (const b of stock.boxes.filter((x) => x !== short)) {
      await c.press(`${b.key}\r`);
      await c.waitFor((x) => x.includes(`›箱 ${b.key} 实点张数`));
      await enter(c, String(b.n), (x) => x.includes(`已记录 ${++scans} 条扫描`));
    }
    // The hopper by scanning its name.
    await c.press(`${stock.hopper.name}\r`);
    await c.waitFor((x) => x.includes(`›卡盒 ${stock.hopper.name} 内张数`));
    await enter(c, String(stock.hopper.n), (x) => x.includes(`已记录 ${++scans} 条扫描`));
    // Scanner bursts: eight cards a read.
    const cards = inBox.slice(0, -1);
    for (let i = 0; i < cards.length; i += 8) {
      const part = cards.slice(i, i + 8);
      scans += part.length;
      await c.press(part.map((x) => `${x}\r`).join(''));
      await c.waitFor((x) => x.includes(`已记录 ${scans} 条扫描`), 3000);
    }
    let f = await enter(c, stray, (x) => x.includes(`已记录 ${++scans} 条扫描`));
    expect(f).toContain(`✓ ${stray} 已记录`); // blind: not told it is not ours
    expect(f).toMatch(new RegExp(`逐张扫描的卡\\s+${short.n}\\b`));
    await enter(c, cards[0]!, (x) => x.includes(`重复扫描：${cards[0]} 已点过`));
    expect(c.lastFrame()).toContain(`已记录 ${scans} 条扫描`);

    await c.press(CTRL_S);
    await c.waitFor((x) => x.includes('提交盘点？'));
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('有差异'));
    expect(f).toContain(`盘点 ${id} 已提交：有差异，缺少 1 张，多出 1 张。`);
    expect(f).toMatch(new RegExp(`箱 ${escape(short.key)}\\s+${short.n}\\s+${short.n - 1}\\s+-1`));
    expect(f).toMatch(new RegExp(`›\\s*${gone}\\s+缺少\\s+箱 ${escape(short.key)}\\s+（未填）`));
    expect(f).toMatch(new RegExp(`${stray}\\s+多出\\s+建设银行武汉江岸支行`));
    expect(f).toMatch(/建设银行  期初 0 \+ 入库 0 - 使用 0 - 作废 0 - 调出 0 = 期末 0/);
    expect(f).toMatch(new RegExp(`›原因 ${gone}`));
    expect(f.split('\n').at(-1)).toMatch(/Enter 下一处差异\s+Ctrl\+A 此原因用于其余差异\s+↑↓ 换一处差异/);

    // Without reasons: refused, whoever approves.
    await c.press(KEYS.tab);
    await c.waitFor((x) => /›复核主管工号/.test(x));
    await c.press('lijuan\r');
    await c.waitFor((x) => /›复核主管密码/.test(x));
    await c.press(`${PINS.lijuan}\r`);
    f = await c.waitFor((x) => x.includes('没有说明原因'), 3000);
    expect(f).toContain('还有 2 处差异没有说明原因');
    expect(f).toMatch(new RegExp(`›原因 ${gone}`)); // back on the first difference without one
    expect(countView(demo.ledger, sunli, id).status).toBe('submitted');

    // One reason, given to the other difference with Ctrl+A.
    await c.press('保险柜内外均未找到');
    await c.press(CTRL_A);
    f = await c.waitFor((x) => x.includes('已把此原因用于其余 1 处差异'));
    expect(f).toMatch(new RegExp(`${stray}\\s+多出\\s+\\S+\\s+保险柜内外均未找到`));
    await c.press(KEYS.down);
    f = await c.waitFor((x) => new RegExp(`›原因 ${stray}\\s+保险柜内外均未找到`).test(x));
    // The supervisor of a sibling office is not over the branch.
    await c.press(KEYS.enter); // every difference has its reason: on to the supervisor (工号 kept, so the PIN)
    await c.waitFor((x) => /›复核主管密码/.test(x));
    await c.press(BACKTAB);
    await c.waitFor((x) => /›复核主管工号\s+lijuan/.test(x));
    for (let i = 0; i < 'lijuan'.length; i++) await c.press(KEYS.backspace);
    await c.press('zhaomin\r');
    await c.waitFor((x) => /›复核主管密码/.test(x));
    await c.press(`${PINS.zhaomin}\r`);
    f = await c.waitFor((x) => x.includes('不管辖'), 3000);
    expect(f).toContain('赵敏（江岸社会保险管理处）不管辖工商银行武汉江岸支行（演示）');
    expect(f).toMatch(/›复核主管工号\s+zhaomin/);
    expect(countView(demo.ledger, sunli, id).status).toBe('submitted');

    for (let i = 0; i < 'zhaomin'.length; i++) await c.press(KEYS.backspace);
    await c.press('lijuan\r');
    await c.waitFor((x) => /›复核主管密码/.test(x));
    await c.press(`${PINS.lijuan}\r`);
    f = await c.waitFor((x) => x.includes('已结束'), 3000);
    expect(f).toContain(`✓ 盘点 ${id} 已结束：2 处差异已写明原因（复核：李娟），已登记为待处理差异。`);
    // The PINs never show (the demo login screen lists them, so only the count's frames are looked at).
    for (const frame of c.frames.slice(counting)) expect(frame).not.toMatch(/246801|468013/);

    const view = countView(demo.ledger, sunli, id);
    expect(view.status).toBe('closed');
    expect(view.variances).toEqual([
      { cardNo: gone, kind: 'missing', bank: '中国工商银行', box: short.key, reason: '保险柜内外均未找到' },
      { cardNo: stray, kind: 'unexpected', bank: '中国建设银行', box: null, reason: '保险柜内外均未找到' },
    ]);
    const open = openDiscrepancies(demo.ledger, sunli).filter((d) => d.refKind === 'count' && d.refId === String(id));
    expect(open.map((d) => [d.kind, d.cardNo])).toEqual([
      ['missing', gone],
      ['extra', stray],
    ]);
    expect(verifyLedger(demo.ledger).ok).toBe(true);
    expectAllFit(c);
  });

  it('(c) a lost link loses nothing: the count is resumed with its scans; Esc at the review keeps it submitted', async () => {
    const sunli = me('sunli');
    const stock = stockOf(sunli);
    const [first, second] = stock.boxes;
    const three = cardsInBox(sunli, second!.label).slice(0, 3);

    let c = await start('sunli');
    await openCountPage(c);
    const id = await newCount(c);
    await c.press(`${first!.key}\r`);
    await c.waitFor((x) => x.includes(`›箱 ${first!.key} 实点张数`));
    await enter(c, String(first!.n), (x) => x.includes('已记录 1 条扫描'));
    await c.press(three.map((x) => `${x}\r`).join(''));
    let f = await c.waitFor((x) => x.includes('已记录 4 条扫描'), 3000);
    const tally = /已点 (\d+) 张/.exec(f)![1];
    await c.press('YZ'); // typed, not yet entered, when the link drops
    c.unmount();

    expect(countView(demo.ledger, sunli, id)).toMatchObject({ status: 'counting', scans: 4 });
    c = await start('sunli');
    f = await openCountPage(c);
    expect(f).toMatch(new RegExp(`盘点中（编号 ${id}）`));
    expect(f).toContain(`本网点有未结束的盘点（编号 ${id}，盘点中）：按 Enter 继续。`);
    expect(f.split('\n').at(-1)).toMatch(/Enter 继续未结束的盘点\s+N 开始盘点\s+\? 帮助\s+Esc 返回\s+q 退出/);
    // N refuses a second count and offers this one.
    await c.press('N');
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('继续那次盘点'));
    expect(f).toContain(`本网点已有未结束的盘点（编号 ${id}）`);
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes(`盘点 ${id}  全部银行`));
    expect(f).toContain('继续盘点：之前已记录 4 条扫描，都已保存在台账中。');
    expect(f).toContain(`已点 ${tally} 张    已记录 4 条扫描`);
    expect(f).toMatch(new RegExp(`箱 ${escape(first!.key)}\\s+${first!.n}\\b`));
    expect(f).toMatch(/逐张扫描的卡\s+3\b/);
    await enter(c, three[0]!, (x) => x.includes(`重复扫描：${three[0]} 已点过`));

    // A stray entry is written at once; Ctrl+Z appends a reversing line (nothing is deleted), again
    // for the one before: the last card scanned before the link dropped, which may be scanned again.
    f = await enter(c, '24', (x) => x.includes('已记录 5 条扫描'));
    expect(f).toContain('✓ 24 已记录');
    await c.press(CTRL_Z);
    f = await c.waitFor((x) => x.includes('已撤销：24'), 3000);
    expect(f).toContain(`已点 ${tally} 张    已记录 4 条扫描`);
    await c.press(CTRL_Z);
    f = await c.waitFor((x) => x.includes(`已撤销：${three[2]}`), 3000);
    expect(f).toContain('已记录 3 条扫描');
    expect(f).toMatch(/逐张扫描的卡\s+2\b/);
    f = await enter(c, three[2]!, (x) => x.includes('已记录 4 条扫描'));
    expect(f).toContain(`已点 ${tally} 张`);
    const lines = demo.ledger.sqlite.prepare('SELECT code, reverses FROM stock_count_scans WHERE count_id = ? ORDER BY id').all(id) as { code: string; reverses: number | null }[];
    expect(lines.map((l) => [l.code, l.reverses !== null])).toEqual([
      [first!.key, false],
      ...three.map((x) => [x, false]),
      ['24', false],
      ['24', true],
      [three[2], true],
      [three[2], false],
    ]);

    // Typed but not entered: Esc asks before dropping it.
    await c.press('Y1');
    await c.press(KEYS.esc, 5);
    f = await c.waitFor((x) => x.includes('放弃未记录的输入？'));
    await c.press('n');
    await c.waitFor((x) => /›扫描 Y1/.test(x));
    for (let i = 0; i < 2; i++) await c.press(KEYS.backspace);

    await c.press(CTRL_S);
    await c.waitFor((x) => x.includes('提交盘点？'));
    await c.press('y');
    await c.waitFor((x) => x.includes(`盘点 ${id} 已提交：有差异`));
    // The reversed line is not counted: 24 is no unexpected card.
    expect(countView(demo.ledger, sunli, id).variances?.map((v) => v.cardNo)).not.toContain('24');
    await c.press(KEYS.esc, 5); // nothing typed: back to the count page, the count stays submitted
    f = await c.waitFor((x) => x.includes('预制卡盘点  工商银行'));
    expect(f).toMatch(new RegExp(`已提交，待复核（编号 ${id}）`));
    expect(countView(demo.ledger, sunli, id).status).toBe('submitted');
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes(`盘点 ${id} 已提交：有差异`));
    expect(f).toContain('各箱与卡盒的应有、实点只在提交时显示');
    // Typed reasons are not dropped without asking.
    await c.press('待查');
    await c.press(KEYS.esc, 5);
    f = await c.waitFor((x) => x.includes('放弃填写的原因和复核信息？'));
    await c.press('y');
    await c.waitFor((x) => x.includes('预制卡盘点  工商银行'));
    expect(countView(demo.ledger, sunli, id).status).toBe('submitted');
    expectAllFit(c);
  });

  it('(d) the report shows today’s closed counts, marks days without one, and S saves it as text and CSV', async () => {
    const sunli = me('sunli');
    const today = todayInChina();
    const from = addCalendarDays(today, -6);
    const expected = reconciliationReport(demo.ledger, sunli, loadCalendar(), { from, to: today });
    const row = expected.find((r) => r.date === today)!;
    expect(row).toMatchObject({ countedBy: '孙丽', approvedBy: '李娟', warning: null });

    const c = await start('sunli');
    await openCountPage(c);
    await c.press('R');
    let f = await c.waitFor((x) => x.includes('盘点对账表'));
    expect(f).toContain(`盘点对账表  ${from} 至 ${today}`);
    const figures = [row.opening, row.received, row.consumed, row.spoiled, row.movedOut, row.closing, row.counted, row.differences].join('\\s+');
    expect(f).toMatch(new RegExp(`${today}\\s+工商银行\\s+${figures}\\s+孙丽\\s+李娟`));
    const warned = expected.filter((r) => r.warning !== null);
    if (warned.length > 0) {
      expect(f).toContain(`⚠ ${warned.length} 行是工作日没有已结束的盘点。`);
      expect(f).toMatch(new RegExp(`⚠\\s+${warned[0]!.date}\\s+工商银行\\s+-\\s+-`));
    }
    expect(f.split('\n').at(-1)).toMatch(/S 保存对账表（文本和 CSV）\s+↑↓ 选择/);
    await c.press(KEYS.pageDown);
    f = c.lastFrame();
    expect(f).toMatch(new RegExp(`›\\s*${today}`));
    expect(f).toContain(`${today} 盘点人 孙丽  复核人 李娟`);

    await c.press('s');
    f = await c.waitFor((x) => x.includes('盘点对账表已保存到'));
    const name = `盘点对账表_420102-B01_${from}_${today}`;
    expect(f).toContain(`${name}.txt`);
    expect(f).toContain(`${name}.csv`);
    const text = readFileSync(join(exportsDir(demo.ledger), `${name}.txt`), 'utf8');
    expect(text).toContain('预制卡盘点对账表');
    expect(text).toMatch(new RegExp(`^${today} 工商银行`, 'm'));
    expect(existsSync(join(exportsDir(demo.ledger), `${name}.csv`))).toBe(true);
    expectAllFit(c);
  });

  it('(e) every new key context fits 80×24, and `?` lists its keys', async () => {
    const CONTEXTS = ['count', 'count-open', 'count-new', 'count-scan', 'count-qty', 'count-hopper', 'count-reason', 'count-approve', 'count-confirm', 'count-report'] as const;
    for (const context of CONTEXTS) {
      expect(displayWidth(footerText(context, 80)), context).toBe(80);
      const help = helpLines(context, 80, 21);
      expect(help).toHaveLength(21);
      for (const l of help) expect(displayWidth(l)).toBe(80);
      expect(help.join('\n'), context).not.toContain('…');
    }
    expect(helpLines('count-scan', 80, 21).join('\n')).toMatch(/Enter\s+记录扫描[\s\S]*H\s+点卡盒[\s\S]*Ctrl\+Z\s+撤销[\s\S]*Ctrl\+S\s+提交盘点/);
    expect(helpLines('count-reason', 80, 21).join('\n')).toMatch(/Ctrl\+A\s+此原因用于其余差异[\s\S]*↑↓\s+换一处差异/);
    expect(helpLines('count-new', 80, 21).join('\n')).toMatch(/←→\s+全部银行或一家银行/);
    expect(footerText('count-qty', 80, [], true).trimEnd()).toBe('Enter 记录张数  Ctrl+Z 撤销  Esc 取消，返回扫描  F1 帮助');

    // In the console: `?` on the count page and on the report, each frame within 80×24.
    const c = await start('sunli');
    await openCountPage(c);
    await c.press('?');
    let f = c.lastFrame();
    expect(f).toMatch(/帮助[\s\S]*本页[\s\S]*Enter\s+继续未结束的盘点[\s\S]*N\s+开始盘点[\s\S]*R\s+盘点对账表（近 7 天）/);
    await c.press(KEYS.esc, 5);
    await c.press('r');
    await c.waitFor((x) => x.includes('盘点对账表  '));
    await c.press('?');
    f = c.lastFrame();
    expect(f).toMatch(/S\s+保存对账表（文本和 CSV）[\s\S]*PgUp\/PgDn\s+翻页/);
    await c.press(KEYS.esc, 5);
    await c.press(KEYS.esc, 5);
    await c.waitFor((x) => x.includes('预制卡盘点  工商银行'));
    await c.press(KEYS.esc, 5);
    await c.waitFor((x) => x.includes('合计'));
    expectAllFit(c);
  });
});
