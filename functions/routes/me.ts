import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { groupSummary, type Me, me as meSchema, myGroupsQuery } from '../../shared/api/me.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { callerRefusals, json, notModified } from '../openapi.ts';
import { myGroups, myPeople } from '../services/me.ts';

const whoRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Who I am: my people in each school and my roles',
  tags: ['me'],
  responses: { 200: json(meSchema), ...callerRefusals },
});
const groupsRoute = createRoute({
  method: 'get',
  path: '/groups',
  summary: 'My active pairs and groups (scope=visible: every active group I may see, for the overlay)',
  tags: ['me'],
  // Polled by the popup and every content script: answer 304 when nothing changed.
  middleware: [etag()] as const,
  request: { query: myGroupsQuery },
  responses: { 200: json(z.array(groupSummary)), ...callerRefusals, ...notModified },
});

export const me = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(whoRoute, async (c) => {
    const claims = c.var.claims;
    const body: Me = { user_id: claims.sub, email: claims.email ?? null, people: await myPeople(c.var.db) };
    return c.json(body, 200);
  })
  .openapi(groupsRoute, async (c) => c.json(await myGroups(c.var.db, c.req.valid('query').scope), 200));
