import { memo } from 'react';
import { Box, Text } from 'ink';
import { Line } from '../../components/line.tsx';
import { fitWidth } from '../../../text/display-width.ts';
import { MENU, MENU_KEYS, type MenuItem } from '../home-menu.ts';
import { zh } from '../../../i18n/zh-CN.ts';

export const MENU_WIDTH = 22;

/** Rows the menu takes: its title and one per item. */
export const MENU_ROWS = MENU.length + 1;

/** `› 3 发运与签收`: the marker, the key that opens it, the label; a feature not built is dimmed. */
function menuRow(m: MenuItem, i: number, selected: number): string {
  return `${i === selected ? '›' : ' '} ${MENU_KEYS[i] ?? ' '} ${fitWidth(m.label, 10)}${m.built ? '' : ` ${zh.home.notBuilt}`}`;
}

/** The menu, in the order of a card's life; moving the marker changes two rows. */
function HomeMenuListView({ selected }: { selected: number }) {
  return (
    <Box flexDirection="column" width={MENU_WIDTH}>
      <Text bold>{zh.home.menuTitle}</Text>
      {MENU.map((m, i) => (
        <Line key={m.id} text={menuRow(m, i, selected)} dim={!m.built} width={MENU_WIDTH} />
      ))}
    </Box>
  );
}

export const HomeMenuList = memo(HomeMenuListView);
