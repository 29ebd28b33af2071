import { useState } from 'preact/hooks';
import { api } from '../utils/api.ts';
import { currentSession, saveLocalSession, signInWithGoogle, signOut } from '../utils/auth.ts';
import { apiUrl, usesSupabaseAuth } from '../utils/config.ts';
import { t } from '../utils/i18n.ts';
import { JournalHosts } from './JournalHosts.tsx';
import { useAsync } from './use-async.ts';

function DevSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [users] = useAsync(() => api.devUsers());
  const [email, setEmail] = useState('');
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
        {users.error.message}
      </div>
    );
  const chosen = email || users.value[0]?.email || '';
  const signIn = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await saveLocalSession(await api.devToken(chosen));
      onSignedIn();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={signIn}>
      <p class="muted">{t('options.localMode')}</p>
      <label for="dev-user">{t('options.devUser')}</label>
      <select id="dev-user" data-testid="dev-login-user" value={chosen} onChange={(e) => setEmail(e.currentTarget.value)}>
        {users.value.map((user) => (
          <option value={user.email} key={user.email}>
            {user.name} — {user.description}
          </option>
        ))}
      </select>
      {error && (
        <div class="status error" role="alert">
          {error}
        </div>
      )}
      <p>
        <button type="submit" data-testid="dev-login-submit" disabled={busy}>
          {t('options.devSignIn')}
        </button>
      </p>
    </form>
  );
}

export function Options() {
  const [session, reload] = useAsync(currentSession);
  const [error, setError] = useState<string | null>(null);
  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      <h2>{t('options.server')}</h2>
      <p>
        <code>{apiUrl}</code>
      </p>
      <h2>{t('options.signIn')}</h2>
      {session.status === 'done' && session.value ? (
        <div>
          <p data-testid="signed-in-as">{t('options.signedInAs', { name: session.value.name, email: session.value.email })}</p>
          <button type="button" class="secondary" onClick={() => void signOut().then(reload)}>
            {t('options.signOut')}
          </button>
        </div>
      ) : usesSupabaseAuth ? (
        <>
          <button
            type="button"
            onClick={() =>
              void signInWithGoogle().then(reload, (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)))
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
      <JournalHosts />
    </main>
  );
}
