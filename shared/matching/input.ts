// The JSON a caller sends to be matched (the CLI's file; an API route can reuse it), as a zod schema.
import { z } from 'zod';
import { MAX_ABS_SCORE } from './dense.ts';

const personId = z.string().min(1, 'an id cannot be empty');
const pair = z.tuple([personId, personId]);

export const matchInput = z
  .object({
    mode: z.enum(['optimal', 'stable']),
    mentors: z.array(z.object({ id: personId, capacity: z.int().min(0) }).strict()),
    mentees: z.array(z.object({ id: personId, capacity: z.int().min(0).optional() }).strict()),
    scores: z.array(
      z
        .object({
          mentor: personId,
          mentee: personId,
          score: z.int().min(-MAX_ABS_SCORE).max(MAX_ABS_SCORE),
        })
        .strict(),
    ),
    /** [mentorId, menteeId] */
    forbidden: z.array(pair).default([]),
    /** [mentorId, menteeId] */
    pinned: z.array(pair).default([]),
  })
  .strict();
export type MatchInput = z.infer<typeof matchInput>;
