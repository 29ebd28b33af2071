// Google Classroom sync: the request (a preview, then applying it), the preview with its exact diff,
// and the runs with their live progress. Snake case like the rest of the API.
import { z } from 'zod';
import { id } from './common.ts';

const googleUserId = z.string().min(1).max(100);

export const classroomResolution = z.discriminatedUnion('action', [
  z.object({ google_user_id: googleUserId, action: z.enum(['new', 'skip']) }).strict(),
  z.object({ google_user_id: googleUserId, action: z.literal('person'), person_id: id }).strict(),
  z.object({ google_user_id: googleUserId, action: z.literal('class'), class_name: z.string().min(1).max(20) }).strict(),
]);

export type ClassroomResolution = z.infer<typeof classroomResolution>;

export const classroomSyncRequest = z
  .object({
    /** true (default): fetch and answer the diff, change nothing. */
    dry_run: z.boolean().default(true),
    include_archived: z.boolean().default(false),
    /** Apply this previewed run exactly as it was shown (no token needed, Google is not asked again). */
    run_id: id.optional(),
    /** The curator confirms marking more than 10% of the school as left. */
    confirm_left: z.boolean().default(false),
    resolutions: z.array(classroomResolution).max(5000).default([]),
  })
  .strict();
export type ClassroomSyncRequest = z.input<typeof classroomSyncRequest>;

export const classroomCounts = z.object({
  courses: z.number().int(),
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  moved: z.number().int(),
  left: z.number().int(),
  ambiguous: z.number().int(),
});

export const classroomRun = z.object({
  id,
  source: z.enum(['curator', 'schedule', 'push', 'cli']),
  dry_run: z.boolean(),
  include_archived: z.boolean(),
  status: z.enum(['running', 'previewed', 'applied', 'needs_confirmation', 'failed']),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  courses_total: z.number().int().nullable(),
  courses_done: z.number().int(),
  calls: z.number().int(),
  counts: classroomCounts.extend({ rows_written: z.number().int().optional() }).partial(),
  errors: z.array(z.object({ status: z.string(), message: z.string() })),
});
export type ClassroomRun = z.infer<typeof classroomRun>;

const field = z.enum(['last_name', 'first_name', 'middle_name', 'email', 'google_user_id', 'class_name', 'left_at']);

export const classroomEntry = z.object({
  google_user_id: googleUserId,
  person_id: id.nullable(),
  kind: z.enum(['student', 'staff']),
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  email: z.string().nullable(),
  class_name: z.string().nullable(),
  matched_by: z.enum(['user_id', 'email', 'name', 'curator']).nullable(),
  changes: z.array(z.object({ field, from: z.string().nullable(), to: z.string().nullable() })),
});

export const classroomPersonBrief = z.object({
  person_id: id,
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  class_name: z.string().nullable(),
});

export const classroomQueueEntry = z.object({
  google_user_id: googleUserId,
  reason: z.enum([
    'namesakes',
    'other_class',
    'shared_email',
    'other_account',
    'same_person',
    'classes_disagree',
    'incomplete_name',
    'erased',
  ]),
  last_name: z.string(),
  first_name: z.string(),
  middle_name: z.string().nullable(),
  email: z.string().nullable(),
  courses: z.array(z.string()),
  class_names: z.array(z.string()),
  candidates: z.array(classroomPersonBrief),
  decision: z.enum(['skip']).nullable(),
});
export type ClassroomQueueEntry = z.infer<typeof classroomQueueEntry>;

export const classroomSyncPreview = z.object({
  run: classroomRun,
  counts: classroomCounts,
  courses: z.array(
    z.object({
      course_id: z.string(),
      name: z.string(),
      section: z.string().nullable(),
      state: z.string(),
      class_name: z.string().nullable(),
      teachers: z.number().int(),
      students: z.number().int(),
      changed: z.boolean(),
    }),
  ),
  new: z.array(classroomEntry),
  changed: z.array(classroomEntry),
  moved: z.array(classroomEntry),
  left: z.array(classroomPersonBrief),
  ambiguous: z.array(classroomQueueEntry),
  classes_to_create: z.array(z.string()),
  /** More than 10% of the school would be marked as left: the run stops until the curator confirms. */
  left_guard: z.object({ left: z.number().int(), school: z.number().int(), exceeded: z.boolean(), confirmed: z.boolean() }),
  result: z.object({ rows_written: z.number().int(), classes_created: z.array(z.string()) }).nullable(),
});
export type ClassroomSyncPreview = z.infer<typeof classroomSyncPreview>;

/** A Cloud Pub/Sub push delivery (the subscription's POST body). */
export const pubsubPush = z.object({
  message: z.object({
    data: z.string().max(100_000).optional(),
    attributes: z.record(z.string(), z.string()).optional(),
    messageId: z.string().optional(),
    message_id: z.string().optional(),
    publishTime: z.string().optional(),
  }),
  subscription: z.string().max(1000).optional(),
});
