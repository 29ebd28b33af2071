// A fake of the Google Classroom REST API (v1) on a local port, speaking its wire format: the
// resources and list responses as the reference documents them (courses.list, courses.get,
// courses.students.list, courses.teachers.list, registrations.create), opaque page tokens tied to
// the request that made them, a server page cap that may be below the pageSize asked, the per-user
// quota (1,200 requests a minute), and Google's error body {"error": {"code", "message", "status"}}
// for 401, 404, 400, 429 RESOURCE_EXHAUSTED (with Retry-After) and 503 UNAVAILABLE. Faults are
// injected per path; every request is counted and logged (path, query, status) for the tests.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  id: string;
  givenName: string;
  familyName: string;
  /** Absent: the account's e-mail is not visible (no classroom.profile.emails, or a student of another domain). */
  email?: string;
}

export interface FakeCourse {
  id: string;
  name: string;
  section?: string;
  courseState?: 'ACTIVE' | 'ARCHIVED' | 'PROVISIONED' | 'DECLINED' | 'SUSPENDED';
  teachers: string[];
  students: string[];
}

export interface Fault {
  /** Which requests: a path pattern (`/v1/courses/c1/students`), any by default. */
  path?: RegExp;
  status: 429 | 500 | 502 | 503;
  retryAfter?: string;
  /** How many requests in a row get it. */
  times?: number;
}

export interface FakeClassroomOptions {
  /** The most items a list answers whatever pageSize asks (Classroom's own cap is unpublished). */
  pageCap?: number;
  /** Each answer waits this long. */
  latencyMs?: number;
  /** Tokens the fake accepts. */
  tokens?: string[];
  perMinute?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  status: number;
}

const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
};

const messages: Record<number, string> = {
  400: 'Request contains an invalid argument.',
  401: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  404: 'Requested entity was not found.',
  429: "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute per user' of service 'classroom.googleapis.com'.",
  500: 'Internal error encountered.',
  502: 'Bad gateway.',
  503: 'The service is currently unavailable.',
};

export class FakeClassroom {
  readonly courses = new Map<string, FakeCourse>();
  readonly users = new Map<string, FakeUser>();
  readonly log: LoggedRequest[] = [];
  readonly registrations: { registrationId: string; courseId: string; topicName: string; expiryTime: string }[] = [];
  faults: Fault[] = [];
  pageCap: number;
  latencyMs: number;
  tokens: Set<string>;
  perMinute: number;
  /** The most requests that were in flight at once. */
  maxInFlight = 0;
  #inFlight = 0;
  readonly #recent: number[] = [];
  #server: ReturnType<typeof createServer> | null = null;
  url = '';

  constructor(options: FakeClassroomOptions = {}) {
    this.pageCap = options.pageCap ?? 1000;
    this.latencyMs = options.latencyMs ?? 0;
    this.tokens = new Set(options.tokens ?? ['fake-classroom-token']);
    this.perMinute = options.perMinute ?? 1200;
  }

  get calls(): number {
    return this.log.length;
  }

  addUser(user: FakeUser): this {
    this.users.set(user.id, user);
    return this;
  }

  addCourse(course: FakeCourse): this {
    this.courses.set(course.id, { courseState: 'ACTIVE', ...course });
    return this;
  }

  /** The fewest requests a complete sync needs: one per page of every list (errors not counted). */
  lowerBound(options: { includeArchived?: boolean; pageSize?: number } = {}): number {
    const size = Math.min(options.pageSize ?? 1000, this.pageCap);
    const pages = (n: number) => Math.max(1, Math.ceil(n / size));
    const listed = [...this.courses.values()].filter(
      (c) => c.courseState === 'ACTIVE' || (options.includeArchived && c.courseState === 'ARCHIVED'),
    );
    return pages(listed.length) + listed.reduce((sum, c) => sum + pages(c.teachers.length) + pages(c.students.length), 0);
  }

  async start(): Promise<string> {
    this.#server = createServer((request, response) => void this.#answer(request, response));
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  #profile(id: string) {
    const user = this.users.get(id);
    if (!user) return { id };
    return {
      id: user.id,
      name: { givenName: user.givenName, familyName: user.familyName, fullName: `${user.givenName} ${user.familyName}`.trim() },
      ...(user.email ? { emailAddress: user.email } : {}),
      permissions: [{ permission: 'CREATE_COURSE' }],
      verifiedTeacher: false,
    };
  }

