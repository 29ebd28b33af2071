// Local mode's sign-in (never with a Supabase project): the demo people and their tokens.
import { z } from 'zod';

export const devTokenRequest = z.object({ email: z.email() }).strict();

export const devUser = z.object({ email: z.string(), name: z.string(), description: z.string() });
export type DevUser = z.infer<typeof devUser>;

export const session = z.object({ access_token: z.string(), expires_at: z.int(), email: z.string(), name: z.string() });
export type Session = z.infer<typeof session>;

/** The public keys local tokens are signed with (a JWKS). */
export const jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });
