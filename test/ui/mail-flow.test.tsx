import { describe, expect, it } from 'vitest';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { mailCard, mailList } from '../../src/workflows/mail-delivery.ts';
import { recalledList } from '../../src/workflows/recalled-list.ts';
import { randomUUID } from 'node:crypto';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';

const demo = useDemoConsole();

async function start(login: string, pin: string): Promise<RenderedConsole> {
  const c = demo.start();
  await c.press(`${login}\r`);
  await c.press(`${pin}\r`);
  await c.waitFor((f) => f.includes('合计'), 3000);
  return c;
}

describe('console: mail delivery on 发卡 (邮递上门, GD Art. 14)', () => {
  it('江汉 mails a card: 3 邮寄 asks for address, carrier and tracking; the card is 邮寄途中 and listed in the post', async () => {
    const c = await start('liuyang', '579024');
    await c.press('4');
    await c.waitFor((x) => x.includes('发卡：查找持卡人的卡'));
    await c.press('A10000039\r');
    await c.waitFor((x) => x.includes('发卡：卡 A10000039'));
    await c.press(KEYS.up);
    await c.press('3');
    let f = c.lastFrame();
    expect(f).toMatch(/领取人\s+1 本人\s+2 代领\s+\[3 邮寄\]/);
    expect(f).toContain('收件地址');
    expect(f).toContain('运单号');
    expect(f).not.toContain('持卡人证件号码');
    expect(f).toContain('不做读卡检测');
    await c.press(KEYS.down);
    await c.press('武汉市江汉区新华路8号\r中国邮政EMS\rEMS9001\r');
    f = await c.waitFor((x) => x.includes('已交寄卡'));
    expect(f).toContain('✓ 已交寄卡 A10000039');
    expect(f).toContain('EMS9001');
    expect(f).toContain('邮寄途中');
    expect(f).toContain('短信取件码');
    expect(lookupCard(demo.ledger, 'A10000039').state).toBe('mailed');
    const liuyang = authenticate(demo.ledger, 'liuyang', '579024');
    expect(mailList(demo.ledger, liuyang).map((m) => m.cardNo)).toEqual(['A10000039']);
    expect(verifyLedger(demo.ledger).ok).toBe(true);

    // Esc to the search, Ctrl+L: the day's 发放台账 lists the mailing; S saves it.
    await c.press(KEYS.esc, 5);
    await c.waitFor((x) => x.includes('发卡：查找持卡人的卡'));
    await c.press('\u000c');
    f = await c.waitFor((x) => x.includes('发放台账 '));
    expect(f).toMatch(/A10000039\s+\S+\s+邮寄寄出\s+未做\s+EMS9001\s+刘洋/);
    expect(f).toContain('须存签字回执或代领清单 0 份');
    expect(f).toContain('未做读卡检测');
    expect(f).toContain('按经办人：刘洋 1');
    expect(f).toContain('EMS9001  武汉市江汉区新华路8号');
    await c.press('s');
    f = await c.waitFor((x) => x.includes('已保存到'));
    expect(f).toMatch(/发放管理台账_420103-01_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv/);
    await c.press('\u001B[D');
    f = await c.waitFor((x) => x.includes('这一天没有发放记录'));
    for (const frame of c.frames) expect(fitsTerminal(frame), frame).toBe(true);
  });

  it('逾期与回收 lists the cards in the post as 邮寄中; D records the SMS code (issued), T a return (in stock, recalled 邮寄信息错误); verify clean', async () => {
    const liuyang = authenticate(demo.ledger, 'liuyang', '579024');
    // Two cards 江汉 holds in stock (the first test mailed A10000039 already).
    const [first, second] = (
      demo.ledger.sqlite
        .prepare(`SELECT c.card_no AS no FROM cards c JOIN sites s ON s.id = c.site_id WHERE s.code = '420103-01' AND c.state = 'in_stock' AND c.kind = 'finished' AND c.holder_id IS NOT NULL AND c.recalled_at IS NULL ORDER BY c.card_no LIMIT 2`)
        .all() as { no: string }[]
    ).map((r) => r.no);
    for (const [cardNo, tracking] of [[first!, 'EMS7001'], [second!, 'EMS7002']] as const) {
      mailCard(demo.ledger, liuyang, { operationId: randomUUID(), cardNo, address: '武汉市江汉区新华路8号', carrier: '中国邮政EMS', trackingNo: tracking });
    }
    const c = await start('liuyang', '579024');
    await c.press('5');
    await c.waitFor((x) => x.includes('逾期与回收'));
    for (let i = 0; i < 4; i++) await c.press(KEYS.tab);
    let f = await c.waitFor((x) => x.includes('[邮寄中 3]'));
    expect(f).toMatch(new RegExp(`${first}\\s+\\S+\\s+\\d{4}-\\d{2}-\\d{2}\\s+0\\s+中国邮政EMS\\s+EMS7001`));
    expect(f).toMatch(/4201\*{10}\d{3}[\dX]\s+收件人/);
    expect(f).toMatch(/D\s+签收/);
    // D on the first (the oldest mailing, the first test's A10000039): the SMS code; an empty one is refused in place.
    await c.press('d');
    f = await c.waitFor((x) => x.includes('登记签收：卡 A10000039'));
    await c.press('\r');
    f = await c.waitFor((x) => x.includes('短信取件码或签收凭证号'));
    await c.press('5821\r');
    f = await c.waitFor((x) => x.includes('已签收，已发放'));
    expect(f).toContain('[邮寄中 2]');
    expect(lookupCard(demo.ledger, 'A10000039').state).toBe('issued');
    // T on the next: back in stock, recalled.
    await c.press('t');
    await c.waitFor((x) => x.includes(`登记退回：卡 ${first}`));
    await c.press('查无此人\r');
    f = await c.waitFor((x) => x.includes('已退回入库'));
    expect(f).toContain('[邮寄中 1]');
    expect(f).toContain(second);
    expect(lookupCard(demo.ledger, first!).state).toBe('in_stock');
    expect(recalledList(demo.ledger, liuyang).find((r) => r.cardNo === first)).toMatchObject({ reason: '邮寄信息错误等个人原因滞留：查无此人' });
    expect(verifyLedger(demo.ledger).ok).toBe(true);
    for (const frame of c.frames) expect(fitsTerminal(frame), frame).toBe(true);
  });
});
