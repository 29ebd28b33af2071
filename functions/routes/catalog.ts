import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { ownForm, ownFormCreate, ownRoleModel, ownRoleModelCreate } from '../../shared/api/catalog.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json } from '../openapi.ts';
import { addOwnForm, addOwnRoleModel } from '../services/catalog.ts';

const tags = ['catalog'];

/** A school's own forms and role models beside the national catalog (stage 1). */
export const ownCatalog = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'post',
      path: '/forms',
      summary: 'Add the school’s own form of mentoring (curator)',
      tags,
      request: { body: body(ownFormCreate) },
      responses: { 201: json(ownForm, 'Added'), 200: json(ownForm, 'Added before: the form as stored'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await addOwnForm(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/role-models',
      summary: 'Add the school’s own role model to a form (curator)',
      tags,
      request: { body: body(ownRoleModelCreate) },
      responses: { 201: json(ownRoleModel, 'Added'), 200: json(ownRoleModel, 'Added before: the role model as stored'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await addOwnRoleModel(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  );
