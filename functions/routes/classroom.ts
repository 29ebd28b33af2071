import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { classroomRun, classroomSyncPreview, classroomSyncRequest, pubsubPush } from '../../shared/api/classroom.ts';
import { apiErrorBody, id } from '../../shared/api/common.ts';
import { verifiedCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { body, callerRefusals, json, refusals } from '../openapi.ts';
import { ClassroomError, classroomApi } from '../services/classroom/client.ts';
import { type ClassroomJobs, holdsSecret, rosterChangeOf } from '../services/classroom/jobs.ts';
import { UnknownCandidate } from '../services/classroom/reconcile.ts';
import { courseRegistered, renewRegistrations } from '../services/classroom/registrations.ts';
import { listRuns, RunNotFound, readRun, runSync, SyncFailed, type SyncRequest, type Transact } from '../services/classroom/sync.ts';

const organisationParam = z.object({ organisation_id: z.uuid() }).strict();

/** The header the curator's Google token travels in (never stored, never logged). */
export const googleTokenHeader = 'x-google-access-token';

/** Not a 5xx: the API answered, Google did not (the extension takes any 5xx for «the API is offline»). */
const googleFailed = {
  424: json(apiErrorBody, 'Google Classroom did not answer, after retries; the next run resumes from the courses fetched'),
};

const syncRoute = createRoute({
  method: 'post',
  path: '/{organisation_id}/classroom-sync',
  summary: 'Sync the school from Google Classroom: a dry run answers the exact diff, applying it changes the school (curator)',
  description:
    `The curator's Google access token goes in \`${googleTokenHeader}\` (read-only Classroom scopes); it is used for this request ` +
    'only. `run_id` applies a previewed run exactly as it was shown, without the token.',
  tags: ['people'],
  request: {
    params: organisationParam,
    headers: z.object({ [googleTokenHeader]: z.string().min(1).max(4096).optional() }),
    body: body(classroomSyncRequest),
  },
  responses: {
    ...callerRefusals,
    200: json(classroomSyncPreview),
    ...googleFailed,
  },
});

const runsRoute = createRoute({
  method: 'get',
  path: '/{organisation_id}/classroom-sync/runs',
  summary: 'The school’s Classroom sync runs, newest first, with their progress (course n of N) (curator)',
  tags: ['people'],
  request: {
    params: organisationParam,
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict(),
  },
  responses: { ...callerRefusals, 200: json(z.object({ items: z.array(classroomRun) })) },
});

const runRoute = createRoute({
  method: 'get',
  path: '/{organisation_id}/classroom-sync/runs/{run_id}',
  summary: 'One Classroom sync run: its status, progress, counts, calls and errors (curator)',
  tags: ['people'],
  request: { params: z.object({ organisation_id: z.uuid(), run_id: id }).strict() },
  responses: { ...callerRefusals, 200: json(classroomRun) },
});

/** Google's refusals in the API's words: a token it does not take, or a Classroom that does not answer. */
function refusalOf(error: unknown): never {
  const cause = error instanceof SyncFailed ? error.failure : error;
  if (error instanceof RunNotFound) throw apiError(404, 'not_found', 'classroom.error.noPreview');
  if (error instanceof UnknownCandidate) throw apiError(422, 'rule_violation', 'classroom.error.notCandidate');
  if (cause instanceof ClassroomError) {
    if (cause.httpStatus === 401 || cause.httpStatus === 403) throw apiError(403, 'forbidden', 'classroom.error.googleRefused');
    throw apiError(424, 'internal', 'classroom.error.googleFailed');
  }
  throw error;
}

/** Classroom sync for curators: each step in its own transaction as the curator, so progress shows while it runs. */
export const classroomSync = $(new OpenAPIHono<AppEnv>().use(verifiedCaller))
  .openapi(syncRoute, async (c) => {
    const { organisation_id } = c.req.valid('param');
    const request = c.req.valid('json');
    const token = c.req.valid('header')[googleTokenHeader];
    const { db, classroom } = c.var.deps;
    const transact: Transact = (work) => db.asUser(c.var.claims, work);
    const curates = await transact((q) =>
      q.query('select 1 from public.organisations where id = $1 and id in (select app.my_organisation_ids_as($2))', [
        organisation_id,
        '{head,curator}',
      ]),
    );
    if (curates.rows.length === 0) throw apiError(404, 'not_found', 'error.notFound');
    if (!request.run_id && !token) throw apiError(400, 'validation_failed', 'classroom.error.noToken');
    const sync: SyncRequest = {
      organisationId: organisation_id,
      transact,
      source: 'curator',
      dryRun: request.dry_run,
      includeArchived: request.include_archived,
      resolutions: request.resolutions,
      confirmLeft: request.confirm_left,
      ...(request.run_id
        ? { runId: request.run_id }
        : { api: await classroomApi({ ...classroom?.client, accessToken: token as string, rootUrl: classroom?.rootUrl ?? null }) }),
    };
    try {
      return c.json(await runSync(sync), 200);
    } catch (error) {
      refusalOf(error);
    }
  })
  .openapi(runsRoute, async (c) => {
    const { organisation_id } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    const items = await c.var.deps.db.asUser(c.var.claims, (q) => listRuns(q, organisation_id, limit));
    return c.json({ items }, 200);
  })
  .openapi(runRoute, async (c) => {
    const { organisation_id, run_id } = c.req.valid('param');
    const run = await c.var.deps.db.asUser(c.var.claims, (q) => readRun(q, organisation_id, run_id));
    if (!run) throw apiError(404, 'not_found', 'error.notFound');
    return c.json(run, 200);
  });

const jobAnswer = z.object({
  run: classroomRun.nullable(),
  registrations: z.object({ renewed: z.number().int(), kept: z.number().int() }).nullable(),
});

const scheduledRoute = createRoute({
  method: 'post',
  path: '/scheduled',
  summary: 'The scheduled sync (Cloud Scheduler): the whole school through the service account, then push registrations renewed',
  description: 'Answers only a caller that sends the job secret (CLASSROOM_JOB_SECRET) in `x-nastavnik-job-secret`.',
  tags: ['public'],
  request: { headers: z.object({ 'x-nastavnik-job-secret': z.string().max(500).optional() }) },
  responses: { ...refusals, ...googleFailed, 200: json(jobAnswer), 401: json(apiErrorBody, 'No job secret, or not ours') },
});

const pushRoute = createRoute({
  method: 'post',
  path: '/push',
  summary: 'Cloud Pub/Sub push of a Classroom roster change: that course is synced again',
  description: 'The push subscription’s endpoint carries the job secret as `?token=`. Any 2xx acknowledges the message.',
  tags: ['public'],
  request: { query: z.object({ token: z.string().max(500).optional() }), body: body(pubsubPush) },
  responses: { ...refusals, ...googleFailed, 200: json(jobAnswer), 401: json(apiErrorBody, 'No job secret, or not ours') },
});

/** The service account's jobs: the scheduled sync and the push receiver (routes/… mounted at /classroom). */
export const classroomJobs = $(
  new OpenAPIHono<AppEnv>().use(async (c, next) => {
    // The secret before anything else is read: without it (or without the jobs configured) nothing but 401.
    const jobs = c.var.deps.classroom?.jobs;
    const given = c.req.header('x-nastavnik-job-secret') ?? c.req.query('token');
    if (!jobs || !holdsSecret(jobs, given)) throw apiError(401, 'unauthorized', 'error.unauthorized');
    await next();
  }),
)
  .openapi(scheduledRoute, async (c) => {
    const { db, classroom } = c.var.deps;
    const jobs = classroom?.jobs as ClassroomJobs;
    const api = await classroomApi({ ...classroom?.client, accessToken: await jobs.accessToken(), rootUrl: classroom?.rootUrl ?? null });
    const transact: Transact = (work) => db.asService(work);
    try {
      const preview = await runSync({
        organisationId: jobs.organisationId,
        transact,
        source: 'schedule',
        api,
        dryRun: false,
        includeArchived: false,
      });
      const topic = jobs.topic;
      if (topic) await jobs.ensureTopic?.();
      const registrations = topic ? await transact((q) => renewRegistrations(q, api, jobs.organisationId, topic)) : null;
      const run = await transact((q) => readRun(q, jobs.organisationId, preview.run.id));
      return c.json({ run, registrations }, 200);
    } catch (error) {
      refusalOf(error);
    }
  })
  .openapi(pushRoute, async (c) => {
    const { db, classroom } = c.var.deps;
    const jobs = classroom?.jobs as ClassroomJobs;
    const change = rosterChangeOf(c.req.valid('json').message);
    const transact: Transact = (work) => db.asService(work);
    // Not a roster change of a course we sync: acknowledged, nothing to do (a retry would not change that).
    if (!change || !(await transact((q) => courseRegistered(q, jobs.organisationId, change.courseId)))) {
      return c.json({ run: null, registrations: null }, 200);
    }
    const api = await classroomApi({ ...classroom?.client, accessToken: await jobs.accessToken(), rootUrl: classroom?.rootUrl ?? null });
    try {
      const preview = await runSync({
        organisationId: jobs.organisationId,
        transact,
        source: 'push',
        api,
        dryRun: false,
        includeArchived: false,
        onlyCourses: [change.courseId],
      });
      return c.json({ run: preview.run, registrations: null }, 200);
    } catch (error) {
      refusalOf(error);
    }
  });
