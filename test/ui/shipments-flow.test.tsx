import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { listShipments } from '../../src/workflows/shipment-list.ts';
import { dispatchDestinations } from '../../src/workflows/shipment-dispatch.ts';
import { openDiscrepancies } from '../../src/workflows/check-in.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { exportsDir } from '../../src/workflows/shipment-export.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { footerText } from '../../src/ui/components/footer.tsx';
import { helpLines } from '../../src/ui/components/help-overlay.tsx';
import { displayWidth } from '../../src/text/display-width.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';

const demo = useDemoConsole();
const CTRL_S = '\u0013';
const CTRL_D = '\u0004';
const CTRL_Z = '\u001a';
const RIGHT = '\u001B[C';
const card = (prefix: string, n: number) => `${prefix}${String(n).padStart(7, '0')}`;

async function start(login: string, pin: string): Promise<RenderedConsole> {
  const c = demo.start();
  await c.press(`${login}\r`);
  await c.press(`${pin}\r`);
  await c.waitFor((f) => f.includes('合计'), 3000);
  return c;
}

function expectAllFit(c: RenderedConsole) {
  for (const f of c.frames) expect(fitsTerminal(f), f).toBe(true);
}

/** Frames from `from` on, without the header row (the operator's name) and the footer. */
const bodies = (c: RenderedConsole, from: number) => c.frames.slice(from).map((f) => f.split('\n').slice(1, -1).join('\n'));

