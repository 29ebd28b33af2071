import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { idParam, listOf, staleResponse } from '../../shared/api/common.ts';
import { matchingRequest, matchingResult } from '../../shared/api/matching.ts';
import {
  type ChecklistItem,
  checklistItem,
  checklistItemPatch,
  enrolment,
  enrolmentCreate,
  enrolmentPatch,
  enrolmentQuery,
  mentorTraining,
  programme,
  programmeCreate,
  programmePatch,
  programmeQuery,
  programmeWarning,
} from '../../shared/api/programmes.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import { runMatching } from '../services/matching.ts';
import { createOnce, listPage, oneOrNotFound, setClause, updateById, updateVersioned, type Versioned } from '../services/rows.ts';
import { doc, ifMatch, valid, withVersion } from '../validate.ts';

const programmeColumns = 'id, xmin::text as version, organisation_id, academic_year, name, current_stage, forms';
const checklistSelect = `
  select i.id, i.xmin::text as version, i.programme_id, i.stage, i.position, t.key, t.label_ru, t.label_en, t.evidence, i.done_at is not null as done,
    i.done_at::text as done_at, i.done_by_person_id, i.evidence_url, i.evidence_note, i.evidence_date::text as evidence_date, i.evidence_count
  from public.programme_checklist_items i join public.catalog_checklist_items t on t.id = i.catalog_item_id`;
const enrolmentColumns = `id, xmin::text as version, organisation_id, programme_id, person_id, base, form_key, key_request, needs, wished_role_model_key,
  competencies, subjects, capacity, training_status, trained_on::text as trained_on, entered_on::text as entered_on, left_on::text as left_on`;

export const programmes = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({ summary: 'Programmes', tags: ['programmes'], responses: { 200: listOf(programme) } }),
    valid('query', programmeQuery),
    etag(),
    async (c) => {
      const { organisation_id, limit, cursor } = c.req.valid('query');
      const rows = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        listPage(
          db,
          `select ${programmeColumns} from public.programmes where ($1::uuid is null or organisation_id = $1)
        order by academic_year desc, id`,
          [organisation_id ?? null],
          { limit, cursor },
        ),
      );
      return c.json(rows);
    },
  )
  .get('/:id', doc({ summary: 'A programme', tags: ['programmes'], responses: { 200: programme } }), valid('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const row = await c
      .get('deps')
      .db.asUser(c.get('claims'), async (db) =>
        oneOrNotFound((await db.query<Versioned>(`select ${programmeColumns} from public.programmes where id = $1`, [id])).rows),
      );
    return c.json(withVersion(c, row));
  })
  .post(
    '/',
    doc({
      summary: 'Start a programme for an academic year (stage 1; curator)',
      tags: ['programmes'],
      responses: { 201: programme, 200: programme },
    }),
    valid('json', programmeCreate),
    async (c) => {
      const sent = c.req.valid('json');
      const { row, created } = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        createOnce(
          db,
          {
            sql: `insert into public.programmes (id, organisation_id, academic_year, name, forms) values ($1, $2, $3, $4, $5)
                  on conflict (id) do nothing returning id`,
            params: [sent.id, sent.organisation_id, sent.academic_year, sent.name, sent.forms],
          },
          async () => (await db.query(`select ${programmeColumns} from public.programmes where id = $1`, [sent.id])).rows[0],
          sent,
        ),
      );
      return c.json(row, created ? 201 : 200);
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Move the programme to a stage, change its forms (curator)',
      tags: ['programmes'],
      responses: { 200: programme, 412: staleResponse(programme) },
    }),
    valid('param', idParam),
    valid('json', programmePatch),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), (db) => updateById(db, 'programmes', id, c.req.valid('json'), programmeColumns, ifMatch(c)));
      return c.json(withVersion(c, row));
    },
  )
  .get(
    '/:id/warnings',
    doc({
      summary: 'What matters before an inspection: minors without consent, untrained mentors, pairs with no meeting for three weeks',
      tags: ['programmes'],
      responses: { 200: z.object({ items: z.array(programmeWarning) }) },
    }),
    valid('param', idParam),
    etag(),
    async (c) => {
      const { id } = c.req.valid('param');
      const items = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
        const { rows } = await db.query(
          `with active as (
             select g.id, g.programme_id, g.started_on from public.mentoring_groups g where g.programme_id = $1 and g.status = 'active'
           ),
           members as (
             select a.id as group_id, a.programme_id, gm.person_id, gm.role, p.last_name || ' ' || p.first_name as person_name
             from active a join public.group_members gm on gm.group_id = a.id and gm.left_on is null
             join public.people p on p.id = gm.person_id
           )
           select 'minor_without_consent' as kind, group_id, person_id, person_name, null::text as last_meeting_on
           from members where public.consent_status(person_id) in ('missing', 'withdrawn')
           union all
           select 'untrained_mentor', group_id, person_id, person_name, null
           from members m where m.role = 'mentor' and not exists (
             select 1 from public.enrolments e where e.person_id = m.person_id and e.programme_id = m.programme_id
               and e.base = 'mentor' and e.training_status = 'trained' and e.left_on is null)
           union all
           select 'no_recent_meeting', a.id, null, null, (select max(held_on)::text from public.meetings mt where mt.group_id = a.id)
           from active a
           where coalesce((select max(held_on) from public.meetings mt where mt.group_id = a.id), a.started_on) < current_date - 21
           order by 1, 2`,
          [id],
        );
        return rows;
      });
      return c.json({ items });
    },
  )
  .get(
    '/:id/checklist',
    doc({
      summary: 'The seven stages’ checklist of a programme',
      tags: ['programmes'],
      responses: { 200: z.object({ items: z.array(checklistItem) }) },
    }),
    valid('param', idParam),
    etag(),
    async (c) => {
      const { id } = c.req.valid('param');
      const items = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
        return (await db.query(`${checklistSelect} where i.programme_id = $1 order by i.stage, i.position`, [id])).rows;
      });
      return c.json({ items });
    },
  );

