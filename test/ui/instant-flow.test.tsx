/**
 * 即时制卡 in the console on the demo ledger: the real workflows and the simulated desk printer
 * (its state in the ledger's temp directory, shared by the tests in order). 孙丽's ICBC branch
 * has one printer whose hopper holds 4 ICBC blanks: the tests use them up one by one.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { siteDevicesCache } from '../../src/workflows/site-devices-cache.ts';
import { instantStations, stationForBank } from '../../src/workflows/instant-stations.ts';
import { makeInstantCard, trainingCardNo } from '../../src/workflows/instant-issuance.ts';
import { interruptedJobs } from '../../src/workflows/instant-recovery.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { loadHopperAtCounter } from '../../src/workflows/hopper-loading.ts';
import { SbkError } from '../../src/domain/errors.ts';
import type { InstantPrinter } from '../../drivers/printer/instant-printer.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { holderCardByNo } from '../../db/issuance-queries.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import type { ConsoleServices } from '../../src/ui/console-services.ts';
import { footerText } from '../../src/ui/components/footer.tsx';
import { helpLines } from '../../src/ui/components/help-overlay.tsx';
import { displayWidth } from '../../src/text/display-width.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';

const demo = useDemoConsole();
const CTRL_S = '\u0013';
const ICBC = '中国工商银行';
const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
const footer = (f: string) => f.split('\n').at(-1) ?? '';
const jobCount = () => (demo.ledger.sqlite.prepare('SELECT count(*) AS n FROM instant_jobs').get() as { n: number }).n;

async function start(services: Partial<ConsoleServices> = {}): Promise<RenderedConsole> {
  const c = demo.start(services);
  await c.press('sunli\r');
  await c.press('680135\r');
  await c.waitFor((f) => f.includes('合计'), 3000);
  return c;
}

/** Opens 8 and waits for the form. */
async function openForm(c: RenderedConsole): Promise<string> {
  await c.press('8');
  return c.waitFor((x) => x.includes('服务银行'), 3000);
}

/** Types the name and the ID number, keeping the bank, card number and photo defaults. */
async function fill(c: RenderedConsole, name: string, id: string): Promise<void> {
  await c.press(name);
  await c.press(KEYS.tab);
  await c.press(KEYS.tab);
  await c.press(id);
}

function expectAllFit(c: RenderedConsole) {
  for (const f of c.frames) expect(fitsTerminal(f), f).toBe(true);
}

/** The blank a result frame names (预制卡 Y…). */
const blankIn = (f: string) => /预制卡 (Y\d{8})/.exec(f)?.[1];

