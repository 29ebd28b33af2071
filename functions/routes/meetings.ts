import { Hono } from 'hono';
import { meetingCreate } from '../../shared/schemas.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import { logMeeting } from '../services/meetings.ts';
import { valid } from '../validate.ts';

export const meetings = new Hono<AppEnv>().use(requireUser).post('/', valid('json', meetingCreate), async (c) => {
  const sent = c.req.valid('json');
  const { meeting, created } = await c.get('deps').db.asUser(c.get('claims'), (db) => logMeeting(db, sent));
  return c.json(meeting, created ? 201 : 200);
});
