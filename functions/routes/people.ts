import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { idParam, listOf, okResponse, staleResponse } from '../../shared/api/common.ts';
import {
  consent,
  consentCreate,
  consentQuery,
  consentWithdraw,
  peopleQuery,
  person,
  personCreate,
  personPatch,
} from '../../shared/api/people.ts';
import { asCaller, verifiedCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { body, callerRefusals, json, notModified } from '../openapi.ts';
import {
  accountToErase,
  createPerson,
  erasePerson,
  findPeople,
  listConsents,
  patchPerson,
  recordConsent,
  requirePerson,
  withdrawConsent,
} from '../services/people.ts';
import { ifMatch, withVersion } from '../validate.ts';

const tags = ['people'];

export const people = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Find people (by name, kind, class)',
      tags,
      middleware: [etag()] as const,
      request: { query: peopleQuery },
      responses: { 200: json(listOf(person)), ...callerRefusals, ...notModified },
    }),
    async (c) => c.json(await findPeople(c.var.db, c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      summary: 'A person',
      tags,
      request: { params: idParam },
      responses: { 200: json(person), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await requirePerson(c.var.db, c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Add a person (curator)',
      tags,
      request: { body: body(personCreate) },
      responses: { 201: json(person, 'Added'), 200: json(person, 'Added before: the person as stored'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await createPerson(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Edit a person (curator)',
      tags,
      request: { params: idParam, body: body(personPatch) },
      responses: { 200: json(person), 412: json(staleResponse(person), 'Changed meanwhile'), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await patchPerson(c.var.db, c.req.valid('param').id, c.req.valid('json'), ifMatch(c))), 200),
  );

/**
 * Erasure is three steps, each committed on its own: who may erase whom, the sign-in account
 * (another service, never inside a transaction of ours), then the erasure. So this route verifies
 * the caller but opens its transactions itself.
 */
export const erasure = $(new OpenAPIHono<AppEnv>().use(verifiedCaller)).openapi(
  createRoute({
    method: 'post',
    path: '/{id}/erase',
    summary: 'Erase a person’s personal data on request (152-ФЗ; head, curator)',
    description: 'Names, contacts, comments and their copies in the audit log are removed; counts and reports stay right.',
    tags,
    request: { params: idParam },
    responses: { 200: json(okResponse), ...callerRefusals },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const { db, accounts } = c.var.deps;
    const claims = c.var.claims;
    // The account goes first: should the erasure then fail, the person still names the
    // account, and trying again removes it (an account already gone counts as removed) and erases.
    const account = await db.asUser(claims, (tx) => accountToErase(tx, id));
    if (account) {
      try {
        await accounts.remove(account);
      } catch (error) {
        console.error('[api] erasure: the sign-in account was not removed:', error instanceof Error ? error.message : error);
        throw apiError(502, 'internal', 'error.accountRemoval');
      }
    }
    await db.asUser(claims, (tx) => erasePerson(tx, id));
    return c.json({ ok: true as const }, 200);
  },
);

export const consents = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'Guardians’ consents (curator)',
      tags,
      request: { query: consentQuery },
      responses: { 200: json(listOf(consent)), ...callerRefusals },
    }),
    async (c) => {
      const { person_id, organisation_id, limit, cursor } = c.req.valid('query');
      return c.json(await listConsents(c.var.db, person_id ?? null, organisation_id ?? null, { limit, cursor }), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Record a consent (curator)',
      tags,
      request: { body: body(consentCreate) },
      responses: { 201: json(consent, 'Recorded'), 200: json(consent, 'Recorded before: the consent as stored'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await recordConsent(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/withdraw',
      summary: 'Withdraw a consent (curator)',
      description: 'Ends the minor’s active participation in every group; a group left without a mentee is cancelled.',
      tags,
      request: { params: idParam, body: body(consentWithdraw) },
      responses: { 200: json(consent), ...callerRefusals },
    }),
    async (c) => c.json(await withdrawConsent(c.var.db, c.req.valid('param').id, c.req.valid('json').withdrawn_on), 200),
  );
