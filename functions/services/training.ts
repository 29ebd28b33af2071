// Stage 4: training sessions for mentors and who attended; attending a session that completes the
// training makes the mentors' enrolments in that programme «trained» on the session's date.
import type { z } from 'zod';
import type { TrainingSession, trainingAttendance, trainingSessionCreate } from '../../shared/api/training.ts';
import type { Queryable } from '../db/database.ts';
import { createOnce, oneOrNotFound } from './rows.ts';

const sessionSelect = `
  select s.id, s.programme_id, s.held_on::text as held_on, s.topic, s.hours::float8 as hours,
    array(select a.person_id from public.training_attendance a where a.session_id = s.id order by a.person_id) as attendees
  from public.training_sessions s`;

export async function listTrainingSessions(db: Queryable, programmeId: string): Promise<TrainingSession[]> {
  return (
    await db.query<TrainingSession>(`${sessionSelect} where s.programme_id = $1 order by s.held_on, s.created_at, s.id`, [programmeId])
  ).rows;
}

async function readSession(db: Queryable, id: string): Promise<TrainingSession | undefined> {
  return (await db.query<TrainingSession>(`${sessionSelect} where s.id = $1`, [id])).rows[0];
}

export function planTrainingSession(db: Queryable, sent: z.output<typeof trainingSessionCreate>) {
  return createOnce<TrainingSession>(
    db,
    {
      sql: `insert into public.training_sessions (id, organisation_id, programme_id, held_on, topic, hours)
            select $1, pr.organisation_id, pr.id, $3, $4, $5 from public.programmes pr where pr.id = $2
            on conflict (id) do nothing returning id`,
      params: [sent.id, sent.programme_id, sent.held_on, sent.topic, sent.hours],
    },
    () => readSession(db, sent.id),
    sent,
  );
}

/** Records who attended (a repeat changes nothing) and, when the session completes the training, trains them. */
export async function recordTrainingAttendance(
  db: Queryable,
  sessionId: string,
  sent: z.output<typeof trainingAttendance>,
): Promise<TrainingSession> {
  const session = oneOrNotFound(
    (await db.query<{ id: string }>('select id from public.training_sessions where id = $1', [sessionId])).rows,
  );
  await db.query(
    `insert into public.training_attendance (session_id, person_id, organisation_id)
     select s.id, p.id, s.organisation_id from public.training_sessions s
     join public.people p on p.organisation_id = s.organisation_id and p.id = any($2::uuid[])
     where s.id = $1
     on conflict (session_id, person_id) do nothing`,
    [session.id, sent.person_ids],
  );
  if (sent.completes_training) {
    await db.query(
      `update public.enrolments e set training_status = 'trained', trained_on = s.held_on
       from public.training_sessions s
       where s.id = $1 and e.programme_id = s.programme_id and e.base = 'mentor' and e.person_id = any($2::uuid[])
         and (e.training_status <> 'trained' or e.trained_on > s.held_on)`,
      [session.id, sent.person_ids],
    );
  }
  return oneOrNotFound([await readSession(db, session.id)].filter((s): s is TrainingSession => s !== undefined));
}
