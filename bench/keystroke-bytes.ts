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

async function measureKey(h: Harness, key: string): Promise<KeystrokeCost> {
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

export async function benchKeystrokes(ledger: Ledger): Promise<{ homeDown: KeystrokeCost; historyUp: KeystrokeCost }> {
  const services = { ledger, calendar: workingCalendar(), isDemo: isDemoLedger(ledger.db), lowBandwidth: false, now: () => new Date() };
  const h = renderHarness(services);
  try {
    await h.waitFor((f) => f.includes(zh.login.title));
    await h.press(DEMO_CLERK.login, (f) => f.includes(DEMO_CLERK.login));
    await h.press(KEYS.enter, () => true);
    await h.press(DEMO_CLERK.pin, (f) => f.includes('*'.repeat(DEMO_CLERK.pin.length)));
    await h.press(KEYS.enter, (f) => f.includes(zh.home.menuTitle) && f.includes('›'), 10_000);

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
