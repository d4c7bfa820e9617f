/**
 * Which devices each site's counter has, from a JSON file the site's administrator keeps beside
 * the ledger (`devices.json`, or the file `$SBK_DEVICES` names):
 *
 *   { "sites": { "420102-B01": {
 *       "printers": [{ "id": "制卡机1", "transport": "hid", "vendorId": "0x1d6b", "productId": "0x0104",
 *                      "reportSize": 64, "reportId": 0, "hoppers": { "1": "制卡机1-卡盒1" } }],
 *       "readers":  [{ "id": "读卡器1", "transport": "simulator" },
 *                    { "id": "读卡器2", "transport": "library", "path": "C:\\SSCard\\SSCardDriver.DLL" }],
 *       "scanners": [{ "id": "扫描枪1", "transport": "keyboard" }],
 *       "ca": "simulated" } } }
 *
 * `hoppers` maps the printer's hopper numbers (iLoadCard n, GD Annex 9 二(二)) to the ledger's
 * hopper places; without it, the hopper places `sbk place add --kind hopper --printer 制卡机1` made
 * for that printer are its hoppers. Pure: parsing and checking only; opening the devices is elsewhere.
 */
import { SbkError } from '../../src/domain/errors.ts';
import { deviceTexts } from '../../src/i18n/drivers/devices.ts';

export type HidAddress = {
  transport: 'hid';
  vendorId: number;
  productId: number;
  /** Several identical devices on one PC: pick by serial number. */
  serial?: string;
  reportSize: number;
  reportId: number | null;
};
/**
 * A device driven through its vendor's SSCardDriver library (drivers/library/): `path` is the
 * library file (on a Windows desk `SSCardDriver.DLL`, GD Annex 9 二(二)); each call may take
 * `timeoutMs`, iPrint `printTimeoutMs`, before the device counts as hung.
 */
export type LibraryAddress = { transport: 'library'; path: string; timeoutMs: number; printTimeoutMs: number };
export type Transport = { transport: 'simulator' } | HidAddress | LibraryAddress;
export type PrinterConfig = Transport & { id: string; hoppers: ReadonlyMap<number, string> };
export type ReaderConfig = Transport & { id: string };
export type ScannerConfig = { id: string } & ({ transport: 'keyboard' } | { transport: 'simulator' } | (HidAddress & { lengthByte: number; dataOffset: number }));
export type SiteDeviceConfig = {
  printers: PrinterConfig[];
  readers: ReaderConfig[];
  scanners: ScannerConfig[];
  /** Where iWriteCaStep2's CA data comes from (see src/workflows/ca-source.ts). */
  ca: CaConfig;
};
/**
 * How the counter obtains CA data for iWriteCaStep2 (GD Annex 9 二(二): 系统通过连接省卡管系统加密机
 * 完成制卡): `none` refuses instant issuance, `simulated` is the training stand-in (the old spelling
 * "simulator" is accepted), `command` runs the site's encryption-machine client.
 */
export type CaCommandConfig = { kind: 'command'; command: string; args: readonly string[]; timeoutMs: number };
export type CaConfig = { kind: 'none' } | { kind: 'simulated' } | CaCommandConfig;
export const CA_DEFAULT_TIMEOUT_MS = 30_000;

export type DeviceConfig = { sites: ReadonlyMap<string, SiteDeviceConfig> };

export const EMPTY_SITE_DEVICES: SiteDeviceConfig = { printers: [], readers: [], scanners: [{ id: deviceTexts.names.keyboardScanner, transport: 'keyboard' }], ca: { kind: 'none' } };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function usbId(v: unknown, where: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^(0x)?[0-9a-f]{1,4}$/i.test(v) ? parseInt(v.replace(/^0x/i, ''), 16) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new SbkError('DEVICE_CONFIG.usb_id', { where });
  return n;
}

function transportOf(o: Json, where: string, allowKeyboard: boolean): Transport | { transport: 'keyboard' } {
  const t = o.transport;
  if (t === 'simulator') return { transport: 'simulator' };
  if (t === 'keyboard' && allowKeyboard) return { transport: 'keyboard' };
  if (t === 'library' && !allowKeyboard) return libraryOf(o, where);
  if (t !== 'hid') throw new SbkError('DEVICE_CONFIG.transport', { where, keyboard: allowKeyboard });
  const reportSize = o.reportSize ?? 64;
  if (typeof reportSize !== 'number' || !Number.isInteger(reportSize) || reportSize < 8 || reportSize > 1024) throw new SbkError('DEVICE_CONFIG.report_size', { where });
  const reportId = o.reportId === undefined ? 0 : o.reportId;
  if (reportId !== null && (typeof reportId !== 'number' || !Number.isInteger(reportId) || reportId < 0 || reportId > 255)) throw new SbkError('DEVICE_CONFIG.report_id', { where });
  if (o.serial !== undefined && typeof o.serial !== 'string') throw new SbkError('DEVICE_CONFIG.serial', { where });
  return {
    transport: 'hid',
    vendorId: usbId(o.vendorId, `${where}.vendorId`),
    productId: usbId(o.productId, `${where}.productId`),
    ...(typeof o.serial === 'string' ? { serial: o.serial } : {}),
    reportSize,
    reportId: reportId as number | null,
  };
}

