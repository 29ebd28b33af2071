import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { baseBulk, baseBulkResult, baseParams, baseRows as baseRowsSchema } from '../../shared/api/bases.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json } from '../openapi.ts';
import { baseRows, changeBase } from '../services/bases.ts';

const tags = ['bases'];

/** The curator's tables of stages 2–4: the candidates of a base with their enrolment, and bulk changes. */
export const bases = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/bases/{base}',
      summary: 'A base as the curator’s table: every candidate with class, consent, enrolment, pairs and trainings (curator)',
      tags,
      request: { params: baseParams },
      responses: { 200: json(baseRowsSchema), ...callerRefusals },
    }),
    async (c) => {
      const { id, base } = c.req.valid('param');
      return c.json({ items: await baseRows(c.var.db, id, base) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/bases/{base}/bulk',
      summary: 'Enrol a selection in a base, let it leave, or set its form (curator)',
      tags,
      request: { params: baseParams, body: body(baseBulk) },
      responses: { 200: json(baseBulkResult), ...callerRefusals },
    }),
    async (c) => {
      const { id, base } = c.req.valid('param');
      return c.json({ changed: await changeBase(c.var.db, id, base, c.req.valid('json')) }, 200);
    },
  );
