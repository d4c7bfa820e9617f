import type { ReactNode } from 'react';
import { Box, Text, useApp } from 'ink';
import { KeyRouterProvider, PRIORITY, useKeyHandler } from './keys/key-router.tsx';
import { matches } from './keys/registry.ts';
import { Footer } from './components/footer.tsx';
import { HelpOverlay } from './components/help-overlay.tsx';
import { ConsoleServicesContext, type ConsoleServices } from './console-services.ts';
import { useNavigation, type Screen } from './hooks/use-navigation.ts';
import { useTerminalSize } from './hooks/use-terminal-size.ts';
import { LoginScreen } from './screens/login-screen.tsx';
import { HomeScreen } from './screens/home-screen.tsx';
import { LookupScreen } from './screens/lookup-screen.tsx';
import { NotBuiltScreen } from './screens/not-built-screen.tsx';
import { MENU } from './screens/home-menu.ts';
import { fitWidth } from './text-fit.ts';
import { ROLE_LABELS } from '../workflows/authenticate.ts';
import { zh } from '../i18n/zh-CN.ts';

export type AppProps = { services: ConsoleServices; escDelayMs?: number };

export function App({ services, escDelayMs }: AppProps) {
  return (
    <ConsoleServicesContext.Provider value={services}>
      <KeyRouterProvider {...(escDelayMs === undefined ? {} : { escDelayMs })}>
        <Shell isDemo={services.isDemo} />
      </KeyRouterProvider>
    </ConsoleServicesContext.Provider>
  );
}

/** Screens with a focused text field: printable keys are typed there, not taken as commands. */
const TEXT_SCREENS = new Set<Screen['id']>(['login', 'lookup']);

function Shell({ isDemo }: { isDemo: boolean }) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const { state, screen, dispatch } = useNavigation();
  const width = Math.max(40, columns);
  const height = Math.max(10, rows - 1);
  const bodyHeight = height - 2;
  const overlay = state.overlay;

  // The lifecycle root: the only place that ends the app.
  useKeyHandler(
    (e) => {
      if (overlay === 'help' && matches('help.close', e)) dispatch({ type: 'overlay', overlay: null });
      if (overlay === 'quit' && matches('confirm.yes', e)) exit();
      if (overlay === 'quit' && (matches('confirm.no', e) || matches('quit-ctrl-c', e))) dispatch({ type: 'overlay', overlay: null });
      return true; // a modal owns every key while it is open
    },
    { priority: PRIORITY.modal, isActive: overlay !== null },
  );
  useKeyHandler(
    (e) => {
      if (matches('help', e)) return dispatch({ type: 'overlay', overlay: 'help' }), true;
      if (matches('back', e)) return dispatch({ type: 'back' }), true;
      if (matches('quit', e) || matches('quit-ctrl-c', e)) return dispatch({ type: 'overlay', overlay: 'quit' }), true;
      return false;
    },
    { priority: PRIORITY.global },
  );

  const context = overlay === 'help' ? 'help' : overlay === 'quit' ? 'confirm' : screen.id;
  const actor = state.actor;
  const header = [zh.app.title, actor ? `${actor.name}（${ROLE_LABELS[actor.role]}） ${actor.siteName}` : '', isDemo ? zh.app.demoBadge : '']
    .filter(Boolean)
    .join('  |  ');
  const active = overlay === null;

  let body: ReactNode;
  if (overlay === 'help') {
    body = <HelpOverlay context={screen.id} width={width} height={bodyHeight} />;
  } else if (screen.id === 'login') {
    body = <LoginScreen width={width} height={bodyHeight} onLoggedIn={(a) => dispatch({ type: 'logged-in', actor: a })} />;
  } else if (screen.id === 'home' && actor) {
    body = (
      <HomeScreen
        actor={actor}
        width={width}
        height={bodyHeight}
        isActive={active}
        onOpen={(item) => dispatch({ type: 'open', screen: item.id === 'lookup' ? { id: 'lookup' } : { id: 'not-built', feature: item.id } })}
        onLogout={() => dispatch({ type: 'logout' })}
      />
    );
  } else if (screen.id === 'lookup') {
    body = <LookupScreen width={width} height={bodyHeight} isActive={active} />;
  } else if (screen.id === 'not-built') {
    const label = MENU.find((m) => m.id === screen.feature)?.label ?? screen.feature;
    body = <NotBuiltScreen label={label} width={width} height={bodyHeight} />;
  }

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text inverse>{fitWidth(header, width)}</Text>
      <Box height={bodyHeight} flexDirection="column">
        {overlay === 'quit' ? (
          <Box flexDirection="column" height={bodyHeight}>
            <Text bold>{zh.app.quitTitle}</Text>
            <Text>{zh.app.quitBody}</Text>
          </Box>
        ) : (
          body
        )}
      </Box>
      <Footer context={context} width={width} textFocused={active && TEXT_SCREENS.has(screen.id)} />
    </Box>
  );
}
