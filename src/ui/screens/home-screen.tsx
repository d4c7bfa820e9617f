import { useState } from 'react';
import { Box, Text } from 'ink';
import { Table, type ColumnSpec } from '../components/table.tsx';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import { useHomeData, type StockRow } from '../hooks/use-home-data.ts';
import { fitWidth } from '../../text/display-width.ts';
import { MENU, type MenuItem } from './home-menu.ts';
import type { Actor } from '../../domain/actor.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type HomeScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onOpen: (item: MenuItem) => void;
  onLogout: () => void;
};

const STOCK_COLUMNS: ColumnSpec<StockRow>[] = [
  { key: 'state', header: '状态', width: 12 },
  { key: 'finished', header: zh.home.kindFinished, width: 8, align: 'right' },
  { key: 'prefab', header: zh.home.kindPrefab, width: 8, align: 'right' },
];

const MENU_WIDTH = 22;

export function HomeScreen({ actor, width, height, isActive, onOpen, onLogout }: HomeScreenProps) {
  const { summary, rows, alerts } = useHomeData(actor);
  const [selected, setSelected] = useState(0);
  useKeyHandler(
    (e) => {
      if (matches('home.move', e)) {
        setSelected((i) => (e.name === 'up' ? (i + MENU.length - 1) % MENU.length : (i + 1) % MENU.length));
        return true;
      }
      if (matches('home.open', e)) {
        onOpen(MENU[selected]!);
        return true;
      }
      if (matches('home.jump', e)) {
        const item = MENU[Number(e.char) - 1];
        if (item) onOpen(item);
        return true;
      }
      if (matches('home.lookup', e)) {
        onOpen(MENU.find((m) => m.id === 'lookup')!);
        return true;
      }
      if (matches('home.logout', e)) {
        onLogout();
        return true;
      }
      return false;
    },
    { priority: PRIORITY.screen, isActive },
  );
  const alertRows = Math.max(1, height - Math.max(MENU.length + 1, rows.length + 3) - 2);
  const stockWidth = width - MENU_WIDTH - 2;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box height={Math.max(MENU.length + 1, rows.length + 3)}>
        <Box flexDirection="column" width={MENU_WIDTH}>
          <Text bold>{zh.home.menuTitle}</Text>
          {MENU.map((m, i) => (
            <Text key={m.id} dimColor={!m.built}>
              {fitWidth(`${i === selected ? '›' : ' '} ${i + 1} ${fitWidth(m.label, 10)}${m.built ? '' : ' 未开通'}`, MENU_WIDTH)}
            </Text>
          ))}
        </Box>
        <Box flexDirection="column" width={stockWidth} marginLeft={2}>
          <Text bold>{fitWidth(`${zh.home.stockTitle(summary.site.name)}  ${zh.home.total(summary.total)}`, stockWidth)}</Text>
          <Table data={rows} columns={STOCK_COLUMNS} height={Math.max(1, rows.length)} emptyText="暂无卡片" />
        </Box>
      </Box>
      <Text bold>{zh.home.alertsTitle}</Text>
      {alerts.length === 0 ? <Text dimColor>{zh.home.noAlerts}</Text> : null}
      {(alerts.length > alertRows ? alerts.slice(0, alertRows - 1) : alerts).map((a, i) => (
        <Text key={i} color={a.level === 'danger' ? 'red' : a.level === 'warn' ? 'yellow' : undefined}>
          {fitWidth(`${a.level === 'danger' ? '!!' : a.level === 'warn' ? ' !' : ' ·'} ${a.text}`, width)}
        </Text>
      ))}
      {alerts.length > alertRows ? <Text dimColor>{fitWidth(zh.home.moreAlerts(alerts.length - alertRows + 1), width)}</Text> : null}
    </Box>
  );
}
