// A school's own rows in the methodology's catalog: a form or a role model of its own, beside the
// national ones (which nobody changes). RLS lets only the school's curators and head add them.
import type { z } from 'zod';
import type { Catalog, ownFormCreate, ownRoleModelCreate } from '../../shared/api/catalog.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';

type Form = Catalog['forms'][number];
type RoleModel = Catalog['role_models'][number];

/**
 * A group's form or role model as every response carries it (`catalogEntry`: the key code refers to,
 * the labels people see), read from the catalog — the school's own row or the national one, its
 * latest version — in the same statement. `group` is the alias of a row with `form`, `role_model`
 * and `organisation_id` (a mentoring group); a key the catalog no longer has labels itself.
 */
export function catalogEntrySql(group: string, of: 'form' | 'role_model'): string {
  const key = `${group}.${of}`;
  const [table, sameForm] = of === 'form' ? ['catalog_forms', ''] : ['catalog_role_models', ` and c.form_key = ${group}.form`];
  return `coalesce(
      (select json_build_object('key', c.key, 'label_ru', c.label_ru, 'label_en', c.label_en) from public.${table} c
       where c.key = ${key}${sameForm} and (c.organisation_id is null or c.organisation_id = ${group}.organisation_id)
       order by c.version desc limit 1),
      json_build_object('key', ${key}, 'label_ru', ${key}, 'label_en', ${key}))`;
}

/** Adds the school's own form; the same key again answers the stored row (a national key is refused). */
export async function addOwnForm(db: Queryable, sent: z.output<typeof ownFormCreate>): Promise<{ row: Form; created: boolean }> {
  const national = await db.query('select 1 from public.catalog_forms where key = $1 and organisation_id is null', [sent.key]);
  if (national.rows.length > 0) throw apiError(409, 'conflict', 'error.conflict');
  const inserted = await db.query<Form>(
    `insert into public.catalog_forms (organisation_id, key, label_ru, label_en, goal_ru, goal_en) values ($1, $2, $3, $4, $5, '')
     on conflict (organisation_id, key, version) where organisation_id is not null do nothing
     returning key, organisation_id, label_ru, label_en, goal_ru, evaluated_results`,
    [sent.organisation_id, sent.key, sent.label_ru, sent.label_en ?? sent.label_ru, sent.goal_ru],
  );
  if (inserted.rows[0]) return { row: inserted.rows[0], created: true };
  const stored = await db.query<Form>(
    `select key, organisation_id, label_ru, label_en, goal_ru, evaluated_results from public.catalog_forms
     where organisation_id = $1 and key = $2 order by version desc limit 1`,
    [sent.organisation_id, sent.key],
  );
  return { row: stored.rows[0] ?? (await Promise.reject(apiError(404, 'not_found', 'error.notFound'))), created: false };
}

/** Adds the school's own role model to a national form or one of its own. */
export async function addOwnRoleModel(
  db: Queryable,
  sent: z.output<typeof ownRoleModelCreate>,
): Promise<{ row: RoleModel; created: boolean }> {
  const form = await db.query('select 1 from public.catalog_forms where key = $1 and (organisation_id is null or organisation_id = $2)', [
    sent.form_key,
    sent.organisation_id,
  ]);
  if (form.rows.length === 0) throw apiError(422, 'validation_failed', 'error.unknownRoleModel');
  const national = await db.query('select 1 from public.catalog_role_models where form_key = $1 and key = $2 and organisation_id is null', [
    sent.form_key,
    sent.key,
  ]);
  if (national.rows.length > 0) throw apiError(409, 'conflict', 'error.conflict');
  const inserted = await db.query<RoleModel>(
    `insert into public.catalog_role_models (organisation_id, form_key, key, label_ru, label_en, mentor_ru, mentee_ru)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (organisation_id, form_key, key, version) where organisation_id is not null do nothing
     returning form_key, key, organisation_id, label_ru, label_en`,
    [sent.organisation_id, sent.form_key, sent.key, sent.label_ru, sent.label_en ?? sent.label_ru, sent.mentor_ru, sent.mentee_ru],
  );
  if (inserted.rows[0]) return { row: inserted.rows[0], created: true };
  const stored = await db.query<RoleModel>(
    `select form_key, key, organisation_id, label_ru, label_en from public.catalog_role_models
     where organisation_id = $1 and form_key = $2 and key = $3 order by version desc limit 1`,
    [sent.organisation_id, sent.form_key, sent.key],
  );
  return { row: stored.rows[0] ?? (await Promise.reject(apiError(404, 'not_found', 'error.notFound'))), created: false };
}

/** Whether the school has its own role model of this form (matched with the generic rules). */
export async function isOwnRoleModel(db: Queryable, organisationId: string, form: string, roleModel: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from public.catalog_role_models where organisation_id = $1 and form_key = $2 and key = $3', [
    organisationId,
    form,
    roleModel,
  ]);
  return rows.length > 0;
}
