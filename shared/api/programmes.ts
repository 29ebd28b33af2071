import { z } from 'zod';
import { clientId, id, isoDate, page, version } from './common.ts';

export const programme = z.object({
  id,
  version,
  organisation_id: id,
  academic_year: z.string(),
  name: z.string(),
  current_stage: z.int().min(1).max(7),
  forms: z.array(z.string()),
});
const academicYear = z
  .string()
  .regex(/^\d{4}\/\d{4}$/, { message: 'Учебный год пишется как «2026/2027» / Academic year looks like "2026/2027"' })
  .refine((year) => Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, { message: 'Годы идут подряд / Consecutive years' });
export type Programme = z.infer<typeof programme>;
export const programmeCreate = z
  .object({
    ...clientId,
    organisation_id: id,
    academic_year: academicYear,
    name: z.string().trim().min(1).max(300),
    forms: z
      .array(z.string().regex(/^[a-z][a-z0-9_]*$/))
      .max(20)
      .default([]),
  })
  .strict();
export const programmePatch = z
  .object({
    name: z.string().trim().min(1).max(300),
    current_stage: z.int().min(1).max(7),
    forms: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).max(20),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Нечего менять / Nothing to change' });
export const programmeQuery = page.extend({ organisation_id: id.optional() }).strict();

export const checklistItem = z.object({
  id,
  version,
  programme_id: id,
  stage: z.int(),
  position: z.int(),
  key: z.string(),
  label_ru: z.string(),
  label_en: z.string(),
  evidence: z.enum(['document', 'date', 'count', 'note']),
  done: z.boolean(),
  done_at: z.string().nullable(),
  done_by_person_id: id.nullable(),
  evidence_url: z.string().nullable(),
  evidence_note: z.string().nullable(),
  evidence_date: z.string().nullable(),
  evidence_count: z.int().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;
export const checklistItemPatch = z
  .object({
    done: z.boolean(),
    evidence_url: z
      .url({ protocol: /^https?$/ })
      .max(1000)
      .nullable(),
    evidence_note: z.string().trim().max(2000).nullable(),
    evidence_date: isoDate.nullable(),
    evidence_count: z.int().min(0).max(100000).nullable(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Нечего менять / Nothing to change' });

export const enrolment = z.object({
  id,
  version,
  organisation_id: id,
  programme_id: id,
  person_id: id,
  base: z.enum(['mentee', 'mentor']),
  form_key: z.string().nullable(),
  key_request: z.string().nullable(),
  needs: z.string().nullable(),
  wished_role_model_key: z.string().nullable(),
  competencies: z.array(z.string()),
  subjects: z.array(z.string()),
  capacity: z.int(),
  training_status: z.enum(['not_started', 'in_training', 'trained']),
  trained_on: z.string().nullable(),
  entered_on: z.string(),
  left_on: z.string().nullable(),
});
const enrolmentFields = {
  form_key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .nullable(),
  key_request: z.string().trim().max(2000).nullable(),
  needs: z.string().trim().max(2000).nullable(),
  wished_role_model_key: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .nullable(),
  competencies: z.array(z.string().trim().min(1).max(100)).max(30),
  subjects: z.array(z.string().trim().min(1).max(100)).max(30),
  capacity: z.int().min(1).max(30),
};
export type Enrolment = z.infer<typeof enrolment>;
export const enrolmentCreate = z
  .object({ ...clientId, programme_id: id, person_id: id, base: z.enum(['mentee', 'mentor']), ...enrolmentFields })
  .partial({
    form_key: true,
    key_request: true,
    needs: true,
    wished_role_model_key: true,
    competencies: true,
    subjects: true,
    capacity: true,
  })
  .strict();
export const enrolmentPatch = z
  .object({ ...enrolmentFields, left_on: isoDate.nullable() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Нечего менять / Nothing to change' });
/** Stage 4: a mentor's training. */
export const mentorTraining = z
  .object({ training_status: z.enum(['not_started', 'in_training', 'trained']), trained_on: isoDate.nullable().default(null) })
  .strict()
  .refine((t) => t.training_status !== 'trained' || t.trained_on !== null, {
    message: 'Укажите дату обучения / Give the training date',
    path: ['trained_on'],
  });
export const enrolmentQuery = page
  .extend({ programme_id: id.optional(), base: z.enum(['mentee', 'mentor']).optional(), person_id: id.optional() })
  .strict();

/** What a curator must fix before an inspection. */
export const programmeWarning = z.object({
  kind: z.enum(['minor_without_consent', 'untrained_mentor', 'no_recent_meeting']),
  group_id: id,
  person_id: id.nullable(),
  person_name: z.string().nullable(),
  /** For no_recent_meeting: the last meeting's date (null: none yet). */
  last_meeting_on: z.string().nullable(),
});
export type ProgrammeWarning = z.infer<typeof programmeWarning>;
export const programmeWarnings = z.object({ items: z.array(programmeWarning) });
export const checklist = z.object({ items: z.array(checklistItem) });
