/**
 * The real binary in a real terminal: tmux runs `sbk` at 80×24, send-keys types as an operator
 * would, capture-pane reads the screen. Also counts the bytes the terminal receives per keystroke.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/temp-ledger.ts';
import { demoConsolePane, hasTmux, tmuxPane } from '../helpers/tmux-pane.ts';

const BIN = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));
const socket = `sbk-e2e-${process.pid}`;
const main = tmuxPane(socket, 'sbk');
const tmux = main.tmux;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const waitForScreen = (pred: (text: string) => boolean, what: string, timeoutMs = 15_000) => main.waitFor(pred, what, timeoutMs);

describe.skipIf(!hasTmux)('sbk console in tmux (real binary, 80×24)', () => {
  let dir = '';
  let log = '';
  beforeAll(() => {
    dir = tempDir();
    const db = join(dir, 'demo.db');
    log = join(dir, 'pane.log');
    // What `npm start` runs: --demo creates the demo ledger when it is missing, then opens it.
    // CI=true would put Ink in its render-at-exit mode; an operator's shell has no CI variable.
    const cmd = `env -u CI node '${BIN}' --demo --db '${db}'; echo "SBK_EXITED=$?"; sleep 30`;
    // Started from a directory outside the project, as an SSH forced command would be.
    tmux('new-session', '-d', '-s', 'sbk', '-x', '80', '-y', '24', '-c', dir, cmd);
    tmux('pipe-pane', '-t', 'sbk', '-o', `cat >> '${log}'`);
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  const bytesSoFar = () => (existsSync(log) ? statSync(log).size : 0);

  it('logs in, moves around, looks a card up and quits, with every line where it belongs', async () => {
    await waitForScreen((s) => s.includes('操作员登录') && s.includes('zhangwei'), 'the login screen');
    tmux('send-keys', '-t', 'sbk', 'zhangwei', 'Enter');
    await sleep(200);
    tmux('send-keys', '-t', 'sbk', '357902', 'Enter');
    let lines = await waitForScreen((s) => s.includes('合计 23 张'), 'the home screen');
    expect(lines[0]).toMatch(/^社保卡库存与发放 +\| +张伟（经办员） 江岸社会保险管理处/);
    expect(lines[22]).toMatch(/^Shift\+L 注销登录 +↑↓ 选择/); // the footer on row 23, once
    expect(lines.filter((l) => l.includes('Tab 切换输入框'))).toHaveLength(0); // nothing left from the login screen
    expect(lines.join('\n')).toContain('!! 12 张卡应回收（逾期未领 6、睡眠卡 6）');

    await sleep(300);
    const before = bytesSoFar();
    tmux('send-keys', '-t', 'sbk', 'Down');
    lines = await waitForScreen((s) => /› 2 清点入库/.test(s), 'the selection on item 2');
    await sleep(300);
    const perKey = bytesSoFar() - before;
    expect(perKey).toBeGreaterThan(0);
    expect(perKey).toBeLessThan(100); // two marker cells, not a redraw (a full screen is ~2,000 bytes)
    expect(lines[2]).toMatch(/^ {2}1 入库登记/);

    tmux('send-keys', '-t', 'sbk', '/');
    await waitForScreen((s) => s.includes('输入或扫描卡号'), 'the lookup screen');
    tmux('send-keys', '-t', 'sbk', 'A10000017', 'Enter');
    lines = await waitForScreen((s) => s.includes('状态：在途'), 'the card');
    expect(lines.join('\n')).toMatch(/持卡人：\S+ +4201\*{10}[\dX]{4}/);
    expect(lines[22]).toMatch(/^Enter 查询/);

    tmux('send-keys', '-t', 'sbk', 'Escape');
    await waitForScreen((s) => s.includes('合计 23 张'), 'home again after Esc');
    tmux('send-keys', '-t', 'sbk', 'q');
    await waitForScreen((s) => s.includes('退出控制台？'), 'the quit prompt');
    tmux('send-keys', '-t', 'sbk', 'y');
    await waitForScreen((s) => s.includes('SBK_EXITED=0'), 'a clean exit');
    // The terminal is left usable: cursor shown again.
    expect(readFileSync(log, 'latin1')).toContain('\u001B[?25h');
  });
});

describe.skipIf(!hasTmux)('instant issuance in tmux (real binary, simulated printer)', () => {
  // Its own tmux server: the first block's kill-server may still be shutting the shared one down.
  const p = demoConsolePane(BIN, 'instant', { x: 80, y: 24 });
  const { tmux, session } = p;
  const waitFor = async (pred: (text: string) => boolean, what: string) => (await p.waitFor(pred, what)).join('\n');

  it('a branch clerk makes a card for an applicant at the counter and it is issued', async () => {
    await waitFor((s) => s.includes('操作员登录'), 'the login screen');
    tmux('send-keys', '-t', session, 'sunli', 'Enter');
    tmux('send-keys', '-t', session, '680135', 'Enter');
    // The login screen lists the demo accounts (孙丽 among them): wait for home's own footer.
    await waitFor((s) => s.includes('1-9/0/-/= 进入'), 'home');
    tmux('send-keys', '-t', session, '8');
    await waitFor((s) => s.includes('即时制卡：') && s.includes('中国工商银行'), 'the instant issuance form');
    tmux('send-keys', '-t', session, '王小明', 'Enter', 'Enter', '420102199001010014', 'Enter');
    await waitFor((s) => s.includes('王小明') && s.includes('420102199001010014'), 'the filled-in form');
    tmux('send-keys', '-t', session, 'C-s');
    const done = await waitFor((s) => s.includes('即时制卡完成') || s.includes('失败') || s.includes('错误'), 'the result');
    expect(done).toContain('即时制卡完成');
    expect(done).toContain('T00000001');
    expect(done).not.toContain('420102199001010014');
    for (const line of done.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    tmux('send-keys', '-t', session, 'Escape');
    tmux('send-keys', '-t', session, 'Escape');
    await waitFor((s) => s.includes('1-9/0/-/= 进入'), 'home again');
    tmux('send-keys', '-t', session, 'q');
    tmux('send-keys', '-t', session, 'y');
    await waitFor((s) => s.includes('SBK_EXITED=0'), 'a clean exit');
    const v = spawnSync(process.execPath, [BIN, 'verify', '--db', join(p.dir(), 'demo.db'), '--json'], { encoding: 'utf8' });
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true });
  });
});

describe.skipIf(!hasTmux)('any window size in tmux (real binary, 60×20, resized)', () => {
  const p = demoConsolePane(BIN, 'size', { x: 60, y: 20 }, { log: true });
  const { tmux, session, waitFor, bytesSoFar } = p;
  const pane = p.lines;
  const resize = (x: number, y: number) => tmux('resize-window', '-t', session, '-x', String(x), '-y', String(y));

  it('lays the shipments list and the sign-in out at 60×20, 100×30 and 80×24, asks for a larger window below 60×16, and keeps the state', async () => {
    await waitFor((s) => s.includes('操作员登录'), 'the login screen');
    tmux('send-keys', '-t', session, 'chenjing', 'Enter');
    tmux('send-keys', '-t', session, '802357', 'Enter');
    await waitFor((s) => s.includes('1-9/0/-/= 进入') || s.includes('Esc 返回  q 退出'), 'home');
    tmux('send-keys', '-t', session, '3');
    // The whole shipment number (it used to lose its leading 4 to the line above wrapping), and the way out in the footer.
    let lines = await waitFor((s) => /› 420100-\d{8}-001 /.test(s), 'the inbound list at 60×20');
    expect(lines[0]).toMatch(/^社保卡库存与发放/);
    expect(lines[18]).toMatch(/Esc 返回 {2}q 退出\s*$/);
    expect(lines.filter((l) => /420100-\d{8}-001/.test(l))).toHaveLength(1);

    resize(100, 30);
    lines = await waitFor((s) => s.split('\n').length >= 29 && /Esc 返回 {2}q 退出/.test(s.split('\n')[28] ?? ''), 'the list at 100×30');
    expect(lines.join('\n')).toMatch(/› 420100-\d{8}-001 +武汉市社保卡管理\S* +快递 +在途/);

    resize(50, 12);
    lines = await waitFor((s) => s.includes('窗口太小'), 'the too-small line');
    expect(lines.filter((l) => l.trim() !== '')).toHaveLength(1);
    tmux('send-keys', '-t', session, 'Escape'); // not taken: the list stays open
    await sleep(300);
    resize(60, 20);
    lines = await waitFor((s) => /› 420100-\d{8}-001 /.test(s), 'the list again at 60×20');
    expect(lines[18]).toMatch(/Esc 返回 {2}q 退出\s*$/);

    // The sign-in: once its scan log is full, a scan costs the same bytes however long the log.
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor((s) => s.includes('已点 0 张'), 'the sign-in');
    const costs: number[] = [];
    for (let i = 1; i <= 12; i++) {
      await sleep(150);
      const before = bytesSoFar();
      tmux('send-keys', '-t', session, `C3${String(i).padStart(7, '0')}`, 'Enter');
      await waitFor((s) => s.includes(`已点 ${i} 张`), `scan ${i}`);
      await sleep(150);
      costs.push(bytesSoFar() - before);
    }
    expect(Math.max(...costs.slice(7)), costs.join(' ')).toBeLessThanOrEqual(150);
    lines = pane();
    expect(lines.filter((l) => /^✓ C3\d{7}/.test(l))).toHaveLength(6);
    expect(lines[4]).toBe('已点 12 张');
    expect(lines[5]).toMatch(/^✓ C30000012/);
    expect(lines[10]).toMatch(/^✓ C30000007/);
    resize(80, 24);
    lines = await waitFor((s) => s.split('\n').length >= 23 && /Esc/.test(s.split('\n')[22] ?? ''), 'the sign-in at 80×24');
    expect(lines[4]).toBe('已点 12 张');
  });
});

describe.skipIf(!hasTmux)('库内移交 in tmux (real binary, 80×24)', () => {
  const p = demoConsolePane(BIN, 'transfer', { x: 80, y: 24 });
  const { tmux, session, waitFor } = p;

  it('opens with 0 from home, moves a scanned card to the vault and saves the sheet', async () => {
    await waitFor((s) => s.includes('操作员登录'), 'the login screen');
    tmux('send-keys', '-t', session, 'zhangwei', 'Enter');
    tmux('send-keys', '-t', session, '357902', 'Enter');
    await waitFor((s) => s.includes('1-9/0/-/= 进入'), 'home');
    tmux('send-keys', '-t', session, '0');
    let lines = await waitFor((s) => s.includes('库内移交：江岸') && /Ctrl\+S 登记移交/.test(s), 'the transfer screen');
    expect(lines[0]).toMatch(/^社保卡库存与发放/);
    expect(lines[1]).toMatch(/^库内移交：江岸社会保险管理处/);
    expect(lines[22]).toMatch(/^Enter 加入 +Ctrl\+Z 撤销 +Ctrl\+S 登记移交/);
    tmux('send-keys', '-t', session, 'A10000019', 'Enter');
    await waitFor((s) => s.includes('✓ 第 1 项 卡 A10000019'), 'the scanned card');
    // Down twice to 移入, → to the vault, Ctrl+S.
    tmux('send-keys', '-t', session, 'Down', 'Down', 'Right');
    await waitFor((s) => /›移入 +‹ 保险柜1/.test(s), 'the vault as destination');
    tmux('send-keys', '-t', session, 'C-s');
    lines = await waitFor((s) => s.includes('已登记库内移交') || s.includes('✗'), 'the result');
    const text = lines.join('\n');
    expect(text).toContain('1 张卡移入“保险柜1”');
    const ref = /移交单号：(YJ-[\d-]+)/.exec(text)?.[1];
    expect(existsSync(join(p.dir(), 'exports', `库内移交单-${ref}.txt`))).toBe(true);
    tmux('send-keys', '-t', session, 'Escape');
    await waitFor((s) => s.includes('1-9/0/-/= 进入'), 'home again');
    tmux('send-keys', '-t', session, 'q');
    tmux('send-keys', '-t', session, 'y');
    await waitFor((s) => s.includes('SBK_EXITED=0'), 'a clean exit');
    const v = spawnSync(process.execPath, [BIN, 'verify', '--db', join(p.dir(), 'demo.db'), '--json'], { encoding: 'utf8' });
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true });
  });
});
