/**
 * Any window size (issue 16 item 6): every screen of the screen table, reached as an operator
 * reaches it, is checked at 60×20, 60×16, 100×30 and 80×24 — resizing the window while the
 * screen is open. At each size: no line wider than the window, the frame one row short of it,
 * the header first and the footer (with its way out, Esc) last, and what the terminal shows after
 * the resize is exactly the frame (replayed into a virtual terminal of that size). Lists are
 * scrolled to the end at the smallest size: the selected row is always drawn.
 */
import { describe, expect, it } from 'vitest';
import { SCREENS } from '../../src/ui/screen-table.tsx';
import { MIN_COLUMNS, MIN_ROWS } from '../../src/ui/shell/window-size.ts';
import { displayWidth } from '../../src/text/display-width.ts';
import { zh } from '../../src/i18n/zh-CN.ts';
import { useDemoConsole } from '../helpers/demo-console.tsx';
import { KEYS, type RenderedConsole } from '../helpers/render-console.tsx';
import { VirtualTerminal } from '../helpers/virtual-terminal.ts';

const demo = useDemoConsole();
const CTRL_S = '\u0013';
const SIZES = [
  [60, 20],
  [MIN_COLUMNS, MIN_ROWS],
  [100, 30],
  [80, 24],
] as const;
type ScreenId = keyof typeof SCREENS;

/** Screens no demo operator can reach from the menu. */
const UNREACHABLE: Partial<Record<ScreenId, string>> = { 'not-built': 'every menu item is built' };

const visited = new Set<ScreenId>();

/** The frame fits the window, header first and footer last, and the terminal shows exactly it. */
function expectLaidOut(c: RenderedConsole, what: string, columns: number, rows: number, writesFrom: number): void {
  const frame = c.lastFrame();
  const lines = frame.split('\n');
  const at = `${what} at ${columns}×${rows}:\n${frame}`;
  expect(lines.length, at).toBeLessThanOrEqual(rows - 1);
  for (const l of lines) expect(displayWidth(l), at).toBeLessThanOrEqual(columns);
  expect(lines[0], at).toContain(zh.app.title);
  expect(lines.at(-1), at).toMatch(/Esc/u);
  const vt = new VirtualTerminal(columns, rows);
  for (const w of c.terminalWrites().slice(writesFrom)) vt.write(w);
  expect(vt.screenText().slice(0, lines.length), at).toEqual(lines.map((l) => l.trimEnd()));
}

/** The screen now open, at every size in turn (each a resize of the open window). */
async function atEverySize(c: RenderedConsole, id: ScreenId, what: string = id): Promise<void> {
  visited.add(id);
  for (const [columns, rows] of SIZES) {
    const from = c.terminalWrites().length;
    await c.resize(columns, rows);
    expectLaidOut(c, what, columns, rows, from);
  }
}

/** At the smallest window: ↓ to the end of the list (and PgDn), the selected row stays drawn. */
async function selectionStaysDrawn(c: RenderedConsole, what: string, presses = 30): Promise<void> {
  await c.resize(MIN_COLUMNS, MIN_ROWS);
  for (let i = 0; i < presses; i++) {
    await c.press(KEYS.down);
    expect(c.lastFrame(), `${what} after ${i + 1} ↓`).toMatch(/^›/mu);
  }
  await c.resize(100, 30);
  expect(c.lastFrame(), what).toMatch(/^›/mu);
  await c.resize(MIN_COLUMNS, MIN_ROWS);
  expect(c.lastFrame(), what).toMatch(/^›/mu);
}

async function login(c: RenderedConsole, id: string, pin: string): Promise<void> {
  await c.press(`${id}\r`);
  await c.press(`${pin}\r`);
  await c.waitFor((f) => f.includes(zh.home.menuTitle), 3000);
}

/** Home's menu rows (`› 1 …`); at 60×16 the twelve items leave no row for the menu's title. */
const atHome = (frame: string): boolean => frame.includes(zh.home.menuTitle) || frame.split('\n').filter((l) => /^[› ] [0-9=-] \S/u.test(l)).length >= 5;

