/**
 * The two tests an operator runs by hand on the 设备 page: read the card at a reader (or at a
 * printer's reader position), and eject the card at a printer's reader to the bad bin. They
 * use the devices the console already opened and write nothing to the ledger.
 */
import type { BasicCardInfo, ReaderInterface } from '../../drivers/reader/basic-info.ts';
import type { InstantPrinter } from '../../drivers/printer/instant-printer.ts';
import { deviceReports, type DeviceReport, type SiteDevices } from './site-devices.ts';

/** Automatic, contact first: whatever card the operator put in answers. */
const TEST_READ_INTERFACE: ReaderInterface = 3;
/** A test card goes to the bad bin, never among the good cards. */
const BAD_BIN = 2;

export type TestReader = { readBasic(iface?: ReaderInterface): Promise<BasicCardInfo> };

/** What R reads with for a listed device: the reader itself, or a printer's reader position; none for a scanner or a device that did not open. */
export function testReaderOf(devices: SiteDevices, report: DeviceReport): TestReader | undefined {
  if (report.kind === 'reader') return devices.readers.find((x) => x.id === report.id)?.reader;
  if (report.kind === 'printer') return devices.printers.find((x) => x.id === report.id)?.printer;
  return undefined;
}

/** The printer E ejects with, when the listed device is a printer that opened. */
export function testPrinterOf(devices: SiteDevices, report: DeviceReport): InstantPrinter | undefined {
  return report.kind === 'printer' ? devices.printers.find((x) => x.id === report.id)?.printer : undefined;
}

export function readTestCard(reader: TestReader): Promise<BasicCardInfo> {
  return reader.readBasic(TEST_READ_INTERFACE);
}

export function ejectTestCard(printer: InstantPrinter): Promise<void> {
  return printer.eject(BAD_BIN);
}

/** Every device's status again, after a test changed it; null when it cannot be asked (the last status stays). */
export async function reportsAfterTest(devices: SiteDevices): Promise<DeviceReport[] | null> {
  try {
    return await deviceReports(devices);
  } catch {
    return null;
  }
}
