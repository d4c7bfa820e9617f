/**
 * `sbk devices`: what the counter's configuration names and what is on the USB bus; a test read
 * and a test eject. node-hid is loaded only when the site's configuration has a HID device, and
 * when libusb is missing the listing says which package to install instead of failing.
 */
import type { Argv } from 'yargs';
import { deviceReports, type DeviceReport, type SiteDevices } from '../../workflows/site-devices.ts';
import type { Actor } from '../../domain/actor.ts';
import { SbkError } from '../../domain/errors.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { deviceLine } from '../../ui/device-status.ts';
import { devicesText as t } from '../../i18n/cli/devices.ts';
import { emit, type Out } from '../cli-io.ts';
import { withActor, withSiteDevices, withSubcommands, type GlobalArgs } from '../cli-context.ts';
import { usageCheck } from '../args.ts';
import { insertSimulatedCard, removeSimulatedCard } from '../../workflows/simulated-card-slot.ts';

type UsbDevice = { vendorId: number; productId: number; product: string | null; manufacturer: string | null; serial: string | null; path: string | null };

async function usbList(devices: SiteDevices): Promise<UsbDevice[] | null> {
  if (!devices.hid) return null;
  const all = await devices.hid.devicesAsync();
  return all.map((d) => ({ vendorId: d.vendorId, productId: d.productId, product: d.product ?? null, manufacturer: d.manufacturer ?? null, serial: d.serialNumber ?? null, path: d.path ?? null }));
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function listText(actor: Actor, devices: SiteDevices, reports: readonly DeviceReport[], usb: readonly UsbDevice[] | null): string {
  const source = devices.source === 'demo' ? t.list.sourceDemo : devices.source === 'file' ? t.list.sourceFile({ file: devices.configFile }) : t.list.sourceNone;
  return [
    t.list.head({ site: actor.siteName, code: actor.siteCode, source }),
    ...reports.map(deviceLine),
    ...(usb ? ['', t.list.usb({ count: usb.length }), ...usb.map((d) => `  ${hex4(d.vendorId)}:${hex4(d.productId)}  ${d.manufacturer ?? ''} ${d.product ?? ''}`)] : []),
  ].join('\n');
}

function listSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    '$0',
    t.list.describe,
    (c) => c,
    (argv) =>
      withActor(argv, (ledger, actor) =>
        withSiteDevices(ledger, actor, async (devices) => {
          const reports = await deviceReports(devices);
          const usb = await usbList(devices);
          const data = { site: actor.siteCode, source: devices.source, configFile: devices.configFile, devices: reports, usb };
          emit(out(), data, () => listText(actor, devices, reports, usb));
        }),
      ),
  );
}

function readSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'read',
    t.read.describe,
    (c) => c.option('device', { type: 'string', describe: t.read.device }),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        const info = await withSiteDevices(ledger, actor, async (devices) => {
          const reader = argv.device
            ? (devices.readers.find((r) => r.id === argv.device)?.reader ?? devices.printers.find((p) => p.id === argv.device)?.printer)
            : (devices.readers[0]?.reader ?? devices.printers[0]?.printer);
          if (!reader) throw argv.device ? new SbkError('READER_NOT_CONFIGURED.named', { device: argv.device }) : new SbkError('READER_NOT_CONFIGURED');
          return reader.readBasic(3);
        });
        const shown = { ...info, ssn: info.ssn ? maskIdNumber(info.ssn) : '' };
        const none = t.read.none;
        emit(out(), shown, () =>
          [
            t.read.card({ cardNo: shown.cardNo || t.read.blank, name: shown.name || none, ssn: shown.ssn || none }),
            t.read.chip({ cardIdCode: shown.cardIdCode, specVersion: shown.specVersion, issueDate: shown.issueDate || none, expiryDate: shown.expiryDate || none }),
          ].join('\n'),
        );
      }),
  );
}

function ejectSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'eject',
    t.eject.describe,
    (c) => c.option('printer', { type: 'string', describe: t.eject.printer }).option('bin', { choices: [1, 2] as const, default: 2 as 1 | 2, describe: t.eject.bin }),
    (argv) =>
      withActor(argv, async (ledger, actor) => {
        await withSiteDevices(ledger, actor, async (devices) => {
          const p = argv.printer ? devices.printers.find((x) => x.id === argv.printer) : devices.printers[0];
          if (!p) throw new SbkError('PRINTER_NOT_CONFIGURED');
          await p.printer.eject(argv.bin);
        });
        emit(out(), { ejected: true, bin: argv.bin }, () => t.eject.done({ good: argv.bin === 1 }));
      }),
  );
}

const cardOrAuto = usageCheck(t.insert.needCard, (a: { card?: string; auto?: boolean }) => a.card !== undefined || a.auto === true);

/** `sbk devices insert`: a ledger card on a simulated reader (demo, training); only the reader state file changes. */
function insertSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'insert',
    t.insert.describe,
    (c) =>
      c
        .option('reader', { type: 'string', describe: t.insert.reader })
        .option('card', { type: 'string', describe: t.insert.card })
        .option('auto', { type: 'boolean', describe: t.insert.auto })
        .check(cardOrAuto),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = insertSimulatedCard(ledger, actor, argv.reader, argv.card ?? null, argv.auto);
        emit(out(), r, () => t.insert.done(r));
      }),
  );
}

function removeSubcommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command(
    'remove',
    t.remove.describe,
    (c) => c.option('reader', { type: 'string', describe: t.remove.reader }),
    (argv) =>
      withActor(argv, (ledger, actor) => {
        const r = removeSimulatedCard(ledger, actor, argv.reader);
        emit(out(), r, () => t.remove.done({ reader: r.reader, removed: r.removed ?? null }));
      }),
  );
}

export function devicesCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('devices', t.describe, (c) => withSubcommands(c, out, [listSubcommand, readSubcommand, ejectSubcommand, insertSubcommand, removeSubcommand]));
}
