/**
 * The devices at the operator's counter, opened from the site's configuration: simulated ones
 * for demo ledgers (and wherever a site's file says `simulator`), USB HID ones otherwise. node-hid
 * is loaded only when a HID device is configured, so a PC without libusb runs everything else.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { dirname, join } from 'node:path';
import type { Ledger } from '../../db/open-ledger.ts';
import { isDemoLedger } from '../../db/ledger-meta.ts';
import { placesAt } from '../../db/sites-repo.ts';
import { hopperQueue } from '../../db/instant-jobs-repo.ts';
import { SbkError, isSbkError } from '../domain/errors.ts';
import { EMPTY_SITE_DEVICES, parseDeviceConfig, type HidAddress, type PrinterConfig, type ScannerConfig, type SiteDeviceConfig } from '../../drivers/config/device-config.ts';
import type { InstantPrinter, PrinterStatus } from '../../drivers/printer/instant-printer.ts';
import type { CardReader } from '../../drivers/reader/card-reader.ts';
import { SimulatedReader } from '../../drivers/reader/simulated-reader.ts';
import { SimulatedDeskPrinter, simulatedPrinterLink } from '../../drivers/simulator/simulated-desk-printer.ts';
import { blankChip } from '../../drivers/simulator/sim-chip.ts';
import { loadNodeHid, type NodeHidLike } from '../../drivers/transport/load-node-hid.ts';
import { HidTransport } from '../../drivers/transport/hid-transport.ts';
import { DeviceClient } from '../../drivers/protocol/device-client.ts';
import { ProtocolInstantPrinter } from '../../drivers/printer/protocol-printer.ts';
import { ProtocolCardReader } from '../../drivers/reader/protocol-reader.ts';
import { HidPosScanner, simulatedScannerReports } from '../../drivers/scanner/hid-pos-scanner.ts';
import { openLibraryPrinter, openLibraryReader } from '../../drivers/library/open-library-device.ts';
import type { LibraryCardReader } from '../../drivers/library/library-printer.ts';
import { caSourceFor, type CaSource } from '../../drivers/ca/ca-source.ts';
import { devicesText } from '../i18n/workflows/sites-devices.ts';
import { chipOnReader, readerSlot, type ReaderSlot } from './reader-slots.ts';

export type DeviceKind = 'printer' | 'reader' | 'scanner';

export type OpenPrinter = {
  id: string;
  transport: 'simulator' | 'hid' | 'library';
  /** Set for a library printer: its library (version, path). */
  library?: { path: string; driver: LibraryCardReader };
  printer: InstantPrinter;
  /** Printer hopper number → the ledger's hopper place. */
  hoppers: ReadonlyMap<number, string>;
  /** Set for a simulated printer: the demo's "hands" that put cards in and take them out. */
  simulator: SimulatedDeskPrinter | null;
};
export type OpenReader = { id: string; transport: 'simulator' | 'hid' | 'library'; reader: CardReader; simulator: SimulatedReader | null; library?: { path: string; driver: LibraryCardReader } };
/** A scanner that is not a keyboard: its codes come here, and the console hands them on as scans. */
export type OpenScanner = {
  id: string;
  transport: 'simulator' | 'hid';
  onScan(cb: (code: string) => void): () => void;
  /** A simulated HID POS scanner: "scan" a code, through the real report decoding. */
  simulate: ((code: string) => void) | null;
};
export type DeviceProblem = { id: string; kind: DeviceKind; code: string; message: string };

export type SiteDevices = {
  /** The ledger and site they were opened for (simulated readers keep their cards beside the ledger). */
  ledger?: Pick<Ledger, 'path'>;
  siteCode: string;
  source: 'file' | 'demo' | 'none';
  configFile: string | null;
  config: SiteDeviceConfig;
  printers: OpenPrinter[];
  readers: OpenReader[];
  scanners: ScannerConfig[];
  /** The HID POS scanners opened (keyboard-mode ones need nothing: they type). */
  hidScanners: OpenScanner[];
  ca: CaSource | null;
  problems: DeviceProblem[];
  /** node-hid's view of the USB bus, when a HID device is configured and the library loaded. */
  hid: NodeHidLike | null;
  close(): Promise<void>;
};

export function deviceConfigFile(ledger: Pick<Ledger, 'path'>): string {
  return process.env.SBK_DEVICES || join(dirname(ledger.path), 'devices.json');
}

/**
 * The printers the ledger's hopper places name (`sbk place add --kind hopper --printer ID`), as
 * printer id → hopper number → place name: the one way a hopper reaches the devices.
 */
