import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { idParam, listOf, staleResponse } from '../../shared/api/common.ts';
import {
  outcome,
  outcomeCreate,
  outcomePatch,
  outcomeQuery,
  questionnaireList,
  response,
  responseCreate,
  responseQuery,
} from '../../shared/api/monitoring.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json, notModified } from '../openapi.ts';
import { correctOutcome, listOutcomes, listQuestionnaires, listResponses, recordOutcome, submitResponse } from '../services/monitoring.ts';
import { ifMatch, withVersion } from '../validate.ts';

const tags = ['monitoring'];

export const questionnaires = $(new OpenAPIHono<AppEnv>().use(asCaller)).openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: 'Questionnaires of the catalog with their items',
    tags,
    middleware: [etag()] as const,
    responses: { 200: json(questionnaireList), ...callerRefusals, ...notModified },
  }),
  async (c) => c.json({ items: await listQuestionnaires(c.var.db) }, 200),
);

export const responses = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Questionnaire responses (own; curators: the school’s)',
      tags,
      request: { query: responseQuery },
      responses: { 200: json(listOf(response)), ...callerRefusals },
    }),
    async (c) => c.json(await listResponses(c.var.db, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Answer a questionnaire (monitoring, preferences)',
      tags,
      request: { body: body(responseCreate) },
      responses: { 201: json(response, 'Answered'), 200: json(response, 'Answered before: the response as stored'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await submitResponse(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  );

export const outcomes = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Outcomes: evaluated results before and after',
      tags,
      request: { query: outcomeQuery },
      responses: { 200: json(listOf(outcome)), ...callerRefusals },
    }),
    async (c) => c.json(await listOutcomes(c.var.db, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Record an outcome (a curator; a mentor for a current mentee of their group), or update it on its key',
      description:
        "A participant's outcome is one per programme, group, metric and subject: sent again (another reading, a queued save), it updates the phase sent (`value_before` and/or `value_after`) and answers 200 with the row, which keeps its first id. `If-Match` makes that update conditional on the version.",
      tags,
      request: { body: body(outcomeCreate) },
      responses: {
        201: json(outcome, 'Recorded'),
        200: json(outcome, 'Recorded before: the outcome as stored now (updated on its key)'),
        412: json(staleResponse(outcome), 'Changed meanwhile (If-Match)'),
        ...callerRefusals,
      },
    }),
    async (c) => {
      const { row, created } = await recordOutcome(c.var.db, c.req.valid('json'), ifMatch(c));
      return created ? c.json(withVersion(c, row), 201) : c.json(withVersion(c, row), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Correct an outcome (a curator; a mentor, of a current mentee of their group)',
      tags,
      request: { params: idParam, body: body(outcomePatch) },
      responses: { 200: json(outcome), 412: json(staleResponse(outcome), 'Changed meanwhile'), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await correctOutcome(c.var.db, c.req.valid('param').id, c.req.valid('json'), ifMatch(c))), 200),
  );