/** Esc until the home screen shows again. */
async function home(c: RenderedConsole): Promise<void> {
  for (let i = 0; i < 6 && !atHome(c.lastFrame()); i++) await c.press(KEYS.esc, 5);
  expect(atHome(c.lastFrame()), c.lastFrame()).toBe(true);
}

async function open(c: RenderedConsole, keys: string, until: string): Promise<void> {
  await c.press(keys);
  await c.waitFor((f) => f.includes(until), 3000);
}

describe('any window size: every screen at 60×20, 60×16, 100×30 and 80×24', () => {
  it('a clerk’s screens at 江岸 (login, home, lookup, intake, check-in, shipments, dispatch, issuance, overdue, settle, pickup, count, report, devices, transfer, sites, contact)', async () => {
    const c = demo.start({}, { columns: 60, rows: 20 });
    await atEverySize(c, 'login');
    await login(c, 'zhangwei', '357902');
    await atEverySize(c, 'home');
    await selectionStaysDrawn(c, 'home menu', 12);

    await open(c, '/', zh.lookup.title);
    await c.press('A10000017\r');
    await c.waitFor((f) => f.includes('流转记录'), 3000);
    await atEverySize(c, 'lookup');
    await home(c);

    await open(c, '1', zh.intake.title);
    await atEverySize(c, 'intake');
    await home(c);
    await open(c, '2', zh.checkin.pickTitle);
    await atEverySize(c, 'checkin');
    await home(c);

    await open(c, '3', zh.shipments.title);
    await atEverySize(c, 'shipments', 'shipments (待签收)');
    await c.press(KEYS.tab);
    await c.waitFor((f) => f.includes('[本网点发出'));
    await atEverySize(c, 'shipments', 'shipments (本网点发出)');
    await open(c, 'N', zh.dispatch.pickTitle);
    await atEverySize(c, 'dispatch', 'dispatch (destination)');
    // The destinations include the sites above, marked 回退, at the smallest window too.
    expect(c.lastFrame()).toMatch(/回退/u);
    await selectionStaysDrawn(c, 'dispatch destinations', 6);
    await home(c);

    await open(c, '4', zh.issuance.findTitle);
    await atEverySize(c, 'issuance');
    await open(c, '\u000c', '发放台账 ');
    await atEverySize(c, 'issued-report');
    await home(c);

    await open(c, '5', zh.overdue.title);
    await atEverySize(c, 'overdue', 'overdue (应回收)');
    // The recall deadline stays at the smallest window.
    expect(c.lastFrame()).toMatch(/\d{4}-\d{2}-\d{2} ⚠/u);
    await selectionStaysDrawn(c, 'overdue list', 14);
    await c.press(KEYS.tab);
    await c.press(KEYS.tab);
    await c.waitFor((f) => f.includes('[集体代领'));
    await atEverySize(c, 'overdue', 'overdue (集体代领)');
    await c.press(KEYS.enter);
    await c.waitFor((f) => f.includes('结清集体代领'), 3000);
    await atEverySize(c, 'settle');
    await selectionStaysDrawn(c, 'settle list', 8);
    await c.press(KEYS.esc, 5);
    await c.waitFor((f) => f.includes('[集体代领'));
    await open(c, 'N', '新建集体代领');
    await atEverySize(c, 'pickup');
    await home(c);
    await open(c, '5', zh.overdue.title);
    for (let i = 0; i < 4; i++) await c.press(KEYS.tab);
    await c.waitFor((f) => f.includes('[邮寄中'));
    await atEverySize(c, 'overdue', 'overdue (邮寄中)');
    await home(c);

    await open(c, '6', zh.count.title('江岸社会保险管理处', '420102-01').slice(0, 5));
    await atEverySize(c, 'count');
    await open(c, 'R', '盘点对账表');
    await atEverySize(c, 'count-report');
    await home(c);

    await open(c, '9', '设备');
    await atEverySize(c, 'devices');
    await home(c);

    await open(c, '0', zh.transfer.scanLabel);
    await c.press('A10000019\r');
    await atEverySize(c, 'transfer', 'transfer (移库)');
    await c.press(KEYS.up);
    await c.press('\u001B[C');
    await c.waitFor((f) => f.includes(zh.transfer.pinLabel));
    await atEverySize(c, 'transfer', 'transfer (交接班)');
    // The scanned card is dropped only after a Y.
    await c.press(KEYS.esc, 5);
    await c.press('y');
    await home(c);

    await open(c, '-', zh.sites.hint.slice(0, 3));
    await atEverySize(c, 'sites');
    await home(c);

    await open(c, '=', zh.contact.columns.dueBy);
    await atEverySize(c, 'contact');
    await home(c);
  });

  it('a sign-in at 硚口: counting and the result', async () => {
    const c = demo.start({}, { columns: 60, rows: 20 });
    await login(c, 'chenjing', '802357');
    await open(c, '3', zh.shipments.title);
    // The shipment number is whole at 60 columns (it used to lose its leading digit).
    expect(c.lastFrame()).toMatch(/› 420100-\d{8}-001 /u);
    await c.press(KEYS.enter);
    await c.waitFor((f) => f.includes('已点 0 张'));
    for (let i = 1; i <= 8; i++) await c.press(`C3${String(i).padStart(7, '0')}\r`);
    await c.waitFor((f) => f.includes('已点 8 张'));
    await atEverySize(c, 'sign-in', 'sign-in (counting)');
    await c.press(CTRL_S);
    await c.waitFor((f) => f.includes('应到'), 3000);
    await atEverySize(c, 'sign-in', 'sign-in (result)');
  });

  it('a branch with blanks and a printer: the count, its review, instant issuance and loading a hopper', async () => {
    const c = demo.start({}, { columns: 60, rows: 20 });
    await login(c, 'sunli', '680135');
    await open(c, '6', '预制卡盘点');
    await open(c, 'N', '[全部银行]');
    await c.press(KEYS.enter);
    await c.waitFor((f) => /盘点 \d+ {2}全部银行/u.test(f), 3000);
    await atEverySize(c, 'count-scan');
    await c.press(CTRL_S);
    await c.press('y');
    await c.waitFor((f) => f.includes('应有') || f.includes('差异'), 3000);
    await atEverySize(c, 'count-review');
    await home(c);

    await open(c, '8', '服务银行');
    await atEverySize(c, 'instant');
    await open(c, 'L', '选择卡盒');
    await atEverySize(c, 'hopper-load');
  });

  it('walked every screen of the screen table', () => {
    const all = Object.keys(SCREENS) as ScreenId[];
    expect(all.filter((id) => !visited.has(id) && !(id in UNREACHABLE))).toEqual([]);
  });
});

