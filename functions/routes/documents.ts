import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { idParam } from '../../shared/api/common.ts';
import { DOCX_TYPE, programmeDocumentParams } from '../../shared/api/documents.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { callerRefusals } from '../openapi.ts';

const tags = ['documents'];
// The documents (and the docx library under them) load when one is asked for, not at every cold start.
const documents = () => import('../services/documents/index.ts');
const docxFile = {
  description: 'The document as a DOCX file',
  content: { [DOCX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
};
const attachment = (fileName: string) => ({
  'content-type': DOCX_TYPE,
  'content-disposition': `attachment; filename="${encodeURI(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
});

/** The school's documents generated from its own data, as DOCX (stage 1, stage 2's consent forms, stage 5's order). */
export const programmeDocuments = $(new OpenAPIHono<AppEnv>().use(asCaller)).openapi(
  createRoute({
    method: 'get',
    path: '/{id}/documents/{document}',
    summary:
      'A programme document as DOCX: the order introducing the model, the regulation, the roadmap, the order fixing the pairs (curator)',
    tags,
    request: { params: programmeDocumentParams },
    responses: { 200: docxFile, ...callerRefusals },
  }),
  async (c) => {
    const { id, document } = c.req.valid('param');
    const { bytes, fileName } = await (await documents()).programmeDocument(c.var.db, id, document);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, attachment(fileName));
  },
);

export const consentForms = $(new OpenAPIHono<AppEnv>().use(asCaller)).openapi(
  createRoute({
    method: 'get',
    path: '/{id}/consent-form',
    summary: 'A guardian’s consent form for a child, to print and sign (DOCX; curator)',
    tags,
    request: { params: idParam },
    responses: { 200: docxFile, ...callerRefusals },
  }),
  async (c) => {
    const { bytes, fileName } = await (await documents()).consentFormOf(c.var.db, c.req.valid('param').id);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, attachment(fileName));
  },
);
