import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { idParam, listOf, okResponse, staleResponse } from '../../shared/api/common.ts';
import {
  classCreate,
  classPatch,
  classQuery,
  curatorAppoint,
  curatorParams,
  organisation,
  organisationPatch,
  programmeLead,
  programmeLeads,
  schoolClass,
} from '../../shared/api/organisations.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json, notModified } from '../openapi.ts';
import {
  appointCurator,
  createClass,
  listClasses,
  listOrganisations,
  listProgrammeLeads,
  patchOrganisation,
  readOrganisation,
  removeCurator,
  renameClass,
} from '../services/organisations.ts';
import { ifMatch, withVersion } from '../validate.ts';

const tags = ['organisations'];

export const organisations = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'My organisations',
      tags,
      middleware: [etag()] as const,
      responses: { 200: json(listOf(organisation)), ...callerRefusals, ...notModified },
    }),
    async (c) => c.json(await listOrganisations(c.var.db), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      summary: 'An organisation',
      tags,
      request: { params: idParam },
      responses: { 200: json(organisation), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await readOrganisation(c.var.db, c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Edit the organisation’s card (head, curator)',
      tags,
      request: { params: idParam, body: body(organisationPatch) },
      responses: { 200: json(organisation), 412: json(staleResponse(organisation), 'Changed meanwhile'), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await patchOrganisation(c.var.db, c.req.valid('param').id, c.req.valid('json'), ifMatch(c))), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/curators',
      summary: 'Who runs the programme: the school’s head and curators (head, curator)',
      tags,
      request: { params: idParam },
      responses: { 200: json(programmeLeads), ...callerRefusals },
    }),
    async (c) => c.json({ items: await listProgrammeLeads(c.var.db, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/curators',
      summary: 'Appoint a staff member of the school as curator (head, curator; audited)',
      tags,
      request: { params: idParam, body: body(curatorAppoint) },
      responses: { 201: json(programmeLead, 'Appointed'), 200: json(programmeLead, 'A curator already'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await appointCurator(c.var.db, c.req.valid('param').id, c.req.valid('json').person_id);
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/curators/{person_id}',
      summary: 'Take the curator’s role back (head, curator; never the last curator; audited)',
      tags,
      request: { params: curatorParams },
      responses: { 200: json(okResponse), ...callerRefusals },
    }),
    async (c) => {
      const { id, person_id } = c.req.valid('param');
      await removeCurator(c.var.db, id, person_id);
      return c.json({ ok: true as const }, 200);
    },
  );

export const classes = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Classes',
      tags,
      middleware: [etag()] as const,
      request: { query: classQuery },
      responses: { 200: json(listOf(schoolClass)), ...callerRefusals, ...notModified },
    }),
    async (c) => {
      const { organisation_id, limit, cursor } = c.req.valid('query');
      return c.json(await listClasses(c.var.db, organisation_id ?? null, { limit, cursor }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Add a class (curator)',
      tags,
      request: { body: body(classCreate) },
      responses: { 201: json(schoolClass, 'Added'), 200: json(schoolClass, 'Added before: the class as stored'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await createClass(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Rename a class (curator)',
      tags,
      request: { params: idParam, body: body(classPatch) },
      responses: { 200: json(schoolClass), 412: json(staleResponse(schoolClass), 'Changed meanwhile'), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await renameClass(c.var.db, c.req.valid('param').id, c.req.valid('json').name, ifMatch(c))), 200),
  );
