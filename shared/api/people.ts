import { z } from 'zod';
import { clientId, id, page, version } from './common.ts';

export const personKinds = ['student', 'staff', 'external'] as const;

export const person = z.object({
  id,
  version,
  organisation_id: id,
  kind: z.enum(personKinds),
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  class_id: id.nullable(),
  class_name: z.string().nullable(),
  position: z.string().nullable(),
  subjects: z.array(z.string()),
  google_user_id: z.string().nullable(),
  erased: z.boolean(),
  roles: z.array(z.string()),
  /** Contacts and birth year: only for the person, their guardians, curators and the head. */
  details: z
    .object({
      email: z.string().nullable(),
      phone: z.string().nullable(),
      birth_year: z.int().nullable(),
      sex: z.enum(['m', 'f']).nullable(),
      affiliation: z.string().nullable(),
      experience_years: z.int().nullable(),
    })
    .nullable(),
  consent: z.enum(['given', 'withdrawn', 'missing', 'not_needed']),
});
export type Person = z.infer<typeof person>;

const name = z.string().trim().min(1).max(100);
const details = {
  email: z.email().max(200).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d\s()-]{5,20}$/)
    .nullable()
    .optional(),
  birth_year: z.int().min(1920).max(2030).nullable().optional(),
  sex: z.enum(['m', 'f']).nullable().optional(),
  affiliation: z.string().trim().max(300).nullable().optional(),
  experience_years: z.int().min(0).max(70).nullable().optional(),
};

export const personCreate = z
  .object({
    ...clientId,
    organisation_id: id,
    kind: z.enum(personKinds),
    last_name: name,
    first_name: name,
    middle_name: name.nullable().optional(),
    class_id: id.nullable().optional(),
    position: z.string().trim().max(200).nullable().optional(),
    subjects: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
    google_user_id: z
      .string()
      .regex(/^\d{5,30}$/)
      .nullable()
      .optional(),
    /** Extra roles in the school; `head` is never given through the API. */
    roles: z
      .array(z.enum(['curator', 'teacher', 'student', 'guardian', 'external_mentor']))
      .max(5)
      .optional(),
    ...details,
  })
  .strict();

export const personPatch = personCreate
  .omit({ id: true, organisation_id: true, roles: true })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Нечего менять / Nothing to change' });

export const peopleQuery = page
  .extend({
    organisation_id: id.optional(),
    q: z.string().trim().min(1).max(100).optional(),
    kind: z.enum(personKinds).optional(),
    class_id: id.optional(),
  })
  .strict();

export const consent = z.object({
  id,
  person_id: id,
  organisation_id: id,
  given_by: z.enum(['parent', 'guardian', 'self']),
  given_on: z.string(),
  document_version: z.string(),
  medium: z.enum(['paper', 'electronic']),
  withdrawn_on: z.string().nullable(),
});
export type Consent = z.infer<typeof consent>;
export const consentCreate = z
  .object({
    ...clientId,
    person_id: id,
    given_by: z.enum(['parent', 'guardian', 'self']),
    given_on: z.iso.date(),
    document_version: z.string().trim().min(1).max(50).default('1'),
    medium: z.enum(['paper', 'electronic']).default('paper'),
  })
  .strict();
export const consentWithdraw = z.object({ withdrawn_on: z.iso.date() }).strict();
export const consentQuery = page.extend({ person_id: id.optional(), organisation_id: id.optional() }).strict();
