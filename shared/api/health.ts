import { z } from 'zod';

export const health = z.object({
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean(), migrations: z.int() }),
  auth: z.enum(['local', 'supabase']),
});
export type Health = z.infer<typeof health>;
