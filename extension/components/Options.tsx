import { useEffect, useState } from 'preact/hooks';
import type { DevUser } from '../../shared/api/auth.ts';
import { describeError, OfflineError } from '../utils/api-errors.ts';
import { ask } from '../utils/ask.ts';
import { apiUrl, usesSupabaseAuth } from '../utils/config.ts';
import { t, tn } from '../utils/i18n.ts';
import { JournalHosts } from './JournalHosts.tsx';
import { ReminderSettings } from './ReminderSettings.tsx';
import { useAsync } from './use-async.ts';
import { useSession, useSessionRefused } from './use-session.ts';

const folded = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** Whether a demo person fits what was typed: every word in the name, e-mail or description. */
export function matchesSearch(user: DevUser, query: string): boolean {
  const haystack = folded(`${user.name} ${user.email} ${user.description}`);
  return folded(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function DevSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [users, retry] = useAsync(() => ask({ type: 'nastavnik:dev-users' }));
  const [selected, setSelected] = useState('');
  const [query, setQuery] = useState('');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (users.status === 'loading')
    return (
      <p class="muted" role="status">
        {t('options.loadingUsers')}
      </p>
    );
  if (users.status === 'failed')
    return (
      <div class="status error" role="alert">
        <span data-testid="dev-login-error">{describeError(users.error)}</span>{' '}
        <button type="button" class="secondary" onClick={retry}>
          {t('curator.retry')}
        </button>
      </div>
    );
  // 605 people in the demo school: a search by name, e-mail or role, and the address typed in full.
  const found = query.trim() ? users.value.filter((user) => matchesSearch(user, query)) : users.value;
  const inList = found.some((user) => user.email === selected);
  const chosen = typed.trim() || (inList ? selected : found[0]?.email) || '';
  const signIn = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await ask({ type: 'nastavnik:dev-sign-in', email: chosen });
      onSignedIn();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={signIn}>
      <p class="muted">{t('options.localMode')}</p>
      <label for="dev-search">{t('options.devSearch')}</label>
      <input
        id="dev-search"
        type="search"
        data-testid="dev-login-search"
        value={query}
        autocomplete="off"
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <label for="dev-user">
        {t('options.devUser')} · <span data-testid="dev-login-found">{tn('options.devFound', found.length)}</span>
      </label>
      <select
        id="dev-user"
        data-testid="dev-login-user"
        value={inList ? selected : (found[0]?.email ?? '')}
        disabled={typed.trim() !== ''}
        onChange={(e) => setSelected(e.currentTarget.value)}
      >
        {found.map((user) => (
          <option value={user.email} key={user.email}>
            {user.name} — {user.description}
          </option>
        ))}
      </select>
      <label for="dev-email">{t('options.devEmail')}</label>
      <input
        id="dev-email"
        type="email"
        data-testid="dev-login-email"
        placeholder="name@school17.example.ru"
        autocomplete="email"
        value={typed}
        onInput={(e) => setTyped(e.currentTarget.value)}
      />
      {error && (
        <div class="status error" role="alert">
          {error}
        </div>
      )}
      <p>
        <button type="submit" data-testid="dev-login-submit" disabled={busy || !chosen}>
          {t('options.devSignIn')}
        </button>
      </p>
    </form>
  );
}

export function Options() {
  const [session, reload] = useSession();
  const [error, setError] = useState<string | null>(null);
  /** Set when the API refused the session we had (here or in any other context): the sign-in says why it is back. */
  const expired = useSessionRefused();
  const [unreachable, setUnreachable] = useState(false);
  const signedIn = session.status === 'done' ? session.value : null;
  // A session stored here may be one the server no longer accepts (a reset made a new signing
  // key): ask the API once; a 401 forgets it (utils/api.ts) and the sign-in shows.
  useEffect(() => {
    if (!signedIn) return;
    setUnreachable(false);
    // No «still mounted for this session» guard: the 401 itself clears the session (and so this
    // effect), and the page must still say why the sign-in is back.
    ask({ type: 'nastavnik:check-session' }).then(
      () => undefined,
      (caught: unknown) => {
        // A 401 forgets the session (utils/api.ts) and marks it refused: the sign-in shows, with why.
        if (caught instanceof OfflineError) setUnreachable(true);
      },
    );
  }, [signedIn?.access_token]);
  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      <h2>{t('options.server')}</h2>
      <p>
        <code>{apiUrl}</code>
      </p>
      {unreachable && (
        <p class="status error" role="alert" data-testid="server-unreachable">
          {t('error.network')}
        </p>
      )}
      <h2>{t('options.signIn')}</h2>
      {signedIn ? (
        <div>
          <p data-testid="signed-in-as">{t('options.signedInAs', { name: signedIn.name, email: signedIn.email })}</p>
          <button type="button" class="secondary" onClick={() => void ask({ type: 'nastavnik:sign-out' }).then(reload)}>
            {t('options.signOut')}
          </button>
        </div>
      ) : (
        <>
          {expired && (
            <p class="status warn" role="status" data-testid="session-expired">
              {t('options.sessionExpired')}
            </p>
          )}
          {usesSupabaseAuth ? (
            <>
              <button
                type="button"
                onClick={() =>
                  void ask({ type: 'nastavnik:google-sign-in' }).then(
                    () => reload(),
                    (caught: unknown) => setError(describeError(caught)),
                  )
                }
              >
                {t('options.googleSignIn')}
              </button>
              {error && (
                <div class="status error" role="alert">
                  {error}
                </div>
              )}
            </>
          ) : (
            session.status !== 'loading' && <DevSignIn onSignedIn={reload} />
          )}
        </>
      )}
      {signedIn && <ReminderSettings />}
      <JournalHosts />
    </main>
  );
}
