/**
 * Issue 18, busy is not an error: a console action that has to wait for another process's write
 * lock shows "等待其他操作完成…" on the footer row while it waits. The wait is synchronous
 * (db/write-tx.ts), so Ink cannot render; the notice is written to the terminal before the wait,
 * and the footer is back once the wait is over. A second process holds BEGIN IMMEDIATE on the
 * same ledger file; the console logs in (a login writes to the audit log) meanwhile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { App } from '../../src/ui/app.tsx';
import type { ConsoleServices } from '../../src/ui/console-services.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { renderConsole, type RenderedConsole } from '../helpers/render-console.tsx';
import { VirtualTerminal } from '../helpers/virtual-terminal.ts';
import { ADMIN, freshLedger } from '../helpers/temp-ledger.ts';
import type { Ledger } from '../../db/open-ledger.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOTICE = '等待其他操作完成…';
const HOLD_MS = 1200;

/** Another process holds the ledger's write lock for `ms`, then commits; resolves once it holds it. */
function holdLockElsewhere(path: string, ms: number): Promise<ChildProcess> {
  const script = `const D=require('better-sqlite3');const d=new D(process.argv[1]);d.exec('BEGIN IMMEDIATE');process.stdout.write('locked\\n');setTimeout(()=>{d.exec('COMMIT');d.close();},${ms});`;
  const child = spawn(process.execPath, ['-e', script, path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`lock holder exited ${code}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

let app: RenderedConsole | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

function start(ledger: Ledger): RenderedConsole {
  const services: ConsoleServices = { ledger, calendar: loadCalendar(), isDemo: false, lowBandwidth: false, now: ledger.now };
  app = renderConsole(<App services={services} escDelayMs={0} scanGapMs={0} />);
  return app;
}

/** The screen after replaying the terminal's first `n` writes. */
function screenAfter(writes: readonly string[], n: number): string[] {
  const vt = new VirtualTerminal(80, 24);
  for (const w of writes.slice(0, n)) vt.write(w);
  return vt.screenText();
}

describe('the console while another process writes', () => {
  it('shows the waiting notice on the footer row during the wait, then the screen whole again', async () => {
    const { ledger } = freshLedger();
    const c = start(ledger);
    await c.press(`${ADMIN.login}\r`);
    const footerBefore = screenAfter(c.terminalWrites(), c.terminalWrites().length)[22];
    expect(footerBefore).not.toContain(NOTICE);

    const holder = await holdLockElsewhere(ledger.path, HOLD_MS);
    const from = c.terminalWrites().length;
    const t0 = Date.now();
    await c.press(`${ADMIN.pin}\r`);
    await c.waitFor((f) => f.includes(ADMIN.name) && !f.includes('正在核对'), 15_000);
    await exited(holder);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(HOLD_MS - 300);

    const writes = c.terminalWrites();
    const at = writes.findIndex((w, i) => i >= from && w.includes(NOTICE));
    expect(at, 'the notice was written to the terminal').toBeGreaterThanOrEqual(0);
    // While waiting: the notice on the frame's last row (the footer), the rest of the frame as it was.
    const during = screenAfter(writes, at + 1);
    expect(during[22]).toContain(NOTICE);
    expect(during[22]).toContain('最多等 30 秒');
    expect(during.slice(0, 22).join('\n')).not.toContain(NOTICE);
    // Afterwards: logged in, the footer back, the notice gone.
    await c.press('');
    const after = screenAfter(c.terminalWrites(), c.terminalWrites().length);
    expect(after.join('\n')).not.toContain(NOTICE);
    expect(after[22]!.trim()).not.toBe('');
    expect(after.join('\n')).toContain(ADMIN.name);
  }, 30_000);

  it('past SBK_BUSY_TIMEOUT_MS says LEDGER_BUSY in words on the screen (not 程序出错), and the footer is back', async () => {
    const { ledger } = freshLedger();
    const c = start(ledger);
    await c.press(`${ADMIN.login}\r`);
    const before = process.env.SBK_BUSY_TIMEOUT_MS;
    process.env.SBK_BUSY_TIMEOUT_MS = '600';
    const holder = await holdLockElsewhere(ledger.path, 2500);
    try {
      await c.press(`${ADMIN.pin}\r`);
      await c.waitFor((f) => f.includes('台账正被其他操作占用'), 15_000);
    } finally {
      if (before === undefined) delete process.env.SBK_BUSY_TIMEOUT_MS;
      else process.env.SBK_BUSY_TIMEOUT_MS = before;
      await exited(holder);
    }
    const writes = c.terminalWrites();
    expect(writes.some((w) => w.includes(NOTICE))).toBe(true);
    const after = screenAfter(writes, writes.length).join('\n');
    expect(after).not.toContain(NOTICE);
    expect(after).not.toContain('程序出错');
  }, 30_000);

  it('writes no notice when nothing holds the ledger', async () => {
    const { ledger } = freshLedger();
    const c = start(ledger);
    await c.press(`${ADMIN.login}\r`);
    await c.press(`${ADMIN.pin}\r`);
    await c.waitFor((f) => f.includes(ADMIN.name) && !f.includes('正在核对'), 15_000);
    expect(c.terminalWrites().some((w) => w.includes(NOTICE))).toBe(false);
  }, 30_000);
});
