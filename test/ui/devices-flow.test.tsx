import { describe, expect, it } from 'vitest';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { siteDevicesCache } from '../../src/workflows/site-devices-cache.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import type { ConsoleServices } from '../../src/ui/console-services.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';

const demo = useDemoConsole();
const footer = (f: string) => f.split('\n').at(-1) ?? '';

async function start(services: Partial<ConsoleServices> = {}): Promise<RenderedConsole> {
  const c = demo.start(services);
  await c.press('sunli\r');
  await c.press('680135\r');
  await c.waitFor((f) => f.includes('合计'), 3000);
  return c;
}

function expectAllFit(c: RenderedConsole) {
  for (const f of c.frames) expect(fitsTerminal(f), f).toBe(true);
}

describe('console: devices (设备)', () => {
  it('lists the counter’s simulated printer and reader, and tests an eject and a read with no card', async () => {
    const c = await start();
    expect(c.lastFrame()).toMatch(/8 即时制卡/);
    expect(c.lastFrame()).toMatch(/9 设备/);
    expect(c.lastFrame()).not.toContain('未开通');
    await c.press('9');
    let f = await c.waitFor((x) => x.includes('读卡器1') && !x.includes('正在检查设备'), 3000);
    expect(f).toContain('设备：工商银行武汉江岸支行（演示）（420102-B01）');
    expect(f).toContain('演示台账：全部为模拟设备。');
    expect(f).toMatch(/› 制卡机 制卡机1（模拟）\s+就绪\s+读卡位置无卡，卡盒1有卡/);
    expect(f).toMatch(/ {2}读卡器 读卡器1（模拟）\s+就绪/);
    expect(f).toMatch(/扫描枪 键盘式扫描枪（键盘式）\s+就绪/);
    expect(footer(f)).toMatch(/^R 测试读卡\s+E 测试退卡（到废卡口）\s+G 刷新\s+I 放卡\s+\? 帮助\s+Esc 返回\s+q 退出/);

    // E on the printer: nothing at its reader position, and the printer says so.
    await c.press('e');
    f = await c.waitFor((x) => x.includes('测试退卡失败'), 3000);
    expect(f).toContain('制卡机1 测试退卡失败：读卡位置没有卡：请先进卡。');

    // R on the printer reads at its reader position.
    await c.press('r');
    f = await c.waitFor((x) => x.includes('测试读卡失败'), 3000);
    expect(f).toContain('制卡机1 测试读卡失败：读卡器中没有卡');

    // R on the reader; E there says only a printer ejects.
    await c.press(KEYS.down);
    expect(c.lastFrame()).toMatch(/› 读卡器 读卡器1/);
    await c.press('r');
    f = await c.waitFor((x) => x.includes('读卡器1 测试读卡失败'), 3000);
    expect(f).toContain('读卡器1 测试读卡失败：读卡器中没有卡：请插入或放上社保卡后重试。');
    await c.press('e');
    expect(c.lastFrame()).toContain('只有制卡机可以测试退卡');

    // G refreshes; Esc goes home.
    await c.press('g');
    f = await c.waitFor((x) => x.includes('读卡器1') && !x.includes('正在检查设备'), 3000);
    expect(f).toMatch(/› 读卡器 读卡器1/);
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('合计');
    expectAllFit(c);
  });

  it('reads a card put in the simulated reader, with the ID number masked', async () => {
    const cache = siteDevicesCache(demo.ledger);
    try {
      const actor = authenticate(demo.ledger, 'sunli', '680135');
      const devices = await cache.open({ id: actor.siteId, code: actor.siteCode });
      const ssn = '42010219900101123' + residentIdCheckChar('42010219900101123');
      devices.readers[0]!.simulator!.insert({
        regionCode: '420100',
        ssn,
        cardNo: 'A10000099',
        cardIdCode: '0123456789ABCDEF0123456789ABCDEF',
        name: '王小明',
        resetCode: '',
        specVersion: '3.00',
        issueDate: '20260101',
        expiryDate: '20360101',
        terminalNo: '',
        deviceNo: '',
      });
      const c = await start({ devicesFor: cache.open });
      await c.press('9');
      await c.waitFor((x) => x.includes('读卡器1') && !x.includes('正在检查设备'), 3000);
      await c.press(KEYS.down);
      await c.press('r');
      const f = await c.waitFor((x) => x.includes('读卡成功'), 3000);
      expect(f).toContain('读卡成功：卡号 A10000099  姓名 王小明  社会保障号码 4201**********1236');
      expect(f).not.toContain(ssn);
      expectAllFit(c);
    } finally {
      await cache.closeAll();
    }
  });

  it('without a devices service, says no devices are configured and how', async () => {
    const c = await start({ devicesFor: undefined });
    await c.press('9');
    const f = await c.waitFor((x) => x.includes('没有接入设备'), 3000);
    expect(f).toContain('devices.json');
    expectAllFit(c);
  });
});

