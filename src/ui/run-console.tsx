import { render } from 'ink';
import { App } from './app.tsx';
import { TerminalWriter } from './terminal/terminal-writer.ts';
import type { Ledger } from '../../db/open-ledger.ts';
import { isDemoLedger } from '../../db/ledger-meta.ts';
import { workingCalendar } from '../workflows/calendar-source.ts';
import type { ConsoleServices } from './console-services.ts';
import { siteDevicesCache } from '../workflows/site-devices-cache.ts';

export type RunConsoleOptions = { ledger: Ledger; lowBandwidth: boolean };

/**
 * Starts the console on an open ledger and resolves when the operator quits.
 *
 * Ink lays out the frames; TerminalWriter writes them, cell by cell, only where they changed.
 * Ink's own `incrementalRendering: true` is not used: in ink 6.8 it misplaces unchanged lines
 * by one row on a real terminal (see terminal/frame-diff.ts), and it rewrites whole lines.
 * Ink runs in debug mode so that every render reaches the writer as one complete frame.
 */
export async function runConsole(opts: RunConsoleOptions): Promise<void> {
  const isDemo = isDemoLedger(opts.ledger.db);
  // The read-check at issuance uses the site's configured reader (a demo's is simulated: it reads
  // the card put on it with `sbk devices insert` or the 设备 page, see reader-slots.ts).
  const devices = siteDevicesCache(opts.ledger);
  const services: ConsoleServices = {
    ledger: opts.ledger,
    calendar: workingCalendar(),
    isDemo,
    lowBandwidth: opts.lowBandwidth,
    now: opts.ledger.now,
    readerFromDevices: true,
    devicesFor: devices.open,
  };
  // https://no-color.org: any non-empty NO_COLOR turns colours off.
  const terminal = new TerminalWriter(process.stdout, { maxFps: opts.lowBandwidth ? 8 : 30, noColor: Boolean(process.env.NO_COLOR) });
  const instance = render(<App services={services} />, {
    stdout: terminal as unknown as NodeJS.WriteStream,
    stdin: process.stdin,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  // A dropped SSH link (SIGHUP) or a kill must still leave the terminal usable.
  const onSignal = (signal: NodeJS.Signals) => {
    instance.unmount();
    terminal.end();
    process.exit(signal === 'SIGHUP' ? 129 : 143);
  };
  process.once('SIGHUP', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGHUP', onSignal);
    process.off('SIGTERM', onSignal);
    terminal.end();
    await devices.closeAll();
  }
}
