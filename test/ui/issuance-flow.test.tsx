import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticate } from '../../src/workflows/authenticate.ts';
import { overdueList } from '../../src/workflows/recall.ts';
import { listOpenPickups } from '../../src/workflows/agent-pickup.ts';
import { lookupCard } from '../../src/workflows/card-lookup.ts';
import { exportsDir } from '../../src/workflows/shipment-export.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { verifyLedger } from '../../db/verify-ledger.ts';
import { SimulatedReader } from '../../drivers/reader/simulated-reader.ts';
import type { BasicCardInfo } from '../../drivers/reader/basic-info.ts';
import { footerText } from '../../src/ui/components/footer.tsx';
import { helpLines } from '../../src/ui/components/help-overlay.tsx';
import { displayWidth } from '../../src/text/display-width.ts';
import type { ConsoleServices } from '../../src/ui/console-services.ts';
import { fitsTerminal, useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';

const demo = useDemoConsole();
const CTRL_R = '\u0012';
const UP = KEYS.up;
const DOWN = KEYS.down;
/** A valid resident ID (GB 11643's own example) that belongs to no holder in the demo. */
const AGENT_ID = '11010519491231002X';

async function start(login: string, pin: string, services: Partial<ConsoleServices> = {}): Promise<RenderedConsole> {
  const c = demo.start(services);
  await c.press(`${login}\r`);
  await c.press(`${pin}\r`);
  await c.waitFor((f) => f.includes('合计'), 3000);
  return c;
}

/** A simulated reader in the console's services, as run-console sets one up for a demo ledger. */
function withReader(alter: (chip: BasicCardInfo) => Partial<BasicCardInfo> = () => ({})) {
  const reader = new SimulatedReader();
  const services: Partial<ConsoleServices> = { reader, insertSimulatedCard: (chip) => reader.insert({ ...chip, ...alter(chip) }) };
  return { reader, services };
}

/** The holder of a card as the ledger knows it (the counter sees the real ID card). */
function holderOf(cardNo: string): { id: string; name: string } {
  return demo.ledger.sqlite
    .prepare('SELECT h.id_number AS id, h.name AS name FROM cards c JOIN holders h ON h.id = c.holder_id WHERE c.card_no = ?')
    .get(cardNo) as { id: string; name: string };
}

function expectAllFit(c: RenderedConsole) {
  for (const f of c.frames) expect(fitsTerminal(f), f).toBe(true);
}

const footer = (f: string) => f.split('\n').at(-1) ?? '';
/** The receipt saved for a card: its file in exports/, which the done view must name. */
function receiptFor(cardNo: string, frame: string): string {
  const name = readdirSync(exportsDir(demo.ledger)).find((n) => n.startsWith(`领取回执_${cardNo}_`));
  expect(name).toMatch(new RegExp(`^领取回执_${cardNo}_\\d{14}\\.txt$`));
  const path = join(exportsDir(demo.ledger), name!);
  expect(frame.replace(/\s+/g, '')).toContain(path.replace(/\s+/g, ''));
  return readFileSync(path, 'utf8');
}
/** The table rows of a list frame (lines with a card number in the card column). */
const listed = (f: string) => [...f.matchAll(/^[› ] [ ✓] (A\d{8})/gm)].map((m) => m[1]);

describe('console: issuance (发卡)', () => {
  it('江汉 issues an overdue card to its holder after a passing read-check, and saves the receipt', async () => {
    const li = authenticate(demo.ledger, 'liuyang', '579024');
    const overdue = overdueList(demo.ledger, li, loadCalendar()).map((r) => r.cardNo);
    expect(overdue).toContain('A10000037');
    const holder = holderOf('A10000037');
    const { services } = withReader();
    const c = await start('liuyang', '579024', services);
    await c.press('4');
    let f = await c.waitFor((x) => x.includes('发卡：查找持卡人的卡'));
    expect(footer(f)).toMatch(/Enter 查找（卡号、证件号码或姓名）\s+Esc 返回/); // Ctrl+U/Ctrl+W: every field's, listed in help

    // An issued card is found but cannot be chosen: its reason shows, Enter opens nothing.
    await c.press('A10000025\r');
    f = await c.waitFor((x) => x.includes('都不能在本网点发放'));
    expect(f).toMatch(/›\s*A10000025\s+\S+\s+4201\*{10}[\dX]{4}\s+已发放\s+江汉社会保险管理处\s+不能/);
    expect(f).toContain('卡 A10000025 不能发放：此卡当前为“已发放”，不能发放。');
    await c.press(KEYS.enter);
    expect(c.lastFrame()).not.toContain('持卡人证件号码');
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toMatch(/›查找/);

    // A scanned card that may be issued opens the form at once.
    await c.press('a10000037\r');
    f = await c.waitFor((x) => x.includes('发卡：卡 A10000037'));
    expect(f).toContain(`持卡人 ${holder.name}  4201**********${holder.id.slice(-4)}  中国工商银行  在库  批次 420100-2026-0301`);
    expect(f).toMatch(/领取人\s+\[1 本人\]\s+2 代领/);
    expect(f).toMatch(/›持卡人证件号码/);
    expect(f).toContain('读卡检测：模拟读卡器，按 R 读卡');
    expect(footer(f)).toMatch(/Enter 下一项（填齐后发放）\s+Ctrl\+R 读卡检测\s+Tab\/↑↓ 切换输入项\s+Esc 返回/);

    await c.press(holder.id);
    await c.press(CTRL_R);
    f = await c.waitFor((x) => x.includes('读卡检测通过'));
    expect(lookupCard(demo.ledger, 'A10000037').state).toBe('in_stock'); // a read-check writes nothing
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('已发放卡'));
    expect(f).toContain(`✓ 已发放卡 A10000037 给 ${holder.name}（本人领取）`);
    expect(f).toMatch(/卡状态：已发放\s+读卡检测：通过/);
    expect(f).toContain('领取回执已保存，请打印后由领取人签字：');
    const receipt = receiptFor('A10000037', f);
    expect(receipt).toContain('社会保障卡领取回执');
    expect(receipt).toMatch(/读卡检测：\s*通过/);
    expect(receipt).toContain('湖北省社会保障卡业务经办规程');
    expect(receipt).not.toContain(holder.id);
    await c.press(KEYS.enter); // a second Enter does nothing
    expect(lookupCard(demo.ledger, 'A10000037').history.filter((h) => h.type === 'issue')).toHaveLength(1);
    expect(lookupCard(demo.ledger, 'A10000037').history.at(-1)).toMatchObject({ type: 'issue', operator: '刘洋', counterpart: holder.name, method: '本人领取' });

    // Esc: on to the next person.
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('发卡：查找持卡人的卡');
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('合计');
    expectAllFit(c);
    expect(verifyLedger(demo.ledger).ok).toBe(true);
  });

  it('a chip that fails (-21) or disagrees with the ledger makes the card defective, and it is not issued', async () => {
    const { reader, services } = withReader((chip) => (chip.cardNo === 'A10000041' ? { name: '王某' } : {}));
    const c = await start('liuyang', '579024', services);
    await c.press('4');
    await c.waitFor((x) => x.includes('发卡：查找持卡人的卡'));

    // The chip fails authentication on the read that Enter does before issuing.
    await c.press('A10000038\r');
    await c.waitFor((x) => x.includes('发卡：卡 A10000038'));
    reader.failNext(-21);
    await c.press(`${holderOf('A10000038').id}\r`);
    let f = await c.waitFor((x) => x.includes('此卡不能发放'));
    expect(f).toContain('卡片内部认证失败');
    expect(f).toContain('此卡已登记为不合格，须重新制卡');
    expect(f).not.toContain('已发放卡');
    expect(lookupCard(demo.ledger, 'A10000038').state).toBe('defective');
    expect(lookupCard(demo.ledger, 'A10000038').history.at(-1)?.reason).toMatch(/读卡检测：芯片无法读取/);
    await c.press(KEYS.esc, 5);
    await c.press('A10000038\r');
    f = await c.waitFor((x) => x.includes('都不能在本网点发放'));
    expect(f).toMatch(/A10000038\s+\S+\s+4201\*{10}[\dX]{4}\s+不合格\s+江汉社会保险管理处\s+不能/);
    await c.press(KEYS.esc, 5);

    // R on the 领取人 row shows a chip that disagrees; Enter records the defect.
    await c.press('A10000041\r');
    await c.waitFor((x) => x.includes('发卡：卡 A10000041'));
    await c.press(UP);
    expect(footer(c.lastFrame())).toMatch(/Enter 发放\s+←→\/1\/2\/3 本人\/代领\/邮寄\s+R 读卡检测/);
    await c.press('R');
    f = await c.waitFor((x) => x.includes('读卡检测不通过'));
    expect(f).toContain('读卡检测不通过（芯片与台账不一致：姓名）：此卡不能发放，按 Enter 登记为不合格。');
    expect(lookupCard(demo.ledger, 'A10000041').state).toBe('in_stock');
    await c.press(KEYS.enter); // the holder's ID first: the workflow checks who is at the counter
    f = await c.waitFor((x) => x.includes('请填写“持卡人证件号码”'));
    expect(f).toMatch(/›持卡人证件号码/);
    await c.press(`${holderOf('A10000041').id}\r`);
    f = await c.waitFor((x) => x.includes('此卡不能发放'));
    expect(f).toContain('读卡检测不通过（芯片与台账不一致：姓名）');
    expect(lookupCard(demo.ledger, 'A10000041').state).toBe('defective');
    expectAllFit(c);
    expect(verifyLedger(demo.ledger).ok).toBe(true);
  });

  it('issues to an agent without a reader: the receipt says 未做; a wrong holder ID is refused first', async () => {
    const holder = holderOf('A10000039');
    const c = await start('liuyang', '579024'); // no reader in the services
    await c.press('4');
    await c.waitFor((x) => x.includes('发卡：查找持卡人的卡'));
    await c.press('A10000039\r');
    let f = await c.waitFor((x) => x.includes('发卡：卡 A10000039'));
    expect(f).toContain('读卡检测：未配置读卡器，发放时不做读卡检测');
    await c.press(UP);
    await c.press('2');
    f = c.lastFrame();
    expect(f).toMatch(/领取人\s+1 本人\s+\[2 代领\]\s+3 邮寄/);
    expect(f).toContain('代领人姓名');
    expect(f).toContain('与持卡人关系');
    // `?` on the 领取人 row lists the form's keys.
    await c.press('?');
    f = c.lastFrame();
    expect(f).toMatch(/本页[\s\S]*Enter\s+发放[\s\S]*←→\/1\/2\/3\s+本人\/代领\/邮寄[\s\S]*R\s+读卡检测[\s\S]*导航[\s\S]*Tab\/↑↓\s+切换输入项/);
    await c.press(KEYS.esc, 5);

    // Another person's ID: refused, nothing written, the field to correct has focus.
    await c.press(DOWN);
    await c.press(`${holderOf('A10000040').id}\r李明\r${AGENT_ID}\r配偶\r`);
    f = await c.waitFor((x) => x.includes('与此卡持卡人不符'));
    expect(f).toMatch(/›持卡人证件号码/);
    expect(lookupCard(demo.ledger, 'A10000039').state).toBe('in_stock');
    // Esc with a filled form asks first.
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('放弃填写的内容？');
    await c.press('n');
    expect(c.lastFrame()).toMatch(/代领人姓名\s+李明/);
    for (let i = 0; i < 18; i++) await c.press(KEYS.backspace);
    await c.press(`${holder.id}\r`);
    f = await c.waitFor((x) => x.includes('已发放卡'));
    expect(f).toContain(`✓ 已发放卡 A10000039 给 ${holder.name}（由 李明（配偶）代领）`);
    expect(f).toMatch(/读卡检测：未做/);
    const receipt = receiptFor('A10000039', f);
    expect(receipt).toContain('他人代领');
    expect(receipt).toContain('李明');
    expect(receipt).toContain('1101**********002X');
    expect(receipt).toMatch(/读卡检测：\s*未做/);
    expect(lookupCard(demo.ledger, 'A10000039').history.at(-1)).toMatchObject({ type: 'issue', counterpart: '李明', counterpartRole: 'agent', method: '代领（配偶）' });
    expectAllFit(c);
  });
});

