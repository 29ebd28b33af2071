// Stage 4: the programme's training sessions for mentors and who attended them.
import { z } from 'zod';
import { clientId, id, isoDate } from './common.ts';

export const trainingSession = z.object({
  id,
  programme_id: id,
  held_on: z.string(),
  topic: z.string(),
  hours: z.number(),
  /** The people who attended, by id. */
  attendees: z.array(id),
});
export type TrainingSession = z.infer<typeof trainingSession>;

export const trainingSessionCreate = z
  .object({
    ...clientId,
    programme_id: id,
    held_on: isoDate,
    topic: z.string().trim().min(1).max(300),
    hours: z.number().positive().max(100).default(1),
  })
  .strict();

export const trainingQuery = z.object({ programme_id: id }).strict();

/**
 * Who attended a session. With `completes_training`, attending completes the mentors' training:
 * their enrolments in the session's programme become «trained» on the session's date.
 */
export const trainingAttendance = z
  .object({ person_ids: z.array(id).min(1).max(500), completes_training: z.boolean().default(false) })
  .strict();

export const trainingSessions = z.object({ items: z.array(trainingSession) });