function hoppersByPrinter(ledger: Ledger, siteId: number): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  for (const h of placesAt(ledger.db, siteId).filter((p) => p.kind === 'hopper' && p.printerId && p.hopperNo)) {
    const m = out.get(h.printerId!) ?? new Map<number, string>();
    m.set(h.hopperNo!, h.name);
    out.set(h.printerId!, m);
  }
  return out;
}

/** A printer's hoppers: what devices.json maps, plus the ledger's hopper places for that printer. */
function withLedgerHoppers(config: SiteDeviceConfig, fromPlaces: ReadonlyMap<string, ReadonlyMap<number, string>>): SiteDeviceConfig {
  const printers = config.printers.map((p) => {
    const hoppers = new Map(fromPlaces.get(p.id) ?? []);
    for (const [n, name] of p.hoppers) hoppers.set(n, name);
    return { ...p, hoppers };
  });
  return { ...config, printers };
}

/** A demo ledger's counter: a simulated printer for each printer its hopper places name, one simulated reader. */
function demoConfig(fromPlaces: ReadonlyMap<string, ReadonlyMap<number, string>>): SiteDeviceConfig {
  return {
    printers: [...fromPlaces].map(([id, hoppers]) => ({ id, transport: 'simulator' as const, hoppers })),
    readers: [{ id: devicesText.demoReaderId, transport: 'simulator' }],
    scanners: EMPTY_SITE_DEVICES.scanners,
    ca: { kind: 'simulated' },
  };
}

export function siteDeviceConfig(ledger: Ledger, site: { id: number; code: string }): { config: SiteDeviceConfig; source: SiteDevices['source']; file: string | null } {
  const file = deviceConfigFile(ledger);
  const fromPlaces = hoppersByPrinter(ledger, site.id);
  if (existsSync(file)) {
    const all = parseDeviceConfig(readFileSync(file, 'utf8'), file);
    return { config: withLedgerHoppers(all.sites.get(site.code) ?? EMPTY_SITE_DEVICES, fromPlaces), source: 'file', file };
  }
  if (isDemoLedger(ledger.db)) return { config: demoConfig(fromPlaces), source: 'demo', file: null };
  return { config: EMPTY_SITE_DEVICES, source: 'none', file: null };
}

/** Where a simulated printer keeps its physical state between runs (it survives a host crash). */
export function simulatorStateFile(ledger: Pick<Ledger, 'path'>, siteCode: string, printerId: string): string {
  const dir = join(dirname(ledger.path), 'devices-sim');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return join(dir, `${siteCode}-${printerId.replace(/[^\p{L}\p{N}_-]/gu, '_')}.json`);
}

function openSimulatedPrinter(ledger: Ledger, site: { id: number; code: string }, cfg: PrinterConfig): OpenPrinter {
  const file = simulatorStateFile(ledger, site.code, cfg.id);
  const fresh = !existsSync(file);
  const sim = SimulatedDeskPrinter.fromFile(file, [...cfg.hoppers.keys()]);
  if (fresh) {
    // A new simulated printer starts as the ledger says its hoppers are loaded.
    const places = placesAt(ledger.db, site.id);
    for (const [n, name] of cfg.hoppers) {
      const place = places.find((p) => p.kind === 'hopper' && p.name === name);
      if (place) sim.placeInHopper(n, hopperQueue(ledger.db, place.id).map((c) => chipOfBlank(c, site.code)));
    }
  }
  const link = simulatedPrinterLink(sim);
  return { id: cfg.id, transport: 'simulator', printer: link.printer, hoppers: cfg.hoppers, simulator: sim };
}

export function chipOfBlank(c: { cardIdCode: string | null; resetCode: string | null; bankCardNo: string | null }, siteCode: string) {
  return blankChip({ cardIdCode: c.cardIdCode ?? '', resetCode: c.resetCode ?? '', regionCode: siteCode.slice(0, 6), bankCardNo: c.bankCardNo ?? '' });
}

async function openHid(hid: NodeHidLike, addr: HidAddress, device: string): Promise<DeviceClient> {
  const all = await hid.devicesAsync();
  const found = all.find((d) => d.vendorId === addr.vendorId && d.productId === addr.productId && (!addr.serial || d.serialNumber === addr.serial) && d.path);
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  const usb = `${hex(addr.vendorId)}:${hex(addr.productId)}`;
  if (!found) throw new SbkError('DEVICE_NOT_FOUND.usb', { device, usb, serial: addr.serial ?? null });
  const dev = await hid.HIDAsync.open(found.path!);
  return new DeviceClient(new HidTransport(dev, { reportSize: addr.reportSize, reportId: addr.reportId }, `USB ${usb}`));
}

