import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { idParam, okResponse } from '../../shared/api/common.ts';
import { DOCX_TYPE } from '../../shared/api/documents.ts';
import {
  completionReport,
  goodPractice,
  goodPracticePut,
  monitoringReport,
  myRequests,
  requestsSend,
  requestsSent,
  review,
  reviewPut,
  workQuery,
  workReport,
} from '../../shared/api/monitoring.ts';
import { thankYouQuery } from '../../shared/api/reports.ts';
import { translate } from '../../shared/i18n/index.ts';
import { fullName } from '../../shared/names.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { body, callerRefusals, json } from '../openapi.ts';
import {
  documentContext,
  markGoodPractice,
  myQuestionnaires,
  completionReport as readCompletion,
  monitoringReport as readMonitoring,
  readReview,
  workReport as readWork,
  sendQuestionnaires,
  unmarkGoodPractice,
  writeReview,
} from '../services/programme-work.ts';
import { reportTable } from '../services/report-tables.ts';

const tags = ['monitoring'];
const today = () => new Date().toISOString().slice(0, 10);
const get = <P extends string, S extends z.ZodType>(path: P, summary: string, schema: S) =>
  createRoute({
    method: 'get' as const,
    path,
    summary,
    tags,
    request: { params: idParam },
    responses: { 200: json(schema), ...callerRefusals },
  });

/** Stages 6–7 and monitoring of one programme (head, curator). */
export const programmeWork = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/work',
      summary: 'Stage 6: each group’s meeting sequence, last and next meeting, goals, inactivity and re-pairings',
      tags,
      request: { params: idParam, query: workQuery },
      responses: { 200: json(workReport), ...callerRefusals },
    }),
    async (c) => c.json(await readWork(c.var.db, c.req.valid('param').id, c.req.valid('query').date ?? today()), 200),
  )
  .openapi(
    get('/{id}/completion', 'Stage 7: questionnaires sent and collected, outcomes, good practices, the mentors to thank', completionReport),
    async (c) => c.json(await readCompletion(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    get('/{id}/monitoring', 'Monitoring: quality (questionnaires, SWOT) and growth (start against end, outcomes)', monitoringReport),
    async (c) => c.json(await readMonitoring(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(get('/{id}/review', 'The programme’s review: inactivity threshold, SWOT, closing', review), async (c) =>
    c.json(await readReview(c.var.db, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/review',
      summary: 'Set the inactivity threshold, write the SWOT, close the programme (head, curator)',
      tags,
      request: { params: idParam, body: body(reviewPut) },
      responses: { 200: json(review), ...callerRefusals },
    }),
    async (c) => c.json(await writeReview(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/questionnaire-requests',
      summary: 'Send the questionnaires of a purpose to every current member of the running groups (head, curator)',
      tags,
      request: { params: idParam, body: body(requestsSend) },
      responses: { 200: json(requestsSent), ...callerRefusals },
    }),
    async (c) => c.json(await sendQuestionnaires(c.var.db, c.req.valid('param').id, c.req.valid('json').purpose), 200),
  );

const docxFile = { 200: { description: 'The document', content: { [DOCX_TYPE]: { schema: z.any() } } }, ...callerRefusals };
const sendDocx = (c: Context, bytes: Uint8Array, name: string) => {
  c.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': DOCX_TYPE });
};

/** The programme's documents: a thank-you letter to each mentor, the school's report to the region. */
/** Stage 7's and the region's documents: thank-you letters, the school's report to the region. */
export const workDocuments = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/documents/thank-you',
      summary: 'Stage 7: a letter of thanks to a mentor of the programme (DOCX)',
      tags: ['documents'],
      request: { params: idParam, query: thankYouQuery },
      responses: docxFile,
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const completion = await readCompletion(c.var.db, id);
      const mentor = completion.mentors.find((m) => m.person_id === c.req.valid('query').person_id);
      if (!mentor) throw apiError(404, 'not_found', 'error.notFound');
      return sendDocx(
        c,
        await (await import('../services/documents/thank-you-letter.ts')).thankYouLetter(mentor, await documentContext(c.var.db, id)),
        `${translate('ru', 'stage7.letter.file', { name: fullName(mentor) })}.docx`,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/documents/region-report',
      summary: 'The school’s report to the region: KPI, months, work, completion, monitoring (DOCX)',
      tags: ['documents'],
      request: { params: idParam, query: workQuery },
      responses: docxFile,
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const date = c.req.valid('query').date ?? today();
      const context = await documentContext(c.var.db, id);
      const params = { organisation_id: context.organisationId, programme_id: id, date, from: context.from, to: date };
      const [kpi, months, completion, monitoring, work] = await Promise.all([
        reportTable(c.var.db, 'kpi', params),
        reportTable(c.var.db, 'kpi_monthly', params),
        readCompletion(c.var.db, id),
        readMonitoring(c.var.db, id),
        readWork(c.var.db, id, date),
      ]);
      const summary = {
        groups: work.groups.length,
        inactive: work.groups.filter((g) => g.inactive).length,
        meetings: work.groups.reduce((sum, g) => sum + g.meetings, 0),
      };
      const bytes = await (await import('../services/documents/region-report.ts')).regionReport(
        { ...context, date },
        { kpi, months },
        completion,
        monitoring,
        summary,
      );
      return sendDocx(c, bytes, `${translate('ru', 'reports.regionReport.file', { year: context.academicYear.replace('/', '-') })}.docx`);
    },
  );

/** Stage 7: a group marked as a good practice to publish. */
export const goodPractices = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/good-practice',
      summary: 'Mark a group’s work as a good practice (head, curator)',
      tags,
      request: { params: idParam, body: body(goodPracticePut) },
      responses: { 200: json(goodPractice), ...callerRefusals },
    }),
    async (c) => c.json(await markGoodPractice(c.var.db, c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/good-practice',
      summary: 'Unmark it',
      tags,
      request: { params: idParam },
      responses: { 200: json(okResponse), ...callerRefusals },
    }),
    async (c) => c.json(await unmarkGoodPractice(c.var.db, c.req.valid('param').id), 200),
  );

/** What the signed-in mentor, mentee or curator is asked to fill in. */
export const myQuestionnaireRequests = $(new OpenAPIHono<AppEnv>().use(asCaller)).openapi(
  createRoute({
    method: 'get',
    path: '/requests',
    summary: 'The questionnaires I was sent, answered or not',
    tags,
    responses: { 200: json(myRequests), ...callerRefusals },
  }),
  async (c) => c.json({ items: await myQuestionnaires(c.var.db) }, 200),
);