describe('console: overdue cards, recall, cancellation and collective pickups', () => {
  it('江岸 recalls two overdue cards with the reason their category suggests, and they leave the list', async () => {
    const c = await start('zhangwei', '357902');
    await c.press('5');
    let f = await c.waitFor((x) => x.includes('逾期与回收'));
    expect(f).toMatch(/\[应回收 12\]\s+即将逾期 0\s+集体代领 1\s+待注销 0/);
    // Wuhan is Hubei: the sleeping cards count from their making (HB Art. 17), so they are due first.
    expect(f).toMatch(/A10000019\s+\S+\s+江岸社会保险管理处\s+逾期未领\s+\d{4}-\d\d-\d\d \d{4}-\d\d-\d\d ⚠/);
    expect(f).toMatch(/›\s+A10000011\s+\S+\s+江岸社会保险管理处\s+睡眠卡/);
    // The chosen card's line says what its months count from.
    expect(f).toMatch(/代领中（制卡 \d{4}-\d\d-\d\d）/);
    expect(f).toMatch(/卡号\s+姓名\s+网点\s+类别\s+逾期起\s+回收期限/);
    expect(footer(f)).toMatch(/Space 选中\s+A 全选\s+R 回收\s+S 统计\s+Tab 换页\s+↑↓ 选择\s+\? 帮助\s+Esc 返回/);
    const before = listed(f);
    expect(before).toHaveLength(12);
    // The first two unclaimed cards, below the six sleeping ones.
    const [first, second] = before.slice(6) as [string, string];

    await c.press('?');
    expect(c.lastFrame()).toMatch(/Space\s+选中[\s\S]*A\s+全选[\s\S]*R\s+回收[\s\S]*S\s+统计[\s\S]*PgUp\/PgDn\s+翻页/);
    await c.press(KEYS.esc, 5);
    for (let i = 0; i < 6; i++) await c.press(DOWN);

    await c.press(' ');
    await c.press(' ');
    f = c.lastFrame();
    expect(f).toMatch(new RegExp(`✓ ${first}`));
    expect(f).toMatch(new RegExp(`✓ ${second}`));
    expect(f).toContain('已选 2 张，按 R 回收所选。');
    // Esc with cards chosen asks before dropping them.
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('放弃已选的 2 张卡？');
    await c.press('n');
    expect(c.lastFrame()).toContain('已选 2 张');

    await c.press('R');
    f = c.lastFrame();
    expect(f).toContain('回收 2 张卡（逾期未领 2 张）');
    expect(f).toMatch(/›\s+●\s+逾期未领取（网点接收起6个月）/);
    expect(footer(f)).toMatch(/Enter 确认回收\s+↑↓ 选择回收原因\s+Esc 取消/);
    // 其他 needs a note.
    for (let i = 0; i < 6; i++) await c.press(DOWN);
    f = c.lastFrame();
    expect(f).toMatch(/›\s+●\s+其他/);
    expect(f).toMatch(/›具体原因/);
    await c.press(KEYS.enter);
    expect(c.lastFrame()).toContain('回收原因选“其他”时必须写明具体原因');
    for (let i = 0; i < 6; i++) await c.press(UP);
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('已回收 2 张卡'));
    expect(f).toContain('✓ 已回收 2 张卡（逾期未领取（网点接收起6个月））。');
    expect(f).toMatch(/\[应回收 10\]\s+即将逾期 0\s+集体代领 1\s+待注销 2/);
    const after = listed(f);
    expect(after).toHaveLength(10);
    expect(after).not.toContain(first);
    expect(after).not.toContain(second);
    for (const no of [first, second]) {
      expect(lookupCard(demo.ledger, no).state).toBe('recalled');
      expect(lookupCard(demo.ledger, no).history.at(-1)).toMatchObject({ type: 'recall', operator: '张伟', reason: '逾期未领取（网点接收起6个月）' });
    }

    // A sleeping card: the reason follows its category; Esc keeps it chosen.
    const sleeping = after.indexOf('A10000011');
    for (let i = 0; i < 12; i++) await c.press(UP);
    for (let i = 0; i < sleeping; i++) await c.press(DOWN);
    expect(c.lastFrame()).toMatch(/›\s+A10000011/);
    await c.press(' ');
    await c.press('r');
    f = c.lastFrame();
    expect(f).toContain('回收 1 张卡（睡眠卡 1 张）');
    expect(f).toMatch(/›\s+●\s+集体代领未发放到本人/);
    await c.press(KEYS.esc, 5);
    expect(c.lastFrame()).toContain('已选 1 张');
    await c.press('a');
    await c.press('a'); // all, then none
    expect(c.lastFrame()).not.toContain('已选');

    // Statistics by category.
    await c.press('S');
    f = c.lastFrame();
    expect(f).toContain('回收统计：江岸社会保险管理处及下级');
    expect(f).toMatch(/逾期未领取（网点接收起6个月）\s+2 张/);
    expect(f).toMatch(/持卡人死亡\s+1 张/);
    await c.press('S');
    expect(c.lastFrame()).toContain('[应回收 10]');
    expectAllFit(c);
    expect(verifyLedger(demo.ledger).ok).toBe(true);
  });

  it('a supervisor cancels a recalled card with a second supervisor’s 工号 and PIN (never shown)', async () => {
    const c = await start('zhaomin', '468013');
    const opened = c.frames.length; // the login screen lists the demo PINs
    await c.press('5');
    await c.waitFor((x) => x.includes('逾期与回收'));
    for (let i = 0; i < 3; i++) await c.press(KEYS.tab);
    let f = c.lastFrame();
    expect(f).toMatch(/\[待注销 2\]/);
    expect(f).toMatch(/›\s+A\d{8}\s+\S+\s+江岸社会保险…\s+已回收\s+\d{4}-\d\d-\d\d\s+湖北省规程无二次发/);
    // Hubei seals as well as cancels (HB Art. 17).
    expect(footer(f)).toMatch(/Space 选中\s+A 全选\s+C 注销\s+F 封存/);
    await c.press('?');
    expect(c.lastFrame()).toMatch(/C\s+注销[\s\S]*F\s+封存/);
    await c.press(KEYS.esc, 5);
    const [card] = listed(f) as [string];

    await c.press(' ');
    await c.press('c');
    f = c.lastFrame();
    expect(f).toContain('注销 1 张卡（不可恢复，须另一名主管复核）');
    expect(f).toMatch(/›原因\s+湖北省规程无二次发放/); // the suggested reason, as a placeholder
    expect(footer(f)).toMatch(/Enter 下一项（填齐后确认）\s+Esc 取消\s+Tab\/↑↓ 切换输入项/);
    await c.press('库存超过6个月，按规程注销\r');
    // The operator cannot approve their own cancellation.
    await c.press('zhaomin\r468013\r');
    f = await c.waitFor((x) => x.includes('复核人不能是经办人本人'), 3000);
    expect(f).toMatch(/›复核主管工号\s+zhaomin/);
    expect(f).toMatch(/复核密码\s*$/m);
    for (let i = 0; i < 'zhaomin'.length; i++) await c.press(KEYS.backspace);
    await c.press('lijuan\r');
    expect(c.lastFrame()).toMatch(/›复核密码/);
    await c.press('000000\r');
    f = await c.waitFor((x) => x.includes('工号或密码不正确'), 3000);
    expect(lookupCard(demo.ledger, card).state).toBe('recalled');
    await c.press('246801\r');
    f = await c.waitFor((x) => x.includes('已注销'), 3000);
    expect(f).toContain('✓ 已注销 1 张卡（复核：李娟）。');
    expect(f).toMatch(/\[待注销 1\]/);
    expect(listed(f)).not.toContain(card);
    for (const frame of c.frames.slice(opened)) {
      expect(frame).not.toContain('246801');
      expect(frame).not.toContain('468013');
    }
    const last = lookupCard(demo.ledger, card).history.at(-1);
    expect(lookupCard(demo.ledger, card).state).toBe('cancelled');
    expect(last).toMatchObject({ type: 'cancel', operator: '赵敏', secondOperator: '李娟', reason: '库存超过6个月，按规程注销' });
    expectAllFit(c);
    expect(verifyLedger(demo.ledger).ok).toBe(true);
  });

  it('settles the unit’s pickup card by card, then records a new collective pickup by scanning', async () => {
    const c = await start('zhangwei', '357902');
    await c.press('5');
    await c.waitFor((x) => x.includes('逾期与回收'));
    await c.press(KEYS.tab);
    await c.press(KEYS.tab);
    let f = c.lastFrame();
    expect(f).toMatch(/›\s+DL-420102-01-\d{8}-01\s+周建华（武汉钢铁有限公司）\s+\d{4}-\d\d-\d\d\s+\S+\s+6/);
    expect(footer(f)).toMatch(/Enter 结清此代领单\s+N 新建集体代领\s+Tab 换页/);
    const ref = /(DL-420102-01-\d{8}-01)/.exec(f)![1]!;

    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes(`结清集体代领 ${ref}`));
    expect(f).toContain('已转交 0 张  退回 0 张  仍由代领人持有 6 张');
    expect(footer(f)).toMatch(/D 已转交本人\s+R 退回\s+Enter 登记/);
    await c.press('d');
    await c.press('r');
    f = c.lastFrame();
    expect(f).toMatch(/已转交本人\s+A10000011/);
    expect(f).toMatch(/退回\s+A10000012/);
    await c.press(KEYS.enter);
    expect(c.lastFrame()).toContain('确认登记？');
    await c.press('y');
    f = await c.waitFor((x) => x.includes('已登记：'));
    expect(f).toContain('✓ 已登记：转交本人 1 张，退回入库 1 张。');
    expect(f).toContain('仍有 4 张由代领人持有');
    expect(lookupCard(demo.ledger, 'A10000011').state).toBe('issued');
    expect(lookupCard(demo.ledger, 'A10000012').state).toBe('in_stock');
    await c.press(KEYS.esc, 5);
    f = await c.waitFor((x) => x.includes('[集体代领 1]'));
    expect(f).toMatch(new RegExp(`${ref}.*\\s4\\s*$`, 'm'));

    // A new pickup: the unit and its agent, then the cards.
    await c.press('N');
    f = await c.waitFor((x) => x.includes('新建集体代领'));
    expect(f).toMatch(/›单位名称/);
    await c.press('武汉测试有限公司\r王五\r');
    await c.waitFor((x) => /›代领人证件号码/.test(x));
    await c.press('123\r');
    await c.waitFor((x) => /›授权书编号/.test(x));
    await c.press('SQ-2026-01\r');
    f = await c.waitFor((x) => x.includes('代领人证件号码：'));
    expect(f).toMatch(/›代领人证件号码/);
    for (let i = 0; i < 3; i++) await c.press(KEYS.backspace);
    await c.press(`${AGENT_ID}\r`);
    f = await c.waitFor((x) => x.includes('›扫描'));
    expect(f).toContain('单位 武汉测试有限公司  代领人 王五（1101**********002X）  授权书 SQ-2026-01');
    await c.press('A10000012\r');
    await c.waitFor((x) => x.includes('共 1 张'));
    await c.press('A10000021\rA10000021\r');
    f = await c.waitFor((x) => x.includes('A10000021 的卡已全部在清单中'));
    expect(f).toContain('共 2 张（已加入 2 项）');
    await c.press('A10000019\r'); // recalled (or since cancelled): not in stock
    f = await c.waitFor((x) => x.includes('不能代领'));
    expect(f).toMatch(/卡 A10000019 当前为“已(回收|注销)”，不能代领。/);
    expect(f).toContain('共 2 张（已加入 2 项）');
    // Ctrl+Z takes the last entry off the list (the refused scan added nothing); scanned again.
    await c.press('\u001a');
    f = await c.waitFor((x) => x.includes('已撤销 A10000021（1 张）'));
    expect(f).toContain('共 1 张（已加入 1 项）');
    await c.press('A10000021\r');
    f = await c.waitFor((x) => x.includes('共 2 张（已加入 2 项）'));
    await c.press(KEYS.enter);
    f = await c.waitFor((x) => x.includes('确认集体代领？'));
    await c.press('y');
    f = await c.waitFor((x) => x.includes('已登记集体代领'));
    expect(f).toMatch(/已登记集体代领 DL-420102-01-\d{8}-0\d，共 2 张，现由代领人持有。/);
    expect(lookupCard(demo.ledger, 'A10000021').state).toBe('agent_held');
    await c.press(KEYS.esc, 5);
    f = await c.waitFor((x) => x.includes('[集体代领 2]'));
    const zw = authenticate(demo.ledger, 'zhangwei', '357902');
    expect(listOpenPickups(demo.ledger, zw).map((p) => [p.agent, p.held])).toContainEqual(['王五（武汉测试有限公司）', 2]);
    expectAllFit(c);
    expect(verifyLedger(demo.ledger).ok).toBe(true);
  });
});

