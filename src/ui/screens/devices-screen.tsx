import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useDevices } from '../hooks/use-devices.ts';
import { deviceLine } from '../device-status.ts';
import { fitWidth } from '../../text/display-width.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type DevicesScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onContext: (context: string) => void;
};

const D = zh.devices;
const MESSAGE_COLOR = { ok: 'green', warn: 'yellow', error: 'red' } as const;
const STATE_COLOR = { ready: undefined, attention: 'yellow', error: 'red' } as const;
/** Title, source, blank, blank, detail, message (two rows), blank, hint. */
const CHROME = 10;

export function DevicesScreen({ actor, width, height, isActive, onContext }: DevicesScreenProps) {
  const d = useDevices(actor);
  useLayoutEffect(() => onContext('devices'), []);
  const stray = useStrayScan();
  useKeyHandler(
    (e) => {
      // A card scanned by habit here is neither a test nor a command.
      if (stray.swallow(e, (k) => matches('devices.read', k) || matches('devices.eject', k) || matches('devices.refresh', k) || matches('help', k) || matches('quit', k))) return true;
      if (matches('devices.move', e)) return d.move(e.name === 'up' ? -1 : 1), true;
      if (matches('devices.read', e)) return d.testRead(), true;
      if (matches('devices.eject', e)) return d.testEject(), true;
      if (matches('devices.refresh', e)) return d.refresh(), true;
      return false;
    },
    { priority: PRIORITY.screen, isActive },
  );

  const line = (text: string, color?: string, dim?: boolean) => (
    <Text color={color} dimColor={dim}>
      {fitWidth(text, width)}
    </Text>
  );
  const source = !d.devices ? '' : d.devices.source === 'demo' ? D.sourceDemo : d.devices.source === 'file' ? D.sourceFile(d.devices.configFile ?? '') : D.sourceNone;
  const rows = Math.max(1, height - CHROME);
  const first = Math.max(0, Math.min(d.selected - rows + 1, d.reports.length - rows));
  const shown = d.reports.slice(first, first + rows);
  const current = d.reports[d.selected];
  // The full error of the selected device (a libusb hint is longer than its row).
  const detail = current?.error && current.error.message.length > 0 ? current.error.message : null;

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>{fitWidth(D.title(`${actor.siteName}（${actor.siteCode}）`), width)}</Text>
      {d.devices && d.devices.source === 'file' ? <Text wrap="wrap">{source}</Text> : line(source)}
      {line('')}
      {d.loadError ? (
        <Text color="red" wrap="wrap">
          {d.loadError}
        </Text>
      ) : null}
      {shown.map((r, i) => (
        <Text key={`${r.kind}:${r.id}`} color={STATE_COLOR[r.state]}>
          {fitWidth(`${first + i === d.selected ? '›' : ' '} ${deviceLine(r)}`, width)}
        </Text>
      ))}
      {d.noneConfigured && !d.busy ? (
        <Text color="yellow" wrap="wrap">
          {d.hasService ? D.noneConfigured : D.noService}
        </Text>
      ) : null}
      {line('')}
      {detail ? (
        <Text color="red" wrap="wrap">
          {detail}
        </Text>
      ) : null}
      {d.busy ? (
        line(d.busy, 'yellow')
      ) : (
        <Text color={d.message ? MESSAGE_COLOR[d.message.level] : undefined} wrap="wrap">
          {d.message?.text ?? ' '}
        </Text>
      )}
      {line('')}
      {line(D.hint, undefined, true)}
    </Box>
  );
}
