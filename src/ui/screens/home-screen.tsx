import { Box } from 'ink';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { useHomeData } from '../hooks/use-home-data.ts';
import { homeReducer, initialHomeState, type HomeAction, type HomeState } from '../state/home.ts';
import { useLatestReducer } from '../hooks/use-latest-reducer.ts';
import { MENU, type MenuItem } from './home-menu.ts';
import { HomeMenuList, MENU_WIDTH } from './home/home-menu-list.tsx';
import { HomeStock } from './home/home-stock.tsx';
import { HomeAlerts } from './home/home-alerts.tsx';
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

type HomeNav = Pick<HomeScreenProps, 'onOpen' | 'onLogout'>;

/** The menu's keys, decided on the item the previous key left marked. */
function homeKeys(latest: () => HomeState, dispatch: (a: HomeAction) => unknown, nav: HomeNav): (e: KeyEvent) => boolean {
  return (e) => {
    if (matches('home.move', e)) return dispatch({ type: 'move', delta: e.name === 'up' ? -1 : 1, count: MENU.length }), true;
    if (matches('home.open', e)) return nav.onOpen(MENU[latest().selected]!), true;
    if (matches('home.jump', e)) {
      const item = MENU[Number(e.char) - 1];
      if (item) nav.onOpen(item);
      return true;
    }
    if (matches('home.lookup', e)) return nav.onOpen(MENU.find((m) => m.id === 'lookup')!), true;
    if (matches('home.logout', e)) return nav.onLogout(), true;
    return false;
  };
}

export function HomeScreen({ actor, width, height, isActive, onOpen, onLogout }: HomeScreenProps) {
  const { summary, rows, alerts } = useHomeData(actor);
  const { state, dispatch, latest } = useLatestReducer(homeReducer, initialHomeState);
  useKeyHandler(homeKeys(latest, dispatch, { onOpen, onLogout }), { priority: PRIORITY.screen, isActive });
  const top = Math.max(MENU.length + 1, rows.length + 3);
  const alertRows = Math.max(1, height - top - 2);
  const stockWidth = width - MENU_WIDTH - 2;
  const stockTitle = `${zh.home.stockTitle(summary.site.name)}  ${zh.home.total(summary.total)}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box height={top}>
        <HomeMenuList selected={state.selected} />
        <HomeStock title={stockTitle} rows={rows} width={stockWidth} />
      </Box>
      <HomeAlerts alerts={alerts} rows={alertRows} width={width} />
    </Box>
  );
}
