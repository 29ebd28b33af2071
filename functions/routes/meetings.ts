import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { idParam, listOf } from '../../shared/api/common.ts';
import { feedbackRow, meetingFeedback, meetingQuery } from '../../shared/api/stage6.ts';
import { meeting, meetingCreate } from '../../shared/schemas.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import { apiError } from '../errors.ts';
import { logMeeting, meetingColumns } from '../services/meetings.ts';
import { listPage } from '../services/rows.ts';
import { doc, valid } from '../validate.ts';

export const meetings = new Hono<AppEnv>()
  .use(requireUser)
  .get(
    '/',
    doc({
      summary: 'Meetings of the groups the caller may see (notes only for mentors and curators)',
      tags: ['meetings'],
      responses: { 200: listOf(meeting) },
    }),
    valid('query', meetingQuery),
    etag(),
    async (c) => {
      const { group_id, limit, cursor } = c.req.valid('query');
      const rows = await c.get('deps').db.asUser(c.get('claims'), (db) =>
        listPage(
          db,
          `select ${meetingColumns} from public.meetings m where ($1::uuid is null or m.group_id = $1)
          order by m.held_on desc, m.created_at desc, m.id`,
          [group_id ?? null],
          { limit, cursor },
        ),
      );
      return c.json(rows);
    },
  )
  .post(
    '/',
    doc({
      summary: 'Log a meeting (the group’s mentor or a curator); idempotent on the client id',
      tags: ['meetings'],
      responses: { 201: meeting, 200: meeting },
    }),
    valid('json', meetingCreate),
    async (c) => {
      const sent = c.req.valid('json');
      const { meeting: stored, created } = await c.get('deps').db.asUser(c.get('claims'), (db) => logMeeting(db, sent));
      return c.json(stored, created ? 201 : 200);
    },
  )
  .put(
    '/:id/feedback',
    doc({
      summary: 'Attendance and each participant’s 1–10 feedback on a meeting',
      description: 'A participant gives their own; the mentor or a curator may record everyone’s. Sending it again replaces it.',
      tags: ['meetings'],
      responses: { 200: z.object({ items: z.array(feedbackRow) }) },
    }),
    valid('param', idParam),
    valid('json', meetingFeedback),
    async (c) => {
      const { id } = c.req.valid('param');
      const { entries } = c.req.valid('json');
      const items = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
        const found = await db.query<{ organisation_id: string; group_id: string }>(
          'select organisation_id, group_id from public.meetings where id = $1',
          [id],
        );
        const target = found.rows[0];
        if (!target) throw apiError(404, 'not_found', 'error.notFound');
        const members = await db.query<{ person_id: string }>('select person_id from public.group_members where group_id = $1', [
          target.group_id,
        ]);
        const memberIds = new Set(members.rows.map((m) => m.person_id));
        for (const entry of entries) {
          if (!memberIds.has(entry.person_id)) throw apiError(422, 'validation_failed', 'error.notAMember');
          await db.query(
            `insert into public.meeting_attendance (meeting_id, person_id, organisation_id, present) values ($1, $2, $3, $4)
             on conflict (meeting_id, person_id) do update set present = excluded.present`,
            [id, entry.person_id, target.organisation_id, entry.present],
          );
          if (entry.rating !== undefined) {
            await db.query(
              `insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating, comment, recorded_by_person_id)
               values ($1, $2, $3, $4, $5, $6, (select p.id from public.people p where p.auth_user_id = (select auth.uid()) and p.organisation_id = $3 limit 1))
               on conflict (meeting_id, person_id) do update set rating = excluded.rating, comment = excluded.comment`,
              [id, entry.person_id, target.organisation_id, target.group_id, entry.rating, entry.comment ?? null],
            );
          }
        }
        const { rows } = await db.query(
          'select meeting_id, person_id, rating, comment, created_at::text as created_at from public.meeting_feedback where meeting_id = $1 order by person_id',
          [id],
        );
        return rows;
      });
      return c.json({ items });
    },
  );