/** What opening one site's devices gathers as it goes: the HID library, the problems met, how to close what opened. */
type Opening = {
  ledger: Ledger;
  site: { id: number; code: string };
  hid: NodeHidLike | null;
  hidProblem: SbkError | null;
  problems: DeviceProblem[];
  closers: (() => Promise<void>)[];
};

/** node-hid, loaded only when a configured device needs it; a failure to load is each HID device's problem. */
async function loadHidFor(config: SiteDeviceConfig): Promise<{ hid: NodeHidLike | null; hidProblem: SbkError | null }> {
  const needsHid = [...config.printers, ...config.readers, ...config.scanners].some((d) => d.transport === 'hid');
  if (!needsHid) return { hid: null, hidProblem: null };
  try {
    return { hid: await loadNodeHid(), hidProblem: null };
  } catch (e) {
    return { hid: null, hidProblem: isSbkError(e) ? e : new SbkError('HID_UNAVAILABLE.devices', { detail: String(e) }) };
  }
}

/** Opens one device; a failure becomes a problem to report, not an end to opening the others. */
async function attempt(o: Opening, id: string, kind: DeviceKind, open: () => Promise<void>): Promise<void> {
  try {
    await open();
  } catch (e) {
    const err = isSbkError(e) ? e : new SbkError('DEVICE_OPEN_FAILED', { id, detail: String(e) });
    o.problems.push({ id, kind, code: err.code, message: err.message });
  }
}

function hidOf(o: Opening): NodeHidLike {
  if (!o.hid) throw o.hidProblem!;
  return o.hid;
}

async function openPrinters(o: Opening, configs: readonly PrinterConfig[]): Promise<OpenPrinter[]> {
  const printers: OpenPrinter[] = [];
  for (const p of configs) {
    await attempt(o, p.id, 'printer', async () => {
      if (p.transport === 'simulator') {
        printers.push(openSimulatedPrinter(o.ledger, o.site, p));
        return;
      }
      if (p.transport === 'library') {
        const printer = await openLibraryPrinter(p);
        o.closers.push(() => printer.close());
        printers.push({ id: p.id, transport: 'library', printer, library: { path: p.path, driver: printer }, hoppers: p.hoppers, simulator: null });
        return;
      }
      const client = await openHid(hidOf(o), p, devicesText.printer({ id: p.id }));
      o.closers.push(() => client.close());
      printers.push({ id: p.id, transport: 'hid', printer: new ProtocolInstantPrinter(client, p.id), hoppers: p.hoppers, simulator: null });
    });
  }
  return printers;
}

async function openReaders(o: Opening, configs: SiteDeviceConfig['readers']): Promise<OpenReader[]> {
  const readers: OpenReader[] = [];
  for (const r of configs) {
    await attempt(o, r.id, 'reader', async () => {
      if (r.transport === 'simulator') {
        const sim = new SimulatedReader(() => chipOnReader(o.ledger, o.site.code, r.id));
        readers.push({ id: r.id, transport: 'simulator', reader: sim, simulator: sim });
        return;
      }
      if (r.transport === 'library') {
        const reader = await openLibraryReader(r);
        o.closers.push(() => reader.close());
        readers.push({ id: r.id, transport: 'library', reader, simulator: null, library: { path: r.path, driver: reader } });
        return;
      }
      const client = await openHid(hidOf(o), r, devicesText.reader({ id: r.id }));
      o.closers.push(() => client.close());
      readers.push({ id: r.id, transport: 'hid', reader: new ProtocolCardReader(client, r.id), simulator: null });
    });
  }
  return readers;
}

/** A HID POS scanner (a keyboard-mode one needs nothing: it types). */
async function openHidScanner(o: Opening, s: ScannerConfig & { transport: 'hid' }): Promise<OpenScanner> {
  const found = (await hidOf(o).devicesAsync()).find((d) => d.vendorId === s.vendorId && d.productId === s.productId && (!s.serial || d.serialNumber === s.serial) && d.path);
  if (!found) throw new SbkError('DEVICE_NOT_FOUND.scanner', { id: s.id });
  const dev = await hidOf(o).HIDAsync.open(found.path!);
  o.closers.push(async () => void (await dev.close()));
  const scanner = new HidPosScanner(dev as unknown as { on(ev: 'data', cb: (b: Uint8Array) => void): void }, {
    reportId: s.reportId,
    lengthByte: s.lengthByte,
    dataOffset: s.dataOffset,
    reportSize: s.reportSize,
  });
  return { id: s.id, transport: 'hid', onScan: (cb) => scanner.onScan(cb), simulate: null };
}

