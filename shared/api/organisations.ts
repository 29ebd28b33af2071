import { z } from 'zod';
import { className, clientId, id, page, version } from './common.ts';

export const organisation = z.object({
  id,
  version,
  name: z.string(),
  short_name: z.string().nullable(),
  city: z.string().nullable(),
  municipality: z.string().nullable(),
  region: z.string().nullable(),
  domain: z.string().nullable(),
  kind: z.enum(['school', 'authority']),
});

export const organisationPatch = z
  .object({
    name: z.string().trim().min(1).max(300),
    short_name: z.string().trim().max(100).nullable(),
    city: z.string().trim().max(100).nullable(),
    municipality: z.string().trim().max(200).nullable(),
    region: z.string().trim().max(200).nullable(),
    domain: z.string().trim().max(200).nullable(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Нечего менять / Nothing to change' });

export const schoolClass = z.object({ id, version, organisation_id: id, name: z.string(), grade: z.int().nullable() });
export const classCreate = z.object({ ...clientId, organisation_id: id, name: className }).strict();
export const classPatch = z.object({ name: className }).strict();
export const classQuery = page.extend({ organisation_id: id.optional() }).strict();

/** Stage 1: who runs the programme — the school's head and curators (roles in the school, not a programme's). */
export const programmeLead = z.object({
  person_id: id,
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  position: z.string().nullable(),
  role: z.enum(['head', 'curator']),
});
export type ProgrammeLead = z.infer<typeof programmeLead>;
export const programmeLeads = z.object({ items: z.array(programmeLead) });
/** Appoint a staff member of the school as curator (head, curator); a repeat changes nothing. */
export const curatorAppoint = z.object({ person_id: id }).strict();
export const curatorParams = z.object({ id, person_id: id }).strict();
