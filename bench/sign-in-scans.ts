/**
 * The sign-in scan row: the real console (`<App>` through the bench harness, in process) on the
 * large ledger, logged in as the office clerk, 发运与签收 (3) → Enter on the shipment on its way
 * → 签收. Then each of `n` listed cards is typed as a scanner types it (the number and Enter in
 * one read), and timed from that write to the terminal bytes of the frame that shows the new
 * count (已点 N 张); also to the frame Ink hands over, before the terminal writer.
 *
 * Also the terminal bytes of each scan: once the scan log under the field is full, every scan
 * shifts it by a line, which the terminal writer scrolls (frame-diff.ts) instead of rewriting.
 *
 * Scans are a pause apart (longer than the writer's 30 fps interval, as at a counter where a
 * scan takes about a second), so no scan waits for the previous one's frame to be written.
 *
 * Comparison: the same scans through the sign-in's own logic alone — the check-in session that
 * use-sign-in.ts keeps (scanCard on startSignIn's list) — without React, Ink or the writer.
 */
import type { Ledger } from '../db/open-ledger.ts';
import { startSignIn } from '../src/workflows/shipment-sign-in.ts';
import { scanCard, startCheckIn } from '../src/domain/check-in-session.ts';
import { normalizeCardInput } from '../src/domain/card-input.ts';
import type { Actor } from '../src/domain/actor.ts';
import { zh } from '../src/i18n/zh-CN.ts';
import { KEYS, renderHarness } from './console-harness.tsx';
import { consoleServices, loginAs } from './keystroke-bytes.ts';
import type { Dist } from './ledger-reads.ts';
import { nowMs, percentile, timed } from './stats.ts';

const dist = (xs: number[]): Dist => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs), n: xs.length });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export type SignInScanBench = {
  /** stdin write → terminal bytes of the frame with the new count. */
  toScreen: Dist;
  /** stdin write → Ink's frame with the new count (before the terminal writer). */
  toFrame: Dist;
  /** scanCard alone on the same list. */
  logic: Dist;
  expected: number;
  /** Terminal bytes of each scan, in order (the frame with the new count and anything else it changed). */
  bytes: number[];
  /** 3 → Enter: opening the sign-in (startSignIn reads the outstanding list). */
  openMs: number;
  startSignInMs: number;
  loginToHomeMs: number;
};

export async function benchSignInScans(ledger: Ledger, clerk: { login: string; pin: string }, clerkActor: Actor, number: string, n = 100, timeoutMs = 120_000): Promise<SignInScanBench> {
  const start = timed(() => startSignIn(ledger, clerkActor, number));
  const cards = start.value.expected.slice(0, n).map((e) => e.cardNo);
  if (cards.length < n) throw new Error(`shipment ${number} has only ${cards.length} cards outstanding; the row wants ${n}`);

  const h = renderHarness(consoleServices(ledger));
  const toScreen: number[] = [];
  const toFrame: number[] = [];
  const bytes: number[] = [];
  let loginToHomeMs = 0;
  let openMs = 0;
  try {
    let t = Date.now();
    await loginAs(h, clerk, timeoutMs);
    loginToHomeMs = Date.now() - t;
    t = Date.now();
    await h.press('3', (f) => f.includes(number), timeoutMs);
    await h.press(KEYS.enter, (f) => f.includes(zh.signIn.title(number)) && f.includes(zh.signIn.tally(0, 0, 0, 0)), timeoutMs);
    openMs = Date.now() - t;
    let written = 0;
    for (const [i, cardNo] of cards.entries()) {
      await sleep(50);
      h.writer.flush();
      if (i > 0) bytes.push(h.writer.bytesWritten - written);
      written = h.writer.bytesWritten;
      const want = zh.signIn.tally(i + 1, 0, 0, 0);
      const framesBefore = h.frames.length;
      const t0 = nowMs();
      h.type(`${cardNo}${KEYS.enter}`);
      const deadline = Date.now() + 10_000;
      let frameAt = -1;
      let bytesAt = -1;
      while (bytesAt < 0) {
        if (frameAt < 0) {
          const f = h.frames.slice(framesBefore).find((x) => x.frame.includes(want));
          if (f) frameAt = f.at;
        }
        if (frameAt >= 0) {
          const w = h.terminal.writes.find((x) => x.at >= frameAt);
          if (w) bytesAt = w.at;
        }
        if (bytesAt >= 0) break;
        if (Date.now() > deadline) throw new Error(`sign-in scan ${i + 1} (${cardNo}): no "${want}" within 10 s; last frame:\n${h.lastFrame()}`);
        await sleep(1);
      }
      toFrame.push(frameAt - t0);
      toScreen.push(bytesAt - t0);
    }
    await sleep(50);
    h.writer.flush();
    bytes.push(h.writer.bytesWritten - written);
  } finally {
    h.unmount();
  }

  // The sign-in's own work per scan, without the UI: the same cards into the same session.
  const logic: number[] = [];
  for (let round = 0; round < 2; round++) {
    let session = startCheckIn(start.value.expected);
    logic.length = 0;
    for (const c of cards) {
      const t0 = nowMs();
      session = scanCard(session, normalizeCardInput(c)).session;
      logic.push(nowMs() - t0);
    }
  }
  return { toScreen: dist(toScreen), toFrame: dist(toFrame), logic: dist(logic), expected: start.value.expected.length, bytes, openMs, startSignInMs: start.ms, loginToHomeMs };
}
