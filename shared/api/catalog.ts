// The methodology's catalog as the API answers it: forms, role models, stages, checklists, meeting kinds.
import { z } from 'zod';
import { id } from './common.ts';

const label = { label_ru: z.string(), label_en: z.string() };
export const catalog = z.object({
  forms: z.array(
    z.object({ key: z.string(), organisation_id: id.nullable(), ...label, goal_ru: z.string(), evaluated_results: z.unknown() }),
  ),
  role_models: z.array(z.object({ form_key: z.string(), key: z.string(), organisation_id: id.nullable(), ...label })),
  stages: z.array(z.object({ number: z.int(), key: z.string(), ...label, description_ru: z.string() })),
  checklist_items: z.array(z.object({ stage: z.int(), key: z.string(), position: z.int(), ...label, evidence: z.string() })),
  meeting_kinds: z.array(z.object({ key: z.string(), position: z.int(), ...label })),
});
export type Catalog = z.infer<typeof catalog>;

const catalogKey = z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'Ключ: латиница, цифры, «_» / Key: a–z, digits, _' });
const labelText = z.string().trim().min(3).max(200);
/** A school's own form of mentoring (e.g. reverse mentoring), beside the national ones. */
export const ownFormCreate = z
  .object({
    organisation_id: id,
    key: catalogKey,
    label_ru: labelText,
    label_en: labelText.optional(),
    goal_ru: z.string().trim().max(2000).default(''),
  })
  .strict();
/** A school's own role model of a form (national or its own). */
export const ownRoleModelCreate = z
  .object({
    organisation_id: id,
    form_key: catalogKey,
    key: catalogKey,
    label_ru: labelText,
    label_en: labelText.optional(),
    mentor_ru: z.string().trim().max(200).default(''),
    mentee_ru: z.string().trim().max(200).default(''),
  })
  .strict();
export const ownForm = catalog.shape.forms.element;
export const ownRoleModel = catalog.shape.role_models.element;
