import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { errorBody } from '../shared/errors.ts';
import type { AppDeps, AppEnv } from './env.ts';
import { apiError, fromDatabaseError } from './errors.ts';
import { openApiDocument, refuseInvalid } from './openapi.ts';
import { bases } from './routes/bases.ts';
import { ownCatalog } from './routes/catalog.ts';
import { classroomJobs, classroomSync } from './routes/classroom.ts';
import { consentForms, programmeDocuments } from './routes/documents.ts';
import { groups } from './routes/groups.ts';
import { health } from './routes/health.ts';
import { me } from './routes/me.ts';
import { meetings, plannedMeetings } from './routes/meetings.ts';
import { outcomes, questionnaires, responses } from './routes/monitoring.ts';
import { classes, organisations } from './routes/organisations.ts';
import { consents, erasure, people } from './routes/people.ts';
import { goals, plans, tasks } from './routes/plans.ts';
import { goodPractices, myQuestionnaireRequests, programmeWork, workDocuments } from './routes/programme-work.ts';
import { checklistItems, enrolments, matching, programmes } from './routes/programmes.ts';
import { audit, catalog, reports } from './routes/reports.ts';
import { rosterImport, rosterImportBodyLimit } from './routes/roster-import.ts';
import { telemetry } from './routes/telemetry.ts';
import { training } from './routes/training.ts';

export type { AppDeps, AppEnv } from './env.ts';

const maxBodyBytes = 64 * 1024;

/** The whole API as one Hono app: the Cloud Function and the local server both serve it. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: refuseInvalid });
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // Small bodies everywhere but the roster import, which carries a whole class list file.
  app.use(async (c, next) => {
    const maxSize = c.req.path.endsWith('/roster-import') ? rosterImportBodyLimit : maxBodyBytes;
    return bodyLimit({
      maxSize,
      onError: () => {
        throw apiError(413, 'payload_too_large', 'error.tooLarge');
      },
    })(c, next);
  });
  // Local mode's sign-in, passed in by the local server: the deployed function never has it.
  if (deps.devAuth) app.route('/auth/v1', deps.devAuth);

  const routes = app
    .route('/health', health)
    .route('/me', me)
    .route('/organisations', organisations)
    .route('/organisations', rosterImport)
    .route('/organisations', classroomSync)
    .route('/classroom', classroomJobs)
    .route('/classes', classes)
    .route('/people', people)
    .route('/people', erasure)
    .route('/consents', consents)
    .route('/programmes', programmes)
    .route('/programmes', matching)
    .route('/programmes', bases)
    .route('/programmes', programmeWork)
    // Before the school's documents by name (`/{id}/documents/{document}`), which would take these paths too.
    .route('/programmes', workDocuments)
    .route('/programmes', programmeDocuments)
    .route('/people', consentForms)
    .route('/training-sessions', training)
    .route('/checklist-items', checklistItems)
    .route('/enrolments', enrolments)
    .route('/groups', groups)
    .route('/groups', goodPractices)
    .route('/meetings', meetings)
    .route('/planned-meetings', plannedMeetings)
    .route('/plans', plans)
    .route('/goals', goals)
    .route('/tasks', tasks)
    .route('/questionnaires', myQuestionnaireRequests)
    .route('/questionnaires', questionnaires)
    .route('/responses', responses)
    .route('/outcomes', outcomes)
    .route('/reports', reports)
    .route('/audit', audit)
    .route('/catalog', catalog)
    .route('/telemetry', telemetry)
    .route('/catalog', ownCatalog);

  // Built on first request and kept: the document costs nothing at cold start.
  let document: ReturnType<typeof openApiDocument> | undefined;
  routes.get('/openapi.json', (c) => {
    document ??= openApiDocument(routes, deps.version);
    return c.json(document);
  });

  routes.notFound((c) => c.json(errorBody('not_found', 'error.notFound'), 404));
  routes.onError((error, c) => {
    if (error instanceof HTTPException) {
      if (error.res) return error.res;
      // Hono's own refusals (malformed JSON and the like) get the same shape as ours.
      const code = error.status === 401 ? 'unauthorized' : 'validation_failed';
      const key = error.status === 401 ? 'error.unauthorized' : 'error.validation';
      return c.json(errorBody(code, key), error.status);
    }
    const mapped = fromDatabaseError(error);
    if (mapped?.res) return mapped.res;
    console.error(`[api] ${c.req.method} ${c.req.path} failed:`, error instanceof Error ? error.message : error);
    return c.json(errorBody('internal', 'error.internal'), 500);
  });
  return routes;
}

export type App = ReturnType<typeof createApp>;
