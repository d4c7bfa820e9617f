/**
 * The console's read-check at issuance with the site's own reader (run-console's
 * `readerFromDevices`): on a demo ledger that is the simulated 读卡器1, which reads the card put on
 * it (issue 20 item 4) — no card, another card, then the right one — never a pretend pass.
 */
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { overdueList } from '../../src/workflows/recall.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { insertSimulatedCard, removeSimulatedCard } from '../../src/workflows/simulated-card-slot.ts';
import { readerSlotsFile } from '../../src/workflows/reader-slots.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS } from '../helpers/render-console.tsx';

const demo = useDemoConsole();
const CTRL_R = '\u0012';

function holderId(cardNo: string): string {
  return (demo.ledger.sqlite.prepare('SELECT h.id_number AS id FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.card_no = ?').get(cardNo) as { id: string }).id;
}

describe('console: issuance read-check with the site’s simulated reader', () => {
  it('no card: says so; another card: says which; the card itself: passes and the card is issued', async () => {
    const li = authenticate(demo.ledger, 'liuyang', '579024');
    const [card, other] = overdueList(demo.ledger, li, loadCalendar()).map((r) => r.cardNo) as [string, string];
    // A demo's reader starts on auto; this walk is the manual one (O on 设备 turns auto off).
    removeSimulatedCard(demo.ledger, li, undefined);
    try {
      const c = demo.start({ readerFromDevices: true });
      await c.press('liuyang\r');
      await c.press('579024\r');
      await c.waitFor((f) => f.includes('合计'), 3000);
      await c.press('4');
      await c.waitFor((x) => x.includes('发卡：查找持卡人的卡'));
      await c.press(`${card}\r`);
      let f = await c.waitFor((x) => x.includes(`发卡：卡 ${card}`) && x.includes('按 R 读卡'), 3000);
      await c.press(holderId(card));
      await c.press(CTRL_R);
      f = await c.waitFor((x) => x.includes('读卡器中没有卡'), 3000);
      expect(f).not.toContain('读卡检测通过');

      insertSimulatedCard(demo.ledger, li, undefined, other);
      await c.press(CTRL_R);
      f = await c.waitFor((x) => x.includes('另一张卡'), 3000);
      expect(f.replace(/\s+/g, '')).toContain(`另一张卡（卡号${other}）`);
      expect(lookupCard(demo.ledger, card).state).toBe('in_stock');

      insertSimulatedCard(demo.ledger, li, undefined, card);
      await c.press(CTRL_R);
      await c.waitFor((x) => x.includes('读卡检测通过'), 3000);
      await c.press(KEYS.enter);
      f = await c.waitFor((x) => x.includes('已发放卡'), 3000);
      expect(f).toMatch(/读卡检测：通过/);
      expect(lookupCard(demo.ledger, card).state).toBe('issued');
      for (const fr of c.frames) expect(fitsTerminal(fr), fr).toBe(true);
    } finally {
      rmSync(readerSlotsFile(demo.ledger), { force: true });
    }
  });
});
