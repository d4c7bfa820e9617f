import { memo } from 'react';
import { Text } from 'ink';
import { Line } from '../../components/line.tsx';
import type { Alert } from '../../../workflows/home-alerts.ts';
import { zh } from '../../../i18n/zh-CN.ts';

const MARK = { danger: '!!', warn: ' !', info: ' ·' } as const;
const COLOR = { danger: 'red', warn: 'yellow', info: undefined } as const;

export type HomeAlertsProps = { readonly alerts: readonly Alert[]; readonly rows: number; readonly width: number; readonly title?: boolean;
  /** B can put the counter's cards back: the counter alert says so. */
  readonly backHint?: boolean;
};

/** The alerts that fit in `rows` lines, the most urgent first; a last line says how many more there are. */
function HomeAlertsView({ alerts, rows, width, title = true, backHint = false }: HomeAlertsProps) {
  // In a window with room for one alert, the most urgent one says more than a count of them.
  const more = alerts.length > rows && rows > 1;
  const shown = alerts.slice(0, more ? rows - 1 : rows);
  return (
    <>
      {title ? <Text bold>{zh.home.alertsTitle}</Text> : null}
      {alerts.length === 0 ? <Text dimColor>{zh.home.noAlerts}</Text> : null}
      {shown.map((a, i) => (
        <Line key={i} text={`${MARK[a.level]} ${a.text}${backHint && a.code === 'counterNotReturned' ? zh.home.backToVaultHint : ''}`} color={COLOR[a.level]} width={width} />
      ))}
      {more ? <Line text={zh.home.moreAlerts(alerts.length - rows + 1)} width={width} dim /> : null}
    </>
  );
}

/** Memoised: the alerts do not change while the marker moves. */
export const HomeAlerts = memo(HomeAlertsView);
