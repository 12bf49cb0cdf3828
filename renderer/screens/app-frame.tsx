/** The signed-in frame: header, navigation to every screen the operator may use, and the screen. */
import { useEffect, useMemo } from 'react';
import type { SessionState } from '../../shared/model';
import { type Permission, ROLE_LABELS } from '../../shared/permissions';
import { api } from '../api/bridge';
import { navigate, useHashRoute } from '../routing/use-hash-route';
import { useFlashStore } from '../state/flash-store';
import { useSessionStore } from '../state/session-store';
import { useTrustNameStore } from '../state/trust-name-store';
import { DowntimeBanner } from '../components/downtime-banner';
import { TrustRegisterBanner, TrustRegisterLine } from '../components/trust-register-status';
import { useFollowSyncStatus, useJoinedToRegister } from '../state/sync-store';
import { ConflictsScreen } from './conflicts/conflicts-screen';
import { ActivityScreen } from './activity/activity-screen';
import { InactivityScreen } from './activity/inactivity-screen';
import { AuditScreen } from './audit';
import { CatalogueListScreen } from './catalogue/catalogue-list';
import { SystemDetailScreen } from './catalogue/system-detail';
import { DowntimeScreen } from './downtime-screen';
import { EsrFeedScreen } from './esr/esr-feed-screen';
import { HomeScreen } from './home';
import { useRememberLastScreen } from './last-screen-link';
import { LeaversScreen } from './leavers-screen';
import { OperatorsScreen } from './operators';
import { PeopleScreen } from './people/people-screen';
import { parsePart } from './people/person-parts';
import { PersonScreen } from './people/person-screen';
import { ProfilesScreen } from './profiles/profiles-screen';
import { ReviewsScreen } from './reviews/reviews-screen';
import { ReportsScreen } from './reports/reports-screen';
import { NewRequestScreen } from './requests/new-request-form';
import { RequestDetailScreen } from './requests/request-detail';
import { RequestsScreen } from './requests/requests-screen';
import { SettingsScreen } from './settings';
import { SmartcardScreen } from './smartcard/smartcard-screen';

type Active = Extract<SessionState, { state: 'active' }>;

interface NavItem {
  path: string;
  label: string;
  permission: Permission | null;
  /** Shown only on a workstation joined to a Trust register. */
  joinedOnly?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'Home', permission: null },
  { path: '/people', label: 'People', permission: 'people:read' },
  { path: '/requests', label: 'Requests', permission: 'requests:read' },
  { path: '/catalogue', label: 'Catalogue', permission: 'catalogue:read' },
  { path: '/profiles', label: 'Access profiles', permission: 'catalogue:read' },
  { path: '/reports', label: 'Reports', permission: 'reports:read' },
  { path: '/smartcard', label: 'Smartcard', permission: 'smartcard:check' },
  { path: '/leavers', label: 'Leavers', permission: 'accounts:write' },
  { path: '/esr', label: 'ESR feed', permission: 'accounts:write' },
  { path: '/activity', label: 'Sign-in activity', permission: 'accounts:write' },
  { path: '/inactivity', label: 'Inactivity review', permission: 'accounts:write' },
  { path: '/reviews', label: 'Access reviews', permission: 'accounts:write' },
  { path: '/downtime', label: 'Downtime', permission: 'catalogue:read' },
  { path: '/audit', label: 'Audit', permission: 'audit:read' },
  { path: '/conflicts', label: 'Conflicts', permission: null, joinedOnly: true },
  { path: '/operators', label: 'Operators', permission: 'operators:read' },
  { path: '/settings', label: 'Settings', permission: null },
];

const ACTIVITY_PING_MS = 30_000;

/** Keyboard and pointer use count as activity for the idle lock; tell main at most every 30 s. */
function useActivityHeartbeat() {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_PING_MS) return;
      last = now;
      void api.session.touch({});
    };
    window.addEventListener('keydown', onActivity);
    window.addEventListener('pointerdown', onActivity);
    return () => {
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('pointerdown', onActivity);
    };
  }, []);
}

