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
import { SimulatedCaAuthority, type CaAuthority } from './ca-authority.ts';

export type DeviceKind = 'printer' | 'reader' | 'scanner';

export type OpenPrinter = {
  id: string;
  transport: 'simulator' | 'hid';
  printer: InstantPrinter;
  /** Printer hopper number → the ledger's hopper place. */
  hoppers: ReadonlyMap<number, string>;
  /** Set for a simulated printer: the demo's "hands" that put cards in and take them out. */
  simulator: SimulatedDeskPrinter | null;
};
export type OpenReader = { id: string; transport: 'simulator' | 'hid'; reader: CardReader; simulator: SimulatedReader | null };
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
  source: 'file' | 'demo' | 'none';
  configFile: string | null;
  config: SiteDeviceConfig;
  printers: OpenPrinter[];
  readers: OpenReader[];
  scanners: ScannerConfig[];
  /** The HID POS scanners opened (keyboard-mode ones need nothing: they type). */
  hidScanners: OpenScanner[];
  ca: CaAuthority | null;
  problems: DeviceProblem[];
  /** node-hid's view of the USB bus, when a HID device is configured and the library loaded. */
  hid: NodeHidLike | null;
  close(): Promise<void>;
};

export function deviceConfigFile(ledger: Pick<Ledger, 'path'>): string {
  return process.env.SBK_DEVICES || join(dirname(ledger.path), 'devices.json');
}

/** A demo ledger's counter: one simulated printer with every hopper of the site, one simulated reader. */
function demoConfig(ledger: Ledger, siteId: number): SiteDeviceConfig {
  const hoppers = placesAt(ledger.db, siteId).filter((p) => p.kind === 'hopper');
  return {
    printers: hoppers.length ? [{ id: '制卡机1', transport: 'simulator', hoppers: new Map(hoppers.map((h, i) => [i + 1, h.name])) }] : [],
    readers: [{ id: '读卡器1', transport: 'simulator' }],
    scanners: EMPTY_SITE_DEVICES.scanners,
    ca: 'simulator',
  };
}

