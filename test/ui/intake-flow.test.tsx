import { authenticate } from '../../src/workflows/authenticate.ts';
import { operatorsHere } from '../../src/workflows/operators.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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
  it('shows a bad file’s problems with their lines, offers only fix-and-re-read, and writes nothing', async () => {
    const c = await start();
    await c.press('1');
    expect(c.lastFrame()).toContain('入库登记：导入卡商回盘数据文件');
    await c.press(`${badFile}\r`);
    const f = await c.waitFor((x) => x.includes('问题'), 3000);
    expect(f).toMatch(/文件有 \d+ 处问题，未写入台账/);
    expect(f).toMatch(/行\s+列\s+问题/);
    expect(f).toContain('改好文件后按 Enter 重新读取，Ctrl+W 保存问题清单，Esc 换文件。');
    const footer = f.split('\n').at(-1)!;
    expect(footer).toContain('Enter 重新读取文件');
    expect(footer).toContain('Ctrl+W 保存问题清单');
    expect(f).not.toContain('确认导入');
    expect(f).not.toMatch(/按 Enter 导入/);
    expect(fits(f)).toBe(true);
    await c.press('?');
    const help = c.lastFrame();
    expect(help).toContain('重新读取文件');
    expect(help).not.toContain('确认导入');
    await c.press(KEYS.esc, 5);
    expect(ledger.sqlite.prepare("SELECT count(*) n FROM cards WHERE card_no LIKE 'G8%'").get()).toEqual({ n: 0 });
  });

  it('a file with many problems scrolls them; fixed on disk, Enter reads it again and it can be imported', async () => {
    const fields = { bank: '中国工商银行', cityBody: '武汉市社保卡管理中心', batch: 'YZ-FIX-1', maker: '金邦达', bankCode: '102521000013', time: '20261120093000' };
    const good = writeMakerFile('prefab', fields, syntheticMakerRows('prefab', 60, 5, { cardPrefix: 'K5', boxSize: 30 }));
    // 57 rows with a card number that is too long: 57 problems.
    const lines = good.text.split('\n');
    const broken = lines.map((l, i) => (i >= 2 && i < 59 ? l.replace(/,K5(\d{7}),/, ',K5$1X,') : l)).join('\n');
    const path = join(dir, good.fileName);
    writeFileSync(path, broken);
    const c = await start();
    await c.press('1');
    await c.press(`${path}\r`);
    let f = await c.waitFor((x) => x.includes('文件有 57 处问题'), 10_000);
    expect(f).toContain('第 1-');
    expect(f).toContain('共 57 条');
    await c.press(KEYS.down.repeat(30));
    expect(await c.waitFor((x) => /第 \d+-31 条/.test(x), 10_000)).toMatch(/第 \d+-31 条，共 57 条/);
    // Enter before the fix reads the same file again: still the problems, never an import.
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('文件有 57 处问题') && x.includes('第 1-'), 10_000);
    expect(ledger.sqlite.prepare("SELECT count(*) n FROM cards WHERE card_no LIKE 'K5%'").get()).toEqual({ n: 0 });
    writeFileSync(path, good.text);
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('检查通过'), 10_000);
    expect(f).toContain('批次 YZ-FIX-1  60 张  2 箱');
    expect(f).not.toContain('注意：文件发往'); // Wuhan's own file: nothing to ask
    expect(f.split('\n').at(-1)).toContain('Enter 确认导入');
    await c.press(KEYS.enter);
    await c.waitFor((x) => x.includes('已导入'), 10_000);
    expect(ledger.sqlite.prepare("SELECT count(*) n FROM cards WHERE card_no LIKE 'K5%'").get()).toEqual({ n: 60 });
  });

  it('Esc from a file with problems goes back to the path, kept for editing', async () => {
    const c = await start();
    await c.press('1');
    await c.press(`${badFile}\r`);
    await c.waitFor((x) => x.includes('处问题'), 3000);
    await c.press(KEYS.esc, 5);
    const f = c.lastFrame();
    expect(f).toContain('_20261122080000.txt'); // the field keeps the end of the path, where the cursor is
    expect(f).not.toContain('处问题');
    expect(f.split('\n').at(-1)).toContain('Tab 补全路径');
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
    // The fixture is Guangzhou's; the demo office is Wuhan's: asked first, Y imports.
    expect(f).toContain('注意：文件发往“广州市社会保险卡管理中心”，不是本市（420100）的卡。');
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('导入发给其他城市的卡？'), 3000);
    await c.press('y');
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
    // Stray input becomes a 多出 at once; Ctrl+Z takes it back (Ctrl+D, once "damaged" here, does nothing).
    await c.press('24\r');
    expect(c.lastFrame()).toContain('不在清单中：24（将登记为多出）');
    expect(c.lastFrame()).toContain('多出 2');
    const beforeCtrlD = c.lastFrame();
    await c.press('\u0004');
    expect(c.lastFrame()).toBe(beforeCtrlD);
    await c.press('\u001a'); // Ctrl+Z
    expect(c.lastFrame()).toContain('已撤销：24（不再登记为多出）');
    expect(c.lastFrame()).toMatch(/多出 1，/);
    await c.press('P90000031\r');
    await c.press('\u0002'); // Ctrl+B: the last card is damaged
    expect(c.lastFrame()).toContain('卡 P90000031 损坏原因');
    await c.press('卡面划伤\r');
    expect(c.lastFrame()).toContain('已记录损坏：P90000031');
    // A damage mark taken back and given again: still one.
    await c.press('\u001a');
    expect(c.lastFrame()).toContain('已撤销：P90000031 的损坏记录');
    await c.press('\u0002');
    await c.press('卡面划伤\r');
    expect(c.lastFrame()).toContain('已点 49 / 应到 50，多出 1，重复扫描 2');
    expect(fits(c.lastFrame())).toBe(true);

    // The custodian (GD Art. 12): the operator by default; Ctrl+P goes through the site's operators.
    const lijuan = authenticate(ledger, 'lijuan', '246801');
    const here = operatorsHere(ledger, lijuan);
    expect(here.length).toBeGreaterThan(1);
    expect(c.lastFrame()).toContain(`保管地点：保险柜1（Tab 切换）  保管人：${here[0]!.name}（Ctrl+P 切换）`);
    await c.press('\u0010'); // Ctrl+P
    expect(c.lastFrame()).toContain(`保管人：${here[1]!.name}（Ctrl+P 切换）`);

    await c.press(KEYS.enter); // an empty line: finish
    expect(c.lastFrame()).toContain('确认入库？');
    expect(c.lastFrame().replace(/\s+/g, '')).toContain(`48张入保险柜1，保管人${here[1]!.name}；缺1张、损坏1张、多出1张、均登记为差异`);
    await c.press('y');
    expect(c.lastFrame()).toContain('已入库 48 张，1 张缺少，已登记差异');
    const counterparts = ledger.sqlite
      .prepare("SELECT DISTINCT m.counterpart_name FROM movements m JOIN cards c ON c.id = m.card_id WHERE m.type = 'receive' AND c.card_no LIKE 'P9%'")
      .pluck()
      .all();
    expect(counterparts).toEqual([here[1]!.name]);

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

describe('intake: a file for another city, Tab completion, a folder of maker files', () => {
  // A Guangzhou file (440100) at the Wuhan (420100) demo office.
  const guangzhou = () => {
    const f = writeMakerFile('prefab', { bank: '中国建设银行', cityBody: '广州市社会保险卡管理中心', batch: 'YZ-GZ-1', maker: '金邦达', bankCode: '105581000011', time: '20261120093000' }, syntheticMakerRows('prefab', 4, 9, { cardPrefix: 'Q7', boxSize: 4 }));
    const path = join(dir, f.fileName);
    writeFileSync(path, f.text);
    return path;
  };
  const q7 = () => ledger.sqlite.prepare("SELECT count(*) n FROM cards WHERE card_no LIKE 'Q7%'").get();

  it('asks before importing a file for another city: Enter again and Esc do not import', async () => {
    const path = guangzhou();
    const c = await start();
    await c.press('1');
    await c.press(`${path}\r`);
    let f = await c.waitFor((x) => x.includes('检查通过'), 3000);
    expect(f).toContain('注意：文件发往“广州市社会保险卡管理中心”，不是本市（420100）的卡。');
    expect(f).toContain('按 Enter 导入（将先确认）');
    expect(q7()).toEqual({ n: 0 });
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('导入发给其他城市的卡？'), 3000);
    expect(f).toContain('仍要登记为武汉市社保卡管理中心的待入库卡，按 Y；不导入，按 N/Esc。');
    const footer = f.split('\n').at(-1)!;
    expect(footer).toContain('Y 仍然导入');
    expect(footer).toContain('N/Esc 不导入');
    expect(fits(f)).toBe(true);
    await c.press(KEYS.enter); // the Enter that asked, pressed again by habit, is no answer
    expect(c.lastFrame()).toContain('导入发给其他城市的卡？');
    await c.press(KEYS.esc, 5);
    f = c.lastFrame();
    expect(f).toContain('未导入。请与卡商或发件方核对文件是否送错。');
    expect(f).not.toContain('导入发给其他城市的卡？');
    expect(q7()).toEqual({ n: 0 });
    // Asked again, N says no too; then Y imports.
    await c.press(KEYS.enter);
    await c.press('n');
    expect(c.lastFrame()).toContain('未导入');
    expect(q7()).toEqual({ n: 0 });
    await c.press(KEYS.enter);
    await c.press('y');
    await c.waitFor((x) => x.includes('已导入'), 3000);
    expect(q7()).toEqual({ n: 4 });
  });

  it('Tab completes the path like a shell; an ambiguous name lists the choices', async () => {
    const inbox = join(dir, 'inbox-tab');
    mkdirSync(join(inbox, 'returns'), { recursive: true });
    copyFileSync(prefabFile, join(inbox, 'YZKCG_a.txt'));
    copyFileSync(prefabFile, join(inbox, 'YZKCG_b.txt'));
    const c = await start();
    await c.press('1');
    await c.press(`${dir}/inbox-t`);
    await c.press(KEYS.tab);
    expect(c.lastFrame()).toContain('inbox-tab/');
    await c.press('YZ');
    await c.press(KEYS.tab);
    let f = c.lastFrame();
    expect(f).toContain('inbox-tab/YZKCG_');
    expect(f).toContain('可选：');
    expect(f).toMatch(/^\s*YZKCG_a\.txt\s*$/m);
    expect(f).toMatch(/^\s*YZKCG_b\.txt\s*$/m);
    expect(f.split('\n').at(-1)).toContain('Tab 补全路径');
    await c.press(KEYS.tab); // a second Tab: the same choices
    expect(c.lastFrame()).toContain('可选：');
    await c.press('b');
    f = c.lastFrame();
    expect(f).not.toContain('可选：'); // typing clears the list
    await c.press(KEYS.backspace);
    await c.press('zz');
    await c.press(KEYS.tab);
    expect(c.lastFrame()).toContain('没有以此开头的文件或文件夹。');
  });

  it('Tab completes a folder, then the one maker file in it, and Enter checks that file', async () => {
    const inbox = join(dir, 'inbox-ahead');
    mkdirSync(inbox, { recursive: true });
    copyFileSync(prefabFile, join(inbox, 'YZKCG_中国工商银行_广州市社会保险卡管理中心_YZ2026110003_50_金邦达_102581000013_20261119150000.txt'));
    const c = await start();
    await c.press('1');
    await c.press(`${dir}/inbox-a`);
    await c.press(KEYS.tab);
    await c.press('Y');
    await c.press(KEYS.tab);
    await c.press(KEYS.enter);
    const f = await c.waitFor((x) => x.includes('检查通过') || x.includes('此文件已于') || x.includes('读不到'), 3000);
    expect(f).toMatch(/检查通过|此文件已于/); // the fixture may have been imported by an earlier test
    expect(f).toContain('_20261119150000.txt'); // the completed name, in the field
  });

  it('a folder lists its maker files to pick with ↑↓ Enter instead of “读不到文件”', async () => {
    const inbox = join(dir, 'inbox-pick');
    mkdirSync(inbox, { recursive: true });
    const names = readdirSync(fixtures).filter((n) => n.endsWith('.txt'));
    for (const n of names) copyFileSync(join(fixtures, n), join(inbox, n));
    writeFileSync(join(inbox, 'notes.txt'), 'x');
    const c = await start();
    await c.press('1');
    await c.press(`${inbox}\r`);
    let f = await c.waitFor((x) => x.includes('个卡商回盘文件'), 3000);
    expect(f).not.toContain('读不到文件');
    expect(f).toContain(`${names.length} 个卡商回盘文件`);
    expect(f).not.toContain('notes.txt');
    expect(f.split('\n').at(-1)).toContain('Enter 检查所选文件');
    expect(fits(f)).toBe(true);
    // The list is sorted by name: CPKCG…0001, …0002, …0009, then YZKCG. ↓↓ picks the bad one.
    await c.press(KEYS.down + KEYS.down);
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('处问题'), 3000);
    expect(f.split('\n').at(-1)).toContain('Enter 重新读取文件');
    await c.press(KEYS.esc, 5); // back to the folder's list, the marker where it was
    f = c.lastFrame();
    expect(f).toContain('个卡商回盘文件');
    expect(f).toMatch(/›\s+CPKCG_\S+_2026110009_/);
    await c.press(KEYS.esc, 5); // and to the path field
    expect(c.lastFrame()).not.toContain('个卡商回盘文件');
    expect(c.lastFrame().split('\n').at(-1)).toContain('Tab 补全路径');
  });

  it('a folder without maker files says so', async () => {
    const empty = join(dir, 'inbox-empty');
    mkdirSync(empty, { recursive: true });
    const c = await start();
    await c.press('1');
    await c.press(`${empty}\r`);
    const f = await c.waitFor((x) => x.includes('没有卡商回盘文件'), 3000);
    expect(f).not.toContain('读不到文件');
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
