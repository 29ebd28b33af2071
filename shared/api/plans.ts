// The individual plan of a pair (stage 6, the planning meeting): goals with their tasks.
import { z } from 'zod';
import { clientId, id, isoDate, version } from './common.ts';

const planStatus = z.enum(['planned', 'in_progress', 'done', 'dropped']);
export const goal = z.object({
  id,
  version,
  group_id: id,
  title: z.string(),
  description: z.string().nullable(),
  due_on: z.string().nullable(),
  status: planStatus,
  position: z.int(),
  tasks: z.array(z.object({ id, title: z.string(), due_on: z.string().nullable(), status: planStatus, position: z.int() })),
});
export type Goal = z.infer<typeof goal>;
export const plan = z.object({ goals: z.array(goal) });
export const goalCreate = z
  .object({
    ...clientId,
    group_id: id,
    title: z.string().trim().min(1).max(300),
    description: z.string().trim().max(4000).optional(),
    due_on: isoDate.optional(),
    position: z.int().min(0).max(1000).default(0),
  })
  .strict();
export const goalPatch = z
  .object({
    title: z.string().trim().min(1).max(300),
    description: z.string().trim().max(4000).nullable(),
    due_on: isoDate.nullable(),
    status: planStatus,
    position: z.int().min(0).max(1000),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Нечего менять / Nothing to change' });

export const task = z.object({
  id,
  version,
  goal_id: id,
  title: z.string(),
  due_on: z.string().nullable(),
  status: planStatus,
  position: z.int(),
});
export type Task = z.infer<typeof task>;
export const taskCreate = z
  .object({
    ...clientId,
    goal_id: id,
    title: z.string().trim().min(1).max(300),
    due_on: isoDate.optional(),
    position: z.int().min(0).max(1000).default(0),
  })
  .strict();
export const taskPatch = z
  .object({ title: z.string().trim().min(1).max(300), due_on: isoDate.nullable(), status: planStatus, position: z.int().min(0).max(1000) })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Нечего менять / Nothing to change' });
export const planQuery = z.object({ group_id: id }).strict();
