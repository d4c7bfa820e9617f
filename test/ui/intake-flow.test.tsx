import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { syntheticMakerRows, writeMakerFile } from '../../src/domain/maker-file-writer.ts';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';

const fixtures = fileURLToPath(new URL('../../fixtures/maker-files/', import.meta.url));
const prefabFile = join(fixtures, readdirSync(fixtures).find((f) => f.startsWith('YZKCG'))!);
const badFile = join(fixtures, readdirSync(fixtures).find((f) => f.includes('_2026110009_'))!);

const demo = useDemoConsole();
let ledger: Ledger;
let dir: string;
beforeAll(() => {
  ledger = demo.ledger;
  dir = demo.dir;
});

async function start(): Promise<RenderedConsole> {
  const app = demo.start();
  await app.press('lijuan\r');
  await app.press('246801\r');
  await app.waitFor((f) => f.includes('合计'), 3000);
  return app;
}

const fits = fitsTerminal;

describe('console: intake and check-in', () => {
  it('shows a bad file’s problems with their lines and writes nothing', async () => {
    const c = await start();
    await c.press('1');
    expect(c.lastFrame()).toContain('入库登记：导入卡商回盘数据文件');
    await c.press(`${badFile}\r`);
    const f = await c.waitFor((x) => x.includes('问题'), 3000);
    expect(f).toMatch(/文件有 \d+ 处问题，未写入台账/);
    expect(f).toMatch(/行\s+列\s+问题/);
    expect(f.split('\n').at(-1)).toContain('Ctrl+W 保存问题清单');
    expect(fits(f)).toBe(true);
    expect(ledger.sqlite.prepare("SELECT count(*) n FROM cards WHERE card_no LIKE 'G8%'").get()).toEqual({ n: 0 });
  });

  it('shows a progress bar while a large file is checked', async () => {
    const big = writeMakerFile('prefab', { bank: '中国建设银行', cityBody: '武汉市社保卡管理中心', batch: 'YZ-BIG-1', maker: '金邦达', bankCode: '105521000011', time: '20261120093000' }, syntheticMakerRows('prefab', 12_000, 3, { cardPrefix: 'H5', boxSize: 500 }));
    const path = join(dir, big.fileName);
    writeFileSync(path, big.text);
    const c = await start();
    await c.press('1');
    await c.press(`${path}\r`);
    const f = await c.waitFor((x) => x.includes('检查通过'), 20_000);
    expect(f).toContain('批次 YZ-BIG-1  12000 张  24 箱');
    const bars = c.frames.filter((x) => /\[#*-*\]\s+\d+%\s+\d+\/\d+ 行/.test(x));
    expect(bars.length).toBeGreaterThanOrEqual(3); // it moved while the file was read
    expect(ledger.sqlite.prepare("SELECT count(*) n FROM cards WHERE card_no LIKE 'H5%'").get()).toEqual({ n: 0 });
  });

  it('imports a file, then counts it in: a complete box, a short box, an unlisted card, a damaged card', async () => {
    const c = await start();
    await c.press('1');
    await c.press(`${prefabFile}\r`);
    let f = await c.waitFor((x) => x.includes('检查通过'), 3000);
    expect(f).toContain('预制卡  中国工商银行  批次 YZ2026110003  50 张  2 箱');
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('已导入'), 3000);
    expect(f).toContain('按 Enter 开始逐箱清点入库');
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('清点入库：批次 YZ2026110003'), 3000);
    expect(f).toContain('已点 0 / 应到 50');

    await c.press('01\r');
    expect(c.lastFrame()).toContain('箱 01 数量');
    await c.press('25\r');
    expect(c.lastFrame()).toContain('✓ 箱 01 共 25 张，与清单一致');
    await c.press('02\r');
    await c.press('24\r');
    expect(c.lastFrame()).toContain('箱 02 应到 25 张，只点到 24 张：请逐张扫描此箱');
    expect(c.lastFrame()).toMatch(/02\s+25\s+0\s+少 1/);
    // Scanner bursts: number + Enter in one read.
    for (let n = 26; n <= 49; n++) await c.press(`P9${String(n).padStart(7, '0')}\r`);
    await c.press('P90000030\r');
    expect(c.lastFrame()).toContain('重复扫描：P90000030 已点过');
    await c.press('ZZ9999999\r');
    expect(c.lastFrame()).toContain('不在清单中：ZZ9999999');
    await c.press('P90000031\r');
    await c.press('\u0004'); // Ctrl+D: the last card is damaged
    expect(c.lastFrame()).toContain('卡 P90000031 损坏原因');
    await c.press('卡面划伤\r');
    expect(c.lastFrame()).toContain('已记录损坏：P90000031');
    expect(c.lastFrame()).toContain('已点 49 / 应到 50，多出 1，重复扫描 2');
    expect(fits(c.lastFrame())).toBe(true);

    await c.press(KEYS.enter); // an empty line: finish
    expect(c.lastFrame()).toContain('确认入库？');
    expect(c.lastFrame()).toContain('48 张入 保险柜1；缺 1 张、损坏 1 张、多出 1 张、均登记为差异');
    await c.press('y');
    expect(c.lastFrame()).toContain('已入库 48 张，1 张缺少，已登记差异');

    expect(lookupCard(ledger, 'P90000001')).toMatchObject({ state: 'in_stock', place: '保险柜1' });
    expect(lookupCard(ledger, 'P90000031').state).toBe('spoiled');
    expect(lookupCard(ledger, 'P90000050').state).toBe('expected');
    const open = ledger.sqlite.prepare("SELECT kind, card_no FROM discrepancies WHERE ref_kind = 'checkin' ORDER BY id").all();
    expect(open).toEqual([
      { kind: 'missing', card_no: 'P90000050' },
      { kind: 'damaged', card_no: 'P90000031' },
      { kind: 'extra', card_no: 'ZZ9999999' },
    ]);
    expect(verifyLedger(ledger).ok).toBe(true);
    // The open discrepancies stay visible on the home screen.
    await c.press(KEYS.esc, 5);
    await c.press(KEYS.esc, 5);
    await c.press(KEYS.esc, 5);
    expect(await c.waitFor((x) => x.includes('合计'))).toContain('3 条清点差异未关闭');
  });
});