describe('console: shipments, blind sign-in and dispatch', () => {
  it('硚口 signs in the courier shipment blind: 28 of 30 cards plus one that is not on the list', async () => {
    const c = await start('chenjing', '802357');
    await c.press('3');
    let f = await c.waitFor((x) => x.includes('发运与签收'));
    expect(f).toMatch(/\[待签收 1\]\s+本网点发出 0/);
    // Blind from the list on: the shipment, its sender and days on the way, never its card count.
    expect(f).toMatch(/›\s*420100-\d{8}-001\s+武汉市社保卡管\S*\s+快递\s+在途\s+\d+\s/);
    expect(f).toMatch(/运单号 SF\d{12}\s+发出人 李娟/);
    expect(f).not.toContain('张数');
    expect(f).not.toMatch(/\b30\b/);
    expect(f.split('\n').at(-1)).toMatch(/Enter 签收此单\s+N 新建发运\s+Tab 待签收\/本网点发出\s+\? 帮助\s+Esc 返回\s+q 退出/);

    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('签收交接单'));
    const opened = c.frames.length - 1;
    expect(f).toContain('来自 武汉市社保卡管理中心  方式 快递');
    expect(f).toContain('已点 0 张');
    expect(f.split('\n').at(-1)).toMatch(/Enter 扫描卡号或箱号\s+Ctrl\+Z 撤销\s+Ctrl\+B 记为损坏\s+Ctrl\+S 提交点数/);

    // Scanner bursts: several scans in one read, 28 of the 30 cards.
    // Each read is let through before the next (the router defers what follows an Enter).
    for (let from = 1; from <= 28; from += 7) {
      await c.press(Array.from({ length: 7 }, (_, i) => `${card('C3', from + i)}\r`).join(''));
      await c.waitFor((x) => x.includes(`已点 ${from + 6} 张`));
    }
    await c.press(`${card('C3', 5)}\r`);
    expect(c.lastFrame()).toContain(`重复扫描：${card('C3', 5)} 已点过`);
    await c.press('B20000006\r'); // a card of another batch, in stock at 江汉
    f = await c.waitFor((x) => x.includes('多出：B20000006'));
    expect(f).toContain('已点 28 张，多出 1 张，重复扫描 1 次');
    // Stray input becomes a 多出 at once: Ctrl+Z takes it back; Ctrl+D (once "damaged") does nothing.
    await c.press('24\r');
    f = await c.waitFor((x) => x.includes('多出：24 不在此交接单中（将登记为多出）'));
    expect(f).toContain('已点 28 张，多出 2 张，重复扫描 1 次');
    await c.press(CTRL_D);
    expect(c.lastFrame()).toBe(f);
    await c.press(CTRL_Z);
    f = await c.waitFor((x) => x.includes('已撤销：24（不再登记为多出）'));
    expect(f).toContain('已点 28 张，多出 1 张，重复扫描 1 次');
    // Blind: nothing before the submit says how many are expected.
    for (const b of bodies(c, opened)) {
      expect(b).not.toContain('应到');
      expect(b).not.toMatch(/\b30\b/);
    }

    await c.press(CTRL_S);
    f = await c.waitFor((x) => x.includes('点数结果') || x.includes('应到'));
    expect(f).toMatch(/应到 30\s+实到 28\s+缺少 2\s+多出 1\s+损坏 0\s+盲点数 28/);
    expect(f).toMatch(/420100-2026-1101\/02\s+10\s+8\s+少 2/);
    expect(f).toMatch(/›\s*C30000029\s+02/);
    expect(f).toContain('C30000030');
    expect(f).toMatch(/签收人\s+‹ 陈静（chenjing） ›/);
    expect(f).toMatch(/›保管地点\s+\[保险柜1\]/);
    expect(f.split('\n').at(-1)).toMatch(/Enter 签收并结单\s+P 部分签收\s+←→ 换保管地点\s+Esc 返回清点/);
    // A card scanned by habit now is not an Enter that closes the shipment.
    await c.press(`${card('C3', 29)}\r`);
    f = c.lastFrame();
    expect(f).toContain('点数已提交，这次扫描未计入');
    expect(f).toContain('应到 30');
    expect(f).not.toContain('签收完成');

    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('签收完成'));
    expect(f).toContain('实收 28 张，多出 1 张；已结单，缺少 2 张已登记差异');
    await c.press(KEYS.enter); // a second Enter does nothing
    await c.press(KEYS.esc, 5);
    f = await c.waitFor((x) => x.includes('发运与签收'));
    expect(f).toContain('没有待签收的交接单');
    expectAllFit(c);

    // What the ledger says now.
    const ledger = demo.ledger;
    const cj = authenticate(ledger, 'chenjing', '802357');
    const all = listShipments(ledger, cj, { direction: 'inbound', includeDone: true }, loadCalendar());
    const s = all.find((x) => x.from.code === '420100' && x.cards === 30)!;
    expect(s).toMatchObject({ status: 'closed', outstanding: 2 });
    for (let n = 1; n <= 28; n++) {
      expect(lookupCard(ledger, card('C3', n))).toMatchObject({ state: 'in_stock', site: { code: '420104-01' }, place: '保险柜1' });
    }
    expect(lookupCard(ledger, card('C3', 29)).state).toBe('in_transit');
    const open = openDiscrepancies(ledger, cj).filter((d) => d.refKind === 'shipment' && d.refId === s.number);
    expect(open.map((d) => [d.kind, d.cardNo])).toEqual([
      ['missing', card('C3', 29)],
      ['missing', card('C3', 30)],
      ['extra', 'B20000006'],
    ]);
    const receipt = ledger.sqlite.prepare("SELECT counted_blind n FROM shipment_events WHERE type = 'receipt' ORDER BY id DESC LIMIT 1").get();
    expect(receipt).toEqual({ n: 28 });
    expect(verifyLedger(ledger).ok).toBe(true);
  });

  it('the city signs in the province’s boxes by count, then dispatches them to 江岸 and saves the sheet', async () => {
    const c = await start('lijuan', '246801');
    await c.press('3');
    let f = await c.waitFor((x) => x.includes('发运与签收'));
    expect(f).toMatch(/P-420100-2026-1120\s+湖北省\s+省中心寄出\s+在途\s+\d+/);
    expect(f).toMatch(/420102-01-\d{8}-001\s+江岸社会保险管理\S*\s+专人送达\s+在途\s+\d+ ⚠/);
    expect(f).not.toMatch(/在途\s+24\b|张数/);

    // `?` lists this list's keys.
    await c.press('?');
    f = c.lastFrame();
    expect(f).toMatch(/本页[\s\S]*Enter\s+签收此单[\s\S]*N\s+新建发运[\s\S]*导航[\s\S]*Tab\s+待签收\/本网点发出/);
    await c.press(KEYS.esc, 5);

    // The province shipment is the first row.
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('签收交接单 P-420100-2026-1120'));
    const opened = c.frames.length - 1;
    await c.press('01\r'); // a bare box label: one box of this shipment has it
    expect(c.lastFrame()).toContain('箱 420100-2026-1120/01 实点张数');
    await c.press('20\r');
    expect(c.lastFrame()).toContain('已记录：箱 420100-2026-1120/01 实点 20 张');
    // A card of a box counted whole is not a "repeat": that would tell the box's count matched.
    await c.press('D40000001\r');
    expect(c.lastFrame()).toContain('✓ D40000001');
    expect(c.lastFrame()).toContain('已点 20 张');
    await c.press('420100-2026-1120/02\r3\r'); // a miscount, in one read
    f = await c.waitFor((x) => x.includes('实点 3 张'));
    expect(f).toContain('已点 23 张'); // what the operator counted, match or not
    for (const b of bodies(c, opened)) expect(b).not.toMatch(/应到|不符|一致|少 \d/);

    await c.press(CTRL_S);
    f = await c.waitFor((x) => x.includes('应到 24'));
    expect(f).toMatch(/应到 24\s+实到 20\s+缺少 4/);
    expect(f).toMatch(/420100-2026-1120\/02\s+4\s+0\s+报 3 张，不符/);
    await c.press('?');
    expect(c.lastFrame()).toMatch(/Enter\s+签收并结单[\s\S]*P\s+部分签收[\s\S]*Esc\s+返回清点/);
    await c.press(KEYS.esc, 5);
    await c.press(KEYS.esc, 5); // back to counting: recount the box
    expect(c.lastFrame()).toContain('已点 23 张');
    await c.press('02\r4\r');
    await c.waitFor((x) => x.includes('已点 24 张'));
    await c.press(CTRL_S);
    f = await c.waitFor((x) => x.includes('应到 24'));
    expect(f).toMatch(/应到 24\s+实到 24\s+缺少 0\s+多出 0\s+损坏 0\s+盲点数 23/); // the first, blind count is kept
    await c.press(RIGHT); // the other storage place
    expect(c.lastFrame()).toMatch(/\[成品卡库A架\]/);
    // 签收人 and 保管人 are the city's operators, chosen from their list: you by default, ←→ for another.
    expect(c.lastFrame()).toMatch(/签收人\s+‹ 李娟（lijuan） ›\s+1\/2/);
    await c.press(KEYS.tab);
    await c.press(KEYS.tab);
    expect(c.lastFrame()).toMatch(/›保管人\s+‹ 李娟（lijuan） ›/);
    await c.press('张'); // a name typed freely goes nowhere
    expect(c.lastFrame()).toMatch(/›保管人\s+‹ 李娟（lijuan） ›\s+1\/2/);
    await c.press(RIGHT);
    expect(c.lastFrame()).toMatch(/›保管人\s+‹ 王建国（admin） ›\s+2\/2/);
    expect(c.lastFrame().split('\n').at(-1)).toMatch(/←→ 换人/);
    await c.press(KEYS.enter);
    expect(c.lastFrame()).toMatch(/›保管地点/);
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('签收完成'));
    expect(f).toContain('实收 24 张；全部签收。');
    const signed = lookupCard(demo.ledger, 'D40000001');
    expect(signed).toMatchObject({ state: 'in_stock', place: '成品卡库A架' });
    expect(signed.history.at(-1)).toMatchObject({ counterpart: '王建国', counterpartRole: 'custodian', method: '逐级签收（签收人 李娟）' });

    // Back on the list (inbound tab), N starts a dispatch.
    await c.press(KEYS.esc, 5);
    await c.waitFor((x) => x.includes('[待签收 1]'));
    await c.press('N');
    f = await c.waitFor((x) => x.includes('选择接收单位'));
    expect(f).toMatch(/420102\s+江岸区\s+下发/);
    const li = authenticate(demo.ledger, 'lijuan', '246801');
    const target = dispatchDestinations(demo.ledger, li).findIndex((d) => d.code === '420102-01');
    for (let i = 0; i < target; i++) await c.press(KEYS.down);
    expect(c.lastFrame()).toMatch(/›\s*420102-01\s+江岸社会保险管理处/);
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('发往 江岸社会保险管理处（420102-01）'));

    await c.press('420100-2026-1120/01\r');
    expect(c.lastFrame()).toContain('✓ 箱 420100-2026-1120/01：加入 20 张');
    await c.press('420100-2026-1120\rD40000003\r'); // the batch adds the rest; a card already listed adds nothing
    f = await c.waitFor((x) => x.includes('D40000003 的卡已全部在清单中'));
    expect(f).toContain('✓ 批次 420100-2026-1120：加入 4 张');
    expect(f).toContain('共 24 张（已加入 2 项）');
    expect(f).toMatch(/420100-2026-1120\s+01\s+20/);
    expect(f).toMatch(/420100-2026-1120\s+02\s+4/);
    // Ctrl+D (once undo here) does nothing now; Ctrl+Z takes back the last entry.
    const beforeCtrlD = c.lastFrame();
    await c.press(CTRL_D);
    expect(c.lastFrame()).toBe(beforeCtrlD);
    await c.press(CTRL_Z);
    expect(c.lastFrame()).toContain('已撤销 420100-2026-1120（4 张）');
    expect(c.lastFrame()).toContain('共 20 张（已加入 1 项）');
    await c.press('NOSUCH001\r');
    expect(c.lastFrame()).toMatch(/NOSUCH001.*没有可发出的卡|没有.*NOSUCH001/);
    await c.press('420100-2026-1120\r');
    await c.waitFor((x) => x.includes('共 24 张（已加入 2 项）'));
    await c.press(KEYS.enter); // an empty line: on to the details
    f = await c.waitFor((x) => x.includes('发放方式'));
    expect(f).toMatch(/›发放方式\s+\[专人送达\]/);
    expect(f).toMatch(/发出人\s+李娟/);
    await c.press(RIGHT);
    expect(c.lastFrame()).toMatch(/\[快递\]/);
    await c.press(KEYS.tab);
    await c.press('SF1234567890\r'); // a scanned waybill: its Enter goes on to the check
    f = await c.waitFor((x) => x.includes('确认发出？'));
    expect(f).toContain('发放方式：快递');
    expect(f).toContain('运单号：SF1234567890');
    expect(f).toContain('发出人：李娟');
    expect(f).toContain('张数：24');
    await c.press('D40000005\r'); // a stray scan does not confirm
    expect(c.lastFrame()).toContain('确认发出？');
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('已发出交接单'));
    const number = /已发出交接单 (420100-\d{8}-\d{3})，共 24 张/.exec(f)?.[1];
    expect(number).toBeDefined();
    const textPath = join(exportsDir(demo.ledger), `交接单_${number}.txt`);
    const csvPath = join(exportsDir(demo.ledger), `交接单_${number}.csv`);
    expect(existsSync(textPath)).toBe(true);
    expect(existsSync(csvPath)).toBe(true);
    expect(readFileSync(textPath, 'utf8')).toContain(number!);
    expect(f).toContain(`交接单_${number}.txt`);

    // Back to the list: the outbound tab shows it.
    await c.press(KEYS.esc, 5);
    f = await c.waitFor((x) => x.includes('[本网点发出'));
    expect(f).toMatch(new RegExp(`${number}\\s+江岸社会保险管理\\S*\\s+快递\\s+在途\\s+24`));
    expect(f.split('\n').at(-1)).toMatch(/S 保存交接单/);
    // S saves the selected shipment's sheet again and shows both paths.
    for (let i = 0; i < 5; i++) await c.press(KEYS.down);
    await c.press('S');
    f = c.lastFrame();
    expect(f).toMatch(/交接单 .* 已保存：/);
    expect(f).toMatch(/\.txt/);
    expect(f).toMatch(/\.csv/);
    await c.press(KEYS.tab);
    expect(c.lastFrame()).toMatch(/\[待签收 1\]/);
    expectAllFit(c);

    const out = listShipments(demo.ledger, li, { direction: 'outbound' }, loadCalendar()).find((s) => s.number === number);
    expect(out).toMatchObject({ status: 'in_transit', cards: 24, outstanding: 24, methodLabel: '快递', trackingNo: 'SF1234567890', to: { code: '420102-01' } });
    for (const n of [1, 20, 24]) expect(lookupCard(demo.ledger, card('D4', n))).toMatchObject({ state: 'in_transit', site: { code: '420102-01' } });
    expect(verifyLedger(demo.ledger).ok).toBe(true);
  });

  it('江岸 signs in part of what the city sent; Esc with scanned cards asks before dropping them', async () => {
    const c = await start('zhangwei', '357902');
    await c.press('3');
    let f = await c.waitFor((x) => x.includes('发运与签收'));
    // The shipment the previous test dispatched.
    expect(f).toMatch(/›\s*420100-\d{8}-\d{3}\s+武汉市社保卡管\S*\s+快递\s+在途\s+\d+\s/);
    expect(f).not.toMatch(/\b24\b/);
    await c.press(KEYS.enter);
    await c.waitFor((x) => x.includes('签收交接单'));
    await c.press('D40000001\rD40000002\r');
    await c.waitFor((x) => x.includes('已点 2 张'));
    await c.press(CTRL_S);
    f = await c.waitFor((x) => x.includes('应到 24'));
    expect(f).toMatch(/应到 24\s+实到 2\s+缺少 22/);
    await c.press('p');
    f = await c.waitFor((x) => x.includes('签收完成'));
    expect(f).toContain('实收 2 张；部分签收，其余 22 张仍在途。');
    expect(lookupCard(demo.ledger, 'D40000002')).toMatchObject({ state: 'in_stock', site: { code: '420102-01' } });
    expect(lookupCard(demo.ledger, 'D40000003')).toMatchObject({ state: 'in_transit' });
    await c.press(KEYS.esc, 5);
    f = await c.waitFor((x) => x.includes('发运与签收'));
    expect(f).toMatch(/420100-\d{8}-\d{3}\s+武汉市社保卡管\S*\s+快递\s+部分签收\s/);
    // Neither the shipment's count nor what is still on the way (the send time, e.g. 22:09, is no count).
    expect(f.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g, '')).not.toMatch(/\b2[24]\b/);

    await c.press('n');
    await c.waitFor((x) => x.includes('选择接收单位'));
    await c.press(KEYS.enter); // 江岸区 (the county above): a return
    await c.waitFor((x) => x.includes('发往'));
    const stock = demo.ledger.sqlite
      .prepare("SELECT c.card_no FROM cards c JOIN sites s ON s.id = c.site_id WHERE s.code = '420102-01' AND c.state = 'in_stock' LIMIT 1")
      .get() as { card_no: string };
    await c.press(`${stock.card_no}\r`);
    expect(c.lastFrame()).toContain(`✓ 卡 ${stock.card_no}：加入 1 张`);
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('放弃已扫描的清单？');
    await c.press('n');
    expect(c.lastFrame()).toContain('共 1 张');
    await c.press(KEYS.esc, 5);
    await c.press('y');
    expect(c.lastFrame()).toContain('选择接收单位');
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('发运与签收');
    expectAllFit(c);
  });
});

