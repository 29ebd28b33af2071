// The dashboard's API client: the same typed client as the background's (`hc<App>`, its routes and
// answers inferred from the functions' app), whose requests the background sends with the session
// (`nastavnik:api`, utils/background-handlers.ts). The page itself never holds a token.
import { type ClientResponse, hc } from 'hono/client';
import type { ResponseFormat } from 'hono/types';
import type { App } from '../../functions/app.ts';
import { isApiErrorBody } from '../../shared/errors.ts';
import { ApiError } from '../utils/api-errors.ts';
import { ask } from '../utils/ask.ts';

/** The API's origin as the client sees it; only the path and query cross to the background. */
const base = 'https://api.nastavnik.invalid';

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** fetch for the typed client: the request goes to the background, its answer comes back as a Response. */
export async function viaBackground(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
  const answer = await ask({
    type: 'nastavnik:api',
    call: {
      method: request.method,
      path: `${url.pathname}${url.search}`,
      ...(body ? { body } : {}),
      ...(request.headers.get('if-match') ? { ifMatch: request.headers.get('if-match') as string } : {}),
    },
  });
  const headers = new Headers();
  if (answer.contentType) headers.set('content-type', answer.contentType);
  if (answer.etag) headers.set('etag', answer.etag);
  const payload = answer.base64 ? base64ToBytes(answer.body) : answer.body;
  return new Response(answer.status === 204 ? null : payload, { status: answer.status, headers });
}

export const client = hc<App>(base, { fetch: viaBackground });

type Answer = ClientResponse<unknown, number, ResponseFormat>;

/**
 * The body of a declared success, typed by its route; a refusal throws the ApiError every surface
 * shows in words (utils/api-errors.ts). `const people = await body(client.people.$get(…))`.
 */
export async function body<R extends Answer>(response: Promise<R>): Promise<Awaited<ReturnType<Extract<R, { ok: true }>['json']>>> {
  const settled = await response;
  if (settled.ok) return (await settled.json()) as Awaited<ReturnType<Extract<R, { ok: true }>['json']>>;
  const parsed: unknown = await settled.json().catch(() => null);
  throw new ApiError(settled.status, isApiErrorBody(parsed) ? parsed : null);
}

/** A file the API answered (an export), saved by the browser under `fileName`. */
export async function download(response: Promise<Response | Answer>, fileName: string): Promise<void> {
  const settled = (await response) as Response;
  if (!settled.ok) {
    const parsed: unknown = await settled.json().catch(() => null);
    throw new ApiError(settled.status, isApiErrorBody(parsed) ? parsed : null);
  }
  saveBlob(await settled.blob(), fileName);
}

/** Hands a file made on the page (DOCX, XLSX) to the browser's downloads. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
