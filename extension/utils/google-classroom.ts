// «Подключить Google Classroom»: the curator's own Google token with the narrowest read-only scopes
// that work, from chrome.identity — getAuthToken where the build names an OAuth client (Chrome),
// launchWebAuthFlow otherwise — sent to the API with the one request that needs it, never stored
// (Chrome keeps its own token cache) and never logged. Applying a previewed run needs no token.
import { browser } from 'wxt/browser';
import type { ClassroomSyncRequest } from '../../shared/api/classroom.ts';
import { api } from './api.ts';
import { googleClientId } from './config.ts';
import { t } from './i18n.ts';

export const classroomScopes = [
  'https://www.googleapis.com/auth/classroom.courses.readonly',
  'https://www.googleapis.com/auth/classroom.rosters.readonly',
  'https://www.googleapis.com/auth/classroom.profile.emails',
];

async function classroomToken(): Promise<string> {
  const identity = browser.identity;
  if (!identity) throw new Error(t('classroom.error.noIdentity'));
  // Chrome: its own account and token cache (the manifest's oauth2 client, from WXT_GOOGLE_CLIENT_ID).
  if (typeof identity.getAuthToken === 'function') {
    try {
      const answer: unknown = await identity.getAuthToken({ interactive: true, scopes: classroomScopes });
      const token = typeof answer === 'string' ? answer : (answer as { token?: string } | undefined)?.token;
      if (token) return token;
    } catch (error) {
      if (!googleClientId) throw new Error(`${t('classroom.error.noIdentity')} (${error instanceof Error ? error.message : error})`);
    }
  }
  if (!googleClientId) throw new Error(t('classroom.error.noIdentity'));
  // Google's implicit flow through the browser's own sign-in window (Edge, Yandex Browser, Firefox).
  const url = new URL('https://accounts.google.com/o/oauth2/v2/auth');
  url.search = new URLSearchParams({
    client_id: googleClientId,
    response_type: 'token',
    redirect_uri: identity.getRedirectURL(),
    scope: classroomScopes.join(' '),
    include_granted_scopes: 'true',
  }).toString();
  const redirect = await identity.launchWebAuthFlow({ url: url.toString(), interactive: true });
  const token = redirect ? new URLSearchParams(new URL(redirect).hash.slice(1)).get('access_token') : null;
  if (!token) throw new Error(t('classroom.error.noIdentity'));
  return token;
}

export async function syncClassroom(organisationId: string, request: ClassroomSyncRequest) {
  const token = request.run_id ? null : await classroomToken();
  return api.classroomSync(organisationId, request, token);
}
