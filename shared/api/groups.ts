import { z } from 'zod';
import { groupRoles, groupStatuses } from '../catalog.ts';
import { catalogEntry, clientId, id, isoDate, page, version } from './common.ts';

export const groupMemberRow = z.object({
  person_id: id,
  role: z.enum(groupRoles),
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  class_name: z.string().nullable(),
  joined_on: z.string(),
  left_on: z.string().nullable(),
  left_reason: z.string().nullable(),
});

export const mentoringGroup = z.object({
  id,
  version,
  organisation_id: id,
  programme_id: id,
  /** The form and the role model: each its catalog key for code, its labels for people. */
  form: catalogEntry,
  role_model: catalogEntry,
  status: z.enum(groupStatuses),
  started_on: z.string().nullable(),
  ended_on: z.string().nullable(),
  ended_reason: z.string().nullable(),
  order_date: z.string().nullable(),
  order_number: z.string().nullable(),
  members: z.array(groupMemberRow),
});
export type MentoringGroup = z.infer<typeof mentoringGroup>;

const key = z.string().regex(/^[a-z][a-z0-9_]*$/);
export const groupCreate = z
  .object({
    ...clientId,
    programme_id: id,
    form: key,
    role_model: key,
    mentors: z.array(id).min(1).max(5),
    mentees: z.array(id).min(1).max(30),
  })
  .strict()
  .refine((g) => !g.mentors.some((m) => g.mentees.includes(m)), {
    message: 'Человек не может быть наставником самому себе / Nobody mentors themself',
    path: ['mentees'],
  });
export const groupPatch = z
  .object({ form: key, role_model: key, order_number: z.string().trim().max(50).nullable(), order_date: isoDate.nullable() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Нечего менять / Nothing to change' });
/** Stage 5 closes with the order fixing the pairs: publishing makes a draft active. */
export const groupPublish = z.object({ order_date: isoDate, order_number: z.string().trim().max(50).optional() }).strict();
/** Re-pairing after the trial meeting (or later): one member leaves, another joins, with the reason. */
export const groupRepair = z
  .object({
    leaving_person_id: id,
    joining_person_id: id,
    reason: z.string().trim().min(3).max(500),
    on: isoDate.optional(),
  })
  .strict()
  .refine((r) => r.leaving_person_id !== r.joining_person_id, { message: 'Это тот же человек / Same person', path: ['joining_person_id'] });
export const groupEnd = z.object({ reason: z.string().trim().min(3).max(500), on: isoDate.optional() }).strict();
export const groupQuery = page
  .extend({ programme_id: id.optional(), status: z.enum(groupStatuses).optional(), person_id: id.optional() })
  .strict();