export const matching = new Hono<AppEnv>().use(requireUser).post(
  '/:id/matching',
  doc({
    summary: 'Form pairs (stage 5): score the bases, match, and create draft groups unless dry_run',
    description:
      'optimal: the most mentees matched, then the greatest total score (exact); stable: no blocking pair. Each pair and each unmatched mentee is explained.',
    tags: ['programmes'],
    responses: { 200: matchingResult },
  }),
  valid('param', idParam),
  valid('json', matchingRequest),
  async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await c.get('deps').db.asUser(c.get('claims'), (db) => runMatching(db, id, c.req.valid('json'))));
  },
);

export const checklistItems = new Hono<AppEnv>().use(requireUser).patch(
  '/:id',
  doc({
    summary: 'Tick a checklist item with its evidence (curator)',
    tags: ['programmes'],
    responses: { 200: checklistItem, 412: staleResponse(checklistItem) },
  }),
  valid('param', idParam),
  valid('json', checklistItemPatch),
  async (c) => {
    const { id } = c.req.valid('param');
    const { done, ...evidence } = c.req.valid('json');
    const row = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
      const set = setClause(evidence, 3);
      const doneSql =
        done === undefined
          ? ''
          : done
            ? `done_at = coalesce(done_at, now()), done_by_person_id = coalesce(done_by_person_id,
                  (select p.id from public.people p where p.auth_user_id = (select auth.uid()) and p.organisation_id = i.organisation_id limit 1)),`
            : 'done_at = null, done_by_person_id = null,';
      return updateVersioned<ChecklistItem>(
        db,
        { table: 'programme_checklist_items', alias: 'i', id, expected: ifMatch(c) },
        { sql: `${doneSql} ${set.sql || 'id = i.id'}`, params: set.params },
        async () => (await db.query<ChecklistItem>(`${checklistSelect} where i.id = $1`, [id])).rows[0],
      );
    });
    return c.json(withVersion(c, row));
  },
);

export const enrolments = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({ summary: 'The bases of mentees and mentors (stages 2–4)', tags: ['bases'], responses: { 200: listOf(enrolment) } }),
    valid('query', enrolmentQuery),
    etag(),
    async (c) => {
      const { programme_id, base, person_id, limit, cursor } = c.req.valid('query');
      const rows = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        listPage(
          db,
          `select ${enrolmentColumns} from public.enrolments
          where ($1::uuid is null or programme_id = $1) and ($2::text is null or base = $2) and ($3::uuid is null or person_id = $3)
          order by entered_on, id`,
          [programme_id ?? null, base ?? null, person_id ?? null],
          { limit, cursor },
        ),
      );
      return c.json(rows);
    },
  )
  .post(
    '/',
    doc({ summary: 'Enrol a person in a base (curator)', tags: ['bases'], responses: { 201: enrolment, 200: enrolment } }),
    valid('json', enrolmentCreate),
    async (c) => {
      const sent = c.req.valid('json');
      const { row, created } = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        createOnce(
          db,
          {
            sql: `insert into public.enrolments (id, organisation_id, programme_id, person_id, base, form_key, key_request, needs,
                    wished_role_model_key, competencies, subjects, capacity)
                  select $1, pr.organisation_id, pr.id, $3, $4, $5, $6, $7, $8, $9, $10, $11
                  from public.programmes pr where pr.id = $2
                  on conflict (id) do nothing returning id`,
            params: [
              sent.id,
              sent.programme_id,
              sent.person_id,
              sent.base,
              sent.form_key ?? null,
              sent.key_request ?? null,
              sent.needs ?? null,
              sent.wished_role_model_key ?? null,
              sent.competencies ?? [],
              sent.subjects ?? [],
              sent.capacity ?? 1,
            ],
          },
          async () => (await db.query(`select ${enrolmentColumns} from public.enrolments where id = $1`, [sent.id])).rows[0],
          sent,
        ),
      );
      return c.json(row, created ? 201 : 200);
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Update an enrolment (key request, competencies, capacity…)',
      tags: ['bases'],
      responses: { 200: enrolment, 412: staleResponse(enrolment) },
    }),
    valid('param', idParam),
    valid('json', enrolmentPatch),
    async (c) => {
      const { id } = c.req.valid('param');
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), (db) => updateById(db, 'enrolments', id, c.req.valid('json'), enrolmentColumns, ifMatch(c)));
      return c.json(withVersion(c, row));
    },
  )
  .put(
    '/:id/training',
    doc({ summary: 'Record a mentor’s training (stage 4)', tags: ['bases'], responses: { 200: enrolment } }),
    valid('param', idParam),
    valid('json', mentorTraining),
    async (c) => {
      const { id } = c.req.valid('param');
      const { training_status, trained_on } = c.req.valid('json');
      const row = await c
        .get('deps')
        .db.asUser(c.get('claims'), async (db) =>
          oneOrNotFound(
            (
              await db.query(
                `update public.enrolments set training_status = $2, trained_on = $3 where id = $1 and base = 'mentor' returning ${enrolmentColumns}`,
                [id, training_status, trained_on],
              )
            ).rows,
          ),
        );
      return c.json(row);
    },
  );