  #course(course: FakeCourse) {
    return {
      id: course.id,
      name: course.name,
      ...(course.section ? { section: course.section } : {}),
      ownerId: course.teachers[0] ?? '0',
      creationTime: '2026-09-01T06:00:00.000Z',
      updateTime: '2026-09-01T06:00:00.000Z',
      enrollmentCode: course.id.slice(-6),
      courseState: course.courseState,
      alternateLink: `https://classroom.google.com/c/${Buffer.from(course.id).toString('base64url')}`,
      teacherGroupEmail: `${course.id}-teachers@example.test`,
      courseGroupEmail: `${course.id}@example.test`,
      guardiansEnabled: false,
      calendarId: `${course.id}@group.calendar.google.com`,
    };
  }

  /** One page of `items`: pageSize as asked (Classroom's default when 0 or absent), never above the cap. */
  #page<T>(items: T[], query: URLSearchParams, fingerprint: string, fallback: number): { page: T[]; next: string | null } | null {
    const asked = Number(query.get('pageSize') ?? '0');
    const size = Math.min(asked > 0 ? asked : fallback, this.pageCap);
    let offset = 0;
    const token = query.get('pageToken');
    if (token) {
      try {
        const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o: number; f: string };
        if (decoded.f !== fingerprint) return null;
        offset = decoded.o;
      } catch {
        return null;
      }
    }
    const page = items.slice(offset, offset + size);
    const end = offset + size;
    const next = end < items.length ? Buffer.from(JSON.stringify({ o: end, f: fingerprint })).toString('base64url') : null;
    return { page, next };
  }

  async #answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.log.push({ method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, status });
      response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      response.end(JSON.stringify(body));
      this.#inFlight -= 1;
    };
    const error = (status: number, headers: Record<string, string> = {}) =>
      send(status, { error: { code: status, message: messages[status], status: statusNames[status] } }, headers);

    this.#inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.#inFlight);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));

    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.has(token)) return error(401, { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' });
    const now = Date.now();
    while (this.#recent.length > 0 && (this.#recent[0] as number) <= now - 60_000) this.#recent.shift();
    if (this.#recent.length >= this.perMinute) return error(429, { 'retry-after': '60' });
    this.#recent.push(now);
    const fault = this.faults.find((f) => !f.path || f.path.test(url.pathname));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      return error(fault.status, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    }

    const path = url.pathname;
    const query = url.searchParams;
    if (request.method === 'GET' && path === '/v1/courses') {
      const states = query.getAll('courseStates');
      const listed = [...this.courses.values()].filter((c) => states.length === 0 || states.includes(c.courseState ?? 'ACTIVE'));
      const page = this.#page(listed, query, `courses|${states.join(',')}`, 1000);
      if (!page) return error(400);
      return send(200, { courses: page.page.map((c) => this.#course(c)), ...(page.next ? { nextPageToken: page.next } : {}) });
    }
    const roster = /^\/v1\/courses\/([^/]+)\/(students|teachers)$/.exec(path);
    if (request.method === 'GET' && roster) {
      const course = this.courses.get(decodeURIComponent(roster[1] as string));
      if (!course) return error(404);
      const role = roster[2] as 'students' | 'teachers';
      const page = this.#page(course[role], query, `${course.id}|${role}`, 30);
      if (!page) return error(400);
      const members = page.page.map((userId) => ({ courseId: course.id, userId, profile: this.#profile(userId) }));
      return send(200, { [role]: members, ...(page.next ? { nextPageToken: page.next } : {}) });
    }
    const one = /^\/v1\/courses\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && one) {
      const course = this.courses.get(decodeURIComponent(one[1] as string));
      return course ? send(200, this.#course(course)) : error(404);
    }
    if (request.method === 'POST' && path === '/v1/registrations') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        feed?: { feedType?: string; courseRosterChangesInfo?: { courseId?: string } };
        cloudPubsubTopic?: { topicName?: string };
      };
      const courseId = body.feed?.courseRosterChangesInfo?.courseId;
      const topicName = body.cloudPubsubTopic?.topicName;
      if (body.feed?.feedType !== 'COURSE_ROSTER_CHANGES' || !courseId || !topicName) return error(400);
      if (!this.courses.has(courseId)) return error(404);
      const registration = {
        registrationId: randomUUID(),
        courseId,
        topicName,
        expiryTime: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
      };
      this.registrations.push(registration);
      return send(200, {
        registrationId: registration.registrationId,
        feed: body.feed,
        cloudPubsubTopic: { topicName },
        expiryTime: registration.expiryTime,
      });
    }
    return error(404);
  }
}

/** A Pub/Sub push delivery of a Classroom roster-change notification, as the subscription POSTs it. */
export function rosterChangePush(
  courseId: string,
  userId: string,
  options: { collection?: string; eventType?: string; registrationId?: string } = {},
) {
  const data = {
    collection: options.collection ?? 'courses.students',
    eventType: options.eventType ?? 'CREATED',
    resourceId: { courseId, userId },
  };
  return {
    message: {
      attributes: { registrationId: options.registrationId ?? 'registration-1' },
      data: Buffer.from(JSON.stringify(data)).toString('base64'),
      messageId: '2070443601311540',
      message_id: '2070443601311540',
      publishTime: '2026-11-27T09:10:00.123Z',
      publish_time: '2026-11-27T09:10:00.123Z',
    },
    subscription: 'projects/nastavnik-school17/subscriptions/classroom-roster-push',
  };
}