describe('the new key contexts', () => {
  const CONTEXTS = ['shipments-in', 'shipments-out', 'dispatch-dest', 'dispatch-scan', 'dispatch-details', 'dispatch-details-edit', 'signin', 'signin-result', 'signin-result-edit'] as const;

  it('each has a footer of exactly 80 columns and a help page that fits 80×21', () => {
    for (const context of CONTEXTS) {
      expect(displayWidth(footerText(context, 80)), context).toBe(80);
      const help = helpLines(context, 80, 21);
      expect(help).toHaveLength(21);
      for (const l of help) expect(displayWidth(l)).toBe(80);
      expect(help.join('\n')).not.toContain('…'); // nothing cut
    }
    expect(footerText('signin', 80, [], true).trimEnd()).toBe('Enter 扫描卡号或箱号  Ctrl+Z 撤销  Ctrl+B 记为损坏  Ctrl+S 提交点数  Esc 返回');
    expect(footerText('dispatch-scan', 80, [], true).trimEnd()).toBe('Enter 加入（空行回车：下一步）  Ctrl+Z 撤销  Esc 返回  F1 帮助');
    // At the smallest window the undo key is still shown.
    expect(footerText('dispatch-scan', 60, [], true)).toContain('Ctrl+Z 撤销');
    expect(helpLines('signin', 80, 21).join('\n')).toMatch(/Ctrl\+S\s+提交点数/);
    expect(helpLines('dispatch-details', 80, 21).join('\n')).toMatch(/←→\s+换发放方式/);
  });
});
