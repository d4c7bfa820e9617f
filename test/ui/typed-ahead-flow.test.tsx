import { describe, expect, it } from 'vitest';
import { setReaderSlot } from '../../src/workflows/reader-slots.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';

/**
 * Keys typed ahead arrive in one read over SSH, as fast as a barcode scanner types: a command key
 * followed by a code and Enter must act as the keys typed one by one, not as one scan
 * (src/ui/keys/typed-ahead.ts). Each press below is one write, i.e. one read.
 */
const demo = useDemoConsole();

async function start(login: string, pin: string): Promise<RenderedConsole> {
  const c = demo.start();
  await c.press(`${login}\r${pin}\r`);
  await c.waitFor((f) => f.includes('合计'), 3000);
  return c;
}

const holderId = (cardNo: string): string =>
  demo.ledger.sqlite.prepare('SELECT h.id_number FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.card_no = ?').pluck().get(cardNo) as string;

describe('console: command keys typed ahead of a code in one read', () => {
  it('home: 4 + a card number + Enter opens 发卡 on that card; 4 + an ID number + Enter looks the holder up', async () => {
    const c = await start('liuyang', '579024');
    await c.press('4A10000037\r');
    let f = await c.waitFor((x) => x.includes('发卡：卡 A10000037'), 3000);
    expect(f).not.toContain('台账中没有卡号');
    await c.press(KEYS.esc, 5);
    await c.press(KEYS.esc, 5);
    await c.waitFor((x) => x.includes('合计'), 3000);

    const id = holderId('A10000037');
    await c.press(`4${id}\r`);
    f = await c.waitFor((x) => x.includes('A10000037') && x.includes('发卡'), 3000);
    expect(f).not.toContain('台账中没有卡号');
    expect(f).not.toContain('查卡');
    for (const frame of c.frames) expect(fitsTerminal(frame), frame).toBe(true);
  });

  it('home: a card number scanned whole still opens the card, though it starts with no command key', async () => {
    const c = await start('liuyang', '579024');
    await c.press('A10000037\r');
    const f = await c.waitFor((x) => x.includes('卡号 A10000037'), 3000);
    expect(f).toContain('流转记录');
  });

  it('设备: i + a card number + Enter puts the card on the reader', async () => {
    setReaderSlot(demo.ledger, '420102-B01', '读卡器1', { card: null, auto: false });
    const card = demo.ledger.sqlite
      .prepare("SELECT c.card_no FROM cards c JOIN sites s ON s.id = c.site_id WHERE s.code = '420102-B01' ORDER BY c.card_no LIMIT 1")
      .pluck()
      .get() as string;
    expect(lookupCard(demo.ledger, card).cardNo).toBe(card);
    const c = await start('sunli', '680135');
    await c.press('9');
    await c.waitFor((x) => x.includes('读卡器1') && !x.includes('正在检查设备'), 3000);
    await c.press(KEYS.down);
    await c.press(`i${card}\r`);
    const f = await c.waitFor((x) => x.includes(`已把卡 ${card} 放到 读卡器1 上`), 3000);
    expect(f).toMatch(new RegExp(`读卡器上有卡 ${card}`));
  });
});
