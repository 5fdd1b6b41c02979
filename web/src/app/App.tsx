// The application shell: sign in, then the header (navigation, language, sign out), the
// always-visible sync status, and the screen of the current route.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccordClient, Peer, Schema, Session, Status } from '../core/api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { collectionLabel } from '../logic/labels';
import { ACCOUNT_TABS, parseRoute, type Route, routeHash } from '../logic/route';
import { prepareLayout } from '../powermap/elkLayout';
import { PowerMap } from '../powermap/PowerMap';
import { AccountOverview } from '../screens/AccountOverview';
import { AccountsList } from '../screens/AccountsList';
import { Dashboard } from '../screens/Dashboard';
import { Needs } from '../screens/Needs';
import { Plan } from '../screens/Plan';
import { Review } from '../screens/Review';
import { SignIn } from '../screens/SignIn';
import { Visits } from '../screens/Visits';
import { AppContext, errorMessage, useApp, useLanguage, useLive } from './context';
import { StatusBar } from './StatusBar';
import { useUnsyncedWarning } from './useUnsyncedWarning';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function App({ client }: { client: AccordClient }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [schema, setSchema] = useState<Schema | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    client.session().then(setSession, (e: unknown) => setFailure(errorMessage(e)));
    client.schema().then(setSchema, (e: unknown) => setFailure(errorMessage(e)));
    return client.onStatus(setStatus);
  }, [client]);
  useUnsyncedWarning(status?.pendingChanges ?? 0, t('status.leaveWarning'));

  if (failure) {
    return (
      <main className="sign-in" id="main">
        <p className="form-error" role="alert">
          {t('errors.generic', { message: failure })}
        </p>
      </main>
    );
  }
  if (session === undefined || !schema) return <p className="loading">{t('errors.loading')}</p>;
  if (session === null) {
    return (
      <>
        <StatusBarless status={status} />
        <SignIn client={client} onSignedIn={setSession} />
      </>
    );
  }
  return (
    <AppContext.Provider value={{ client, schema, session }}>
      <Shell
        status={status}
        onSignOut={async () => {
          await client.signOut();
          setSession(null);
        }}
      />
    </AppContext.Provider>
  );
}

/** Before sign-in only the banners matter (e.g. the server needs a newer client). */
function StatusBarless({ status }: { status: Status | null }) {
  const { t } = useTranslation();
  if (status?.state !== 'upgrade-required') return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="upgrade-banner">
      {t('status.upgrade')}
    </div>
  );
}

function Shell({ status, onSignOut }: { status: Status | null; onSignOut: () => Promise<void> }) {
  const { t } = useTranslation();
  const { client, session } = useApp();
  const route = useRoute();
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => client.onPresence(setPeers), [client]);
  // The power map's layout engine loads in its worker once the app has started, so the first
  // map opened does not wait for it.
  useEffect(() => {
    const timer = window.setTimeout(prepareLayout, 1500);
    return () => window.clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (route.screen !== 'account') client.setPresence({ account: null, contact: null });
  }, [client, route]);
  const top = route.screen === 'account' ? 'accounts' : route.screen;
  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <a className="brand" href={routeHash({ screen: 'accounts' })}>
          {t('app.name')}
        </a>
        <nav aria-label="main" className="main-nav">
          {(['accounts', 'review', 'dashboard'] as const).map((s) => (
            <a key={s} href={routeHash({ screen: s })} aria-current={top === s ? 'page' : undefined}>
              {t(`nav.${s}`)}
            </a>
          ))}
        </nav>
        <div className="top-right">
          <span className="who" data-testid="who">
            {session.user}
            {session.role === 'viewer' && <span className="badge">{t('status.readOnly')}</span>}
          </span>
          <LanguageSwitch />
          <button type="button" onClick={() => void onSignOut()}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <StatusBar status={status} />
      <main id="main" tabIndex={-1}>
        {route.screen === 'accounts' && <AccountsList />}
        {route.screen === 'review' && <Review />}
        {route.screen === 'dashboard' && <Dashboard />}
        {route.screen === 'account' && <AccountScreen route={route} peers={peers} />}
      </main>
    </div>
  );
}

function AccountScreen({ route, peers }: { route: Extract<Route, { screen: 'account' }>; peers: Peer[] }) {
  const { t } = useTranslation();
  const { schema } = useApp();
  const lng = useLanguage();
  const account = route.account;
  const record = useLive((c) => c.get('account', 'account', account), (e) => e.account === account, [account]);
  const name = record.state === 'ready' && record.value && typeof record.value.name === 'string' ? record.value.name : '';
  return (
    <section className="screen account-screen" aria-labelledby="account-title">
      <h1 id="account-title" className="account-title" title={name}>
        {name || collectionLabel(schema, 'account', lng)}
      </h1>
      <nav className="tabs" aria-label={t('nav.accounts')}>
        {ACCOUNT_TABS.map((tab) => (
          <a
            key={tab}
            href={routeHash({ screen: 'account', account, tab })}
            aria-current={route.tab === tab ? 'page' : undefined}
            data-testid={`tab-${tab}`}
          >
            {t(`nav.${tab}`)}
          </a>
        ))}
      </nav>
      {route.tab === 'overview' && <AccountOverview account={account} />}
      {route.tab === 'map' && <PowerMap account={account} peers={peers} />}
      {route.tab === 'needs' && <Needs account={account} />}
      {route.tab === 'visits' && <Visits account={account} />}
      {route.tab === 'plan' && <Plan account={account} />}
    </section>
  );
}
