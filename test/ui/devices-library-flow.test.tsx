/**
 * The console's 设备 page over library devices: the stub SSCardDriver (compiled here) named in
 * devices.json — the same page, keys and wording as over the simulator, plus the library's
 * version, and a missing library reported with what to install.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteDevicesCache } from '../../src/workflows/site-devices-cache.ts';
import { residentIdCheckChar } from '../../src/domain/resident-id.ts';
import { useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';
import { HAVE_CC, readStub, stubLibrary, writeStub } from '../helpers/sscard-stub.ts';

const demo = useDemoConsole();
const caches: ReturnType<typeof siteDevicesCache>[] = [];
afterEach(async () => {
  await Promise.all(caches.splice(0).map((c) => c.closeAll()));
  rmSync(join(demo.dir, 'devices.json'), { force: true });
  delete process.env.SSCARD_STUB_STATE;
});

async function start(path: string): Promise<RenderedConsole> {
  writeFileSync(join(demo.dir, 'devices.json'), JSON.stringify({ sites: { '420102-B01': { printers: [{ id: '制卡机1', transport: 'library', path }], readers: [{ id: '读卡器1', transport: 'library', path }] } } }));
  const state = join(demo.dir, 'sscard-stub.state');
  writeStub(state, { faults: { cover: false, jam: false, chipFails: false, hangInPrint: false }, reader: null, hoppers: [], good: [], bad: [] });
  process.env.SSCARD_STUB_STATE = state;
  const cache = siteDevicesCache(demo.ledger);
  caches.push(cache);
  const c = demo.start({ devicesFor: cache.open });
  await c.press('sunli\r');
  await c.press('680135\r');
  await c.waitFor((f) => f.includes('合计'), 3000);
  await c.press('9');
  return c;
}

describe.skipIf(!HAVE_CC)('console: devices (设备) through the vendor library (stub) — skipped: no C compiler `cc`', { timeout: 60_000 }, () => {
  it('lists the library printer and reader, tests an eject and reads a card through the library', async () => {
    const c = await start(stubLibrary());
    let f = await c.waitFor((x) => x.includes('读卡器1') && !x.includes('正在检查设备'), 10_000);
    expect(f).toMatch(/› 制卡机 制卡机1（厂商动态库）\s+就绪\s+动态库 /);
    expect(f).toMatch(/读卡器 读卡器1（厂商动态库）\s+就绪/);
    await c.press('e');
    f = await c.waitFor((x) => x.includes('测试退卡失败'), 10_000);
    expect(f).toContain('制卡机1 测试退卡失败：读卡位置没有卡：请先进卡。');
    const state = process.env.SSCARD_STUB_STATE!;
    const ssn = '42010219900101123' + residentIdCheckChar('42010219900101123');
    writeStub(state, { ...readStub(state), reader: { idCode: '0123456789ABCDEF', reset: '3B6D', region: '420100', ssn, cardNo: 'A10000099', name: '王小明', issue: '20260101', expiry: '20360101', printed: true } });
    await c.press(KEYS.down);
    await c.press('r');
    f = await c.waitFor((x) => x.includes('读卡成功'), 10_000);
    expect(f).toContain('读卡成功：卡号 A10000099  姓名 王小明  社会保障号码 4201**********1236');
    expect(f).not.toContain(ssn);
  });

  it('a missing library: the printer is unavailable, with the library to install', async () => {
    const c = await start('/opt/sscard/SSCardDriver.so');
    const f = await c.waitFor((x) => x.includes('读卡器1') && !x.includes('正在检查设备'), 10_000);
    expect(f).toMatch(/制卡机 制卡机1（厂商动态库）\s+不可用\s+找不到/);
  });
});
