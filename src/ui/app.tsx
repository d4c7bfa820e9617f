import { Box, Text } from 'ink';
import { ConsoleServicesContext, type ConsoleServices } from './console-services.ts';
import { useMemo } from 'react';
import { KeyRouterProvider, PRIORITY, useCommandKeys, useKeyHandler, useTextFocused } from './keys/key-router.tsx';
import { isCommandKeyIn, matches } from './keys/registry.ts';
import { keysContext } from './shell/keys-context.ts';
import { fitWidth } from '../text/display-width.ts';
import { windowText } from '../i18n/shell.ts';
import { MIN_COLUMNS, MIN_ROWS, tooSmall } from './shell/window-size.ts';
import { useNavigation } from './hooks/use-navigation.ts';
import { useTerminalSize } from './hooks/use-terminal-size.ts';
import { useHidScanners } from './hooks/use-hid-scanners.ts';
import { useShellKeys } from './shell/use-shell-keys.ts';
import { useCtrlCQuit } from './shell/use-ctrl-c-quit.ts';
import { useLedgerWaitNotice } from './shell/use-ledger-wait-notice.ts';
import { useScreenContext } from './shell/use-screen-context.ts';
import { ShellFrame } from './shell/shell-frame.tsx';
import { headerText } from './shell/header-text.ts';
import { renderScreen, screenSpec } from './screen-table.tsx';
import { zh } from '../i18n/zh-CN.ts';

export type AppProps = { services: ConsoleServices; escDelayMs?: number; scanGapMs?: number };

export function App({ services, escDelayMs, scanGapMs }: AppProps) {
  return (
    <ConsoleServicesContext.Provider value={services}>
      <KeyRouterProvider {...(escDelayMs === undefined ? {} : { escDelayMs })} {...(scanGapMs === undefined ? {} : { scanGapMs })}>
        <Shell isDemo={services.isDemo} />
      </KeyRouterProvider>
    </ConsoleServicesContext.Provider>
  );
}

/** The console around the screen on top of the navigation stack; the screen comes from the screen table. */
function Shell({ isDemo }: { isDemo: boolean }) {
  const { columns, rows } = useTerminalSize();
  const { state, screen, dispatch } = useNavigation();
  const [screenContext, onContext] = useScreenContext(screen, state.stack.length);
  const textFocused = useTextFocused();
  const liveContext = keysContext(state.overlay, screenContext);
  useCommandKeys(useMemo(() => isCommandKeyIn(liveContext), [liveContext]));
  useShellKeys(state.overlay, screen, dispatch);
  const ctrlCNotice = useCtrlCQuit();
  useHidScanners(state.actor);

  // Below the minimum the console is laid out at the minimum but not shown (its state kept), and takes no keys.
  const small = tooSmall({ columns, rows });
  useKeyHandler((e) => !matches('quit-ctrl-c', e), { priority: PRIORITY.modal + 1, isActive: small });
  const width = Math.max(MIN_COLUMNS, columns);
  const height = Math.max(MIN_ROWS, rows) - 1;
  useLedgerWaitNotice(width);
  const env = { actor: state.actor, width, height: height - 2, isActive: state.overlay === null && !small, onContext, nav: dispatch };
  return (
    <>
      {small ? <Text>{fitWidth(windowText.tooSmall(columns, rows, MIN_COLUMNS, MIN_ROWS), columns)}</Text> : null}
      <Box display={small ? 'none' : 'flex'}>
        <ShellFrame
          header={headerText(state.actor, isDemo)}
          width={width}
          height={height}
          overlay={state.overlay}
          screenContext={screenContext}
          screenTitle={screenSpec(screen).title}
          screenHelp={screenSpec(screen).help}
          textFocused={textFocused}
          notice={ctrlCNotice ? zh.app.ctrlCAgain : null}
        >
          {renderScreen(screen, env)}
        </ShellFrame>
      </Box>
    </>
  );
}