/** The Trust's name from Settings for the header; until it is set, the header shows only the service. */
function useTrustName(): string | null {
  const name = useTrustNameStore((s) => s.trustName);
  const setName = useTrustNameStore((s) => s.setTrustName);
  useEffect(() => {
    void api.settings.get({}).then((result) => {
      if (result.ok) setName(result.value.trustName);
    });
  }, [setName]);
  return name;
}

function screenFor(route: string, session: Active, screens: readonly NavItem[]) {
  if (route === '/people') return <PeopleScreen />;
  if (route.startsWith('/people/')) {
    const [id = '', part] = route.slice('/people/'.length).split('/');
    return <PersonScreen id={decodeURIComponent(id)} part={parsePart(part)} />;
  }
  if (route === '/requests') return <RequestsScreen />;
  if (route === '/requests/new') {
    return (
      <NewRequestScreen
        onRecorded={(id, warnings) => {
          useFlashStore.getState().flash(['Request recorded.', ...warnings]);
          navigate(`/requests/${id}`);
        }}
      />
    );
  }
  if (route.startsWith('/requests/'))
    return <RequestDetailScreen id={decodeURIComponent(route.slice('/requests/'.length))} />;
  if (route === '/catalogue') return <CatalogueListScreen />;
  if (route.startsWith('/catalogue/'))
    return <SystemDetailScreen id={decodeURIComponent(route.slice('/catalogue/'.length))} />;
  if (route === '/profiles') return <ProfilesScreen />;
  if (route === '/reviews') return <ReviewsScreen />;
  if (route === '/downtime') return <DowntimeScreen />;
  if (route === '/leavers') return <LeaversScreen />;
  if (route === '/reports') return <ReportsScreen />;
  if (route === '/esr') return <EsrFeedScreen />;
  if (route === '/smartcard') return <SmartcardScreen />;
  if (route === '/activity') return <ActivityScreen />;
  if (route === '/inactivity') return <InactivityScreen />;
  if (route === '/operators') return <OperatorsScreen currentOperatorId={session.operator.id} />;
  if (route === '/audit') return <AuditScreen />;
  if (route === '/conflicts') return <ConflictsScreen />;
  if (route === '/settings') return <SettingsScreen session={session} />;
  return <HomeScreen session={session} screens={screens} />;
}

function isCurrent(route: string, path: string): boolean {
  return path === '/' ? route === '/' : route === path || route.startsWith(`${path}/`);
}

function visibleItems(session: Active, joined: boolean): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (item.permission === null || session.operator.permissions.includes(item.permission)) &&
      (joined || !item.joinedOnly),
  );
}

export function AppFrame({ session }: { session: Active }) {
  const route = useHashRoute();
  const setSession = useSessionStore((s) => s.setSession);
  useActivityHeartbeat();
  const trustName = useTrustName();
  useFollowSyncStatus();
  const joined = useJoinedToRegister();
  const screens = useMemo(() => visibleItems(session, joined), [session, joined]);
  useRememberLastScreen(route, screens);

  async function signOut() {
    const result = await api.session.signOut({});
    if (result.ok) setSession(result.value);
  }

  return (
    <>
      <a
        className="nhsuk-skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="nhsuk-header nhsuk-header--organisation">
        <div className="nhsuk-header__container nhsuk-width-container app-header">
          <div className="nhsuk-header__service">
            <a className="nhsuk-header__service-logo" href="#/">
              <span className="nhsuk-header__service-name">Gatehouse</span>
            </a>
            {trustName ? <span className="app-header__trust">{trustName}</span> : null}
          </div>
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              <li className="nhsuk-header__account-item">
                {session.operator.name} ({ROLE_LABELS[session.operator.role]})
              </li>
              <li className="nhsuk-header__account-item">
                <button type="button" className="nhsuk-header__account-button" onClick={signOut}>
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <DowntimeBanner />
      <TrustRegisterBanner />
      <div className="layout">
        <nav aria-label="Main" className="app-nav">
          <ul>
            {screens.map((item) => (
              <li key={item.path}>
                <a href={`#${item.path}`} aria-current={isCurrent(route, item.path) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
          <TrustRegisterLine />
        </nav>
        <main id="main" tabIndex={-1}>
          {screenFor(route, session, screens)}
        </main>
      </div>
    </>
  );
}
