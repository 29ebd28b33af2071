import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { devTokenRequest, devUser, jwks, type Session, session } from '../../shared/api/auth.ts';
import type { LocalSigner } from '../auth/local-keys.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { body, json, refusals } from '../openapi.ts';
import { findDevUser, listDevUsers } from '../services/dev-users.ts';

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Local mode is for one machine: its sign-in answers only requests addressed to this server by a
 * loopback name and its own port. A web page that rebinds its own domain to 127.0.0.1 (DNS
 * rebinding) sends its own name as Host, and a page that calls 127.0.0.1 directly sends its origin:
 * both are refused (by Origin, or by Fetch Metadata where a browser sends no Origin), so no page can
 * list the demo people or mint the head's token. Requests from no browser (curl, `npm run token`)
 * and from the extension's own pages are let through.
 */
export function loopbackOnly(issuer: string) {
  const port = new URL(issuer).port || '80';
  const hosts = new Set(loopbackNames.map((name) => `${name}:${port}`));
  const origins = new Set(loopbackNames.map((name) => `http://${name}:${port}`));
  return createMiddleware<AppEnv>(async (c, next) => {
    const url = new URL(c.req.url);
    const host = (c.req.header('host') ?? url.host).toLowerCase();
    const origin = c.req.header('origin');
    const hostAllowed = hosts.has(host.includes(':') && !host.endsWith(']') ? host : `${host}:80`);
    const extension = origin !== undefined && /^(chrome|moz)-extension:\/\/[\w-]+$/.test(origin);
    // Browsers leave Origin off a page's plain GET; their Fetch Metadata still says it came from another site.
    const site = c.req.header('sec-fetch-site');
    const fromAnotherSite = site === 'cross-site' || site === 'same-site';
    const originAllowed = extension || ((origin === undefined || origins.has(origin)) && !fromAnotherSite);
    if (!hostAllowed || !originAllowed) throw apiError(403, 'forbidden', 'error.localOnly');
    await next();
  });
}

const jwksRoute = createRoute({
  method: 'get',
  path: '/.well-known/jwks.json',
  summary: 'Local mode: the public keys tokens are signed with',
  tags: ['public'],
  responses: { 200: json(jwks), ...refusals },
});
const usersRoute = createRoute({
  method: 'get',
  path: '/dev/users',
  summary: 'Local mode: demo people one can sign in as',
  tags: ['public'],
  responses: { 200: json(z.array(devUser)), ...refusals },
});
const tokenRoute = createRoute({
  method: 'post',
  path: '/dev/token',
  summary: 'Local mode: a token for a demo person',
  tags: ['public'],
  request: { body: body(devTokenRequest) },
  responses: { 200: json(session), ...refusals },
});

/**
 * Local mode's sign-in: pick a demo person, get a token shaped as Supabase Auth's. Mounted only
 * when the API signs its own tokens (the local server passes it to createApp); with a Supabase
 * project these routes do not exist, and the deployed bundle does not contain them.
 */
export function devAuth(signer: LocalSigner) {
  return $(new OpenAPIHono<AppEnv>().use(loopbackOnly(signer.issuer)))
    .openapi(jwksRoute, (c) => c.json(signer.jwks as z.infer<typeof jwks>, 200))
    .openapi(usersRoute, async (c) => c.json(await c.var.deps.db.asService(listDevUsers), 200))
    .openapi(tokenRoute, async (c) => {
      const { email } = c.req.valid('json');
      const user = await c.var.deps.db.asService((db) => findDevUser(db, email));
      if (!user) throw apiError(404, 'not_found', 'error.notFound');
      const { token, expiresAt } = await signer.sign(user);
      const answer: Session = { access_token: token, expires_at: expiresAt, email: user.email, name: user.name };
      return c.json(answer, 200);
    });
}
