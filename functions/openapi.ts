// The OpenAPI 3.1 document, generated from the routes themselves: every route's `doc()` and
// `valid()` middleware carries its summary and schemas (the same zod schemas from shared/ that
// validate requests), so the document cannot drift from what the API accepts.
import type { Hono } from 'hono';
import { z } from 'zod';
import { descriptionOf, type RouteDescription } from './validate.ts';

type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: unknown[];
};

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'message_en'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'Russian' },
        message_en: { type: 'string' },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' }, message_en: { type: 'string' } },
          },
        },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parameters(target: 'param' | 'query' | 'header', schema: z.ZodType): unknown[] {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: target === 'param' ? 'path' : target,
    required: target === 'param' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

export function openApiDocument(app: Hono<never>, info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of app.routes) {
    const description = descriptionOf(route.handler);
    if (!description || route.method === 'ALL') continue;
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const method = route.method.toLowerCase();
    const operations = paths[path] ?? {};
    paths[path] = operations;
    const operation: Operation = operations[method] ?? { parameters: [], responses: {}, security: [{ supabaseJwt: [] }] };
    operations[method] = operation;
    apply(operation, description);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Nastavnik API',
      version: info.version,
      description:
        'The mentoring programme (целевая модель наставничества) through its seven stages. Every request runs as the signed-in ' +
        'person; row-level security decides what they see. Creates take a client-generated id and are idempotent.',
    },
    components: {
      securitySchemes: { supabaseJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Supabase Auth)' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}

function apply(operation: Operation, description: RouteDescription): void {
  if (description.kind === 'doc') {
    operation.summary = description.summary;
    operation.tags = description.tags;
    if (description.description) operation.description = description.description;
    for (const [status, schema] of Object.entries(description.responses)) {
      operation.responses[status] = schema
        ? { description: `HTTP ${status}`, content: { 'application/json': { schema: jsonSchema(schema, 'output') } } }
        : { description: `HTTP ${status}` };
    }
    for (const status of ['400', '401', '403', '404', '409', '413', '422']) {
      operation.responses[status] ??= {
        description: 'Refused: the error shape, with a message in Russian and English',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    if (operation.tags?.includes('public')) operation.security = [];
    return;
  }
  if (description.target === 'json') {
    operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(description.schema, 'input') } } };
  } else if (description.target === 'param' || description.target === 'query' || description.target === 'header') {
    operation.parameters.push(...parameters(description.target, description.schema));
  }
}
