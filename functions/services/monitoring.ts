// Monitoring (stage 7): questionnaires and their answers, and outcomes before and after.
import type { z } from 'zod';
import type {
  Outcome,
  outcomeCreate,
  outcomeQuery,
  Questionnaire,
  QuestionnaireResponse,
  responseCreate,
  responseQuery,
} from '../../shared/api/monitoring.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';
import { createOnce, type ExpectedVersions, listPage, staleVersion, updateById } from './rows.ts';

const responseSelect = `
  select r.id, r.programme_id, r.questionnaire_id, r.respondent_person_id, r.group_id, r.submitted_at::text as submitted_at,
    coalesce((select json_agg(json_build_object('item_id', a.item_id, 'scale_value', a.scale_value, 'choice_value', a.choice_value,
      'text_value', a.text_value)) from public.questionnaire_answers a where a.response_id = r.id), '[]'::json) as answers
  from public.questionnaire_responses r`;
const outcomeColumns = `id, xmin::text as version, programme_id, person_id, group_id, metric_key, subject, value_before::float8 as value_before, value_after::float8 as value_after,
  measured_before_on::text as measured_before_on, measured_after_on::text as measured_after_on, source`;
const readResponse = async (db: Queryable, id: string) =>
  (await db.query<QuestionnaireResponse>(`${responseSelect} where r.id = $1`, [id])).rows[0];
const readOutcome = async (db: Queryable, id: string) =>
  (await db.query<Outcome>(`select ${outcomeColumns} from public.outcomes where id = $1`, [id])).rows[0];

export async function listQuestionnaires(db: Queryable): Promise<Questionnaire[]> {
  const { rows } = await db.query<Questionnaire>(`
    select q.id, q.key, q.audience, q.purpose, q.title_ru, q.title_en,
      coalesce((select json_agg(json_build_object('id', i.id, 'key', i.key, 'position', i.position, 'kind', i.kind,
        'text_ru', i.text_ru, 'text_en', i.text_en, 'choices', i.choices) order by i.position)
        from public.catalog_questionnaire_items i where i.questionnaire_id = q.id), '[]'::json) as items
    from public.catalog_questionnaires q order by q.purpose, q.audience, q.key`);
  return rows;
}

export function listResponses(db: Queryable, query: z.output<typeof responseQuery>) {
  const { programme_id, questionnaire_id, respondent_person_id, limit, cursor } = query;
  const sql = `${responseSelect} where ($1::uuid is null or r.programme_id = $1) and ($2::uuid is null or r.questionnaire_id = $2)
    and ($3::uuid is null or r.respondent_person_id = $3) order by r.submitted_at desc, r.id`;
  return listPage<QuestionnaireResponse>(db, sql, [programme_id ?? null, questionnaire_id ?? null, respondent_person_id ?? null], {
    limit,
    cursor,
  });
}

export function submitResponse(db: Queryable, request: z.output<typeof responseCreate>) {
  const { answers, ...sent } = request;
  return createOnce(
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
  );
}

export function listOutcomes(db: Queryable, query: z.output<typeof outcomeQuery>) {
  const { programme_id, person_id, group_id, limit, cursor } = query;
  const sql = `select ${outcomeColumns} from public.outcomes where ($1::uuid is null or programme_id = $1) and ($2::uuid is null or person_id = $2)
    and ($3::uuid is null or group_id = $3) order by created_at, id`;
  return listPage<Outcome>(db, sql, [programme_id ?? null, person_id ?? null, group_id ?? null], { limit, cursor });
}

/**
 * Records an outcome. A group's own outcome (no person) is created once on its client id. A
 * participant's is upserted on its key (programme, person, group, metric, subject): the first save
 * creates it (201), a later one updates the phases it sends — «before» when `value_before` is sent,
 * «after» when `value_after` is — and the source, leaving the other phase as it was (200, the row
 * keeps its first id). With `If-Match`, an existing row is updated only at that version (412 with
 * the row as it is now otherwise).
 */
export async function recordOutcome(
  db: Queryable,
  sent: z.output<typeof outcomeCreate>,
  expected: ExpectedVersions = null,
): Promise<{ row: Outcome; created: boolean }> {
  const values = [
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
    sent.subject ?? null,
  ];
  const insert = `insert into public.outcomes as o (id, organisation_id, programme_id, person_id, group_id, metric_key, value_before, value_after,
      measured_before_on, measured_after_on, source, subject)
    select $1, pr.organisation_id, pr.id, $3, $4, $5, $6, $7, $8, $9, $10, $11 from public.programmes pr where pr.id = $2`;
  if (!sent.person_id) {
    return createOnce(
      db,
      { sql: `${insert} on conflict (id) do nothing returning id`, params: values },
      () => readOutcome(db, sent.id),
      sent,
    );
  }
  const key = [sent.programme_id, sent.person_id, sent.group_id ?? null, sent.metric_key, sent.subject ?? null];
  const byKey = async () =>
    (
      await db.query<Outcome>(
        `select ${outcomeColumns} from public.outcomes where programme_id = $1 and person_id = $2 and group_id is not distinct from $3
          and metric_key = $4 and subject is not distinct from $5`,
        key,
      )
    ).rows[0];
  await db.query('savepoint record_outcome');
  let written: { id: string; created: boolean } | undefined;
  try {
    const result = await db.query<{ id: string; created: boolean }>(
      `${insert}
      on conflict (programme_id, person_id, group_id, metric_key, subject) where person_id is not null do update set
        value_before = case when $12 then excluded.value_before else o.value_before end,
        measured_before_on = case when $12 then excluded.measured_before_on else o.measured_before_on end,
        value_after = case when $13 then excluded.value_after else o.value_after end,
        measured_after_on = case when $13 then excluded.measured_after_on else o.measured_after_on end,
        source = coalesce(excluded.source, o.source)
      where $14::text[] is null or o.xmin::text = any ($14::text[])
      returning o.id, (o.xmax = 0) as created`,
      [...values, sent.value_before !== undefined, sent.value_after !== undefined, expected],
    );
    await db.query('release savepoint record_outcome');
    written = result.rows[0];
  } catch (error) {
    // The client's id is another outcome's (its key differs): the same id cannot name two outcomes.
    if ((error as { code?: string }).code !== '23505') throw error;
    await db.query('rollback to savepoint record_outcome');
    throw apiError(409, 'conflict', 'error.conflict');
  }
  const row = await byKey();
  if (!row) throw apiError(404, 'not_found', 'error.notFound');
  if (written) return { row, created: written.created };
  // Nothing written: the row is there at another version than If-Match named.
  throw staleVersion(row);
}

export function correctOutcome(db: Queryable, id: string, patch: Record<string, unknown>, expected: ExpectedVersions) {
  return updateById<Outcome>(db, 'outcomes', id, patch, outcomeColumns, expected);
}
