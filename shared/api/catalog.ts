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
