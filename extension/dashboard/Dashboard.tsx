// The curator's workplace (ux.md «Dashboard»): a side menu by stage and the screen it opens. The
// page asks the background who is signed in and which school they run; the screens call the API
// through the typed client in api.ts.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useAsync } from '../components/use-async.ts';
import { useSession } from '../components/use-session.ts';
import { describeError } from '../utils/api-errors.ts';
import { ask } from '../utils/ask.ts';
import { t } from '../utils/i18n.ts';
import { body, client } from './api.ts';
import type { DashboardContext } from './context.ts';
import { Outside } from './reports/Outside.tsx';
import { type ScreenProps, screenOf, screens } from './screens.ts';
import { useFresh } from './use-fresh.ts';

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

function go(screen: string, sub?: string): void {
  location.hash = `#/${screen}${sub ? `/${sub}` : ''}`;
}

/** One screen, its code loaded when it is first opened. */
function ScreenView({ id, context }: { id: string; context: DashboardContext }) {
  const screen = screens.find((s) => s.id === id);
  const [view] = useAsync<ComponentType<ScreenProps>>(() => (screen ? screen.load() : Promise.reject(new Error(id))), [id]);
  useEffect(() => {
    if (screen) document.title = `${t(screen.title)} · ${t('appName')}`;
  }, [screen]);
  if (view.status === 'loading')
    return (
      <p class="muted" role="status" aria-busy="true">
        {t('dashboard.loading')}
      </p>
    );
  if (view.status === 'failed')
    return (
      <p class="status error" role="alert">
        {describeError(view.error)}
      </p>
    );
  const View = view.value;
  return <View context={context} />;
}

function Menu({ current }: { current: string }) {
  return (
    <nav class="menu" aria-label={t('dashboard.menu')}>
      <ul>
        {screens.map((screen) => (
          <li key={screen.id}>
            <a href={`#/${screen.id}`} aria-current={screen.id === current ? 'page' : undefined} data-testid={`menu-${screen.id}`}>
              {screen.stage !== undefined && <span class="stage-number">{screen.stage}</span>}
              {t(screen.title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Workplace({ school }: { school: NonNullable<DashboardContext['school']> }) {
  const hash = useHash();
  const current = screenOf(hash).id;
  // A reload after a screen changed the programme keeps the screen (and what it shows) in place.
  const [programmes, reloadProgramme] = useFresh(
    () => body(client.programmes.$get({ query: { organisation_id: school.organisationId, limit: '50' } })),
    [school.organisationId],
  );
  if (programmes.status === 'loading')
    return (
      <p class="muted page-message" role="status" aria-busy="true">
        {t('dashboard.loading')}
      </p>
    );
  if (programmes.status === 'failed')
    return (
      <p class="status error page-message" role="alert">
        {describeError(programmes.error)}
      </p>
    );
  // Newest academic year first (the API's order).
  const context: DashboardContext = { school, programme: programmes.value.items[0] ?? null, reloadProgramme, go };
  return (
    <div class="workplace">
      <header class="topbar">
        <span class="brand">{t('appName')}</span>
        <span class="muted" data-testid="dashboard-school">
          {school.organisationName}
          {context.programme && ` · ${context.programme.academic_year}`}
        </span>
      </header>
      <Menu current={current} />
      <main class="screen" id="screen" data-testid={`screen-${current}`}>
        <ScreenView id={current} context={context} />
      </main>
    </div>
  );
}

export function Dashboard() {
  const [session] = useSession();
  const signedIn = session.status === 'done' && session.value !== null;
  const [school] = useAsync(() => (signedIn ? ask({ type: 'nastavnik:curator' }) : Promise.resolve(null)), [signedIn]);
  if (session.status === 'loading' || (signedIn && school.status === 'loading')) {
    return (
      <p class="muted page-message" role="status" aria-busy="true">
        {t('dashboard.loading')}
      </p>
    );
  }
  if (!signedIn) {
    return (
      <main class="page-message">
        <h1>{t('appName')}</h1>
        <p>{t('dashboard.signIn')}</p>
        <button type="button" data-testid="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.openOptions')}
        </button>
      </main>
    );
  }
  if (school.status === 'failed')
    return (
      <p class="status error page-message" role="alert">
        {describeError(school.error)}
      </p>
    );
  // Not a curator: a regional viewer's region, a participant's questionnaires (reports/Outside.tsx).
  if (school.status !== 'done' || !school.value) return <Outside />;
  return <Workplace school={school.value} />;
}
