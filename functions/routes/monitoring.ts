import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { idParam, listOf, staleResponse } from '../../shared/api/common.ts';
import {
  outcome,
  outcomeCreate,
  outcomePatch,
  outcomeQuery,
  questionnaire,
  response,
  responseCreate,
  responseQuery,
} from '../../shared/api/monitoring.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';
import { createOnce, listPage, updateById } from '../services/rows.ts';
import { doc, ifMatch, valid, withVersion } from '../validate.ts';

const responseSelect = `
  select r.id, r.programme_id, r.questionnaire_id, r.respondent_person_id, r.group_id, r.submitted_at::text as submitted_at,
    coalesce((select json_agg(json_build_object('item_id', a.item_id, 'scale_value', a.scale_value, 'choice_value', a.choice_value,
      'text_value', a.text_value)) from public.questionnaire_answers a where a.response_id = r.id), '[]'::json) as answers
  from public.questionnaire_responses r`;
const outcomeColumns = `id, xmin::text as version, programme_id, person_id, group_id, metric_key, value_before::float8 as value_before, value_after::float8 as value_after,
  measured_before_on::text as measured_before_on, measured_after_on::text as measured_after_on, source`;
const readResponse = async (db: Queryable, id: string) => (await db.query(`${responseSelect} where r.id = $1`, [id])).rows[0];
const readOutcome = async (db: Queryable, id: string) =>
  (await db.query(`select ${outcomeColumns} from public.outcomes where id = $1`, [id])).rows[0];

export const questionnaires = new Hono<AppEnv>().use(requireUser).get(
  '/',
  doc({
    summary: 'Questionnaires of the catalog with their items',
    tags: ['monitoring'],
    responses: { 200: z.object({ items: z.array(questionnaire) }) },
  }),
  etag(),
  async (c) => {
    const items = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
      const { rows } = await db.query(`
        select q.id, q.key, q.audience, q.purpose, q.title_ru, q.title_en,
          coalesce((select json_agg(json_build_object('id', i.id, 'key', i.key, 'position', i.position, 'kind', i.kind,
            'text_ru', i.text_ru, 'text_en', i.text_en, 'choices', i.choices) order by i.position)
            from public.catalog_questionnaire_items i where i.questionnaire_id = q.id), '[]'::json) as items
        from public.catalog_questionnaires q order by q.purpose, q.audience, q.key`);
      return rows;
    });
    return c.json({ items });
  },
);

export const responses = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({ summary: 'Questionnaire responses (own; curators: the school’s)', tags: ['monitoring'], responses: { 200: listOf(response) } }),
    valid('query', responseQuery),
    async (c) => {
      const { programme_id, questionnaire_id, respondent_person_id, limit, cursor } = c.req.valid('query');
      const sql = `${responseSelect} where ($1::uuid is null or r.programme_id = $1) and ($2::uuid is null or r.questionnaire_id = $2)
      and ($3::uuid is null or r.respondent_person_id = $3) order by r.submitted_at desc, r.id`;
      const page = await c
        .get('deps')
        .db.asUser(c.get('claims'), (db) =>
          listPage(db, sql, [programme_id ?? null, questionnaire_id ?? null, respondent_person_id ?? null], { limit, cursor }),
        );
      return c.json(page);
    },
  )
  .post(
    '/',
    doc({ summary: 'Answer a questionnaire (monitoring, preferences)', tags: ['monitoring'], responses: { 201: response, 200: response } }),
    valid('json', responseCreate),
    async (c) => {
      const { answers, ...sent } = c.req.valid('json');
      const { row, created } = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        createOnce(
          db,
          {
            sql: `insert into public.questionnaire_responses (id, organisation_id, programme_id, questionnaire_id, respondent_person_id, group_id)
                  select $1, pr.organisation_id, pr.id, $3, $4, $5 from public.programmes pr where pr.id = $2
                  on conflict (id) do nothing returning id`,
            params: [sent.id, sent.programme_id, sent.questionnaire_id, sent.respondent_person_id, sent.group_id ?? null],
          },
          () => readResponse(db, sent.id),
          sent,
          async () => {
            const items = await db.query<{ id: string }>('select id from public.catalog_questionnaire_items where questionnaire_id = $1', [
              sent.questionnaire_id,
            ]);
            const known = new Set(items.rows.map((i) => i.id));
            if (answers.some((a) => !known.has(a.item_id))) throw apiError(422, 'validation_failed', 'error.validation');
            await db.query(
              `insert into public.questionnaire_answers (response_id, item_id, organisation_id, scale_value, choice_value, text_value)
               select $1, a.item_id, r.organisation_id, a.scale_value, a.choice_value, a.text_value
               from public.questionnaire_responses r,
                 jsonb_to_recordset($2::jsonb) as a(item_id uuid, scale_value int, choice_value text, text_value text)
               where r.id = $1`,
              [sent.id, JSON.stringify(answers)],
            );
          },
        ),
      );
      return c.json(row, created ? 201 : 200);
    },
  );

export const outcomes = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({ summary: 'Outcomes: evaluated results before and after', tags: ['monitoring'], responses: { 200: listOf(outcome) } }),
    valid('query', outcomeQuery),
    async (c) => {
      const { programme_id, person_id, group_id, limit, cursor } = c.req.valid('query');
      const sql = `select ${outcomeColumns} from public.outcomes where ($1::uuid is null or programme_id = $1) and ($2::uuid is null or person_id = $2)
      and ($3::uuid is null or group_id = $3) order by created_at, id`;
      const page = await c
        .get('deps')
        .db.asUser(c.get('claims'), (db) =>
          listPage(db, sql, [programme_id ?? null, person_id ?? null, group_id ?? null], { limit, cursor }),
        );
      return c.json(page);
    },
  )
  .post(
    '/',
    doc({ summary: 'Record an outcome (curator)', tags: ['monitoring'], responses: { 201: outcome, 200: outcome } }),
    valid('json', outcomeCreate),
    async (c) => {
      const sent = c.req.valid('json');
      const { row, created } = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        createOnce(
          db,
          {
            sql: `insert into public.outcomes (id, organisation_id, programme_id, person_id, group_id, metric_key, value_before, value_after,
                  measured_before_on, measured_after_on, source)
                select $1, pr.organisation_id, pr.id, $3, $4, $5, $6, $7, $8, $9, $10 from public.programmes pr where pr.id = $2
                on conflict (id) do nothing returning id`,
            params: [
              sent.id,
              sent.programme_id,
              sent.person_id ?? null,
              sent.group_id ?? null,
              sent.metric_key,
              sent.value_before ?? null,
              sent.value_after ?? null,
              sent.measured_before_on ?? null,
              sent.measured_after_on ?? null,
              sent.source ?? null,
            ],
          },
          () => readOutcome(db, sent.id),
          sent,
        ),
      );
      return c.json(row, created ? 201 : 200);
    },
  )
  .patch(
    '/:id',
    doc({ summary: 'Correct an outcome (curator)', tags: ['monitoring'], responses: { 200: outcome, 412: staleResponse(outcome) } }),
    valid('param', idParam),
    valid('json', outcomePatch),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), (db) => updateById(db, 'outcomes', id, c.req.valid('json'), outcomeColumns, ifMatch(c)));
      return c.json(withVersion(c, row));
    },
  );
