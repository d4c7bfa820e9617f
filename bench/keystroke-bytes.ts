/**
 * Row 6: what one keystroke costs on the wire. The console on the demo ledger, logged in as
 * zhangwei: one ↓ on the home menu, then in 查卡 after finding A10000017, one ↑ moving the
 * history selection. Each is set against a full redraw of the screen it produced.
 */
import type { Ledger } from '../db/open-ledger.ts';
import { isDemoLedger } from '../db/ledger-meta.ts';
import { workingCalendar } from '../src/workflows/calendar-source.ts';
import { diffFrames, parseFrame } from '../src/ui/terminal/frame-diff.ts';
import { zh } from '../src/i18n/zh-CN.ts';
import { KEYS, renderHarness, type Harness } from './console-harness.tsx';

export const DEMO_CLERK = { login: 'zhangwei', pin: '357902' } as const;
export const LOOKUP_CARD = 'A10000017';

export type KeystrokeCost = { bytes: number; fullRedraw: number; rowsChanged: number; written: string };

const fullRedrawBytes = (frame: string) => Buffer.byteLength(diffFrames(null, parseFrame(frame)));

function rowsChanged(before: string, after: string): number {
  const a = parseFrame(before);
  const b = parseFrame(after);
  let n = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? [];
    const y = b[i] ?? [];
    if (x.length !== y.length || x.some((c, j) => c.ch !== y[j]!.ch || c.style !== y[j]!.style)) n++;
  }
  return n;
}

export async function measureKey(h: Harness, key: string): Promise<KeystrokeCost> {
  await h.settle();
  const before = h.writer.bytesWritten;
  const frameBefore = h.lastFrame();
  const writesBefore = h.terminal.writes.length;
  await h.press(key, (f) => f !== frameBefore);
  const frame = h.lastFrame();
  return {
    bytes: h.writer.bytesWritten - before,
    fullRedraw: fullRedrawBytes(frame),
    rowsChanged: rowsChanged(frameBefore, frame),
    written: h.terminal.writes.slice(writesBefore).map((w) => w.s).join(''),
  };
}

export const consoleServices = (ledger: Ledger) => ({ ledger, calendar: workingCalendar(), isDemo: isDemoLedger(ledger.db), lowBandwidth: false, now: () => new Date() });

/** Logs in on the login screen and waits for the home screen (on a large ledger it takes a while). */
export async function loginAs(h: Harness, who: { login: string; pin: string }, homeTimeoutMs = 10_000): Promise<void> {
  await h.waitFor((f) => f.includes(zh.login.title));
  await h.press(who.login, (f) => f.includes(who.login));
  await h.press(KEYS.enter, () => true);
  await h.press(who.pin, (f) => f.includes('*'.repeat(who.pin.length)));
  await h.press(KEYS.enter, (f) => f.includes(zh.home.menuTitle) && f.includes('›'), homeTimeoutMs);
}

export async function benchKeystrokes(ledger: Ledger): Promise<{ homeDown: KeystrokeCost; historyUp: KeystrokeCost }> {
  const h = renderHarness(consoleServices(ledger));
  try {
    await loginAs(h, DEMO_CLERK);

    const homeDown = await measureKey(h, KEYS.down);

    await h.press('/', (f) => f.includes(zh.lookup.prompt) && !f.includes(zh.home.menuTitle));
    await h.press(LOOKUP_CARD, (f) => f.includes(LOOKUP_CARD));
    await h.press(KEYS.enter, (f) => f.includes(`卡号 ${LOOKUP_CARD}`));
    const historyUp = await measureKey(h, KEYS.up);
    return { homeDown, historyUp };
  } finally {
    h.unmount();
  }
}

export type ListKeystroke = KeystrokeCost & { listRows: number; openMs: number };

/**
 * One ↓ in a long list: 逾期与回收 (5), tab 应回收, for `clerk` on the large ledger. The list's
 * length is read off its tab label (应回收 N).
 */
export async function benchOverdueKeystroke(ledger: Ledger, clerk: { login: string; pin: string }, timeoutMs = 120_000): Promise<ListKeystroke> {
  const h = renderHarness(consoleServices(ledger));
  try {
    await loginAs(h, clerk, timeoutMs);
    const due = /应回收 (\d+)/;
    const t0 = Date.now();
    await h.press('5', (f) => f.includes(zh.overdue.title) && due.test(f), timeoutMs);
    const openMs = Date.now() - t0;
    const listRows = Number(due.exec(h.lastFrame())![1]);
    const cost = await measureKey(h, KEYS.down);
    return { ...cost, listRows, openMs };
  } finally {
    h.unmount();
  }
}