function libraryOf(o: Json, where: string): LibraryAddress {
  if (typeof o.path !== 'string' || !o.path.trim()) throw new SbkError('DEVICE_CONFIG.library_path', { where });
  const ms = (v: unknown, fallback: number): number => {
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 100 || v > 600_000) throw new SbkError('DEVICE_CONFIG.library_timeout', { where });
    return v;
  };
  return { transport: 'library', path: o.path.trim(), timeoutMs: ms(o.timeoutMs, 30_000), printTimeoutMs: ms(o.printTimeoutMs, 120_000) };
}

function idOf(o: Json, where: string): string {
  if (typeof o.id !== 'string' || !o.id.trim()) throw new SbkError('DEVICE_CONFIG.id', { where });
  return o.id.trim();
}

function listOf(v: unknown, where: string): Json[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every(isObject)) throw new SbkError('DEVICE_CONFIG.list', { where });
  return v as Json[];
}

/** `"none"`, `"simulated"` (or the old `"simulator"`), or `{ "command": …, "args": [...], "timeoutMs": … }`. */
export function parseCa(v: unknown, where: string): CaConfig {
  if (v === undefined || v === 'none') return { kind: 'none' };
  if (v === 'simulated' || v === 'simulator') return { kind: 'simulated' };
  if (!isObject(v)) throw new SbkError('DEVICE_CONFIG.ca', { where });
  if (typeof v.command !== 'string' || !v.command.trim()) throw new SbkError('DEVICE_CONFIG.ca_command', { where });
  const args = v.args ?? [];
  if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw new SbkError('DEVICE_CONFIG.ca_args', { where });
  const timeoutMs = v.timeoutMs ?? CA_DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) throw new SbkError('DEVICE_CONFIG.ca_timeout', { where });
  return { kind: 'command', command: v.command.trim(), args: args as string[], timeoutMs };
}

function parseSite(o: Json, where: string): SiteDeviceConfig {
  const printers = listOf(o.printers, `${where}.printers`).map((p, i) => {
    const w = `${where}.printers[${i}]`;
    const t = transportOf(p, w, false) as Transport;
    // Without `hoppers` the printer's hoppers are the ledger's hopper places that name it (sbk place add).
    if (p.hoppers !== undefined && !isObject(p.hoppers)) throw new SbkError('DEVICE_CONFIG.hoppers', { where: w });
    const hoppers = new Map<number, string>();
    for (const [k, name] of Object.entries(p.hoppers ?? {})) {
      const n = Number(k);
      if (!/^[1-9]$/.test(k)) throw new SbkError('DEVICE_CONFIG.hopper_no', { where: `${w}.hoppers`, hopper: k });
      if (typeof name !== 'string' || !name.trim()) throw new SbkError('DEVICE_CONFIG.hopper_place', { where: `${w}.hoppers`, hopper: k });
      hoppers.set(n, name.trim());
    }
    return { ...t, id: idOf(p, w), hoppers };
  });
  const readers = listOf(o.readers, `${where}.readers`).map((r, i) => ({ ...(transportOf(r, `${where}.readers[${i}]`, false) as Transport), id: idOf(r, `${where}.readers[${i}]`) }));
  const scanners = listOf(o.scanners, `${where}.scanners`).map((s, i): ScannerConfig => {
    const w = `${where}.scanners[${i}]`;
    const t = transportOf(s, w, true) as Exclude<Transport, LibraryAddress> | { transport: 'keyboard' };
    const id = idOf(s, w);
    if (t.transport !== 'hid') return { id, transport: t.transport };
    const lengthByte = s.lengthByte ?? 1;
    const dataOffset = s.dataOffset ?? 2;
    if (typeof lengthByte !== 'number' || typeof dataOffset !== 'number') throw new SbkError('DEVICE_CONFIG.scanner_report', { where: w });
    // HID POS scanners number their input reports (Newland and most others: 2).
    return { ...t, reportId: s.reportId === undefined ? 2 : t.reportId, id, lengthByte, dataOffset };
  });
  const ca = parseCa(o.ca, `${where}.ca`);
  const ids = [...printers, ...readers, ...scanners].map((d) => d.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new SbkError('DEVICE_CONFIG.duplicate_id', { where, id: dup });
  return { printers, readers, scanners: scanners.length ? scanners : EMPTY_SITE_DEVICES.scanners, ca };
}

export function parseDeviceConfig(text: string, file: string): DeviceConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SbkError('DEVICE_CONFIG.json', { where: file, reason: (e as Error).message });
  }
  if (!isObject(json) || !isObject(json.sites)) throw new SbkError('DEVICE_CONFIG.sites', { where: file });
  const sites = new Map<string, SiteDeviceConfig>();
  for (const [code, site] of Object.entries(json.sites)) {
    const where = deviceTexts.configSite({ file, site: code });
    if (!isObject(site)) throw new SbkError('DEVICE_CONFIG.site', { where });
    sites.set(code, parseSite(site, where));
  }
  return { sites };
}
