import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { adapterFallbackCounted, adapterFallbackReport } from '../../shared/api/telemetry.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json } from '../openapi.ts';
import { countAdapterFallback } from '../services/telemetry.ts';

const adapterFallbackRoute = createRoute({
  method: 'post',
  path: '/adapter-fallback',
  summary: 'A site adapter found its page but no names: count it for today (site, host, page kind; nobody’s name)',
  tags: ['telemetry'],
  request: { body: body(adapterFallbackReport) },
  responses: { 200: json(adapterFallbackCounted), ...callerRefusals },
});

export const telemetry = $(new OpenAPIHono<AppEnv>().use(asCaller)).openapi(adapterFallbackRoute, async (c) =>
  c.json(await countAdapterFallback(c.var.db, c.req.valid('json')), 200),
);
