import { ConsoleServicesContext, type ConsoleServices } from './console-services.ts';
import { KeyRouterProvider, useTextFocused } from './keys/key-router.tsx';
import { useNavigation } from './hooks/use-navigation.ts';
import { useTerminalSize } from './hooks/use-terminal-size.ts';
import { useHidScanners } from './hooks/use-hid-scanners.ts';
import { useShellKeys } from './shell/use-shell-keys.ts';
import { useCtrlCQuit } from './shell/use-ctrl-c-quit.ts';
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
  useShellKeys(state.overlay, screen, dispatch);
  const ctrlCNotice = useCtrlCQuit();
  useHidScanners(state.actor);

  const width = Math.max(40, columns);
  const height = Math.max(10, rows - 1);
  const env = { actor: state.actor, width, height: height - 2, isActive: state.overlay === null, onContext, nav: dispatch };
  return (
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
  );
}
