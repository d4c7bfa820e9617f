/**
 * `sbk devices`: what the counter's configuration names and what is on the USB bus; a test read
 * and a test eject. node-hid is loaded only when the site's configuration has a HID device, and
 * when libusb is missing the listing says which package to install instead of failing.
 */
import type { Argv } from 'yargs';
import { deviceReports, type DeviceReport, type SiteDevices } from '../../workflows/site-devices.ts';
import { SbkError } from '../../domain/errors.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { emit, type Out } from '../cli-io.ts';
import { actorFor, withLedger, withSiteDevices, type GlobalArgs } from '../cli-context.ts';

const KIND: Record<DeviceReport['kind'], string> = { printer: '制卡机', reader: '读卡器', scanner: '扫描枪' };
const STATE: Record<DeviceReport['state'], string> = { ready: '就绪', attention: '需处理', error: '不可用' };
const TRANSPORT: Record<string, string> = { simulator: '模拟', hid: 'USB HID', keyboard: '键盘式' };

export function statusLine(r: DeviceReport): string {
  const s = r.status;
  const detail = s
    ? [
        s.cardAtReader ? '读卡位置有卡' : '读卡位置无卡',
        ...s.hoppers.map((h) => `卡盒${h.hopper}${h.state === 'empty' ? '空' : '有卡'}`),
        s.coverOpen ? '机盖开' : null,
        s.jammed ? '卡住' : null,
        s.ribbon === 'out' ? '色带用完' : s.ribbon === 'low' ? '色带将尽' : null,
      ]
        .filter(Boolean)
        .join('，')
    : (r.error?.message ?? '');
  return `${KIND[r.kind]} ${r.id}（${TRANSPORT[r.transport] ?? r.transport}）  ${STATE[r.state]}${detail ? `  ${detail}` : ''}`;
}

async function usbList(devices: SiteDevices) {
  if (!devices.hid) return null;
  const all = await devices.hid.devicesAsync();
  return all.map((d) => ({ vendorId: d.vendorId, productId: d.productId, product: d.product ?? null, manufacturer: d.manufacturer ?? null, serial: d.serialNumber ?? null, path: d.path ?? null }));
}

export function devicesCommand(y: Argv<GlobalArgs>, out: () => Out): Argv<GlobalArgs> {
  return y.command('devices', '本网点的制卡机、读卡器、扫描枪：配置、连接状态、测试读卡与测试退卡', (c) =>
    c
      .command(
        '$0',
        '列出配置的设备及其状态（--json 便于脚本检查）',
        (cc) => cc,
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            await withSiteDevices(ledger, actor, async (devices) => {
              const reports = await deviceReports(devices);
              const usb = await usbList(devices);
              const data = { site: actor.siteCode, source: devices.source, configFile: devices.configFile, devices: reports, usb };
              emit(out(), data, () =>
                [
                  `${actor.siteName}（${actor.siteCode}）的设备：${devices.source === 'demo' ? '演示台账，全部为模拟设备' : devices.source === 'file' ? `配置文件 ${devices.configFile}` : '没有配置文件（只有键盘式扫描枪）'}`,
                  ...reports.map(statusLine),
                  ...(usb ? ['', `USB 上的 HID 设备 ${usb.length} 个：`, ...usb.map((d) => `  ${d.vendorId.toString(16).padStart(4, '0')}:${d.productId.toString(16).padStart(4, '0')}  ${d.manufacturer ?? ''} ${d.product ?? ''}`)] : []),
                ].join('\n'),
              );
            });
          }),
      )
      .command(
        'read',
        '测试读卡：读出读卡器（或制卡机读卡位置）中卡片的基本信息（证件号码遮蔽）',
        (cc) => cc.option('device', { type: 'string', describe: '读卡器或制卡机名称（默认第一台读卡器）' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            const info = await withSiteDevices(ledger, actor, async (devices) => {
              const reader = argv.device
                ? (devices.readers.find((r) => r.id === argv.device)?.reader ?? devices.printers.find((p) => p.id === argv.device)?.printer)
                : (devices.readers[0]?.reader ?? devices.printers[0]?.printer);
              if (!reader) throw new SbkError('READER_NOT_CONFIGURED', argv.device ? `本网点没有设备“${argv.device}”。` : '本网点没有配置读卡器。');
              return reader.readBasic(3);
            });
            const shown = { ...info, ssn: info.ssn ? maskIdNumber(info.ssn) : '' };
            emit(out(), shown, () =>
              [`卡号 ${shown.cardNo || '（空白卡）'}  姓名 ${shown.name || '—'}  社会保障号码 ${shown.ssn || '—'}`, `卡识别码 ${shown.cardIdCode}  规范版本 ${shown.specVersion}  发卡日期 ${shown.issueDate || '—'}  有效期 ${shown.expiryDate || '—'}`].join('\n'),
            );
          }),
      )
      .command(
        'eject',
        '测试退卡：把制卡机读卡位置的卡退到废卡口（--bin 1 为正常出卡口）',
        (cc) => cc.option('printer', { type: 'string', describe: '制卡机名称（默认第一台）' }).option('bin', { choices: [1, 2] as const, default: 2 as 1 | 2, describe: '1 正常出卡口，2 废卡口' }),
        (argv) =>
          withLedger(argv, async (ledger) => {
            const actor = await actorFor(ledger, argv);
            await withSiteDevices(ledger, actor, async (devices) => {
              const p = argv.printer ? devices.printers.find((x) => x.id === argv.printer) : devices.printers[0];
              if (!p) throw new SbkError('PRINTER_NOT_CONFIGURED', '本网点没有配置制卡机。');
              await p.printer.eject(argv.bin);
            });
            emit(out(), { ejected: true, bin: argv.bin }, () => `已退卡到${argv.bin === 1 ? '正常出卡口' : '废卡口'}。`);
          }),
      ),
  );
}