async function openScanners(o: Opening, configs: readonly ScannerConfig[]): Promise<OpenScanner[]> {
  const hidScanners: OpenScanner[] = [];
  for (const s of configs) {
    if (s.transport === 'keyboard') continue;
    await attempt(o, s.id, 'scanner', async () => {
      if (s.transport === 'simulator') {
        const source = new EventEmitter();
        const scanner = new HidPosScanner(source);
        hidScanners.push({ id: s.id, transport: 'simulator', onScan: (cb) => scanner.onScan(cb), simulate: (code) => simulatedScannerReports(code).forEach((r) => source.emit('data', r)) });
        return;
      }
      hidScanners.push(await openHidScanner(o, s));
    });
  }
  return hidScanners;
}

export async function openSiteDevices(ledger: Ledger, site: { id: number; code: string }): Promise<SiteDevices> {
  const { config, source, file } = siteDeviceConfig(ledger, site);
  const o: Opening = { ledger, site, ...(await loadHidFor(config)), problems: [], closers: [] };
  const printers = await openPrinters(o, config.printers);
  const readers = await openReaders(o, config.readers);
  const hidScanners = await openScanners(o, config.scanners);
  return {
    ledger,
    siteCode: site.code,
    source,
    configFile: file,
    config,
    printers,
    readers,
    scanners: config.scanners,
    hidScanners,
    ca: caSourceFor(config.ca),
    problems: o.problems,
    hid: o.hid,
    close: async () => {
      await Promise.allSettled(o.closers.map((c) => c()));
    },
  };
}

export type DeviceReport = {
  id: string;
  kind: DeviceKind;
  transport: string;
  state: 'ready' | 'attention' | 'error';
  status?: PrinterStatus;
  /** A simulated reader: the card put on it, and whether the card being issued goes there by itself. */
  slot?: ReaderSlot;
  error?: { code: string; message: string };
  /** A library device: the library file and its version string (null: the library offers none). */
  library?: { path: string; version: string | null };
};

async function libraryOf(d: { library?: { path: string; driver: LibraryCardReader } }): Promise<{ library?: DeviceReport['library'] }> {
  if (!d.library) return {};
  const version = await d.library.driver.version().catch(() => null);
  return { library: { path: d.library.path, version } };
}

/** The transport a device that failed to open was configured with. */
function configuredTransport(devices: SiteDevices, id: string): string {
  return [...devices.config.printers, ...devices.config.readers].find((d) => d.id === id)?.transport ?? 'hid';
}

/** Asks each printer for its status; a reader or scanner is "ready" once open (a test read is the operator's). */
export async function deviceReports(devices: SiteDevices): Promise<DeviceReport[]> {
  const out: DeviceReport[] = [];
  for (const p of devices.printers) {
    try {
      const status = await p.printer.status();
      const attention = status.coverOpen || status.jammed || status.ribbon === 'out' || status.hoppers.some((h) => h.state === 'empty');
      out.push({ id: p.id, kind: 'printer', transport: p.transport, state: attention ? 'attention' : 'ready', status, ...(await libraryOf(p)) });
    } catch (e) {
      const err = isSbkError(e) ? e : new SbkError('DEVICE_ERROR.devices', { detail: String(e) });
      out.push({ id: p.id, kind: 'printer', transport: p.transport, state: 'error', error: { code: err.code, message: err.message }, ...(await libraryOf(p)) });
    }
  }
  for (const r of devices.readers) {
    const slot = r.simulator && devices.ledger ? readerSlot(devices.ledger, devices.siteCode, r.id) : undefined;
    out.push({ id: r.id, kind: 'reader', transport: r.transport, state: 'ready', ...(slot ? { slot } : {}), ...(await libraryOf(r)) });
  }
  for (const s of devices.scanners) {
    const problem = devices.problems.find((x) => x.id === s.id);
    out.push({ id: s.id, kind: 'scanner', transport: s.transport, state: problem ? 'error' : 'ready', ...(problem ? { error: { code: problem.code, message: problem.message } } : {}) });
  }
  for (const p of devices.problems) {
    if (p.kind !== 'scanner') out.push({ id: p.id, kind: p.kind, transport: configuredTransport(devices, p.id), state: 'error', error: { code: p.code, message: p.message } });
  }
  return out;
}
