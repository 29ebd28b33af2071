// Reports: involvement against the national 70% line (the school, month by month, the region),
// the audit log, and the methodology's catalog.
import type { z } from 'zod';
import type { Catalog } from '../../shared/api/catalog.ts';
import type { AuditEntry, auditQuery, KpiMonth, KpiRow, RegionRow } from '../../shared/api/reports.ts';
import type { Queryable } from '../db/database.ts';
import { catalogEntrySql } from './catalog.ts';
import { listPage } from './rows.ts';

/** The national target: at least 70% of students and of teaching staff involved. */
export const targetShare = 0.7;

const share = (involved: number | null, total: number | null) =>
  involved === null || !total ? null : Math.round((involved / total) * 1000) / 1000;

type Counts = { students_total: number; students_involved: number; staff_total: number | null; staff_involved: number | null };
type WithoutShares<T> = Omit<T, 'students_share' | 'staff_share'>;
const withShares = <T extends Counts>(row: T) => ({
  ...row,
  students_share: share(row.students_involved, row.students_total),
  staff_share: share(row.staff_involved, row.staff_total),
});

export async function involvement(db: Queryable, organisationId: string, on: string): Promise<KpiRow[]> {
  const { rows } = await db.query<WithoutShares<KpiRow>>(
    `select k.dimension, k.key, k.label, case when k.dimension = 'form' then ${catalogEntrySql('k', 'form')} end as form,
       k.students_total, k.students_involved, k.staff_total, k.staff_involved
     from (select i.*, i.key as form, $1::uuid as organisation_id from public.kpi_involvement($1, $2) i) k`,
    [organisationId, on],
  );
  return rows.map(withShares);
}

export async function involvementByMonth(db: Queryable, organisationId: string, from: string, to: string): Promise<KpiMonth[]> {
  const { rows } = await db.query<WithoutShares<KpiMonth>>(
    'select month::text as month, * from public.kpi_involvement_by_month($1, $2, least($3::date, $2::date + 731))',
    [organisationId, from, to],
  );
  return rows.map(withShares);
}

export async function regionRollUp(db: Queryable, region: string, on: string): Promise<RegionRow[]> {
  const { rows } = await db.query<WithoutShares<RegionRow>>('select * from public.kpi_rollup($1, $2)', [region, on]);
  return rows.map(withShares);
}

/** Regions whose roll-up the caller may read: their authority's (regional viewers), their school's (heads, curators). */
export async function readableRegions(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ region: string }>(
    `select distinct o.region from public.organisations o
     where o.region is not null and o.id in (select app.my_organisation_ids_as('{region_viewer,head,curator}')) order by 1`,
  );
  return rows.map((r) => r.region);
}

export function auditLog(db: Queryable, query: z.output<typeof auditQuery>) {
  const { organisation_id, table_name, row_id, limit, cursor } = query;
  return listPage<AuditEntry>(
    db,
    `select id::int as id, organisation_id, table_name, row_id, action, actor_user_id, at::text as at, old_data, new_data
    from public.audit_log where ($1::uuid is null or organisation_id = $1) and ($2::text is null or table_name = $2) and ($3::text is null or row_id = $3)
    order by at desc, id desc`,
    [organisation_id ?? null, table_name ?? null, row_id ?? null],
    { limit, cursor },
  );
}

export async function readCatalog(db: Queryable): Promise<Catalog> {
  const q = async <Row>(sql: string) => (await db.query<Row>(sql)).rows;
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
}
