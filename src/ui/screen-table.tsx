/**
 * The console's screens in one typed table: id → title, the key contexts it can be in (the
 * first is where it starts), and how it is drawn from the navigation state. The shell, the
 * footer and the help overlay all read it; adding a screen is one entry here and one variant of
 * `Screen` in use-navigation.ts.
 */
import type { ReactNode } from 'react';
import type { Actor } from '../domain/actor.ts';
import type { ContextId } from './keys/registry.ts';
import type { NavAction, Screen } from './hooks/use-navigation.ts';
import { featureScreen } from './hooks/use-navigation.ts';
import { screenHelp, screenTitles, type ScreenHelp } from '../i18n/shell.ts';
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
import { IssuedReportScreen } from './screens/issued-report-screen.tsx';
import { ContactScreen } from './screens/contact-screen.tsx';
import { InstantScreen } from './screens/instant-screen.tsx';
import { HopperLoadScreen } from './screens/hopper-load-screen.tsx';
import { DevicesScreen } from './screens/devices-screen.tsx';
import { TransferScreen } from './screens/transfer-screen.tsx';
import { SitesScreen } from './screens/sites-screen.tsx';
import { MENU } from './screens/home-menu.ts';

/** What a screen is drawn with. `actor` is null only on the login screen. */
export type ScreenEnv = {
  readonly actor: Actor | null;
  readonly width: number;
  readonly height: number;
  readonly isActive: boolean;
  readonly onContext: (context: ContextId) => void;
  readonly nav: (action: NavAction) => void;
};

/** The props every screen after login takes. */
type Common = Pick<ScreenEnv, 'width' | 'height' | 'isActive'> & { readonly actor: Actor; readonly onContext: (context: ContextId) => void };

export type ScreenSpec<S extends Screen> = {
  readonly title: string;
  /** What the screen is for and what its submitting key does: the top of its help page. */
  readonly help: ScreenHelp;
  readonly contexts: readonly [ContextId, ...ContextId[]];
  readonly render: (screen: S, env: Common, nav: (action: NavAction) => void) => ReactNode;
  /** Drawn before anyone has logged in (the login screen only). */
  readonly beforeLogin?: (screen: S, env: ScreenEnv) => ReactNode;
};

type ScreenTable = { readonly [K in Screen['id']]: ScreenSpec<Extract<Screen, { id: K }>> };

const back = (nav: (a: NavAction) => void) => () => nav({ type: 'back' });
const open = (nav: (a: NavAction) => void, screen: Screen) => nav({ type: 'open', screen });

