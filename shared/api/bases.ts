// Stages 2–4 as the curator's tables: every person who could be in a base (students and adults),
// with their class, consent, enrolment in this programme and current pairs, in one answer; and the
// bulk actions on a selection.
import { z } from 'zod';
import { id } from './common.ts';
import { enrolment } from './programmes.ts';

export const baseName = z.enum(['mentee', 'mentor']);

export const baseRow = z.object({
  person_id: id,
  kind: z.enum(['student', 'staff', 'external']),
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  sex: z.enum(['m', 'f']).nullable(),
  class_name: z.string().nullable(),
  grade: z.int().nullable(),
  position: z.string().nullable(),
  consent: z.enum(['given', 'withdrawn', 'missing', 'not_needed']),
  /** The person's enrolment in this base of the programme (left ones too); null: not in the base. */
  enrolment: enrolment.nullable(),
  /** Draft and active groups of this programme the person is in now. */
  groups: z.int(),
  /** Training sessions of this programme attended (mentors). */
  trainings: z.int(),
});
export type BaseRow = z.infer<typeof baseRow>;
export const baseRows = z.object({ items: z.array(baseRow) });
export const baseParams = z.object({ id, base: baseName }).strict();

export const baseBulk = z
  .object({
    /** enrol: into the base (again, if they had left); leave: out of it today; form: set the form. */
    action: z.enum(['enrol', 'leave', 'form']),
    person_ids: z.array(id).min(1).max(2000),
    form_key: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .nullable()
      .optional(),
  })
  .strict();
export const baseBulkResult = z.object({ changed: z.int() });
