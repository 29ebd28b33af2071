// Who is signed in. Local mode: a token from the local API's demo sign-in. Supabase mode: Google
// sign-in through Supabase Auth, the session kept (and refreshed) by supabase-js in extension storage.
import { createClient, type SupabaseClient, type Session as SupabaseSession } from '@supabase/supabase-js';
import { browser } from 'wxt/browser';
import type { Session } from '../../shared/api/auth.ts';
import { supabaseAnonKey, supabaseUrl, usesSupabaseAuth } from './config.ts';
import { sessionItem, sessionRefusedItem } from './storage.ts';

// A static import: MV3 service workers cannot load code with import().
let supabase: SupabaseClient | undefined;

function supabaseClient(): SupabaseClient {
  supabase ??= createClient(supabaseUrl, supabaseAnonKey, {
    auth: {
      flowType: 'pkce',
      detectSessionInUrl: false,
      persistSession: true,
      autoRefreshToken: true,
      storage: {
        getItem: async (key) => ((await browser.storage.local.get(key))[key] as string | undefined) ?? null,
        setItem: (key, value) => browser.storage.local.set({ [key]: value }),
        removeItem: (key) => browser.storage.local.remove(key),
      },
    },
  });
  // The session every context watches (the overlay, the popup, the options page) follows Supabase's:
  // a Google sign-in, a refreshed token and a sign-out show everywhere at once.
  supabase.auth.onAuthStateChange((_event, session) => {
    void sessionItem.setValue(session ? fromSupabase(session) : null);
  });
  return supabase;
}

function fromSupabase(session: SupabaseSession): Session {
  const meta = session.user.user_metadata as { full_name?: string };
  return {
    access_token: session.access_token,
    expires_at: session.expires_at ?? 0,
    email: session.user.email ?? '',
    name: meta.full_name ?? session.user.email ?? '',
  };
}

/** The signed-in person's session, or null; an expired local token counts as none. */
export async function currentSession(): Promise<Session | null> {
  if (usesSupabaseAuth) {
    const { data } = await supabaseClient().auth.getSession();
    return data.session ? fromSupabase(data.session) : null;
  }
  const session = await sessionItem.getValue();
  if (!session || session.expires_at * 1000 <= Date.now()) return null;
  return session;
}

export async function getAccessToken(): Promise<string | null> {
  return (await currentSession())?.access_token ?? null;
}

export async function saveLocalSession(session: Session): Promise<void> {
  await sessionRefusedItem.setValue(false);
  await sessionItem.setValue(session);
}

/** Supabase mode: Google sign-in in a browser window, then the code exchanged for a session. */
export async function signInWithGoogle(): Promise<Session> {
  const client = supabaseClient();
  const { data, error } = await client.auth.signInWithOAuth({
    provider: 'google',
    options: { redirectTo: browser.identity.getRedirectURL(), skipBrowserRedirect: true },
  });
  if (error || !data.url) throw error ?? new Error('Supabase did not return a sign-in URL');
  const redirect = await browser.identity.launchWebAuthFlow({ url: data.url, interactive: true });
  const code = redirect ? new URL(redirect).searchParams.get('code') : null;
  if (!code) throw new Error('Sign-in was cancelled');
  const exchanged = await client.auth.exchangeCodeForSession(code);
  if (exchanged.error || !exchanged.data.session) throw exchanged.error ?? new Error('No session');
  const session = fromSupabase(exchanged.data.session);
  await saveLocalSession(session);
  return session;
}

/** A session the API refused (401): dropped, so that the sign-in shows wherever the person looks. */
export async function forgetSession(): Promise<void> {
  if ((await currentSession()) === null) return;
  await sessionRefusedItem.setValue(true);
  await signOut();
}

export async function signOut(): Promise<void> {
  if (usesSupabaseAuth) await supabaseClient().auth.signOut();
  await sessionItem.setValue(null);
}
