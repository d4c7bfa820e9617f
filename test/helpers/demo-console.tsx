/**
 * One demo ledger per test file, and the real console App rendered on it at 80×24: the setup
 * the console's flow tests share.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../src/ui/app.tsx';
import type { ConsoleServices } from '../../src/ui/console-services.ts';
import { createDemoLedger } from '../../src/workflows/demo-ledger.ts';
import { loadCalendar } from '../../src/workflows/load-calendar.ts';
import { siteDevicesCache } from '../../src/workflows/site-devices-cache.ts';
import { closeLedger, type Ledger } from '../../db/open-ledger.ts';
import { displayWidth } from '../../src/text/display-width.ts';
import { renderConsole, type ConsoleOptions, type RenderedConsole } from './render-console.tsx';

export type DemoConsole = {
  readonly ledger: Ledger;
  readonly dir: string;
  /**
   * The console on the demo ledger; `services` adds or replaces devices (a card reader) and the
   * like. Unless `devicesFor` is given, the counter's devices are opened as the console opens
   * them (simulated on a demo ledger; their state files live in the ledger's temp directory)
   * and closed after the test.
   */
  start(services?: Partial<ConsoleServices>, size?: ConsoleOptions): RenderedConsole;
};

export function useDemoConsole(): DemoConsole {
  const state: { ledger?: Ledger; dir?: string; app?: RenderedConsole; devices?: ReturnType<typeof siteDevicesCache> } = {};
  const closeDevices = async () => {
    const d = state.devices;
    state.devices = undefined;
    await d?.closeAll();
  };
  beforeAll(() => {
    state.dir = mkdtempSync(join(tmpdir(), 'sbk-console-'));
    state.ledger = createDemoLedger(join(state.dir, 'demo.db')).ledger;
  });
  afterAll(async () => {
    await closeDevices();
    if (state.ledger) closeLedger(state.ledger);
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    state.app?.unmount();
    state.app = undefined;
    await closeDevices();
  });
  return {
    get ledger() {
      return state.ledger!;
    },
    get dir() {
      return state.dir!;
    },
    start(extra = {}, size = {}) {
      let devicesFor = extra.devicesFor;
      if (!('devicesFor' in extra)) {
        state.devices ??= siteDevicesCache(state.ledger!);
        devicesFor = state.devices.open;
      }
      const services: ConsoleServices = {
        ledger: state.ledger!,
        calendar: loadCalendar(),
        isDemo: true,
        lowBandwidth: false,
        now: () => new Date(),
        ...extra,
        ...(devicesFor ? { devicesFor } : {}),
      };
      state.app = renderConsole(<App services={services} escDelayMs={0} scanGapMs={0} />, size);
      return state.app;
    },
  };
}

/** Every line within 80 columns, and the frame one row short of the 24-row terminal. */
export function fitsTerminal(frame: string, columns = 80, rows = 24): boolean {
  const lines = frame.split('\n');
  return lines.length <= rows - 1 && lines.every((l) => displayWidth(l) <= columns);
}
