/**
 * Type-ahead at full speed against the real binary: each tmux `send-keys` below writes all its
 * keys to the terminal at once, as an SSH link delivers keys typed ahead. Every case must end
 * where typing the keys one at a time ends (see test/property/type-ahead.test.tsx for the
 * property over random sequences).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/temp-ledger.ts';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const BIN = fileURLToPath(new URL('../../bin/sbk.js', import.meta.url));
const socket = `sbk-e2e-typeahead-${process.pid}`;
const session = 'sbk-ahead';
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);
const pane = () => tmux('capture-pane', '-p', '-t', session).replace(/\n+$/, '');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(pred: (text: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = pane();
    if (pred(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
    await sleep(100);
  }
}

describe.skipIf(!hasTmux)('type-ahead in tmux (real binary, 80×24, keys sent in one go)', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir();
    const cmd = `env -u CI node '${BIN}' --demo --db '${join(dir, 'demo.db')}'; echo "SBK_EXITED=$?"; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', dir, cmd);
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

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
    await waitFor((t) => t.includes('1-9 直接进入'), 'home');

    // ↓ ↓ ↓ Enter opens the fourth item, 发卡.
    keys('Down', 'Down', 'Down', 'Enter');
    await waitFor((t) => t.includes('发卡：查找持卡人的卡'), '发卡 opened by ↓ ↓ ↓ Enter');
    keys('Escape');
    await waitFor((t) => t.includes('1-9 直接进入'), 'home again');

    // 3 then n: 发运与签收, then its N (新建发运); ↓ Enter picks the second destination.
    keys('3', 'n');
    await waitFor((t) => t.includes('新建发运：选择接收单位'), 'the new dispatch');
    keys('Down', 'Enter');
    s = await waitFor((t) => t.includes('新建发运：发往'), 'the scan step');
    expect(s).toContain('发往 武汉市社保卡管理中心（420100）');

    // Esc Esc Esc back to home, then q y: nothing is left half-done.
    keys('Escape', 'Escape', 'Escape');
    await waitFor((t) => t.includes('1-9 直接进入'), 'home after Esc Esc Esc');
    keys('q', 'y');
    await waitFor((t) => t.includes('SBK_EXITED=0'), 'a clean exit');
  }, 90_000);
});
