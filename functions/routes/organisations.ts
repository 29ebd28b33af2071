import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { idParam, listOf, staleResponse } from '../../shared/api/common.ts';
import { classCreate, classPatch, classQuery, organisation, organisationPatch, schoolClass } from '../../shared/api/organisations.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import { createOnce, listPage, oneOrNotFound, updateById, type Versioned } from '../services/rows.ts';
import { doc, ifMatch, valid, withVersion } from '../validate.ts';

const orgColumns = 'id, xmin::text as version, name, short_name, city, municipality, region, domain, kind';
const classColumns = 'id, xmin::text as version, organisation_id, name, grade';

export const organisations = new Hono<AppEnv>()
  .use(requireUser)
  .get('/', doc({ summary: 'My organisations', tags: ['organisations'], responses: { 200: listOf(organisation) } }), etag(), async (c) => {
    const rows = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
      return (await db.query(`select ${orgColumns} from public.organisations order by name`)).rows;
    });
    return c.json({ items: rows, next_cursor: null });
  })
  .get(
    '/:id',
    doc({ summary: 'An organisation', tags: ['organisations'], responses: { 200: organisation } }),
    valid('param', idParam),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), async (db) =>
          oneOrNotFound((await db.query<Versioned>(`select ${orgColumns} from public.organisations where id = $1`, [id])).rows),
        );
      return c.json(withVersion(c, row));
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Edit the organisation’s card (head, curator)',
      tags: ['organisations'],
      responses: { 200: organisation, 412: staleResponse(organisation) },
    }),
    valid('param', idParam),
    valid('json', organisationPatch),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), (db) => updateById(db, 'organisations', id, c.req.valid('json'), orgColumns, ifMatch(c)));
      return c.json(withVersion(c, row));
    },
  );

export const classes = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({ summary: 'Classes', tags: ['organisations'], responses: { 200: listOf(schoolClass) } }),
    valid('query', classQuery),
    etag(),
    async (c) => {
      const { organisation_id, limit, cursor } = c.req.valid('query');
      const rows = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        listPage(
          db,
          `select ${classColumns} from public.classes where ($1::uuid is null or organisation_id = $1)
        order by grade nulls last, name`,
          [organisation_id ?? null],
          { limit, cursor },
        ),
      );
      return c.json(rows);
    },
  )
  .post(
    '/',
    doc({ summary: 'Add a class (curator)', tags: ['organisations'], responses: { 201: schoolClass, 200: schoolClass } }),
    valid('json', classCreate),
    async (c) => {
      const sent = c.req.valid('json');
      const { row, created } = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        createOnce(
          db,
          {
            sql: `insert into public.classes (id, organisation_id, name, grade) values ($1, $2, $3, $4) on conflict (id) do nothing returning id`,
            params: [sent.id, sent.organisation_id, sent.name, Number.parseInt(sent.name, 10)],
          },
          async () => (await db.query(`select ${classColumns} from public.classes where id = $1`, [sent.id])).rows[0],
          sent,
        ),
      );
      return c.json(row, created ? 201 : 200);
    },
  )
  .patch(
    '/:id',
    doc({ summary: 'Rename a class (curator)', tags: ['organisations'], responses: { 200: schoolClass, 412: staleResponse(schoolClass) } }),
    valid('param', idParam),
    valid('json', classPatch),
    async (c) => {
      const { id } = c.req.valid('param');
      const { name } = c.req.valid('json');
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), (db) =>
          updateById(db, 'classes', id, { name, grade: Number.parseInt(name, 10) }, classColumns, ifMatch(c)),
        );
      return c.json(withVersion(c, row));
    },
  );
