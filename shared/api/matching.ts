import { z } from 'zod';
import { id } from './common.ts';

const key = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** Stage 5: score the programme's bases for one form and role model, match, and (unless a dry run) create draft groups. */
export const matchingRequest = z
  .object({
    /** Makes the run idempotent: the draft groups' ids derive from it. */
    id,
    form: key,
    role_model: key,
    mode: z.enum(['optimal', 'stable']).default('optimal'),
    dry_run: z.boolean().default(true),
    weights: z
      .object({
        rules: z.record(key, z.int().min(-1000).max(1000)).optional(),
        mentee_wants_mentor: z.int().min(0).max(1000).default(30),
        mentor_wants_mentee: z.int().min(0).max(1000).default(20),
        avoided: z.union([z.literal('exclude'), z.int().min(-1000).max(0)]).default('exclude'),
      })
      .strict()
      .default({ mentee_wants_mentor: 30, mentor_wants_mentee: 20, avoided: 'exclude' }),
    wishes: z
      .array(z.object({ person: id, wants: z.array(id).max(20).default([]), avoids: z.array(id).max(20).default([]) }).strict())
      .max(5000)
      .default([]),
    pinned: z
      .array(z.tuple([id, id]))
      .max(5000)
      .default([]),
    forbidden: z
      .array(z.tuple([id, id]))
      .max(5000)
      .default([]),
  })
  .strict();

const side = z.enum(['mentor', 'mentee']);
/**
 * Why a kept pin was left out of a run (it stays kept): someone left the school or the base, or is
 * enrolled for another form; the mentor's places are all taken by pairs already formed, or by other
 * pins; the pair cannot be formed now (e.g. `no_consent`, `mentor_not_trained`, `rule_not_met` with
 * its `rule`; the engine's exclusion codes).
 */
export const skippedPinReason = z.discriminatedUnion('code', [
  z.object({ code: z.enum(['left_school', 'left_base', 'other_form', 'taken_by_pin']), side }),
  z.object({ code: z.literal('mentor_full') }),
  z.object({ code: z.literal('excluded'), exclusions: z.array(z.string()), rule: z.string().optional() }),
]);
export type SkippedPinReason = z.infer<typeof skippedPinReason>;

export const matchingResult = z.object({
  mode: z.enum(['optimal', 'stable']),
  dry_run: z.boolean(),
  total: z.int(),
  pairs: z.array(
    z.object({ mentor: id, mentee: id, score: z.int(), pinned: z.boolean(), reasons: z.array(z.unknown()), group_id: id.nullable() }),
  ),
  unmatched: z.array(z.object({ mentee: id, reason: z.unknown() })),
  /** The kept pins this run could not honour, each with why; a pin whose pair is already a draft or active group is not among them. */
  skipped_pins: z.array(z.object({ mentor: id, mentee: id, reason: skippedPinReason })),
  mentors_considered: z.int(),
  mentees_considered: z.int(),
});

/** Stage 5's pins and forbids of a programme, per form and role model (kept by the server). */
export const matchingChoicesQuery = z.object({ form: key, role_model: key }).strict();
export const matchingChoices = z.object({
  form: key,
  role_model: key,
  /** [mentor, mentee] pairs kept whatever the engine prefers. */
  pinned: z.array(z.tuple([id, id])),
  /** [mentor, mentee] pairs never formed. */
  forbidden: z.array(z.tuple([id, id])),
});
export type MatchingChoices = z.infer<typeof matchingChoices>;
/**
 * Changes to the pins and forbids, in one transaction: each pair becomes pinned, forbidden, or
 * neither (null); `clear` first drops every pin and forbid of the form and role model.
 */
export const matchingChoicesChange = z
  .object({
    form: key,
    role_model: key,
    clear: z.boolean().default(false),
    changes: z
      .array(z.object({ mentor: id, mentee: id, choice: z.enum(['pinned', 'forbidden']).nullable() }).strict())
      .max(500)
      .default([]),
  })
  .strict();
