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