describe('console: instant issuance (即时制卡)', () => {
  it('makes and issues a card for an applicant, phase by phase, and saves the receipt', async () => {
    const c = await start();
    let f = await openForm(c);
    expect(f).toContain('即时制卡：工商银行武汉江岸支行（演示）');
    expect(f).toMatch(/›姓名/);
    expect(f).toMatch(/服务银行\s+\[中国工商银行 {2}制卡机1-卡盒1 {2}余 4 张\]/);
    expect(f).toMatch(/社保卡号（培训号） T00000001/);
    expect(f).toMatch(/相片文件\s+\/\S+\/fixtures\/photos\/applicant-sample\.jpg/);
    expect(footer(f)).toMatch(/^Ctrl\+S 开始制卡\s+Enter 下一项\s+Tab\/↑↓ 切换输入项\s+Esc 返回/);

    // A wrong check digit: refused on the form, nothing written.
    const id = idOf('42010219900101123');
    const wrong = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
    await fill(c, '王小明', wrong);
    const jobs = jobCount();
    await c.press(CTRL_S);
    f = await c.waitFor((x) => x.includes('申请人'), 3000);
    expect(f).toMatch(/›身份证号码/);
    expect(jobCount()).toBe(jobs);
    await c.press(KEYS.backspace);
    await c.press(id.slice(17));

    // On the bank row the arrows are the bank's; the footer says so.
    await c.press(KEYS.down);
    expect(footer(c.lastFrame())).toMatch(/^Ctrl\+S 开始制卡\s+Enter 下一项\s+←→ 换服务银行/);

    await c.press(CTRL_S);
    f = await c.waitFor((x) => x.includes('即时制卡完成'), 5000);
    // The phases showed in order, the current one marked, none with a spinner.
    expect(c.frames.some((x) => /✓ 进卡\s+✓ 核对空白卡\s+▶ 写入个人信息/.test(x))).toBe(true);
    expect(c.frames.some((x) => x.includes('Esc/q 正在制卡，完成前不能离开'))).toBe(true);
    expect(f).toContain('申请人 王小明（4201**********1236）');
    const blank = blankIn(f)!;
    expect(f).toContain(`社保卡 T00000001 已用预制卡 ${blank} 制成，写卡回读核对通过，已当场发放。`);
    expect(f).not.toContain(id);
    expect(footer(f)).toMatch(/^P 保存领取回执\s+Enter\/Esc 为下一位申请人制卡/);

    expect(holderCardByNo(demo.ledger.db, 'T00000001')).toMatchObject({ state: 'issued', holderName: '王小明' });
    expect(lookupCard(demo.ledger, blank).state).toBe('consumed');
    expect(verifyLedger(demo.ledger).ok).toBe(true);

    await c.press('p');
    f = await c.waitFor((x) => x.includes('领取回执已保存'), 3000);
    expect(f.replace(/\s+/g, '')).toMatch(/领取回执_T00000001_\d{14}\.txt/);

    // Enter: an empty form for the next applicant, one blank fewer, the next training number.
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('服务银行'), 3000);
    expect(f).toMatch(/余 3 张/);
    expect(f).toMatch(/社保卡号（培训号） T00000002/);
    expect(f).not.toContain('王小明');
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('合计');
    expectAllFit(c);
  });

  it('a print failure spoils the blank; Enter retries the same applicant on the next blank', async () => {
    const cache = siteDevicesCache(demo.ledger);
    try {
      const actor = authenticate(demo.ledger, 'sunli', '680135');
      const devices = await cache.open({ id: actor.siteId, code: actor.siteCode });
      devices.printers[0]!.simulator!.injectFault('print_failure');
      const c = await start({ devicesFor: cache.open });
      await openForm(c);
      await fill(c, '李华', idOf('42010219850505201'));
      await c.press(CTRL_S);
      let f = await c.waitFor((x) => x.includes('制卡失败'), 5000);
      expect(f).toContain('卡面打印失败');
      expect(f).toMatch(/✗ 印制卡面/);
      const first = blankIn(f)!;
      expect(f).toContain(`预制卡 ${first} 已作废`);
      expect(footer(f)).toMatch(/^Enter 用下一张卡重试\s+Esc 返回填表/);
      expect(lookupCard(demo.ledger, first).state).toBe('spoiled');
      expect(holderCardByNo(demo.ledger.db, 'T00000002')).toBeUndefined();

      // The operator confirms; the next blank is used.
      await c.press(KEYS.enter);
      f = await c.waitFor((x) => x.includes('即时制卡完成'), 5000);
      expect(f).toContain('第 2 次制卡');
      const second = blankIn(f)!;
      expect(second).not.toBe(first);
      expect(f).toContain(`社保卡 T00000002 已用预制卡 ${second} 制成`);
      expect(lookupCard(demo.ledger, first).state).toBe('spoiled');
      expect(lookupCard(demo.ledger, second).state).toBe('consumed');
      expect(holderCardByNo(demo.ledger.db, 'T00000002')).toMatchObject({ state: 'issued', holderName: '李华' });
      expect(verifyLedger(demo.ledger).ok).toBe(true);
      expectAllFit(c);
    } finally {
      await cache.closeAll();
    }
  });

  it('an interrupted job is shown first when the page opens, and is resolved by handing the card over', async () => {
    const cache = siteDevicesCache(demo.ledger);
    try {
      const actor = authenticate(demo.ledger, 'sunli', '680135');
      const devices = await cache.open({ id: actor.siteId, code: actor.siteCode });
      const station = stationForBank(instantStations(demo.ledger, actor, devices), ICBC)!;
      const cardNo = trainingCardNo(demo.ledger)!;
      // A previous run killed after the card was printed, before it was recorded.
      await expect(
        makeInstantCard(
          demo.ledger,
          actor,
          { ...station, ca: devices.ca! },
          {
            operationId: randomUUID(),
            applicant: { name: '赵敏', idNumber: idOf('42010219920315302'), bank: ICBC, cardNo, photoBase64: readFileSync(new URL('../../fixtures/photos/applicant-sample.jpg', import.meta.url)).toString('base64') },
          },
          {
            afterStep: (s) => {
              if (s === 'printed') throw new Error('killed');
            },
          },
        ),
      ).rejects.toThrow('killed');
      const [job] = interruptedJobs(demo.ledger, actor);
      expect(job).toMatchObject({ needs: 'hand_to', cardNo });

      const c = await start({ devicesFor: cache.open });
      await c.press('8');
      let f = await c.waitFor((x) => x.includes('中断的制卡任务'), 3000);
      expect(f).toContain(job!.jobNo);
      expect(f).toContain('赵敏（4201**********');
      expect(f).toContain(cardNo);
      expect(f).toContain(job!.blankNo);
      expect(f).toContain('卡已印好但未登记发放');
      expect(footer(f)).toMatch(/^Enter 发给申请人\s+S 入库待领/);

      await c.press(KEYS.enter);
      f = await c.waitFor((x) => x.includes('已登记发给申请人'), 3000);
      expect(f).toContain(`社保卡 ${cardNo} 已登记发给申请人`);
      expect(footer(f)).toMatch(/^P 保存领取回执\s+Enter\/Esc 继续/);
      expect(holderCardByNo(demo.ledger.db, cardNo)).toMatchObject({ state: 'issued', holderName: '赵敏' });
      expect(lookupCard(demo.ledger, job!.blankNo).state).toBe('consumed');
      expect(interruptedJobs(demo.ledger, actor)).toEqual([]);
      expect(verifyLedger(demo.ledger).ok).toBe(true);

      // No job left, and the hopper is now empty: the page says why it cannot make a card.
      await c.press(KEYS.enter);
      f = await c.waitFor((x) => x.includes('卡盒里没有预制卡'), 3000);
      expect(footer(f)).toMatch(/^G 重新检查设备/);
      expectAllFit(c);
    } finally {
      await cache.closeAll();
    }
  });

  it('a link lost between two printer calls: the page says the job is interrupted, lists it, and Enter spoils the half-written blank', async () => {
    const cache = siteDevicesCache(demo.ledger);
    try {
      const actor = authenticate(demo.ledger, 'sunli', '680135');
      const devices = await cache.open({ id: actor.siteId, code: actor.siteCode });
      // The hopper is empty after the tests above: two more ICBC blanks from the safe.
      const blanks = (
        demo.ledger.sqlite
          .prepare("SELECT card_no AS no FROM cards WHERE kind = 'prefab' AND state = 'in_stock' AND site_id = ? AND bank = ? ORDER BY card_no LIMIT 2")
          .all(actor.siteId, ICBC) as { no: string }[]
      ).map((r) => r.no);
      const p = devices.printers[0]!;
      loadHopperAtCounter(demo.ledger, actor, devices, { operationId: randomUUID(), hopper: p.hoppers.get(1)!, cardNos: blanks });
      // The printer stops answering once the blank is at its reader.
      const real = p.printer;
      const flaky: InstantPrinter = {
        label: real.label,
        readBasic: (i) => real.readBasic(i),
        status: () => real.status(),
        loadCard: (n) => real.loadCard(n),
        writePersonal: () => Promise.reject(new SbkError('DEVICE_TIMEOUT')),
        writeCaStep1: () => real.writeCaStep1(),
        writeCaStep2: (ca) => real.writeCaStep2(ca),
        print: (bin, face) => real.print(bin, face),
        eject: (bin) => real.eject(bin),
      };
      const c = await start({ devicesFor: async () => ({ ...devices, printers: [{ ...p, printer: flaky }] }) });
      let f = await openForm(c);
      expect(f).toMatch(/余 2 张/);
      await fill(c, '钱进', idOf('42010219780808401'));
      await c.press(CTRL_S);
      f = await c.waitFor((x) => x.includes('制卡中断'), 5000);
      expect(f).toContain('制卡中断：设备没有响应');
      expect(f).toMatch(/✓ 核对空白卡\s+✗ 写入个人信息/);
      expect(f).toContain('此任务将列为“中断的制卡任务”');
      expect(footer(f)).toMatch(/^Enter\/Esc 继续/);

      await c.press(KEYS.enter);
      f = await c.waitFor((x) => x.includes('中断的制卡任务'), 3000);
      expect(f).toContain('钱进（4201**********');
      expect(f).toContain(blanks[0]!);
      expect(f).toContain('写卡过程中中断');
      expect(footer(f)).toMatch(/^Enter 处理此任务/);
      await c.press(KEYS.enter);
      f = await c.waitFor((x) => x.includes('已登记作废'), 3000);
      expect(f).toMatch(new RegExp(`预制卡 ${blanks[0]}\\s+已登记作废`));
      expect(lookupCard(demo.ledger, blanks[0]!).state).toBe('spoiled');
      expect(interruptedJobs(demo.ledger, actor)).toEqual([]);
      expect(verifyLedger(demo.ledger).ok).toBe(true);

      // On to the form: the same applicant can try again with the one blank left.
      await c.press(KEYS.enter);
      f = await c.waitFor((x) => x.includes('服务银行'), 3000);
      expect(f).toMatch(/余 1 张/);
      expectAllFit(c);
    } finally {
      await cache.closeAll();
    }
  });

  it('every key context of 即时制卡 and 设备 has a footer of exactly 80 columns and a help page that fits 80×21', () => {
    const contexts = [
      'instant',
      'instant-job',
      'instant-job-face',
      'instant-job-hand',
      'instant-resolved',
      'instant-resolved-receipt',
      'instant-form',
      'instant-form-edit',
      'instant-form-id',
      'instant-running',
      'instant-issued',
      'instant-failed',
      'instant-void',
      'instant-error',
      'devices',
    ] as const;
    for (const context of contexts) {
      expect(displayWidth(footerText(context, 80)), context).toBe(80);
      const help = helpLines(context, 80, 21);
      expect(help).toHaveLength(21);
      for (const l of help) expect(displayWidth(l)).toBe(80);
      expect(help.join('\n'), context).not.toContain('…');
    }
    // While a card is being made only help works: Esc and q say why they do nothing.
    expect(footerText('instant-running', 80).trimEnd()).toBe('Esc/q 正在制卡，完成前不能离开  ? 帮助');
    expect(footerText('instant-form-edit', 80, [], true).trimEnd()).toBe('Ctrl+S 开始制卡  Enter 下一项  Tab/↑↓ 切换输入项  Esc 返回  F1 帮助');
    expect(helpLines('instant-job-face', 80, 21).join('\n')).toMatch(/B\s+卡面有误（作废）/);
  });
});
