import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { catalog as catalogSchema } from '../../shared/api/catalog.ts';
import { listOf } from '../../shared/api/common.ts';
import {
  auditEntry,
  auditQuery,
  exportQuery,
  kpiMonthly,
  kpiMonthlyQuery,
  kpiQuery,
  kpiReport,
  regionList,
  regionQuery,
  regionReport,
  sheetsCreated,
  sheetsRequest,
} from '../../shared/api/reports.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { body, callerRefusals, json, notModified } from '../openapi.ts';
import { CSV_TYPE, toCsv, toGoogleSheet, toXlsx, XLSX_TYPE } from '../services/exports.ts';
import { reportTable } from '../services/report-tables.ts';
import { auditLog, involvement, involvementByMonth, readableRegions, readCatalog, regionRollUp, targetShare } from '../services/reports.ts';

export { targetShare };

const tags = ['reports'];
const today = () => new Date().toISOString().slice(0, 10);

export const reports = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/kpi',
      summary: 'Involvement in mentoring: the school, each form and class, against the 70% line',
      tags,
      middleware: [etag()] as const,
      request: { query: kpiQuery },
      responses: { 200: json(kpiReport), ...callerRefusals, ...notModified },
    }),
    async (c) => {
      const { organisation_id, date } = c.req.valid('query');
      const on = date ?? today();
      return c.json({ organisation_id, date: on, target_share: targetShare, rows: await involvement(c.var.db, organisation_id, on) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/kpi/monthly',
      summary: 'Involvement month by month',
      tags,
      middleware: [etag()] as const,
      request: { query: kpiMonthlyQuery },
      responses: { 200: json(kpiMonthly), ...callerRefusals, ...notModified },
    }),
    async (c) => {
      const { organisation_id, from, to } = c.req.valid('query');
      return c.json({ target_share: targetShare, months: await involvementByMonth(c.var.db, organisation_id, from, to) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/region',
      summary: 'The roll-up of a region: each school, municipality and the region (regional viewers; heads and curators see their school)',
      tags,
      middleware: [etag()] as const,
      request: { query: regionQuery },
      responses: { 200: json(regionReport), ...callerRefusals, ...notModified },
    }),
    async (c) => {
      const { region, date } = c.req.valid('query');
      const on = date ?? today();
      return c.json({ region, date: on, target_share: targetShare, rows: await regionRollUp(c.var.db, region, on) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/regions',
      summary: 'The regions whose roll-up the caller may read (regional viewers: their authority’s; heads and curators: their school’s)',
      tags,
      responses: { 200: json(regionList), ...callerRefusals },
    }),
    async (c) => c.json({ items: await readableRegions(c.var.db) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/export',
      summary: 'A report table as XLSX or CSV (UTF-8 with BOM): the KPI, month by month, the region, the groups’ work',
      tags,
      request: { query: exportQuery },
      responses: {
        200: { description: 'The file', content: { [XLSX_TYPE]: { schema: z.any() }, [CSV_TYPE]: { schema: z.any() } } },
        ...callerRefusals,
      },
    }),
    async (c) => {
      const { table, format, ...params } = c.req.valid('query');
      const report = await reportTable(c.var.db, table, { ...params, date: params.date ?? today() });
      const name = `${report.name}-${params.date ?? today()}.${format}`;
      c.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'csv') return c.body(toCsv(report), 200, { 'content-type': CSV_TYPE });
      return c.body((await toXlsx([report])) as Uint8Array<ArrayBuffer>, 200, { 'content-type': XLSX_TYPE });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/sheets',
      summary: 'Report tables into a new Google Sheet in the caller’s Drive (their Google token in X-Google-Token, never stored)',
      tags,
      request: { body: body(sheetsRequest) },
      responses: { 200: json(sheetsCreated), ...callerRefusals },
    }),
    async (c) => {
      const { title, tables, ...params } = c.req.valid('json');
      const token = c.req.header('x-google-token');
      if (!token) throw apiError(400, 'validation_failed', 'reports.sheets.noToken');
      const reports = [];
      for (const table of tables) reports.push(await reportTable(c.var.db, table, { ...params, date: params.date ?? today() }));
      try {
        return c.json(await toGoogleSheet(token, title, reports), 200);
      } catch {
        throw apiError(502, 'internal', 'reports.sheets.failed');
      }
    },
  );

export const audit = $(new OpenAPIHono<AppEnv>().use(asCaller)).openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: 'Who changed people, consents and groups, and when (head, curator)',
    tags,
    request: { query: auditQuery },
    responses: { 200: json(listOf(auditEntry)), ...callerRefusals },
  }),
  async (c) => c.json(await auditLog(c.var.db, c.req.valid('query')), 200),
);

export const catalog = $(new OpenAPIHono<AppEnv>().use(asCaller)).openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: 'The methodology’s catalog: forms, role models, stages, checklists, meeting kinds',
    tags: ['catalog'],
    middleware: [etag()] as const,
    responses: { 200: json(catalogSchema), ...callerRefusals, ...notModified },
  }),
  async (c) => c.json(await readCatalog(c.var.db), 200),
);
