import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { idParam } from '../../shared/api/common.ts';
import { trainingAttendance, trainingQuery, trainingSession, trainingSessionCreate, trainingSessions } from '../../shared/api/training.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json } from '../openapi.ts';
import { listTrainingSessions, planTrainingSession, recordTrainingAttendance } from '../services/training.ts';

const tags = ['training'];

/** Stage 4: training sessions for mentors, who attended, who is trained. */
export const training = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'A programme’s training sessions with who attended (curator)',
      tags,
      request: { query: trainingQuery },
      responses: { 200: json(trainingSessions), ...callerRefusals },
    }),
    async (c) => c.json({ items: await listTrainingSessions(c.var.db, c.req.valid('query').programme_id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Record a training session held for mentors (curator)',
      tags,
      request: { body: body(trainingSessionCreate) },
      responses: {
        201: json(trainingSession, 'Recorded'),
        200: json(trainingSession, 'Recorded before: the session as stored'),
        ...callerRefusals,
      },
    }),
    async (c) => {
      const { row, created } = await planTrainingSession(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/attendance',
      summary: 'Record who attended; with completes_training their mentor enrolments become trained (curator)',
      tags,
      request: { params: idParam, body: body(trainingAttendance) },
      responses: { 200: json(trainingSession), ...callerRefusals },
    }),
    async (c) => c.json(await recordTrainingAttendance(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200),
  );