export const SCREENS: ScreenTable = {
  login: {
    title: screenTitles.login,
    help: screenHelp.login,
    contexts: ['login'],
    render: () => null,
    beforeLogin: (_s, env) => <LoginScreen width={env.width} height={env.height} onLoggedIn={(actor) => env.nav({ type: 'logged-in', actor })} />,
  },
  home: {
    title: screenTitles.home,
    help: screenHelp.home,
    contexts: ['home'],
    render: (_s, env, nav) => (
      <HomeScreen {...env} onOpen={(item) => open(nav, featureScreen(item.id))} onLogout={() => nav({ type: 'logout' })} />
    ),
  },
  lookup: {
    title: screenTitles.lookup,
    help: screenHelp.lookup,
    contexts: ['lookup'],
    render: (s, env) => <LookupScreen width={env.width} height={env.height} isActive={env.isActive} {...(s.query ? { initialQuery: s.query } : {})} />,
  },
  intake: {
    title: screenTitles.intake,
    help: screenHelp.intake,
    contexts: ['intake', 'intake-pick', 'intake-preview', 'intake-other-city', 'intake-invalid', 'intake-writing', 'intake-done'],
    render: (_s, env, nav) => <IntakeScreen {...env} onCheckIn={(batch) => open(nav, { id: 'checkin', batch })} />,
  },
  checkin: {
    title: screenTitles.checkin,
    help: screenHelp.checkin,
    contexts: ['checkin-batches', 'checkin', 'checkin-done'],
    render: (s, env, nav) => <CheckInScreen {...env} batch={s.batch} onLeave={back(nav)} />,
  },
  shipments: {
    title: screenTitles.shipments,
    help: screenHelp.shipments,
    contexts: ['shipments-in', 'shipments-out'],
    render: (s, env, nav) => (
      <ShipmentsScreen
        {...env}
        tab={s.tab}
        onTab={(tab) => nav({ type: 'replace', screen: { id: 'shipments', tab } })}
        onSignIn={(number) => open(nav, { id: 'sign-in', number })}
        onNew={() => {
          // Back from the dispatch, the list shows what was just sent.
          nav({ type: 'replace', screen: { id: 'shipments', tab: 'outbound' } });
          open(nav, { id: 'dispatch' });
        }}
      />
    ),
  },
  dispatch: {
    title: screenTitles.dispatch,
    help: screenHelp.dispatch,
    contexts: ['dispatch-dest', 'dispatch-scan', 'dispatch-details', 'dispatch-details-edit', 'dispatch-done'],
    render: (_s, env) => <DispatchScreen {...env} />,
  },
  'sign-in': {
    title: screenTitles['sign-in'],
    help: screenHelp['sign-in'],
    contexts: ['signin', 'signin-result', 'signin-result-edit', 'signin-done'],
    render: (s, env, nav) => <SignInScreen {...env} number={s.number} onLeave={back(nav)} />,
  },
  issuance: {
    title: screenTitles.issuance,
    help: screenHelp.issuance,
    contexts: ['issue-query', 'issue-pick', 'issue-form', 'issue-form-edit', 'issue-form-agent-id', 'issue-done'],
    render: (_s, env, nav) => <IssuanceScreen {...env} onLedger={() => open(nav, { id: 'issued-report' })} />,
  },
  overdue: {
    title: screenTitles.overdue,
    help: screenHelp.overdue,
    contexts: ['overdue-due', 'overdue-warn', 'overdue-pickups', 'overdue-cancel', 'overdue-cancel-seal', 'overdue-recall', 'overdue-recall-note', 'overdue-end', 'overdue-stats', 'overdue-mail', 'overdue-mail-dialog', 'ways-remake', 'ways-takeback', 'ways-destroy'],
    render: (s, env, nav) => (
      <OverdueScreen
        {...env}
        tab={s.tab}
        onTab={(tab) => nav({ type: 'replace', screen: { id: 'overdue', tab } })}
        onSettle={(ref) => open(nav, { id: 'settle', ref })}
        onNewPickup={() => open(nav, { id: 'pickup' })}
        onLeave={back(nav)}
      />
    ),
  },
  settle: {
    title: screenTitles.settle,
    help: screenHelp.settle,
    contexts: ['settle', 'settle-done', 'confirm'],
    render: (s, env, nav) => <SettleScreen {...env} pickupRef={s.ref} onLeave={back(nav)} />,
  },
  pickup: {
    title: screenTitles.pickup,
    help: screenHelp.pickup,
    contexts: ['pickup-details', 'pickup-scan', 'pickup-done'],
    render: (_s, env, nav) => <PickupScreen {...env} onLeave={back(nav)} />,
  },
  count: {
    title: screenTitles.count,
    help: screenHelp.count,
    contexts: ['count', 'count-open', 'count-new'],
    render: (_s, env, nav) => (
      <CountScreen
        {...env}
        onScan={(countId) => open(nav, { id: 'count-scan', countId })}
        onReview={(countId) => open(nav, { id: 'count-review', countId, result: null })}
        onReport={() => open(nav, { id: 'count-report' })}
      />
    ),
  },
  'count-scan': {
    title: screenTitles['count-scan'],
    help: screenHelp['count-scan'],
    contexts: ['count-scan', 'count-qty', 'count-hopper'],
    render: (s, env, nav) => (
      <CountScanScreen
        {...env}
        countId={s.countId}
        // Submitted: the review takes the counting's place, so Esc from it goes back to the count page.
        onSubmitted={(result) => nav({ type: 'replace', screen: { id: 'count-review', countId: s.countId, result } })}
        onLeave={back(nav)}
      />
    ),
  },
  'count-review': {
    title: screenTitles['count-review'],
    help: screenHelp['count-review'],
    contexts: ['count-reason', 'count-approve', 'count-confirm', 'count-done'],
    render: (s, env, nav) => <CountReviewScreen {...env} countId={s.countId} result={s.result} onLeave={back(nav)} />,
  },
  contact: {
    title: screenTitles.contact,
    help: screenHelp.contact,
    contexts: ['contact'],
    render: (_s, env) => <ContactScreen {...env} />,
  },
  'issued-report': {
    title: screenTitles['issued-report'],
    help: screenHelp['issued-report'],
    contexts: ['issued-report'],
    render: (_s, env) => <IssuedReportScreen {...env} />,
  },
  'count-report': {
    title: screenTitles['count-report'],
    help: screenHelp['count-report'],
    contexts: ['count-report'],
    render: (_s, env) => <CountReportScreen {...env} />,
  },
  instant: {
    title: screenTitles.instant,
    help: screenHelp.instant,
    contexts: ['instant', 'instant-no-blanks', 'instant-job', 'instant-job-face', 'instant-job-hand', 'instant-resolved', 'instant-resolved-receipt', 'instant-error', 'instant-form', 'instant-form-edit', 'instant-form-id', 'instant-running', 'instant-issued', 'instant-failed', 'instant-void'],
    render: (_s, env, nav) => <InstantScreen {...env} onLoadHopper={() => open(nav, { id: 'hopper-load' })} />,
  },
  'hopper-load': {
    title: screenTitles['hopper-load'],
    help: screenHelp['hopper-load'],
    contexts: ['hopper-load', 'hopper-load-off', 'hopper-load-scan', 'hopper-load-unload', 'hopper-load-done'],
    render: (_s, env, nav) => <HopperLoadScreen {...env} onLeave={back(nav)} />,
  },
  devices: {
    title: screenTitles.devices,
    help: screenHelp.devices,
    contexts: ['devices', 'devices-card'],
    render: (_s, env) => <DevicesScreen {...env} />,
  },
  transfer: {
    title: screenTitles.transfer,
    help: screenHelp.transfer,
    contexts: ['transfer-scan', 'transfer', 'transfer-handover', 'transfer-pin', 'transfer-done'],
    render: (_s, env, nav) => <TransferScreen {...env} onLeave={back(nav)} />,
  },
  sites: {
    title: screenTitles.sites,
    help: screenHelp.sites,
    contexts: ['sites'],
    render: (_s, env) => <SitesScreen {...env} />,
  },
  'not-built': {
    title: screenTitles['not-built'],
    help: screenHelp['not-built'],
    contexts: ['not-built'],
    render: (s, env) => <NotBuiltScreen label={MENU.find((m) => m.id === s.feature)?.label ?? s.feature} width={env.width} height={env.height} />,
  },
};

/** The entry for `screen`, typed for it (the table is indexed by the screen's own id). */
export function screenSpec<S extends Screen>(screen: S): ScreenSpec<S> {
  // TypeScript cannot correlate SCREENS[screen.id] with S; the mapped type guarantees it.
  return SCREENS[screen.id] as unknown as ScreenSpec<S>;
}

/** Draws `screen`: the login screen before login, every other one with the logged-in actor. */
export function renderScreen(screen: Screen, env: ScreenEnv): ReactNode {
  const spec = screenSpec(screen);
  if (env.actor === null) return spec.beforeLogin?.(screen, env) ?? null;
  const { nav, ...rest } = env;
  return spec.render(screen, { ...rest, actor: env.actor }, nav);
}
