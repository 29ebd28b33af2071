// The extension's client of the API, typed from the app itself (Hono RPC): a route or payload
// that changes on the server is a type error here, not a surprise in a teacher's browser.
import { hc } from 'hono/client';
import type { App } from '../../functions/app.ts';
import type { RosterImportRequest, RosterPreview } from '../../shared/api/roster-import.ts';
import { isApiErrorBody } from '../../shared/errors.ts';
import type { DevUser, GroupSummary, Me, Meeting, MeetingCreate, Session } from '../../shared/schemas.ts';
import { ApiError, OfflineError } from './api-errors.ts';
import { forgetSession, getAccessToken } from './auth.ts';
import { apiUrl } from './config.ts';
import type { Catalog, ChecklistItem, ChecklistItemPatch, Programme, ProgrammeWarning } from './curator-types.ts';

export { ApiError, OfflineError };

/** fetch with the session's token; a network failure or a 5xx means "try again later". */
async function send(input: RequestInfo | URL, init: RequestInit = {}, signedIn = true): Promise<Response> {
  const headers = new Headers(init.headers);
  if (signedIn) {
    const token = await getAccessToken();
    if (!token) throw new ApiError(401, null);
    headers.set('authorization', `Bearer ${token}`);
  }
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers });
  } catch (error) {
    throw new OfflineError(error instanceof Error ? error.message : String(error));
  }
  if (response.status >= 500) throw new OfflineError(`HTTP ${response.status}`);
  // The API refused the session (expired, or signed with a key the server no longer has after a
  // reset): it is forgotten, and every surface shows the sign-in again (issue 15).
  if (response.status === 401 && signedIn) await forgetSession();
  return response;
}

const client = hc<App>(apiUrl, { fetch: (input: RequestInfo | URL, init?: RequestInit) => send(input, init) });

async function body<T>(response: Response | Promise<Response>): Promise<T> {
  const settled = await response;
  const parsed: unknown = await settled.json().catch(() => null);
  if (!settled.ok) throw new ApiError(settled.status, isApiErrorBody(parsed) ? parsed : null);
  return parsed as T;
}

/** The roster import answers a file it cannot read with 422 and the preview (its file_errors say why). */
async function preview(response: Promise<Response>): Promise<RosterPreview> {
  const settled = await response;
  if (settled.status !== 422) return body<RosterPreview>(settled);
  const parsed: unknown = await settled.json().catch(() => null);
  if (typeof parsed === 'object' && parsed !== null && 'file_errors' in parsed) return parsed as RosterPreview;
  throw new ApiError(422, isApiErrorBody(parsed) ? parsed : null);
}

export const api = {
  me: () => body<Me>(client.me.$get()),
  programmes: (organisationId: string) =>
    body<{ items: Programme[] }>(client.programmes.$get({ query: { organisation_id: organisationId, limit: '50' } })),
  checklist: (programmeId: string) =>
    body<{ items: ChecklistItem[] }>(client.programmes[':id'].checklist.$get({ param: { id: programmeId } })),
  warnings: (programmeId: string) =>
    body<{ items: ProgrammeWarning[] }>(client.programmes[':id'].warnings.$get({ param: { id: programmeId } })),
  /** Only while the item still has `version` (If-Match): a change someone made meanwhile is never overwritten. */
  updateChecklistItem: (id: string, version: string, patch: ChecklistItemPatch) =>
    body<ChecklistItem>(
      client['checklist-items'][':id'].$patch({ param: { id }, json: patch }, { headers: { 'if-match': `"${version}"` } }),
    ),
  catalog: () => body<Catalog>(client.catalog.$get()),
  rosterImport: (organisationId: string, request: RosterImportRequest) =>
    preview(client.organisations[':organisation_id']['roster-import'].$post({ param: { organisation_id: organisationId }, json: request })),
  myGroups: () => body<GroupSummary[]>(client.me.groups.$get({ query: { scope: 'mine' } })),
  /** Every active group the signed-in person may see: their own, their school's (curators), their classes' (teachers). */
  visibleGroups: () => body<GroupSummary[]>(client.me.groups.$get({ query: { scope: 'visible' } })),
  logMeeting: (meeting: MeetingCreate) => body<Meeting>(client.meetings.$post({ json: meeting })),
  // The demo sign-in exists only in local mode and is mounted outside the typed chain.
  devUsers: () => body<DevUser[]>(send(`${apiUrl}/auth/v1/dev/users`, {}, false)),
  devToken: (email: string) =>
    body<Session>(
      send(
        `${apiUrl}/auth/v1/dev/token`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) },
        false,
      ),
    ),
};