export function siteDeviceConfig(ledger: Ledger, site: { id: number; code: string }): { config: SiteDeviceConfig; source: SiteDevices['source']; file: string | null } {
  const file = deviceConfigFile(ledger);
  if (existsSync(file)) {
    const all = parseDeviceConfig(readFileSync(file, 'utf8'), file);
    return { config: all.sites.get(site.code) ?? EMPTY_SITE_DEVICES, source: 'file', file };
  }
  if (isDemoLedger(ledger.db)) return { config: demoConfig(ledger, site.id), source: 'demo', file: null };
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

async function openHid(hid: NodeHidLike, addr: HidAddress, label: string): Promise<DeviceClient> {
  const all = await hid.devicesAsync();
  const found = all.find((d) => d.vendorId === addr.vendorId && d.productId === addr.productId && (!addr.serial || d.serialNumber === addr.serial) && d.path);
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  if (!found) throw new SbkError('DEVICE_NOT_FOUND', `找不到${label}（USB ${hex(addr.vendorId)}:${hex(addr.productId)}${addr.serial ? ` 序列号 ${addr.serial}` : ''}）：请检查 USB 线和电源，或运行 sbk devices 查看连接的设备。`);
  const dev = await hid.HIDAsync.open(found.path!);
  return new DeviceClient(new HidTransport(dev, { reportSize: addr.reportSize, reportId: addr.reportId }, `USB ${hex(addr.vendorId)}:${hex(addr.productId)}`));
}

export async function openSiteDevices(ledger: Ledger, site: { id: number; code: string }): Promise<SiteDevices> {
  const { config, source, file } = siteDeviceConfig(ledger, site);
  const problems: DeviceProblem[] = [];
  const closers: (() => Promise<void>)[] = [];
  const printers: OpenPrinter[] = [];
  const readers: OpenReader[] = [];
  const needsHid = [...config.printers, ...config.readers, ...config.scanners].some((d) => d.transport === 'hid');
  let hid: NodeHidLike | null = null;
  let hidProblem: SbkError | null = null;
  if (needsHid) {
    try {
      hid = await loadNodeHid();
    } catch (e) {
      hidProblem = isSbkError(e) ? e : new SbkError('HID_UNAVAILABLE', String(e));
    }
  }
  const attempt = async (id: string, kind: DeviceKind, open: () => Promise<void>) => {
    try {
      await open();
    } catch (e) {
      const err = isSbkError(e) ? e : new SbkError('DEVICE_OPEN_FAILED', `无法打开设备 ${id}：${String(e)}`);
      problems.push({ id, kind, code: err.code, message: err.message });
    }
  };
  for (const p of config.printers) {
    await attempt(p.id, 'printer', async () => {
      if (p.transport === 'simulator') {
        printers.push(openSimulatedPrinter(ledger, site, p));
        return;
      }
      if (!hid) throw hidProblem!;
      const client = await openHid(hid, p, `制卡机 ${p.id}`);
      closers.push(() => client.close());
      printers.push({ id: p.id, transport: 'hid', printer: new ProtocolInstantPrinter(client, p.id), hoppers: p.hoppers, simulator: null });
    });
  }
  for (const r of config.readers) {
    await attempt(r.id, 'reader', async () => {
      if (r.transport === 'simulator') {
        const sim = new SimulatedReader();
        readers.push({ id: r.id, transport: 'simulator', reader: sim, simulator: sim });
        return;
      }
      if (!hid) throw hidProblem!;
      const client = await openHid(hid, r, `读卡器 ${r.id}`);
      closers.push(() => client.close());
      readers.push({ id: r.id, transport: 'hid', reader: new ProtocolCardReader(client, r.id), simulator: null });
    });
  }
  const hidScanners: OpenScanner[] = [];
  for (const s of config.scanners) {
    if (s.transport === 'keyboard') continue;
    await attempt(s.id, 'scanner', async () => {
      if (s.transport === 'simulator') {
        const source = new EventEmitter();
        const scanner = new HidPosScanner(source);
        hidScanners.push({ id: s.id, transport: 'simulator', onScan: (cb) => scanner.onScan(cb), simulate: (code) => simulatedScannerReports(code).forEach((r) => source.emit('data', r)) });
        return;
      }
      if (!hid) throw hidProblem!;
      const found = (await hid.devicesAsync()).find((d) => d.vendorId === s.vendorId && d.productId === s.productId && (!s.serial || d.serialNumber === s.serial) && d.path);
      if (!found) throw new SbkError('DEVICE_NOT_FOUND', `找不到扫描枪 ${s.id}：请检查 USB 线，或运行 sbk devices 查看连接的设备。`);
      const dev = await hid.HIDAsync.open(found.path!);
      closers.push(async () => void (await dev.close()));
      const scanner = new HidPosScanner(dev as unknown as { on(ev: 'data', cb: (b: Uint8Array) => void): void }, {
        reportId: s.reportId,
        lengthByte: s.lengthByte,
        dataOffset: s.dataOffset,
        reportSize: s.reportSize,
      });
      hidScanners.push({ id: s.id, transport: 'hid', onScan: (cb) => scanner.onScan(cb), simulate: null });
    });
  }
  return {
    source,
    configFile: file,
    config,
    printers,
    readers,
    scanners: config.scanners,
    hidScanners,
    ca: config.ca === 'simulator' ? new SimulatedCaAuthority() : null,
    problems,
    hid,
    close: async () => {
      await Promise.allSettled(closers.map((c) => c()));
    },
  };
}

export type DeviceReport = {
  id: string;
  kind: DeviceKind;
  transport: string;
  state: 'ready' | 'attention' | 'error';
  status?: PrinterStatus;
  error?: { code: string; message: string };
};

/** Asks each printer for its status; a reader or scanner is "ready" once open (a test read is the operator's). */
export async function deviceReports(devices: SiteDevices): Promise<DeviceReport[]> {
  const out: DeviceReport[] = [];
  for (const p of devices.printers) {
    try {
      const status = await p.printer.status();
      const attention = status.coverOpen || status.jammed || status.ribbon === 'out' || status.hoppers.some((h) => h.state === 'empty');
      out.push({ id: p.id, kind: 'printer', transport: p.transport, state: attention ? 'attention' : 'ready', status });
    } catch (e) {
      const err = isSbkError(e) ? e : new SbkError('DEVICE_ERROR', String(e));
      out.push({ id: p.id, kind: 'printer', transport: p.transport, state: 'error', error: { code: err.code, message: err.message } });
    }
  }
  for (const r of devices.readers) out.push({ id: r.id, kind: 'reader', transport: r.transport, state: 'ready' });
  for (const s of devices.scanners) {
    const problem = devices.problems.find((x) => x.id === s.id);
    out.push({ id: s.id, kind: 'scanner', transport: s.transport, state: problem ? 'error' : 'ready', ...(problem ? { error: { code: problem.code, message: problem.message } } : {}) });
  }
  for (const p of devices.problems) {
    if (p.kind !== 'scanner') out.push({ id: p.id, kind: p.kind, transport: 'hid', state: 'error', error: { code: p.code, message: p.message } });
  }
  return out;
}
