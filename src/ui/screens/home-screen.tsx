import { useLayoutEffect, useMemo, useState } from 'react';
import { Box } from 'ink';
import { PRIORITY, useKeyHandler } from '../keys/key-router.tsx';
import { matches } from '../keys/registry.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { useStrayScan } from '../keys/use-stray-scan.ts';
import { useHomeData } from '../hooks/use-home-data.ts';
import { backToVault } from '../hooks/back-to-vault.ts';
import { counterCardsHere } from '../../workflows/transfer-desk.ts';
import { homeReducer, initialHomeState, type HomeAction, type HomeState } from '../state/home.ts';
import { useLatestReducer } from '../hooks/use-latest-reducer.ts';
import { useServices } from '../console-services.ts';
import { MENU, menuItemForKey, type MenuItem } from './home-menu.ts';
import { HomeMenuList, MENU_WIDTH, MENU_ROWS } from './home/home-menu-list.tsx';
import { HomeStock } from './home/home-stock.tsx';
import { HomeAlerts } from './home/home-alerts.tsx';
import { HomeNotice } from './home/home-notice.tsx';
import { Question } from './shared/question.tsx';
import { Line } from '../components/line.tsx';
import type { Actor } from '../../domain/actor.ts';
import type { ContextId } from '../keys/registry.ts';
import { zh } from '../../i18n/zh-CN.ts';

export type HomeScreenProps = {
  actor: Actor;
  width: number;
  height: number;
  isActive: boolean;
  onOpen: (item: MenuItem) => void;
  onLogout: () => void;
  onContext?: (context: ContextId) => void;
};

type HomeNav = Pick<HomeScreenProps, 'onOpen' | 'onLogout'> & {
  /** The counter-after-closing alert is showing (HB Art. 14): B may put those cards back. */
  counterAlert: () => boolean;
};

/** The menu's keys, decided on the item the previous key left marked. */
function homeKeys(latest: () => HomeState, dispatch: (a: HomeAction) => unknown, nav: HomeNav): (e: KeyEvent) => boolean {
  return (e) => {
    if (matches('home.move', e)) return dispatch({ type: 'move', delta: e.name === 'up' ? -1 : 1, count: MENU.length }), true;
    if (matches('home.open', e)) return nav.onOpen(MENU[latest().selected]!), true;
    if (matches('home.jump', e)) {
      const item = menuItemForKey(e.char);
      if (item) nav.onOpen(item);
      return true;
    }
    if (matches('home.lookup', e)) return nav.onOpen(MENU.find((m) => m.id === 'lookup')!), true;
    if (matches('home.back-to-vault', e)) {
      if (nav.counterAlert()) dispatch({ type: 'ask-back' });
      return true;
    }
    if (matches('home.logout', e)) return nav.onLogout(), true;
    return false;
  };
}

const passesQuestion = (e: KeyEvent): boolean => matches('help', e) || matches('quit', e) || matches('quit-ctrl-c', e);

/** The back-to-vault question owns the keyboard (but for help and quit); a scan by habit does not answer it. */
function questionKeys(stray: ReturnType<typeof useStrayScan>, dispatch: (a: HomeAction) => unknown, yes: () => void): (e: KeyEvent) => boolean {
  return (e) => {
    if (stray.swallow(e, (k) => matches('confirm.yes', k) || matches('confirm.no', k))) return true;
    if (matches('confirm.yes', e)) return yes(), true;
    if (matches('confirm.no', e)) return dispatch({ type: 'cancel-back' }), true;
    return !passesQuestion(e);
  };
}

export function HomeScreen({ actor, width, height, isActive, onOpen, onLogout, onContext }: HomeScreenProps) {
  const { ledger } = useServices();
  const [version, setVersion] = useState(0);
  const { summary, rows, alerts } = useHomeData(actor, version);
  const { state, dispatch, latest } = useLatestReducer(homeReducer, initialHomeState);
  const stray = useStrayScan();
  // B is offered where it can act: the alert shows and the operator's own site has cards on a counter.
  const backable = useMemo(() => alerts.some((a) => a.code === 'counterNotReturned') && counterCardsHere(ledger, actor) > 0, [alerts, ledger, actor]);
  const counterAlert = () => backable;
  const yes = () => {
    dispatch({ type: 'back-finished', notice: backToVault(ledger, actor) });
    setVersion((v) => v + 1);
  };
  useKeyHandler(homeKeys(latest, dispatch, { onOpen, onLogout, counterAlert }), { priority: PRIORITY.screen, isActive: isActive && !state.askingBack });
  useKeyHandler(questionKeys(stray, dispatch, yes), { priority: PRIORITY.modal, isActive: isActive && state.askingBack });
  const context: ContextId = state.askingBack ? 'confirm' : 'home';
  useLayoutEffect(() => onContext?.(context), [context]);
  // In a window too short for the menu, the alerts' heading and an alert, the heading goes.
  const top = Math.max(MENU_ROWS, rows.length + 3);
  const alertsTitle = height >= top + 2;
  const chrome = alertsTitle ? 1 : 0;
  // What B just did comes first: in a short window it takes the alerts' place.
  const below = Math.max(1, height - top);
  const noticeRows = Math.min(state.notice.length * 2, Math.max(1, below - 1 - chrome));
  const showAlerts = below - noticeRows >= 1 + chrome;
  const alertRows = Math.max(1, below - chrome - noticeRows);
  const stockWidth = width - MENU_WIDTH - 2;
  const stockTitle = `${zh.home.stockTitle(summary.site.name)}  ${zh.home.total(summary.total)}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box height={top}>
        <HomeMenuList selected={state.selected} />
        <HomeStock title={stockTitle} rows={rows} width={stockWidth} />
      </Box>
      {state.askingBack ? (
        // In the smallest window only the question's title fits; the footer says Y and N.
        height - top >= 2 ? <Question title={zh.home.backTitle} body={zh.home.backBody} width={width} wrap={height - top >= 3} /> : <Line text={zh.home.backTitle} width={width} bold color="yellow" />
      ) : (
        <>
          {noticeRows > 0 ? <HomeNotice notice={state.notice} rows={noticeRows} /> : null}
          {showAlerts ? <HomeAlerts alerts={alerts} rows={alertRows} width={width} title={alertsTitle} backHint={backable} /> : null}
        </>
      )}
    </Box>
  );
}
