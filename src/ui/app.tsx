import { useCallback, useState, type ReactNode } from 'react';
import { Box, Text, useApp } from 'ink';
import { KeyRouterProvider, PRIORITY, useKeyHandler } from './keys/key-router.tsx';
import { matches } from './keys/registry.ts';
import { Footer } from './components/footer.tsx';
import { HelpOverlay } from './components/help-overlay.tsx';
import { ConsoleServicesContext, type ConsoleServices } from './console-services.ts';
import { useNavigation, type FeatureId, type Screen } from './hooks/use-navigation.ts';
import { useTerminalSize } from './hooks/use-terminal-size.ts';
import { useHidScanners } from './hooks/use-hid-scanners.ts';
import { LoginScreen } from './screens/login-screen.tsx';
import { HomeScreen } from './screens/home-screen.tsx';
import { LookupScreen } from './screens/lookup-screen.tsx';
import { NotBuiltScreen } from './screens/not-built-screen.tsx';
import { IntakeScreen } from './screens/intake-screen.tsx';
import { CheckInScreen } from './screens/check-in-screen.tsx';
import { ShipmentsScreen } from './screens/shipments-screen.tsx';
import { DispatchScreen } from './screens/dispatch-screen.tsx';
import { SignInScreen } from './screens/sign-in-screen.tsx';
import { IssuanceScreen } from './screens/issuance-screen.tsx';
import { OverdueScreen } from './screens/overdue-screen.tsx';
import { SettleScreen } from './screens/settle-screen.tsx';
import { PickupScreen } from './screens/pickup-screen.tsx';
import { CountScreen } from './screens/count-screen.tsx';
import { CountScanScreen } from './screens/count-scan-screen.tsx';
import { CountReviewScreen } from './screens/count-review-screen.tsx';
import { CountReportScreen } from './screens/count-report-screen.tsx';
import { InstantScreen } from './screens/instant-screen.tsx';
import { HopperLoadScreen } from './screens/hopper-load-screen.tsx';
import { DevicesScreen } from './screens/devices-screen.tsx';
import { MENU } from './screens/home-menu.ts';
import { fitWidth } from '../text/display-width.ts';
import { ROLE_LABELS } from '../workflows/authenticate.ts';
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

/** Key contexts with a focused text field: printable keys are typed there, not taken as commands. */
const TEXT_CONTEXTS = new Set<string>([
  'login',
  'lookup',
  'intake',
  'checkin',
  'dispatch-scan',
  'dispatch-details-edit',
  'signin',
  'signin-result-edit',
  'issue-query',
  'issue-form-edit',
  'overdue-recall-note',
  'overdue-end',
  'pickup-details',
  'pickup-scan',
  'count-scan',
  'count-qty',
  'count-reason',
  'count-approve',
  'count-confirm',
  'instant-form-edit',
  'hopper-load-scan',
]);

function screenFor(id: FeatureId): Screen {
  if (id === 'lookup' || id === 'intake') return { id };
  if (id === 'checkin') return { id: 'checkin', batch: null };
  if (id === 'shipments') return { id: 'shipments', tab: 'inbound' };
  if (id === 'issuance') return { id: 'issuance' };
  if (id === 'recall') return { id: 'overdue', tab: 'due' };
  if (id === 'count') return { id: 'count' };
  if (id === 'instant' || id === 'devices') return { id };
  return { id: 'not-built', feature: id };
}

