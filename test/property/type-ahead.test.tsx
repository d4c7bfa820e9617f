/**
 * Keys typed ahead over SSH arrive together. Whatever the grouping, the console must end where
 * typing the same keys one at a time ends: the same screen and the same ledger. fast-check
 * draws key sequences from the registry's keys, text and scans; each is played on two copies
 * of the demo ledger, once a key per read (waiting for each to be handled) and once as a
 * single read, and the final frames and the whole ledger must agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../src/ui/app.tsx';
import { createDemoLedger } from '../../src/workflows/demo-ledger.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { closeLedger, openLedger, type Ledger } from '../../db/open-ledger.ts';
import { whenKeysHandled } from '../../src/ui/keys/pipelines.ts';
import { renderConsole, type RenderedConsole } from '../helpers/render-console.tsx';

const AT = new Date('2026-12-07T02:00:00.000Z');
const frozen = () => new Date(AT);

/** One item is what a person does in one go: a key, or a scanner's whole code and its Enter. */
const KEY_ITEMS = [
  '\u001B[A', '\u001B[B', '\u001B[C', '\u001B[D', '\u001B[6~', '\u001B[Z', // arrows, PgDn, Shift+Tab
  '\r', '\r', '\t', '\u001B', '\u007F', // Enter (twice as likely), Tab, Esc, Backspace
  '\u0013', '\u0015', '\u0017', '\u0004', '\u001A', '\u0002', // Ctrl+S U W D Z B
  ...'1234567nsrpacyhx/ 0L',
];
const SCANS = ['A10000017\r', 'A10000020\r', 'A10000031\r', 'A10000044\r', 'ZZ9999999\r'];

let dir = '';
let demoFile = '';
let boxLabel = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sbk-typeahead-'));
  demoFile = join(dir, 'demo.db');
  const { ledger } = createDemoLedger(demoFile, AT);
  const box = ledger.sqlite.prepare('SELECT b.code AS code, x.label AS label FROM boxes x JOIN batches b ON b.id = x.batch_id LIMIT 1').get() as
    | { code: string; label: string }
    | undefined;
  boxLabel = box ? `${box.code}/${box.label}\r` : 'A10000050\r';
  closeLedger(ledger);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const isPrintable = (item: string) => !/[\u0000-\u001F\u007F]/.test(item);

/**
 * Where no field has focus, text that arrives together and ends in Enter IS a barcode scan
 * (drivers/scanner/keyboard-wedge.ts): that is how a scanner is told from a typist, so typed
 * text right before a scan, or four or more typed characters right before Enter, would read as
 * one scan in a single read and as keys one by one. Such sequences are not type-ahead of a
 * person, and are left out.
 */
function noScanAmbiguity(items: readonly string[]): boolean {
  let typed = 0;
  for (const item of items) {
    const isScan = item.length > 1 && item.endsWith('\r');
    if ((isScan && typed > 0) || (item === '\r' && typed >= 4)) return false;
    typed = isPrintable(item) ? typed + [...item].length : 0;
  }
  return true;
}

type Run = { c: RenderedConsole; ledger: Ledger };
let runNo = 0;

async function start(): Promise<Run> {
  const file = join(dir, `run-${++runNo}.db`);
  // The ledger and its PIN key file beside it.
  for (const suffix of ['', '.key']) copyFileSync(demoFile + suffix, file + suffix);
  const ledger = openLedger(file, { now: frozen });
  const services = { ledger, calendar: loadCalendar(), isDemo: true, lowBandwidth: false, now: frozen };
  const c = renderConsole(<App services={services} escDelayMs={0} scanGapMs={0} />);
  await c.press('zhangwei\r');
  await c.press('357902\r');
  return { c, ledger };
}

/** Everything in the ledger, table by table (the clock is frozen, so times agree too). */
function dump(ledger: Ledger): string {
  const tables = ledger.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, ledger.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

async function settle(c: RenderedConsole): Promise<void> {
  // Ink holds a lone trailing ESC until setImmediate; only then does it reach the router.
  await new Promise<void>((r) => setImmediate(r));
  await c.press('');
  await whenKeysHandled();
}

async function play(items: readonly string[], oneRead: boolean): Promise<{ frame: string; ledger: string }> {
  const { c, ledger } = await start();
  try {
    if (oneRead) c.stdin.write(items.join(''));
    else
      for (const item of items) {
        c.stdin.write(item);
        await settle(c);
      }
    await settle(c);
    await settle(c);
    return { frame: c.lastFrame(), ledger: dump(ledger) };
  } finally {
    c.unmount();
    closeLedger(ledger);
  }
}

describe('type-ahead: keys in one read end where keys typed one by one end', () => {
  it('holds for random sequences of keys, text and scans', async () => {
    const item = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...KEY_ITEMS) },
      { weight: 2, arbitrary: fc.constantFrom(...SCANS, boxLabel) },
      { weight: 1, arbitrary: fc.constantFrom('zhangwei', '357902', '420102', '张') },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 14 }).filter(noScanAmbiguity), async (items) => {
        const apart = await play(items, false);
        const together = await play(items, true);
        expect(together.frame).toBe(apart.frame);
        expect(together.ledger === apart.ledger).toBe(true);
      }),
      { numRuns: Number(process.env.SBK_PROPERTY_RUNS ?? 12), endOnFailure: true },
    );
  }, 600_000);

  it('holds for the cases seen over a real link', async () => {
    const cases: string[][] = [
      ['\u001B[B', '\u001B[B', '\u001B[B', '\r'], // ↓ ↓ ↓ Enter on home opens 4 发卡
      ['3', 'n', '\u001B[B', '\r'], // 3 then n opens a new dispatch; ↓ Enter picks the second row
      ['7', 'A10000017', '\u007F', '\u007F', '7', '\r'], // two Backspaces in one read delete two
      ['\u001B', '1'], // Esc then 1 (an "Alt+1" in one read)
      // Esc and a scan in one read: Ink hands "ESC A" over apart from the rest, still one scan.
      ['\u001B[D', 'ZZ9999999\r', '/', '\t', 'h', '\u0013', '\u001B', 'A10000031\r', 'c', '7', 'L', '357902'],
    ];
    for (const items of cases) {
      const apart = await play(items, false);
      const together = await play(items, true);
      expect(together.frame).toBe(apart.frame);
      expect(together.ledger === apart.ledger).toBe(true);
    }
  }, 300_000);
});