describe('type-ahead and scanner bursts in one read', () => {
  it('several scans in one read each count, and a box label with its count works too', async () => {
    const c = await start();
    await c.press('2');
    await c.waitFor((x) => x.includes('选择要清点的批次'));
    // The demo's batch 4 waits at the city centre: boxes 01 (20 cards) and 02 (4 cards).
    await c.press(KEYS.enter);
    await c.waitFor((x) => x.includes('清点入库：批次'));
    await c.press('D40000001\rD40000002\rD40000003\r');
    await c.waitFor((x) => x.includes('已点 3 / 应到 24'));
    await c.press('02\r4\r');
    const f = await c.waitFor((x) => x.includes('已点 7 / 应到 24'));
    expect(f).toContain('✓ 箱 02 共 4 张，与清单一致');
    expect(f).not.toContain('不在清单中');
    // Esc with an unconfirmed count asks first; N keeps the count.
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('放弃本次清点？');
    await c.press('n');
    expect(c.lastFrame()).toContain('已点 7 / 应到 24');
    await c.press(KEYS.esc, 5);
    await c.press('y');
    expect(c.lastFrame()).toContain('合计'); // back on the home screen, nothing written
  });

  it('check-in takes the full box label `批次/箱号` as printed on the box; another batch’s label is refused', async () => {
    const c = await start();
    await c.press('2');
    await c.waitFor((x) => x.includes('选择要清点的批次'));
    await c.press(KEYS.enter);
    const title = await c.waitFor((x) => x.includes('清点入库：批次'));
    const batch = /清点入库：批次 (\S+)/.exec(title)![1]!;
    // As a scanner reads the label on the box (and as sign-in, dispatch and the daily count take it).
    await c.press(`${batch}/01\r`);
    expect(c.lastFrame()).toContain('箱 01 数量');
    await c.press('2O\r');
    expect(c.lastFrame()).toContain('请输入箱内张数（数字）。');
    await c.press('20\r');
    let f = await c.waitFor((x) => x.includes('已点 20 / 应到 24'));
    expect(f).toContain('✓ 箱 01 共 20 张，与清单一致');
    expect(f).not.toContain('不在清单中');
    await c.press('YZ0000000000/02\r');
    f = await c.waitFor((x) => x.includes('没有箱号 YZ0000000000/02'));
    expect(f).toContain('已点 20 / 应到 24');
    expect(f).not.toContain('多出');
    await c.press(KEYS.esc, 5);
    await c.press('y');
    expect(c.lastFrame()).toContain('合计');
  });
});