describe('console: a USB HID POS scanner (simulated, through the real report decoding)', () => {
  it('a code scanned on home opens the card; scanned into the lookup field it is searched like typing', async () => {
    const { writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const file = join(demo.dir, 'devices.json');
    writeFileSync(file, JSON.stringify({ sites: { '420102-B01': { scanners: [{ id: '扫描枪H', transport: 'simulator' }], readers: [{ id: '读卡器1', transport: 'simulator' }] } } }));
    try {
      const cache = siteDevicesCache(demo.ledger);
      const c = await start({ devicesFor: cache.open });
      const actor = authenticate(demo.ledger, 'sunli', '680135');
      const devices = await cache.open({ id: actor.siteId, code: actor.siteCode });
      const scanner = devices.hidScanners[0]!;
      expect(scanner).toMatchObject({ id: '扫描枪H', transport: 'simulator' });
      // Give the console's subscription (made after login) a moment.
      await c.press('', 20);
      scanner.simulate!('A10000017');
      let f = await c.waitFor((x) => x.includes('卡号 A10000017'), 3000);
      expect(f).toContain('流转记录');
      await c.press('', 5);
      scanner.simulate!('A10000018');
      f = await c.waitFor((x) => x.includes('卡号 A10000018'), 3000);
      expect(f).not.toContain('卡号 A10000017');
      await c.press(KEYS.esc, 5);
      await cache.closeAll();
    } finally {
      rmSync(file, { force: true });
    }
  });
});

describe('console: a simulated card on the simulated reader (设备 I / O / A)', () => {
  it('I puts a typed card on the reader, R reads it, O takes it off; only a simulated reader takes one', async () => {
    const { rmSync } = await import('node:fs');
    const { readerSlotsFile, setReaderSlot } = await import('../../src/workflows/reader-slots.ts');
    // A demo's reader starts on auto; this walk starts from a clerk who turned it off.
    setReaderSlot(demo.ledger, '420102-B01', '读卡器1', { card: null, auto: false });
    // A card at 孙丽's site (江岸 420102-B01: its prefab blanks).
    const card = (demo.ledger.sqlite.prepare("SELECT c.card_no AS no FROM cards c JOIN sites s ON s.id = c.site_id WHERE s.code = '420102-B01' ORDER BY c.card_no LIMIT 1").get() as { no: string }).no;
    try {
      const c = await start();
      await c.press('9');
      await c.waitFor((x) => x.includes('读卡器1') && !x.includes('正在检查设备'), 3000);
      // On the printer: not a simulated reader.
      await c.press('i');
      expect(c.lastFrame()).toContain('只有模拟读卡器可以放卡');
      await c.press(KEYS.down);
      expect(c.lastFrame()).toMatch(/› 读卡器 读卡器1（模拟）\s+就绪\s+读卡器上无卡/);
      // I, then Esc: nothing put there.
      await c.press('i');
      let f = await c.waitFor((x) => x.includes('把一张卡放到 读卡器1 上'), 3000);
      expect(f).toMatch(/›卡号 /);
      await c.press(KEYS.esc);
      f = await c.waitFor((x) => !x.includes('把一张卡放到'), 3000);
      expect(f).toContain('设备：');
      // I, a card number, Enter: the card is on the reader and R reads it.
      await c.press('i');
      await c.press(`${card}\r`);
      f = await c.waitFor((x) => x.includes(`已把卡 ${card} 放到 读卡器1 上`), 3000);
      expect(f).toMatch(new RegExp(`› 读卡器 读卡器1（模拟）\\s+就绪\\s+读卡器上有卡 ${card}`));
      await c.press('r');
      f = await c.waitFor((x) => x.includes('读卡成功'), 3000);
      expect(f).toContain(`读卡成功：卡号 ${card}`);
      // A: the card being issued goes there by itself; O takes the card off (and ends auto).
      await c.press('a');
      f = await c.waitFor((x) => x.includes('自动放上待发放的卡'), 3000);
      expect(f).toMatch(new RegExp(`读卡器上有卡 ${card}，自动放上待发放的卡`));
      await c.press('o');
      f = await c.waitFor((x) => x.includes(`已从 读卡器1 上取下卡 ${card}`), 3000);
      expect(f).toMatch(/› 读卡器 读卡器1（模拟）\s+就绪\s+读卡器上无卡/);
      await c.press('r');
      f = await c.waitFor((x) => x.includes('读卡器1 测试读卡失败'), 3000);
      expect(f).toContain('读卡器中没有卡');
      // A card the ledger does not have is refused, the field stays for another try.
      await c.press('i');
      await c.press('Z99999999\r');
      f = await c.waitFor((x) => x.includes('台账中没有卡号 Z99999999'), 3000);
      expect(f).toMatch(/›卡号 /);
      await c.press(KEYS.esc);
      expectAllFit(c);
    } finally {
      rmSync(readerSlotsFile(demo.ledger), { force: true });
    }
  });
});
