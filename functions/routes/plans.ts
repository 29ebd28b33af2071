import { $, createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { etag } from 'hono/etag';
import { idParam, staleResponse } from '../../shared/api/common.ts';
import { goal, goalCreate, goalPatch, plan, planQuery, task, taskCreate, taskPatch } from '../../shared/api/plans.ts';
import { asCaller } from '../auth/as-caller.ts';
import type { AppEnv } from '../env.ts';
import { body, callerRefusals, json, notModified } from '../openapi.ts';
import { addGoal, addTask, patchGoal, patchTask, planOf } from '../services/plans.ts';
import { ifMatch, withVersion } from '../validate.ts';

const tags = ['plans'];

/** The individual plan of a pair (stage 6, the planning meeting): goals with their tasks. */
export const plans = $(new OpenAPIHono<AppEnv>().use(asCaller)).openapi(
  createRoute({
    method: 'get',
    path: '/',
    summary: 'A group’s plan',
    tags,
    middleware: [etag()] as const,
    request: { query: planQuery },
    responses: { 200: json(plan), ...callerRefusals, ...notModified },
  }),
  async (c) => c.json({ goals: await planOf(c.var.db, c.req.valid('query').group_id) }, 200),
);

export const goals = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Add a goal to a group’s plan',
      tags,
      request: { body: body(goalCreate) },
      responses: { 201: json(goal, 'Added'), 200: json(goal, 'Added before: the goal as stored'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await addGoal(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Edit or tick a goal',
      tags,
      request: { params: idParam, body: body(goalPatch) },
      responses: { 200: json(goal), 412: json(staleResponse(goal), 'Changed meanwhile'), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await patchGoal(c.var.db, c.req.valid('param').id, c.req.valid('json'), ifMatch(c))), 200),
  );

export const tasks = $(new OpenAPIHono<AppEnv>().use(asCaller))
  .openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Add a task to a goal',
      tags,
      request: { body: body(taskCreate) },
      responses: { 201: json(task, 'Added'), 200: json(task, 'Added before: the task as stored'), ...callerRefusals },
    }),
    async (c) => {
      const { row, created } = await addTask(c.var.db, c.req.valid('json'));
      return created ? c.json(row, 201) : c.json(row, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      summary: 'Edit or tick a task',
      tags,
      request: { params: idParam, body: body(taskPatch) },
      responses: { 200: json(task), 412: json(staleResponse(task), 'Changed meanwhile'), ...callerRefusals },
    }),
    async (c) => c.json(withVersion(c, await patchTask(c.var.db, c.req.valid('param').id, c.req.valid('json'), ifMatch(c))), 200),
  );
