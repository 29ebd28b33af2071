// The API's contract, checked on real answers: every route declares (createRoute) a schema for each
// status it may answer; an answer is in contract when its status is declared and its body parses
// with that schema to exactly itself — no field the schema does not name, none it names missing.
import type { z } from 'zod';
import type { App } from '../../functions/app.ts';

interface DeclaredRoute {
  method: string;
  path: string;
  pattern: RegExp;
  /** Whether the route reads a JSON body. */
  hasBody: boolean;
  responses: Record<string, { content?: Record<string, { schema?: z.ZodType }> }>;
}

/** The routes the app declares, each with a pattern for its path. */
export function declaredRoutes(app: App): DeclaredRoute[] {
  type Declared = Omit<DeclaredRoute, 'hasBody' | 'pattern'> & { request?: { body?: unknown } };
  const registry = (app as unknown as { openAPIRegistry: { definitions: { type: string; route?: Declared }[] } }).openAPIRegistry;
  return registry.definitions
    .filter((definition) => definition.type === 'route' && definition.route)
    .map(({ route }) => {
      const { method, path, responses, request } = route as Declared;
      const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      return { method: method.toUpperCase(), path, pattern, hasBody: Boolean(request?.body), responses };
    });
}

/** Objects with their keys sorted, so that two bodies compare whatever their key order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** Where the declared and the real answer differ: the first path that does. */
function firstDifference(expected: unknown, actual: unknown, path = '(body)'): string | null {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${path}: ${actual.length} items, the schema kept ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const found = firstDifference(expected[i], actual[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      if (!(key in (expected as object))) return `${path}.${key}: answered but not declared`;
      if (!(key in (actual as object))) return `${path}.${key}: declared but not answered`;
      const found = firstDifference((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return JSON.stringify(expected) === JSON.stringify(actual)
    ? null
    : `${path}: answered ${JSON.stringify(actual)}, the schema reads ${JSON.stringify(expected)}`;
}

export interface Checked {
  route: string | null;
  problem: string | null;
}

/** Checks one answer against the contract of the route that `method` and `url` reach. */
export function checkAnswer(routes: readonly DeclaredRoute[], method: string, url: string, status: number, body: unknown): Checked {
  const path = new URL(url, 'http://api').pathname;
  const route = routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
  // Outside the declared app (the dev sign-in, /openapi.json, an unknown path's 404): nothing to hold it to.
  if (!route) return { route: null, problem: null };
  const name = `${route.method} ${route.path}`;
  const declared = route.responses[String(status)];
  if (!declared) return { route: name, problem: `${name} answered ${status}, which it does not declare` };
  const schema = declared.content?.['application/json']?.schema;
  if (!schema) return { route: name, problem: body === null ? null : `${name} ${status}: a body where none is declared` };
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { route: name, problem: `${name} ${status}: ${issue?.path.join('.') || '(body)'} ${issue?.message}` };
  }
  const difference = firstDifference(canonical(JSON.parse(JSON.stringify(parsed.data))), canonical(body));
  return { route: name, problem: difference ? `${name} ${status}: ${difference}` : null };
}
