/**
 * 发卡 in the console to an agent who shows a passport (HB Art. 5): Ctrl+T on the agent's ID row
 * cycles the document, the row's label names it, and the passport number is checked as one.
 */
import { describe, expect, it } from 'vitest';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS } from '../helpers/render-console.tsx';

const demo = useDemoConsole();
const CTRL_T = '\u0014';

function holderOf(cardNo: string): { id: string; name: string } {
  return demo.ledger.sqlite
    .prepare('SELECT h.id_number AS id, h.name AS name FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.card_no = ?')
    .get(cardNo) as { id: string; name: string };
}

describe('console: issuing to an agent with a passport', () => {
  it('Ctrl+T on the agent ID row: 外国护照号码; a resident-ID-only number is refused, the passport number accepted', async () => {
    const holder = holderOf('A10000039');
    const c = demo.start({});
    await c.press('liuyang\r');
    await c.press('579024\r');
    await c.waitFor((f) => f.includes('合计'), 3000);
    await c.press('4');
    await c.waitFor((x) => x.includes('发卡：查找持卡人的卡'));
    await c.press('A10000039\r');
    await c.waitFor((x) => x.includes('发卡：卡 A10000039'));
    await c.press(KEYS.up);
    await c.press('2');
    await c.press(KEYS.down);
    await c.press(`${holder.id}\rJOHN SMITH\r`);
    expect(c.lastFrame().split('\n').at(-1)).toMatch(/Ctrl\+T 换代领人证件类型/);
    for (let i = 0; i < 7; i++) await c.press(CTRL_T);
    expect(c.lastFrame()).toMatch(/›外国护照号码/);
    await c.press('X12345678\r朋友\r');
    const f = await c.waitFor((x) => x.includes('已发放卡'), 5000);
    expect(f).toContain('JOHN SMITH');
    expect(lookupCard(demo.ledger, 'A10000039').state).toBe('issued');
  });
});
