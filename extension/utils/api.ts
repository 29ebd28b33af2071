// The extension's client of the API, typed from the app itself (Hono RPC): a route or payload
// that changes on the server is a type error here, not a surprise in a teacher's browser.
import { type ClientResponse, hc } from 'hono/client';
import type { ResponseFormat } from 'hono/types';
import type { App } from '../../functions/app.ts';
import type { devAuth } from '../../functions/routes/dev-auth.ts';
import type { ClassroomSyncRequest } from '../../shared/api/classroom.ts';
import type { MeetingCreate, PlannedMeetingCreate } from '../../shared/api/meetings.ts';
import type { RosterImportRequest, RosterPreview } from '../../shared/api/roster-import.ts';
import type { AdapterFallbackReport } from '../../shared/api/telemetry.ts';
import { isApiErrorBody } from '../../shared/errors.ts';
import { ApiError, OfflineError } from './api-errors.ts';
import { forgetSession, getAccessToken } from './auth.ts';
import { apiUrl } from './config.ts';
import type { ApiAnswer, ApiCall, ChecklistItemPatch } from './messages.ts';

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

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A dashboard's request, sent with the session (the background's side of dashboard/api.ts): any
 * status comes back as it is; an unreachable API or a 5xx is an OfflineError, as everywhere.
 */
export async function passOn(call: ApiCall): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.ifMatch) headers['if-match'] = call.ifMatch;
  const response = await send(`${apiUrl}${call.path}`, { method: call.method, headers, body: call.body });
  const contentType = response.headers.get('content-type');
  // Messages carry strings: a file crosses as base64 and becomes bytes again on the page.
  const text = contentType === null || /^(application\/(problem\+)?json|text\/plain)/.test(contentType);
  return {
    status: response.status,
    body: text ? await response.text() : bytesToBase64(new Uint8Array(await response.arrayBuffer())),
    base64: !text,
    etag: response.headers.get('etag'),
    contentType: response.headers.get('content-type'),
  };
}

const client = hc<App>(apiUrl, { fetch: (input: RequestInfo | URL, init?: RequestInit) => send(input, init) });
// Local mode's demo sign-in: its own routes (mounted only by the local server), typed from them too.
const devClient = hc<ReturnType<typeof devAuth>>(`${apiUrl}/auth/v1`, {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => send(input, init, false),
});

/** Any answer of the typed client; its `ok` tells the declared successes from the declared refusals. */
type Answer = ClientResponse<unknown, number, ResponseFormat>;

function succeeded<R extends Answer>(response: R): response is Extract<R, { ok: true }> {
  return response.ok;
}

async function refusal(response: Answer): Promise<ApiError> {
  const parsed: unknown = await response.json().catch(() => null);
  return new ApiError(response.status, isApiErrorBody(parsed) ? parsed : null);
}

/** The answer when the API declared it a success (its body typed by the route); a refusal throws. */
async function ok<R extends Answer>(response: Promise<R>): Promise<Extract<R, { ok: true }>> {
  const settled = await response;
  if (succeeded(settled)) return settled;
  throw await refusal(settled);
}

type RosterImportCall = (typeof client.organisations)[':organisation_id']['roster-import']['$post'];

/** The roster import answers a file it cannot read with 422 and the preview (its file_errors say why). */
async function preview(response: ReturnType<RosterImportCall>): Promise<RosterPreview> {
  const settled = await response;
  if (settled.ok) return settled.json();
  if (settled.status === 422) {
    const parsed = await settled.json().catch(() => null);
    if (parsed && 'file_errors' in parsed) return parsed;
    throw new ApiError(422, isApiErrorBody(parsed) ? parsed : null);
  }
  throw await refusal(settled);
}

export const api = {
  me: async () => (await ok(client.me.$get())).json(),
  programmes: async (organisationId: string) =>
    (await ok(client.programmes.$get({ query: { organisation_id: organisationId, limit: '50' } }))).json(),
  checklist: async (programmeId: string) => (await ok(client.programmes[':id'].checklist.$get({ param: { id: programmeId } }))).json(),
  warnings: async (programmeId: string) => (await ok(client.programmes[':id'].warnings.$get({ param: { id: programmeId } }))).json(),
  /** Only while the item still has `version` (If-Match): a change someone made meanwhile is never overwritten. */
  updateChecklistItem: async (id: string, version: string, patch: ChecklistItemPatch) =>
    (await ok(client['checklist-items'][':id'].$patch({ param: { id }, json: patch }, { headers: { 'if-match': `"${version}"` } }))).json(),
  catalog: async () => (await ok(client.catalog.$get())).json(),
  /** The Google token goes in a header of this one request (never stored); applying a preview (run_id) needs none. */
  classroomSync: async (organisationId: string, request: ClassroomSyncRequest, googleToken: string | null) =>
    (
      await ok(
        client.organisations[':organisation_id']['classroom-sync'].$post({
          param: { organisation_id: organisationId },
          json: request,
          header: googleToken ? { 'x-google-access-token': googleToken } : {},
        }),
      )
    ).json(),
  rosterImport: (organisationId: string, request: RosterImportRequest) =>
    preview(client.organisations[':organisation_id']['roster-import'].$post({ param: { organisation_id: organisationId }, json: request })),
  myGroups: async () => (await ok(client.me.groups.$get({ query: { scope: 'mine' } }))).json(),
  /** Every active group the signed-in person may see: their own, their school's (curators), their classes' (teachers). */
  visibleGroups: async () => (await ok(client.me.groups.$get({ query: { scope: 'visible' } }))).json(),
  /** A page where an adapter fell back to reading names: counted for today under the caller's school. */
  reportAdapterFallback: async (report: AdapterFallbackReport) =>
    (await ok(client.telemetry['adapter-fallback'].$post({ json: report }))).json(),
  logMeeting: async (meeting: MeetingCreate) => (await ok(client.meetings.$post({ json: meeting }))).json(),
  planMeeting: async (plan: PlannedMeetingCreate) => (await ok(client['planned-meetings'].$post({ json: plan }))).json(),
  cancelPlannedMeeting: async (id: string) => (await ok(client['planned-meetings'][':id'].$delete({ param: { id } }))).json(),
  devUsers: async () => (await ok(devClient.dev.users.$get())).json(),
  devToken: async (email: string) => (await ok(devClient.dev.token.$post({ json: { email } }))).json(),
};
