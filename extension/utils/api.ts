import { isApiErrorBody } from '../../shared/errors.ts';
import type { DevUser, GroupSummary, Meeting, MeetingCreate, Session } from '../../shared/schemas.ts';
import { ApiError, OfflineError } from './api-errors.ts';
import { getAccessToken } from './auth.ts';
import { apiUrl } from './config.ts';

export { ApiError, OfflineError };

async function request<T>(path: string, init: RequestInit & { auth?: boolean } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('content-type', 'application/json');
  if (init.auth !== false) {
    const token = await getAccessToken();
    if (!token) throw new ApiError(401, null);
    headers.set('authorization', `Bearer ${token}`);
  }
  let response: Response;
  try {
    response = await fetch(`${apiUrl}${path}`, { ...init, headers });
  } catch (error) {
    throw new OfflineError(error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status >= 500) throw new OfflineError(`HTTP ${response.status}`);
    throw new ApiError(response.status, isApiErrorBody(body) ? body : null);
  }
  return body as T;
}

export const api = {
  myGroups: () => request<GroupSummary[]>('/me/groups'),
  logMeeting: (meeting: MeetingCreate) => request<Meeting>('/meetings', { method: 'POST', body: JSON.stringify(meeting) }),
  devUsers: () => request<DevUser[]>('/auth/v1/dev/users', { auth: false }),
  devToken: (email: string) => request<Session>('/auth/v1/dev/token', { method: 'POST', body: JSON.stringify({ email }), auth: false }),
};