function Shell({ isDemo }: { isDemo: boolean }) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const { state, screen, dispatch } = useNavigation();
  const width = Math.max(40, columns);
  const height = Math.max(10, rows - 1);
  const bodyHeight = height - 2;
  const overlay = state.overlay;
  // A screen with steps (intake, check-in) names the key context of its current step.
  const [sub, setSub] = useState<{ depth: number; context: string } | null>(null);
  const depth = state.stack.length;
  const onContext = useCallback((context: string) => setSub({ depth, context }), [depth]);
  const screenContext = sub && sub.depth === depth ? sub.context : screen.id;

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
      // A barcode scanned where no field and no screen takes it: on home it opens the card; elsewhere
      // it is dropped rather than read as command keys.
      if (matches('home.scan', e)) {
        if (screen.id === 'home') dispatch({ type: 'open', screen: { id: 'lookup', query: e.char } });
        return true;
      }
      if (matches('help', e)) return dispatch({ type: 'overlay', overlay: 'help' }), true;
      if (matches('back', e)) return dispatch({ type: 'back' }), true;
      if (matches('quit', e) || matches('quit-ctrl-c', e)) return dispatch({ type: 'overlay', overlay: 'quit' }), true;
      return false;
    },
    { priority: PRIORITY.global },
  );

  useHidScanners(state.actor);

  const context = overlay === 'help' ? 'help' : overlay === 'quit' ? 'confirm' : screenContext;
  const actor = state.actor;
  const header = [zh.app.title, actor ? `${actor.name}（${ROLE_LABELS[actor.role]}） ${actor.siteName}` : '', isDemo ? zh.app.demoBadge : '']
    .filter(Boolean)
    .join('  |  ');
  const active = overlay === null;

  // What every screen after login gets; null before login, which also narrows `actor` in the branches.
  const common = actor ? { actor, width, height: bodyHeight, isActive: active, onContext } : null;
  let body: ReactNode;
  if (screen.id === 'login') {
    body = <LoginScreen width={width} height={bodyHeight} onLoggedIn={(a) => dispatch({ type: 'logged-in', actor: a })} />;
  } else if (screen.id === 'home' && common) {
    body = (
      <HomeScreen
        actor={common.actor}
        width={width}
        height={bodyHeight}
        isActive={active}
        onOpen={(item) => dispatch({ type: 'open', screen: screenFor(item.id) })}
        onLogout={() => dispatch({ type: 'logout' })}
      />
    );
  } else if (screen.id === 'lookup') {
    body = <LookupScreen width={width} height={bodyHeight} isActive={active} {...(screen.query ? { initialQuery: screen.query } : {})} />;
  } else if (screen.id === 'intake' && common) {
    body = (
      <IntakeScreen
        {...common}
        onCheckIn={(batch) => dispatch({ type: 'open', screen: { id: 'checkin', batch } })}
      />
    );
  } else if (screen.id === 'checkin' && common) {
    body = (
      <CheckInScreen
        {...common}
        batch={screen.batch}
        onLeave={() => dispatch({ type: 'back' })}
      />
    );
  } else if (screen.id === 'shipments' && common) {
    body = (
      <ShipmentsScreen
        {...common}
        tab={screen.tab}
        onTab={(tab) => dispatch({ type: 'replace', screen: { id: 'shipments', tab } })}
        onSignIn={(number) => dispatch({ type: 'open', screen: { id: 'sign-in', number } })}
        onNew={() => {
          // Back from the dispatch, the list shows what was just sent.
          dispatch({ type: 'replace', screen: { id: 'shipments', tab: 'outbound' } });
          dispatch({ type: 'open', screen: { id: 'dispatch' } });
        }}
      />
    );
  } else if (screen.id === 'dispatch' && common) {
    body = <DispatchScreen {...common} />;
  } else if (screen.id === 'sign-in' && common) {
    body = (
      <SignInScreen
        {...common}
        number={screen.number}
        onLeave={() => dispatch({ type: 'back' })}
      />
    );
  } else if (screen.id === 'issuance' && common) {
    body = <IssuanceScreen {...common} />;
  } else if (screen.id === 'overdue' && common) {
    body = (
      <OverdueScreen
        {...common}
        tab={screen.tab}
        onTab={(tab) => dispatch({ type: 'replace', screen: { id: 'overdue', tab } })}
        onSettle={(ref) => dispatch({ type: 'open', screen: { id: 'settle', ref } })}
        onNewPickup={() => dispatch({ type: 'open', screen: { id: 'pickup' } })}
        onLeave={() => dispatch({ type: 'back' })}
      />
    );
  } else if (screen.id === 'settle' && common) {
    body = <SettleScreen {...common} pickupRef={screen.ref} onLeave={() => dispatch({ type: 'back' })} />;
  } else if (screen.id === 'pickup' && common) {
    body = <PickupScreen {...common} onLeave={() => dispatch({ type: 'back' })} />;
  } else if (screen.id === 'count' && common) {
    body = (
      <CountScreen
        {...common}
        onScan={(countId) => dispatch({ type: 'open', screen: { id: 'count-scan', countId } })}
        onReview={(countId) => dispatch({ type: 'open', screen: { id: 'count-review', countId, result: null } })}
        onReport={() => dispatch({ type: 'open', screen: { id: 'count-report' } })}
      />
    );
  } else if (screen.id === 'count-scan' && common) {
    body = (
      <CountScanScreen
        {...common}
        countId={screen.countId}
        // Submitted: the review takes the counting's place, so Esc from it goes back to the count page.
        onSubmitted={(result) => dispatch({ type: 'replace', screen: { id: 'count-review', countId: screen.countId, result } })}
        onLeave={() => dispatch({ type: 'back' })}
      />
    );
  } else if (screen.id === 'count-review' && common) {
    body = (
      <CountReviewScreen
        {...common}
        countId={screen.countId}
        result={screen.result}
        onLeave={() => dispatch({ type: 'back' })}
      />
    );
  } else if (screen.id === 'count-report' && common) {
    body = <CountReportScreen {...common} />;
  } else if (screen.id === 'instant' && common) {
    body = <InstantScreen {...common} onLoadHopper={() => dispatch({ type: 'open', screen: { id: 'hopper-load' } })} />;
  } else if (screen.id === 'hopper-load' && common) {
    body = <HopperLoadScreen {...common} onLeave={() => dispatch({ type: 'back' })} />;
  } else if (screen.id === 'devices' && common) {
    body = <DevicesScreen {...common} />;
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
        ) : overlay === 'help' ? (
          <HelpOverlay context={screenContext} width={width} height={bodyHeight} />
        ) : null}
        {/* Hidden, not unmounted, under an overlay: a count in progress survives `?` and a declined quit. */}
        <Box display={overlay === null ? 'flex' : 'none'} flexDirection="column" height={bodyHeight}>
          {body}
        </Box>
      </Box>
      <Footer context={context} width={width} textFocused={active && TEXT_CONTEXTS.has(screenContext)} />
    </Box>
  );
}
