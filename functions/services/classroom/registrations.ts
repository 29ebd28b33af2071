// Roster-change registrations, one per synced course, to the deployment's Pub/Sub topic. Classroom
// keeps a registration for 7 days; creating the same one again extends it, so the daily job renews
// every registration with less than two days left (and registers courses that have none).
import type { Queryable } from '../../db/database.ts';
import type { ClassroomApi } from './client.ts';
import { renewBeforeMs } from './jobs.ts';

export interface RenewResult {
  renewed: number;
  kept: number;
}

export async function renewRegistrations(
  db: Queryable,
  api: ClassroomApi,
  organisationId: string,
  topic: string,
  now = new Date(),
): Promise<RenewResult> {
  const { rows } = await db.query<{ course_id: string; expires_at: string | null; topic: string | null }>(
    `select c.course_id, r.expires_at::text, r.topic from public.classroom_courses c
     left join public.classroom_push_registrations r on r.organisation_id = c.organisation_id and r.course_id = c.course_id
     where c.organisation_id = $1 and c.state = 'ACTIVE' order by c.course_id`,
    [organisationId],
  );
  const due = rows.filter(
    (row) => !row.expires_at || row.topic !== topic || new Date(row.expires_at).getTime() - now.getTime() < renewBeforeMs,
  );
  for (const row of due) {
    const registration = await api.register(row.course_id, topic);
    await db.query(
      `insert into public.classroom_push_registrations (organisation_id, course_id, registration_id, topic, expires_at)
       values ($1, $2, $3, $4, $5)
       on conflict (organisation_id, course_id) do update set registration_id = excluded.registration_id, topic = excluded.topic,
         expires_at = excluded.expires_at`,
      [organisationId, row.course_id, registration.registrationId, topic, registration.expiryTime],
    );
  }
  return { renewed: due.length, kept: rows.length - due.length };
}

/** The school a push is for: the one whose synced course it names (and registered, when the message says which registration). */
export async function courseRegistered(db: Queryable, organisationId: string, courseId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from public.classroom_courses where organisation_id = $1 and course_id = $2', [
    organisationId,
    courseId,
  ]);
  return rows.length > 0;
}
