import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { groupSummary, type Me, me as meSchema, myGroupsQuery } from '../../shared/schemas.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import { myGroups } from '../services/groups.ts';
import { doc, valid } from '../validate.ts';

export const me = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', doc({ summary: 'Who I am: my people in each school and my roles', tags: ['me'], responses: { 200: meSchema } }), async (c) => {
    const claims = c.get('claims');
    const people = await c.get('deps').db.asUser(claims, async (db) => {
      const { rows } = await db.query<Me['people'][number]>(`
        select p.id as person_id, p.organisation_id, o.name as organisation_name, p.last_name as last,
          p.first_name as first, p.middle_name as middle,
          array(select m.role from public.memberships m where m.person_id = p.id order by m.role) as roles
        from public.people p join public.organisations o on o.id = p.organisation_id
        where p.auth_user_id = (select auth.uid())
        order by o.name`);
      return rows;
    });
    const body: Me = { user_id: claims.sub, email: claims.email ?? null, people };
    return c.json(body);
  })
  // Polled by the popup and every content script: answer 304 when nothing changed.
  .get(
    '/groups',
    doc({
      summary: 'My active pairs and groups (scope=visible: every active group I may see, for the overlay)',
      tags: ['me'],
      responses: { 200: z.array(groupSummary) },
    }),
    valid('query', myGroupsQuery),
    etag(),
    async (c) => {
      const { scope } = c.req.valid('query');
      const groups = await c.get('deps').db.asUser(c.get('claims'), (db) => myGroups(db, scope));
      return c.json(groups);
    },
  );