describe('below the minimum window', () => {
  it('shows one line asking for a larger window, takes no keys, and keeps everything as it was', async () => {
    const c = demo.start({}, { columns: 80, rows: 24 });
    await login(c, 'zhangwei', '357902');
    await open(c, '/', zh.lookup.title);
    await c.press('A1000');
    const before = c.lastFrame();
    expect(before).toContain('A1000');

    for (const [columns, rows] of [
      [59, 24],
      [80, 15],
      [30, 8],
    ] as const) {
      const from = c.terminalWrites().length;
      await c.resize(columns, rows);
      const frame = c.lastFrame();
      expect(frame.split('\n')).toHaveLength(1);
      expect(displayWidth(frame)).toBeLessThanOrEqual(columns);
      expect(frame).toContain(`${columns}×${rows}`);
      const vt = new VirtualTerminal(columns, rows);
      for (const w of c.terminalWrites().slice(from)) vt.write(w);
      expect(vt.screenText()[0]).toBe(frame.trimEnd());
      expect(vt.screenText().slice(1).every((l) => l === '')).toBe(true);
    }
    // Keys typed into a window too small to show them do nothing (not even Esc or q).
    await c.press('17');
    await c.press(KEYS.esc, 5);
    await c.press('q');
    await c.resize(80, 24);
    expect(c.lastFrame()).toBe(before);
    await c.press('0017\r');
    await c.waitFor((f) => f.includes('流转记录'), 3000);
  });
});
