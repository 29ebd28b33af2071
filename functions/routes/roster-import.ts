import { Hono } from 'hono';
import { z } from 'zod';
import { rosterImportRequest, rosterPreview as rosterPreviewSchema } from '../../shared/api/roster-import.ts';
import type { AppEnv } from '../app.ts';
import { requireUser } from '../auth/require-user.ts';
import { apiError } from '../errors.ts';
import { applyRosterPlan, existingPeople } from '../services/roster-import/apply.ts';
import { parseRosterFile, planRosterImport, rosterPreview } from '../services/roster-import/index.ts';
import { doc, valid } from '../validate.ts';

export const rosterImportBodyLimit = 7 * 1024 * 1024;

/** Class lists exported by e-journals (CSV/XLSX): a preview first, then the import. */
export const rosterImport = new Hono<AppEnv>().use(requireUser).post(
  '/:organisation_id/roster-import',
  doc({
    summary: 'Import a class list (CSV or XLSX from an e-journal): a dry-run preview, then the import (curator)',
    description: 'The preview sorts rows into new, already known, ambiguous (namesakes — never guessed) and invalid, with per-row errors.',
    tags: ['people'],
    responses: { 200: rosterPreviewSchema, 422: rosterPreviewSchema },
  }),
  valid('param', z.object({ organisation_id: z.uuid() }).strict()),
  valid('json', rosterImportRequest),
  async (c) => {
    const { organisation_id } = c.req.valid('param');
    const request = c.req.valid('json');
    const bytes = new Uint8Array(Buffer.from(request.content_base64, 'base64'));
    const preview = await c.get('deps').db.asUser(c.get('claims'), async (db) => {
      const visible = await db.query('select 1 from public.organisations where id = $1', [organisation_id]);
      if (visible.rows.length === 0) throw apiError(404, 'not_found', 'error.notFound');
      let defaultClassName: string | undefined;
      if (request.class_id) {
        const found = await db.query<{ name: string }>('select name from public.classes where id = $1 and organisation_id = $2', [
          request.class_id,
          organisation_id,
        ]);
        defaultClassName = found.rows[0]?.name;
        if (!defaultClassName) throw apiError(404, 'not_found', 'error.notFound');
      }
      const parsed = parseRosterFile(bytes, request.file_name);
      const existing = await existingPeople(db, organisation_id);
      const plan = planRosterImport(parsed.rows, existing, { defaultClassName: defaultClassName ?? null });
      const answer = rosterPreview(parsed, plan, existing, { dryRun: request.dry_run, defaultClassName: defaultClassName ?? null });
      if (request.dry_run || parsed.fileErrors.length > 0) return answer;
      return { ...answer, result: await applyRosterPlan(db, organisation_id, plan, request.resolutions) };
    });
    return c.json(preview, preview.file_errors.length > 0 ? 422 : 200);
  },
);
