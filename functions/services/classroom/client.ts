// The Classroom REST API through googleapis' per-API package (`@googleapis/classroom`, loaded on
// first use so that no other route's cold start pays for it), with what the generated client does
// not do for us: every call counted, at most `concurrency` in flight and `perMinute` in any 60 s
// (Classroom's per-user quota is 1,200 requests a minute, a moving average), and 429
// RESOURCE_EXHAUSTED and 5xx retried with exponential backoff and full jitter, honouring
// Retry-After. The library's own retry is off, so the count is exactly what Google saw. The token
// travels in a header of each request and nowhere else: errors keep Google's status and message only.
import type { classroom_v1 } from '@googleapis/classroom';

export interface ClassroomOptions {
  /** An OAuth access token (the curator's, or the service account's on behalf of an admin). */
  accessToken: string;
  /** GOOGLE_API_ROOT_URL: another Classroom (a fake in tests, a proxy), `https://classroom.googleapis.com/` by default. */
  rootUrl?: string | null;
  concurrency?: number;
  perMinute?: number;
  /** The first backoff step (doubling each retry, with jitter); 500 ms by default. */
  backoffMs?: number;
  maxAttempts?: number;
  /** How long to wait: real time by default, anything in tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** What Google refused, in its own words (`status` is the canonical code, e.g. PERMISSION_DENIED). */
export class ClassroomError extends Error {
  readonly httpStatus: number;
  readonly status: string;
  constructor(httpStatus: number, status: string, message: string) {
    super(message);
    this.name = 'ClassroomError';
    this.httpStatus = httpStatus;
    this.status = status;
  }
}

const defaultRoot = 'https://classroom.googleapis.com/';
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface GaxiosLikeError {
  status?: number;
  response?: { status?: number; headers?: Headers | Record<string, string>; data?: unknown };
  message?: string;
}

function header(headers: Headers | Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return found ? String(found[1]) : null;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Google's error body: {"error": {"code", "message", "status"}}. */
function googleError(error: unknown): ClassroomError {
  const e = error as GaxiosLikeError;
  const httpStatus = e.response?.status ?? e.status ?? 0;
  const body = e.response?.data as { error?: { message?: string; status?: string } } | undefined;
  const status = body?.error?.status ?? (httpStatus === 0 ? 'UNAVAILABLE' : `HTTP_${httpStatus}`);
  const message = body?.error?.message ?? (httpStatus === 0 ? 'Classroom did not answer' : `HTTP ${httpStatus}`);
  return new ClassroomError(httpStatus, status, message);
}

const retryable = (status: number) => status === 429 || status === 0 || status >= 500;

/** At most `concurrency` at once and `perMinute` started in any 60 s window. */
class Limiter {
  readonly #started: number[] = [];
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  readonly concurrency: number;
  readonly perMinute: number;
  readonly sleep: (ms: number) => Promise<void>;

  constructor(concurrency: number, perMinute: number, sleep: (ms: number) => Promise<void>) {
    this.concurrency = concurrency;
    this.perMinute = perMinute;
    this.sleep = sleep;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running += 1;
    try {
      for (;;) {
        const now = Date.now();
        while (this.#started.length > 0 && (this.#started[0] as number) <= now - 60_000) this.#started.shift();
        if (this.#started.length < this.perMinute) break;
        await this.sleep((this.#started[0] as number) + 60_000 - now);
      }
      this.#started.push(Date.now());
      return await work();
    } finally {
      this.#running -= 1;
      this.#waiting.shift()?.();
    }
  }
}

export interface Page<T> {
  items: T[];
  nextPageToken: string | null;
}

export interface ClassroomApi {
  /** Calls made so far (every HTTP request, retries included). */
  readonly calls: number;
  /** Retried answers (429 and 5xx) so far. */
  readonly retries: number;
  courses(states: string[], pageToken: string | null): Promise<Page<classroom_v1.Schema$Course>>;
  /** One course; null when Classroom no longer has it. */
  course(courseId: string): Promise<classroom_v1.Schema$Course | null>;
  students(courseId: string, pageToken: string | null): Promise<Page<classroom_v1.Schema$Student>>;
  teachers(courseId: string, pageToken: string | null): Promise<Page<classroom_v1.Schema$Teacher>>;
  register(courseId: string, topicName: string): Promise<classroom_v1.Schema$Registration>;
}

/** The largest page Classroom lets us ask for; the server may still answer fewer (and we follow nextPageToken). */
export const pageSize = 1000;

export async function classroomApi(options: ClassroomOptions): Promise<ClassroomApi> {
  const { classroom_v1: v1 } = await import('@googleapis/classroom');
  const sleep = options.sleep ?? realSleep;
  const client = new v1.Classroom({
    rootUrl: options.rootUrl || defaultRoot,
    headers: { authorization: `Bearer ${options.accessToken}` },
    retry: false,
  });
  const limiter = new Limiter(options.concurrency ?? 16, options.perMinute ?? 1200, sleep);
  const backoff = options.backoffMs ?? 500;
  const maxAttempts = options.maxAttempts ?? 7;
  let calls = 0;
  let retries = 0;

  async function call<T>(request: () => Promise<{ data: T }>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await limiter.run(async () => {
          calls += 1;
          return (await request()).data;
        });
      } catch (error) {
        const refused = googleError(error);
        if (!retryable(refused.httpStatus) || attempt >= maxAttempts) throw refused;
        retries += 1;
        // Full jitter (AWS's «Exponential Backoff and Jitter»), never sooner than Retry-After asks.
        const exponential = Math.random() * backoff * 2 ** (attempt - 1);
        const asked = retryAfterMs(header((error as GaxiosLikeError).response?.headers, 'retry-after'));
        await sleep(Math.max(exponential, asked ?? 0));
      }
    }
  }

  const page = <T>(items: T[] | undefined, token: string | null | undefined): Page<T> => ({
    items: items ?? [],
    nextPageToken: token || null,
  });

  return {
    get calls() {
      return calls;
    },
    get retries() {
      return retries;
    },
    courses: async (states, pageToken) => {
      const data = await call(() => client.courses.list({ courseStates: states, pageSize, ...(pageToken ? { pageToken } : {}) }));
      return page(data.courses, data.nextPageToken);
    },
    course: async (courseId) => {
      try {
        return await call(() => client.courses.get({ id: courseId }));
      } catch (error) {
        if (error instanceof ClassroomError && error.httpStatus === 404) return null;
        throw error;
      }
    },
    students: async (courseId, pageToken) => {
      const data = await call(() => client.courses.students.list({ courseId, pageSize, ...(pageToken ? { pageToken } : {}) }));
      return page(data.students, data.nextPageToken);
    },
    teachers: async (courseId, pageToken) => {
      const data = await call(() => client.courses.teachers.list({ courseId, pageSize, ...(pageToken ? { pageToken } : {}) }));
      return page(data.teachers, data.nextPageToken);
    },
    register: (courseId, topicName) =>
      call(() =>
        client.registrations.create({
          requestBody: {
            feed: { feedType: 'COURSE_ROSTER_CHANGES', courseRosterChangesInfo: { courseId } },
            cloudPubsubTopic: { topicName },
          },
        }),
      ),
  };
}
