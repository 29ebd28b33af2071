import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { idParam, listOf, okResponse, staleResponse } from '../../shared/api/common.ts';
import {
  consent,
  consentCreate,
  consentQuery,
  consentWithdraw,
  peopleQuery,
  person,
  personCreate,
  personPatch,
} from '../../shared/api/people.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import { apiError } from '../errors.ts';
import { createPerson, patchPerson, personSelect, readPerson } from '../services/people.ts';
import { createOnce, listPage, offsetOf, oneOrNotFound, pageOf } from '../services/rows.ts';
import { doc, ifMatch, valid, withVersion } from '../validate.ts';

export const people = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({ summary: 'Find people (by name, kind, class)', tags: ['people'], responses: { 200: listOf(person) } }),
    valid('query', peopleQuery),
    etag(),
    async (c) => {
      const { organisation_id, q, kind, class_id, limit, cursor } = c.req.valid('query');
      const offset = offsetOf(cursor);
      const rows = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
        const words = (q ?? '').toLocaleLowerCase('ru').replaceAll('ё', 'е').split(/\s+/).filter(Boolean);
        const sql = `${personSelect}
          where ($1::uuid is null or p.organisation_id = $1) and ($2::text is null or p.kind = $2) and ($3::uuid is null or p.class_id = $3)
            and (select bool_and(replace(lower(p.last_name || ' ' || p.first_name || ' ' || coalesce(p.middle_name, '')), 'ё', 'е') like '%' || w || '%')
                 from unnest($4::text[]) w) is not false
          order by p.last_name, p.first_name, p.id limit $5 offset $6`;
        return (await db.query(sql, [organisation_id ?? null, kind ?? null, class_id ?? null, words, limit + 1, offset])).rows;
      });
      return c.json(pageOf(rows, limit, offset));
    },
  )
  .get('/:id', doc({ summary: 'A person', tags: ['people'], responses: { 200: person } }), valid('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const row = await c.get('deps').db.asUser(c.get('claims'), async (db) => (await readPerson(db, id)) ?? oneOrNotFound([]));
    return c.json(withVersion(c, row));
  })
  .post(
    '/',
    doc({ summary: 'Add a person (curator)', tags: ['people'], responses: { 201: person, 200: person } }),
    valid('json', personCreate),
    async (c) => {
      const { row, created } = await c.get('deps').db.asUser(c.get('claims'), (db) => createPerson(db, c.req.valid('json')));
      return c.json(row, created ? 201 : 200);
    },
  )
  .patch(
    '/:id',
    doc({ summary: 'Edit a person (curator)', tags: ['people'], responses: { 200: person, 412: staleResponse(person) } }),
    valid('param', idParam),
    valid('json', personPatch),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await c.get('deps').db.asUser(c.get('claims'), (db) => patchPerson(db, id, c.req.valid('json'), ifMatch(c)));
      return c.json(withVersion(c, row));
    },
  )
  .post(
    '/:id/erase',
    doc({
      summary: 'Erase a person’s personal data on request (152-ФЗ; head, curator)',
      description: 'Names, contacts, comments and their copies in the audit log are removed; counts and reports stay right.',
      tags: ['people'],
      responses: { 200: okResponse },
    }),
    valid('param', idParam),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, accounts } = c.get('deps');
      const claims = c.get('claims');
      // The sign-in account goes first: should the erasure then fail, the person still names the
      // account, and trying again removes it (an account already gone counts as removed) and erases.
      const account = await db.asUser(claims, async (tx) => {
        const { rows } = await tx.query<{ auth_user_id: string | null; may_erase: boolean }>(
          `select p.auth_user_id, p.organisation_id in (select app.my_organisation_ids_as('{head,curator}')) as may_erase
           from public.people p where p.id = $1`,
          [id],
        );
        const [person] = rows;
        if (!person) throw apiError(404, 'not_found', 'error.notFound');
        if (!person.may_erase) throw apiError(403, 'forbidden', 'error.forbidden');
        return person.auth_user_id;
      });
      if (account) {
        try {
          await accounts.remove(account);
        } catch (error) {
          console.error('[api] erasure: the sign-in account was not removed:', error instanceof Error ? error.message : error);
          throw apiError(502, 'internal', 'error.accountRemoval');
        }
      }
      await db.asUser(claims, (tx) => tx.query('select public.erase_person($1)', [id]));
      return c.json({ ok: true as const });
    },
  );

const consentColumns = 'id, person_id, organisation_id, given_by, given_on, document_version, withdrawn_on';

export const consents = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({ summary: 'Guardians’ consents (curator)', tags: ['people'], responses: { 200: listOf(consent) } }),
    valid('query', consentQuery),
    async (c) => {
      const { person_id, organisation_id, limit, cursor } = c.req.valid('query');
      const rows = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        listPage(
          db,
          `select ${consentColumns} from public.consents where ($1::uuid is null or person_id = $1) and ($2::uuid is null or organisation_id = $2)
        order by given_on desc, id`,
          [person_id ?? null, organisation_id ?? null],
          { limit, cursor },
        ),
      );
      return c.json(rows);
    },
  )
  .post(
    '/',
    doc({ summary: 'Record a consent (curator)', tags: ['people'], responses: { 201: consent, 200: consent } }),
    valid('json', consentCreate),
    async (c) => {
      const sent = c.req.valid('json');
      const { row, created } = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        createOnce(
          db,
          {
            sql: `insert into public.consents (id, organisation_id, person_id, given_by, given_on, document_version)
                select $1, p.organisation_id, p.id, $3, $4, $5 from public.people p where p.id = $2
                on conflict (id) do nothing returning id`,
            params: [sent.id, sent.person_id, sent.given_by, sent.given_on, sent.document_version],
          },
          async () => (await db.query(`select ${consentColumns} from public.consents where id = $1`, [sent.id])).rows[0],
          sent,
        ),
      );
      return c.json(row, created ? 201 : 200);
    },
  )
  .post(
    '/:id/withdraw',
    doc({
      summary: 'Withdraw a consent (curator)',
      description: 'Ends the minor’s active participation in every group; a group left without a mentee is cancelled.',
      tags: ['people'],
      responses: { 200: consent },
    }),
    valid('param', idParam),
    valid('json', consentWithdraw),
    async (c) => {
      const { id } = c.req.valid('param');
      const { withdrawn_on } = c.req.valid('json');
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), async (db) =>
          oneOrNotFound(
            (
              await db.query(
                `update public.consents set withdrawn_on = coalesce(withdrawn_on, $2) where id = $1 returning ${consentColumns}`,
                [id, withdrawn_on],
              )
            ).rows,
          ),
        );
      return c.json(row);
    },
  );
