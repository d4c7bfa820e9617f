/**
 * Type-ahead at full speed against the real binary: each tmux `send-keys` below writes all its
 * keys to the terminal at once, as an SSH link delivers keys typed ahead. Every case must end
 * where typing the keys one at a time ends (see test/property/type-ahead.test.tsx for the
 * property over random sequences).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/temp-ledger.ts';
import { hasTmux, tmuxPane } from '../helpers/tmux-pane.ts';

const BIN = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));
const session = 'sbk-ahead';
const p = tmuxPane(`sbk-e2e-typeahead-${process.pid}`, session);
const keys = (...k: string[]) => p.tmux('send-keys', '-t', session, ...k);
const waitFor = async (pred: (text: string) => boolean, what: string) => (await p.waitFor(pred, what)).join('\n');

describe.skipIf(!hasTmux)('type-ahead in tmux (real binary, 80×24, keys sent in one go)', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir();
    const cmd = `env -u CI node '${BIN}' --demo --db '${join(dir, 'demo.db')}'; echo "SBK_EXITED=$?"; sleep 30`;
    p.tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', dir, cmd);
  });
  afterAll(() => p.kill());

  it('lands every key where it was meant: login with Tab, Backspaces, menu moves, 3 n, ↓ Enter', async () => {
    await waitFor((s) => s.includes('操作员登录') && s.includes('zhangwei'), 'the login screen');

    // 工号, Tab and PIN in one go: the PIN goes into the PIN field, masked, never into 工号.
    keys('zhangwei', 'Tab', '357999');
    let s = await waitFor((t) => /›密码 \*{6}/.test(t), 'six masked PIN digits');
    expect(s).toMatch(/工号 zhangwei\s*$/m);
    expect(s).not.toContain('357999');
    // Two Backspaces in one go delete two characters.
    keys('BSpace', 'BSpace', 'BSpace');
    await waitFor((t) => /›密码 \*{3}\s*$/m.test(t), 'three PIN digits left');
    keys('902', 'Enter');
    await waitFor((t) => t.includes('1-9/0/-/= 进入'), 'home');

    // ↓ ↓ ↓ Enter opens the fourth item, 发卡.
    keys('Down', 'Down', 'Down', 'Enter');
    await waitFor((t) => t.includes('发卡：查找持卡人的卡'), '发卡 opened by ↓ ↓ ↓ Enter');
    keys('Escape');
    await waitFor((t) => t.includes('1-9/0/-/= 进入'), 'home again');

    // 3 then n: 发运与签收, then its N (新建发运); ↓ Enter picks the second destination.
    keys('3', 'n');
    await waitFor((t) => t.includes('新建发运：选择接收单位'), 'the new dispatch');
    keys('Down', 'Enter');
    s = await waitFor((t) => t.includes('新建发运：发往'), 'the scan step');
    expect(s).toContain('发往 武汉市社保卡管理中心（420100）');

    // A scan, a stray code and Ctrl+Z in one go: the card is added, then taken back.
    keys('A10000020', 'Enter', 'ZZ99', 'Enter', 'C-z');
    s = await waitFor((t) => t.includes('已撤销 A10000020'), 'the undo');
    expect(s).toContain('共 0 张');

    // Esc Esc Esc back to home; Esc ? in one go is Esc, then help (not an Alt chord).
    keys('Escape', 'Escape', 'Escape');
    await waitFor((t) => t.includes('1-9/0/-/= 进入'), 'home after Esc Esc Esc');
    keys('Escape', '?');
    await waitFor((t) => t.includes('帮助'), 'the help after Esc ?');
    keys('Escape');
    await waitFor((t) => t.includes('1-9/0/-/= 进入'), 'home after closing help');
    keys('q', 'y');
    await waitFor((t) => t.includes('SBK_EXITED=0'), 'a clean exit');
  }, 90_000);
});
