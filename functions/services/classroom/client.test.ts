import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClassroom } from '../../../tests/support/fake-classroom.ts';
import { ClassroomError, classroomApi, retryAfterMs } from './client.ts';
import { fetchCourses } from './fetch.ts';

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 02 Dec 2026 01:00:10 GMT', Date.parse('2026-12-02T01:00:00Z'))).toBe(10_000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
  });
});

describe('the Classroom client against the fake', () => {
  const fake = new FakeClassroom({ tokens: ['t'], pageCap: 4, latencyMs: 20 });
  beforeAll(async () => {
    for (let c = 0; c < 12; c++) {
      const students = Array.from({ length: 9 }, (_, i) => `s${c}-${i}`);
      for (const id of students) fake.addUser({ id, givenName: 'Имя', familyName: `Фамилия ${id}` });
      fake.addCourse({ id: `c${c}`, name: `Курс ${c}`, teachers: ['t'], students });
    }
    fake.addUser({ id: 't', givenName: 'Анна', familyName: 'Учителева', email: 'a@school' });
    await fake.start();
  });
  afterAll(() => fake.close());

  it('reads every page at the largest size, at most `concurrency` calls at once, and counts each call', async () => {
    const api = await classroomApi({ accessToken: 't', rootUrl: fake.url, concurrency: 3 });
    const progress: number[] = [];
    const before = fake.calls;
    const courses = await fetchCourses(api, { includeArchived: false, onCourse: (done) => void progress.push(done) });
    expect(courses).toHaveLength(12);
    expect(courses.every((c) => c.students.length === 9 && c.teachers.length === 1)).toBe(true);
    expect(api.calls).toBe(fake.calls - before);
    expect(api.calls).toBe(fake.lowerBound());
    expect(fake.maxInFlight).toBeLessThanOrEqual(3);
    expect(progress.at(-1)).toBe(12);
  });

  it('waits out a 429 as long as Retry-After says, retries a 5xx with backoff, and gives up on a 4xx at once', async () => {
    const waits: number[] = [];
    const api = await classroomApi({
      accessToken: 't',
      rootUrl: fake.url,
      backoffMs: 100,
      sleep: async (ms) => void waits.push(ms),
    });
    fake.faults.push({ status: 429, retryAfter: '7' }, { status: 503, times: 2 });
    await api.courses(['ACTIVE'], null);
    expect(api.calls).toBe(4);
    expect(api.retries).toBe(3);
    expect(waits[0]).toBe(7000);
    // Full jitter: within the doubling step.
    expect(waits[1]).toBeLessThanOrEqual(200);
    expect(waits[2]).toBeLessThanOrEqual(400);
    const refused = await classroomApi({ accessToken: 'wrong', rootUrl: fake.url });
    await expect(refused.courses(['ACTIVE'], null)).rejects.toMatchObject({ httpStatus: 401, status: 'UNAUTHENTICATED' });
    expect(refused.calls).toBe(1);
    await expect(api.students('no-such-course', null)).rejects.toBeInstanceOf(ClassroomError);
  });

  it('stops after its attempts and keeps the courses fetched, so that a resumed run asks only for the rest', async () => {
    const api = await classroomApi({ accessToken: 't', rootUrl: fake.url, backoffMs: 1, maxAttempts: 3 });
    fake.faults.push({ path: /c7\/students$/, status: 503, times: 3 });
    const failure = await fetchCourses(api, { includeArchived: false }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'FetchFailed' });
    const done = (failure as { done: { id: string }[] }).done;
    expect(done.map((c) => c.id).sort()).not.toContain('c7');
    expect(done).toHaveLength(11);
    const resumed = await classroomApi({ accessToken: 't', rootUrl: fake.url });
    const courses = await fetchCourses(resumed, { includeArchived: false, done: done as never });
    expect(courses).toHaveLength(12);
    // The course list (3 pages of 4) and the one course left (1 + 3 pages).
    expect(resumed.calls).toBe(3 + 1 + 3);
  });
});
