import type { ScreenProps } from './screen-props.ts';
import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { Line } from '../components/line.tsx';
import { TextField } from '../components/text-field.tsx';
import { PRIORITY, useKeyHandler, type KeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useDevices } from '../hooks/use-devices.ts';
import { DeviceList } from './devices/device-list.tsx';
import { Wrapped } from './shared/wrapped.tsx';
import { messageColor } from './shared/message.ts';
import type { SiteDevices } from '../../workflows/site-devices.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type DevicesScreenProps = ScreenProps;

type Devices = ReturnType<typeof useDevices>;
type Stray = ReturnType<typeof useStrayScan>;

const D = zh.devices;
/** Title, source, blank, blank, detail, message (two rows), blank, hint. */
const CHROME = 10;

function devicesKeys(d: Devices, stray: Stray): KeyHandler {
  return (e) => {
    // Typing a card number for a simulated reader: the field takes the keys, Enter submits it.
    if (d.cardEntry) return matches('devices.card-cancel', e) ? (d.cancelCard(), true) : false;
    // A card scanned by habit here is neither a test nor a command.
    if (stray.swallow(e, (k) => matches('devices.read', k) || matches('devices.eject', k) || matches('devices.refresh', k) || matches('devices.insert', k) || matches('devices.remove', k) || matches('devices.auto', k) || matches('help', k) || matches('quit', k))) return true;
    if (matches('devices.move', e)) return d.move(e.name === 'up' ? -1 : 1), true;
    if (matches('devices.read', e)) return d.testRead(), true;
    if (matches('devices.eject', e)) return d.testEject(), true;
    if (matches('devices.refresh', e)) return d.refresh(), true;
    if (matches('devices.insert', e)) return d.openInsert(), true;
    if (matches('devices.remove', e)) return d.removeCard(), true;
    if (matches('devices.auto', e)) return d.toggleAuto(), true;
    return false;
  };
}

/** Where the devices were configured: the demo, a file (its path can be long: wrapped), or nowhere. */
function Source({ devices, width }: { devices: SiteDevices | null; width: number }) {
  if (devices?.source === 'file') return <Text wrap="wrap">{D.sourceFile(devices.configFile ?? '')}</Text>;
  const text = !devices ? '' : devices.source === 'demo' ? D.sourceDemo : D.sourceNone;
  return <Line text={text} width={width} />;
}

/** What the page is doing, or the last test's result. */
function Status({ d, width }: { d: Devices; width: number }) {
  if (d.busy) return <Line text={d.busy} width={width} color="yellow" />;
  const text = d.message?.text ?? (d.cardEntry ? D.cardPrompt(d.cardEntry.reader) : '');
  const color = messageColor(d.message);
  return <Wrapped text={text} color={color} />;
}

export function DevicesScreen({ actor, width, height, isActive, onContext }: DevicesScreenProps) {
  const d = useDevices(actor);
  const entering = d.cardEntry !== null;
  useLayoutEffect(() => onContext(entering ? 'devices-card' : 'devices'), [entering]);
  const stray = useStrayScan();
  useKeyHandler(devicesKeys(d, stray), { priority: PRIORITY.screen, isActive });
  const title = D.title(D.site(actor.siteName, actor.siteCode));
  const rows = Math.max(1, height - CHROME - (d.cardEntry ? 1 : 0));
  // The full error of the selected device (a libusb hint is longer than its row).
  const detail = d.reports[d.selected]?.error?.message || null;
  const why = d.noneConfigured && !d.busy ? (d.hasService ? D.noneConfigured : D.noService) : null;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line text={title} width={width} bold />
      <Source devices={d.devices} width={width} />
      <Line text="" width={width} />
      {d.loadError ? <Wrapped text={d.loadError} color="red" /> : null}
      <DeviceList reports={d.reports} selected={d.selected} rows={rows} width={width} />
      {why ? <Wrapped text={why} color="yellow" /> : null}
      <Line text="" width={width} />
      {detail ? <Wrapped text={detail} color="red" /> : null}
      {d.cardEntry ? (
        <TextField label={D.cardLabel} value={d.cardEntry.value} onChange={d.setCard} onSubmit={d.submitCard} focus={isActive} placeholder={D.cardPlaceholder} width={width} />
      ) : null}
      <Status d={d} width={width} />
      <Line text="" width={width} />
      <Line text={D.hint} width={width} dim />
    </Box>
  );
}