describe('the issuance and overdue key contexts', () => {
  const CONTEXTS = [
    'issue-query',
    'issue-pick',
    'issue-form',
    'issue-form-edit',
    'issue-form-agent-id',
    'issue-done',
    'overdue-due',
    'overdue-warn',
    'overdue-pickups',
    'overdue-cancel',
    'overdue-cancel-seal',
    'overdue-recall',
    'overdue-recall-note',
    'overdue-end',
    'overdue-stats',
    'settle',
    'pickup-details',
    'pickup-scan',
  ] as const;

  it('each has a footer of exactly 80 columns and a help page that fits 80×21 uncut', () => {
    for (const context of CONTEXTS) {
      expect(displayWidth(footerText(context, 80)), context).toBe(80);
      const help = helpLines(context, 80, 21);
      expect(help).toHaveLength(21);
      for (const l of help) expect(displayWidth(l)).toBe(80);
      expect(help.join('\n'), context).not.toContain('…');
    }
    expect(footerText('overdue-cancel', 80)).not.toContain('封存');
    expect(helpLines('overdue-cancel-seal', 80, 21).join('\n')).toMatch(/F\s+封存/);
    expect(helpLines('issue-form-edit', 80, 21).join('\n')).toMatch(/Ctrl\+R\s+读卡检测/);
    expect(helpLines('pickup-scan', 80, 21).join('\n')).toMatch(/Ctrl\+Z\s+撤销/);
    expect(helpLines('overdue-end', 80, 21).join('\n')).toMatch(/Esc\s+取消/);
  });
});
