import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { apiErrorBody } from '../../shared/api/common.ts';
import { rosterImportRequest, rosterPreview as rosterPreviewSchema } from '../../shared/api/roster-import.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json } from '../openapi.ts';
import { applyRosterPlan, existingPeople, rosterTarget } from '../services/roster-import/apply.ts';
import { parseRosterFile, parseRosterRows, planRosterImport, rosterPreview } from '../services/roster-import/index.ts';

export const rosterImportBodyLimit = 7 * 1024 * 1024;

/**
 * Class lists: a file exported by an e-journal (CSV/XLSX), or the rows the extension read off a class
 * page; a preview first, then the import. Both go through one plan.
 */
export const rosterImport = $(new OpenAPIHono<AppEnv>().use(asCaller)).openapi(
  createRoute({
    method: 'post',
    path: '/{organisation_id}/roster-import',
    summary:
      'Import a class list (a CSV or XLSX file from an e-journal, or rows read off a class page): a dry-run preview, then the import (curator)',
    description: 'The preview sorts rows into new, already known, ambiguous (namesakes — never guessed) and invalid, with per-row errors.',
    tags: ['people'],
    request: { params: z.object({ organisation_id: z.uuid() }).strict(), body: body(rosterImportRequest) },
    responses: {
      ...callerRefusals,
      200: json(rosterPreviewSchema),
      422: json(z.union([rosterPreviewSchema, apiErrorBody]), 'The file could not be read (file_errors say why), or a rule refused it'),
    },
  }),
  async (c) => {
    const { organisation_id } = c.req.valid('param');
    const request = c.req.valid('json');
    const db = c.var.db;
    const defaultClassName = await rosterTarget(db, organisation_id, request.class_id);
    const parsed =
      'rows' in request
        ? parseRosterRows(request.rows, request.list_name)
        : parseRosterFile(new Uint8Array(Buffer.from(request.content_base64, 'base64')), request.file_name);
    const existing = await existingPeople(db, organisation_id);
    const plan = planRosterImport(parsed.rows, existing, { defaultClassName });
    const preview = rosterPreview(parsed, plan, existing, { dryRun: request.dry_run, defaultClassName });
    if (parsed.fileErrors.length > 0) return c.json(preview, 422);
    if (request.dry_run) return c.json(preview, 200);
    return c.json({ ...preview, result: await applyRosterPlan(db, organisation_id, plan, request.resolutions) }, 200);
  },
);
