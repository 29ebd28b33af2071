// Meetings of a group: the list, logging one (idempotent on the client's id), and the feedback after it.
import type { z } from 'zod';
import type { FeedbackRow, Meeting, meetingCreate, PlannedMeeting, plannedMeetingCreate } from '../../shared/api/meetings.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';
import { listPage, type Page } from './rows.ts';

type NewMeeting = z.output<typeof meetingCreate>;
type NewPlan = z.output<typeof plannedMeetingCreate>;

const meetingFields = (notes: string) => `m.id, m.group_id, m.kind, m.held_on::text as held_on, m.duration_minutes, m.format, m.topic,
  ${notes} as notes, m.author_person_id, m.created_at::text as created_at`;
const meetingColumns = meetingFields('(select n.notes from public.meeting_notes n where n.meeting_id = m.id)');

/** Meetings of the groups the caller may see, newest first. */
export function listMeetings(
  db: Queryable,
  groupId: string | null,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<Meeting>> {
  return listPage<Meeting>(
    db,
    `select ${meetingColumns} from public.meetings m where ($1::uuid is null or m.group_id = $1)
    order by m.held_on desc, m.created_at desc, m.id`,
    [groupId],
    page,
  );
}

export interface FeedbackEntry {
  person_id: string;
  present?: boolean;
  rating?: number;
  comment?: string;
}

/**
 * Attendance and each participant's 1–10 after a meeting, recorded by whoever may (RLS decides):
 * only people who were members of the meeting's group when it was held, or the whole request
 * fails; sending it again replaces it.
 */
async function recordFeedback(
  db: Queryable,
  meeting: { id: string; organisation_id: string; group_id: string },
  entries: readonly FeedbackEntry[],
) {
  // Members on the day the meeting was held: whoever had left the group by then gives no feedback on it.
  const members = await db.query<{ person_id: string }>(
    `select gm.person_id from public.group_members gm join public.meetings m on m.group_id = gm.group_id
     where m.id = $1 and (gm.left_on is null or gm.left_on > m.held_on)`,
    [meeting.id],
  );
  const memberIds = new Set(members.rows.map((m) => m.person_id));
  if (entries.some((entry) => !memberIds.has(entry.person_id))) throw apiError(422, 'validation_failed', 'error.notAMember');
  const present = entries.filter((entry) => entry.present !== undefined);
  if (present.length > 0) {
    await db.query(
      `insert into public.meeting_attendance (meeting_id, person_id, organisation_id, present)
       select $1, a.person_id, $2, a.present from jsonb_to_recordset($3::jsonb) as a(person_id uuid, present boolean)
       on conflict (meeting_id, person_id) do update set present = excluded.present`,
      [meeting.id, meeting.organisation_id, JSON.stringify(present)],
    );
  }
  const rated = entries.filter((entry) => entry.rating !== undefined);
  if (rated.length > 0) {
    await db.query(
      `insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating, comment, recorded_by_person_id)
       select $1, f.person_id, $2, $3, f.rating, f.comment,
         (select p.id from public.people p where p.auth_user_id = (select auth.uid()) and p.organisation_id = $2 limit 1)
       from jsonb_to_recordset($4::jsonb) as f(person_id uuid, rating int, comment text)
       on conflict (meeting_id, person_id) do update set rating = excluded.rating, comment = excluded.comment`,
      [meeting.id, meeting.organisation_id, meeting.group_id, JSON.stringify(rated)],
    );
  }
}

/** PUT /meetings/:id/feedback: the meeting must be one the caller sees; answers the feedback stored. */
export async function feedbackOnMeeting(db: Queryable, meetingId: string, entries: readonly FeedbackEntry[]) {
  const meeting = (
    await db.query<{ id: string; organisation_id: string; group_id: string }>(
      'select id, organisation_id, group_id from public.meetings where id = $1',
      [meetingId],
    )
  ).rows[0];
  if (!meeting) throw apiError(404, 'not_found', 'error.notFound');
  await recordFeedback(db, meeting, entries);
  const { rows } = await db.query<FeedbackRow>(
    'select meeting_id, person_id, rating, comment, created_at::text as created_at from public.meeting_feedback where meeting_id = $1 order by person_id',
    [meetingId],
  );
  return rows;
}

async function readMeeting(db: Queryable, id: string): Promise<Meeting> {
  const { rows } = await db.query<Meeting>(`select ${meetingColumns} from public.meetings m where m.id = $1`, [id]);
  if (!rows[0]) throw new Error(`meeting ${id} vanished inside its own transaction`);
  return rows[0];
}

/** What makes two requests "the same meeting": a retry must carry exactly this again. */
function sameMeeting(stored: Meeting, sent: NewMeeting): boolean {
  return (
    stored.group_id === sent.group_id &&
    stored.kind === sent.kind &&
    stored.held_on === sent.held_on &&
    stored.duration_minutes === sent.duration_minutes &&
    stored.format === sent.format &&
    (stored.topic ?? undefined) === (sent.topic || undefined) &&
    (stored.notes ?? undefined) === (sent.notes || undefined)
  );
}

/**
 * Logs a meeting of a group, authored by the caller. Idempotent on the client's id: the same
 * request again (a retry, the offline queue, two tabs at once) returns the meeting stored first
 * and creates nothing; the same id with other content is a conflict.
 */
export async function logMeeting(db: Queryable, sent: NewMeeting): Promise<{ meeting: Meeting; created: boolean }> {
  // One statement inserts the meeting and answers it as read back (it has no notes yet).
  const inserted = await db
    .query<Meeting & { organisation_id: string }>(
      `with inserted as (
         insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, format, topic, author_person_id)
         select $1, g.organisation_id, g.id, $3, $4, $5, $6, nullif($7, ''),
           (select p.id from public.people p where p.auth_user_id = (select auth.uid()) and p.organisation_id = g.organisation_id limit 1)
         from public.mentoring_groups g
         where g.id = $2
         on conflict (id) do nothing
         returning *
       )
       select ${meetingFields('null::text')}, m.organisation_id from inserted m`,
      [sent.id, sent.group_id, sent.kind, sent.held_on, sent.duration_minutes, sent.format, sent.topic ?? ''],
    )
    .catch((error: { code?: string }) => {
      // Row-level security refused the row: the caller sees the group but does not mentor it.
      throw error.code === '42501' ? apiError(403, 'forbidden', 'error.notInGroup') : error;
    });
  const [created] = inserted.rows;
  if (created) {
    const { organisation_id: _organisation, ...meeting } = created;
    if (!sent.feedback?.length && !sent.notes) return { meeting, created: true };
    if (sent.feedback?.length)
      await recordFeedback(db, { id: sent.id, organisation_id: created.organisation_id, group_id: sent.group_id }, sent.feedback);
    // The mentor's notes are kept apart: teachers and guardians may see that a pair met, not what was said.
    if (sent.notes) {
      await db.query('insert into public.meeting_notes (meeting_id, organisation_id, group_id, notes) values ($1, $2, $3, $4)', [
        sent.id,
        created.organisation_id,
        sent.group_id,
        sent.notes,
      ]);
    }
    return { meeting: await readMeeting(db, sent.id), created: true };
  }

  const stored = (await db.query<Meeting>(`select ${meetingColumns} from public.meetings m where m.id = $1`, [sent.id])).rows[0];
  if (stored) {
    if (sameMeeting(stored, sent)) return { meeting: stored, created: false };
    throw apiError(409, 'conflict', 'error.conflict');
  }
  // Nothing inserted and nothing stored: the group is not one the caller can see.
  throw apiError(404, 'not_found', 'error.notFound');
}

const planColumns = `p.id, p.group_id, p.kind, to_char(p.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as starts_at,
  p.duration_minutes, p.format, p.topic, p.author_person_id, p.created_at::text as created_at`;

/**
 * Plans a pair's next meeting, authored by the caller. Idempotent on the client's id as logging is:
 * the same plan again creates nothing and answers the stored one; the same id with another date or
 * content is a conflict.
 */
export async function planMeeting(db: Queryable, sent: NewPlan): Promise<{ plan: PlannedMeeting; created: boolean }> {
  const inserted = await db
    .query<PlannedMeeting>(
      `with inserted as (
         insert into public.planned_meetings (id, organisation_id, group_id, kind, starts_at, duration_minutes, format, topic, author_person_id)
         select $1, g.organisation_id, g.id, $3, $4, $5, $6, nullif($7, ''),
           (select p.id from public.people p where p.auth_user_id = (select auth.uid()) and p.organisation_id = g.organisation_id limit 1)
         from public.mentoring_groups g
         where g.id = $2 and g.status = 'active'
         on conflict (id) do nothing
         returning *
       )
       select ${planColumns} from inserted p`,
      [sent.id, sent.group_id, sent.kind, sent.starts_at, sent.duration_minutes, sent.format, sent.topic ?? ''],
    )
    .catch((error: { code?: string }) => {
      throw error.code === '42501' ? apiError(403, 'forbidden', 'error.notInGroup') : error;
    });
  const [created] = inserted.rows;
  if (created) return { plan: created, created: true };
  const stored = (await db.query<PlannedMeeting>(`select ${planColumns} from public.planned_meetings p where p.id = $1`, [sent.id]))
    .rows[0];
  if (!stored) throw apiError(404, 'not_found', 'error.notFound');
  const same =
    stored.group_id === sent.group_id &&
    stored.kind === sent.kind &&
    Date.parse(stored.starts_at) === Date.parse(sent.starts_at) &&
    stored.duration_minutes === sent.duration_minutes &&
    stored.format === sent.format &&
    (stored.topic ?? undefined) === (sent.topic || undefined);
  if (same) return { plan: stored, created: false };
  throw apiError(409, 'conflict', 'error.conflict');
}

/**
 * Cancels a plan. A plan already gone (a retry after a lost answer) is cancelled all the same; one
 * the caller sees but may not cancel (a mentee, a teacher) is refused.
 */
export async function cancelPlannedMeeting(db: Queryable, id: string): Promise<void> {
  const deleted = await db.query('delete from public.planned_meetings where id = $1 returning id', [id]);
  if (deleted.rows.length > 0) return;
  const visible = await db.query('select 1 from public.planned_meetings where id = $1', [id]);
  if (visible.rows.length > 0) throw apiError(403, 'forbidden', 'error.notInGroup');
}
