import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { listOf } from '../../shared/api/common.ts';
import {
  auditEntry,
  auditQuery,
  kpiMonth,
  kpiMonthlyQuery,
  kpiQuery,
  kpiReport,
  regionQuery,
  regionRow,
} from '../../shared/api/reports.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import { listPage } from '../services/rows.ts';
import { doc, valid } from '../validate.ts';

/** The national target: at least 70% of students and of teaching staff involved. */
export const targetShare = 0.7;

const share = (involved: number | null, total: number | null) =>
  involved === null || !total ? null : Math.round((involved / total) * 1000) / 1000;

type Counts = { students_total: number; students_involved: number; staff_total: number | null; staff_involved: number | null };
const withShares = <T extends Counts>(row: T) => ({
  ...row,
  students_share: share(row.students_involved, row.students_total),
  staff_share: share(row.staff_involved, row.staff_total),
});

export const reports = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/kpi',
    doc({
      summary: 'Involvement in mentoring: the school, each form and class, against the 70% line',
      tags: ['reports'],
      responses: { 200: kpiReport },
    }),
    valid('query', kpiQuery),
    etag(),
    async (c) => {
      const { organisation_id, date } = c.req.valid('query');
      const on = date ?? new Date().toISOString().slice(0, 10);
      const rows = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
        return (await db.query<Counts & { dimension: string }>('select * from public.kpi_involvement($1, $2)', [organisation_id, on])).rows;
      });
      return c.json({ organisation_id, date: on, target_share: targetShare, rows: rows.map(withShares) });
    },
  )
  .get(
    '/kpi/monthly',
    doc({
      summary: 'Involvement month by month',
      tags: ['reports'],
      responses: { 200: z.object({ target_share: z.number(), months: z.array(kpiMonth) }) },
    }),
    valid('query', kpiMonthlyQuery),
    etag(),
    async (c) => {
      const { organisation_id, from, to } = c.req.valid('query');
      const months = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
        return (
          await db.query<Counts>(
            'select month::text as month, * from public.kpi_involvement_by_month($1, $2, least($3::date, $2::date + 731))',
            [organisation_id, from, to],
          )
        ).rows;
      });
      return c.json({ target_share: targetShare, months: months.map(withShares) });
    },
  )
  .get(
    '/region',
    doc({
      summary: 'The roll-up of a region: each school, municipality and the region (regional viewers; heads and curators see their school)',
      tags: ['reports'],
      responses: { 200: z.object({ region: z.string(), date: z.string(), target_share: z.number(), rows: z.array(regionRow) }) },
    }),
    valid('query', regionQuery),
    etag(),
    async (c) => {
      const { region, date } = c.req.valid('query');
      const on = date ?? new Date().toISOString().slice(0, 10);
      const rows = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
        return (await db.query<Counts>('select * from public.kpi_rollup($1, $2)', [region, on])).rows;
      });
      return c.json({ region, date: on, target_share: targetShare, rows: rows.map(withShares) });
    },
  );

export const audit = new Hono<AppEnv>().use(requireUser).get(
  '/',
  doc({
    summary: 'Who changed people, consents and groups, and when (head, curator)',
    tags: ['reports'],
    responses: { 200: listOf(auditEntry) },
  }),
  valid('query', auditQuery),
  async (c) => {
    const { organisation_id, table_name, row_id, limit, cursor } = c.req.valid('query');
    const rows = await c.get('deps').db.asUser(c.get('claims'), (db) =>
      listPage(
        db,
        `select id::int as id, organisation_id, table_name, row_id, action, actor_user_id, at::text as at, old_data, new_data
        from public.audit_log where ($1::uuid is null or organisation_id = $1) and ($2::text is null or table_name = $2) and ($3::text is null or row_id = $3)
        order by at desc, id desc`,
        [organisation_id ?? null, table_name ?? null, row_id ?? null],
        { limit, cursor },
      ),
    );
    return c.json(rows);
  },
);

const catalogResponse = z.object({
  forms: z.array(
    z.object({
      key: z.string(),
      organisation_id: z.uuid().nullable(),
      label_ru: z.string(),
      label_en: z.string(),
      goal_ru: z.string(),
      evaluated_results: z.unknown(),
    }),
  ),
  role_models: z.array(
    z.object({ form_key: z.string(), key: z.string(), organisation_id: z.uuid().nullable(), label_ru: z.string(), label_en: z.string() }),
  ),
  stages: z.array(z.object({ number: z.int(), key: z.string(), label_ru: z.string(), label_en: z.string(), description_ru: z.string() })),
  checklist_items: z.array(
    z.object({ stage: z.int(), key: z.string(), position: z.int(), label_ru: z.string(), label_en: z.string(), evidence: z.string() }),
  ),
  meeting_kinds: z.array(z.object({ key: z.string(), position: z.int(), label_ru: z.string(), label_en: z.string() })),
});

export const catalog = new Hono<AppEnv>().use(requireUser).get(
  '/',
  doc({
    summary: 'The methodology’s catalog: forms, role models, stages, checklists, meeting kinds',
    tags: ['catalog'],
    responses: { 200: catalogResponse },
  }),
  etag(),
  async (c) => {
    const body = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
      const q = async (sql: string) => (await db.query(sql)).rows;
      return {
        forms: await q(
          'select key, organisation_id, label_ru, label_en, goal_ru, evaluated_results from public.catalog_forms order by organisation_id nulls first, key',
        ),
        role_models: await q(
          'select form_key, key, organisation_id, label_ru, label_en from public.catalog_role_models order by form_key, organisation_id nulls first, key',
        ),
        stages: await q('select number, key, label_ru, label_en, description_ru from public.catalog_stages order by number'),
        checklist_items: await q(
          'select stage, key, position, label_ru, label_en, evidence from public.catalog_checklist_items order by stage, position',
        ),
        meeting_kinds: await q('select key, position, label_ru, label_en from public.meeting_kinds order by position'),
      };
    });
    return c.json(body);
  },
);
