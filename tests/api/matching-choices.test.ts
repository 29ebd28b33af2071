// Stage 5's pins and forbids, kept by the server (issue #12): per programme, form and role model,
// the same for every curator of the school and after a reload; the matching run reads them; a
// mentor, another school's curator and anon neither read nor change them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type TestApi, withTwoSchoolsApi } from '../support/api.ts';
import { otherSchool, people, type TwoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: TestApi;
withTwoSchoolsApi((made) => ({ s, api } = made));

type Pair = { mentor: string; mentee: string; pinned: boolean };
const scope = { form: 'student_student', role_model: 'peer_to_peer' };
const curator = (method: string, path: string, body?: unknown) => api.call(people.curator, method, path, body);

describe('pins and forbids', () => {
  it('are kept for every curator, and every matching run reads them', async () => {
    const programme = s.id('programme');
    const choices = `/programmes/${programme}/matching/choices`;
    for (const key of ['s-0010', 's-0011'])
      await curator('POST', '/enrolments', {
        id: randomUUID(),
        programme_id: programme,
        person_id: s.id(key),
        base: 'mentee',
        ...{ form_key: scope.form },
      });
    for (const key of ['s-0031', 's-0032']) {
      const e = await curator('POST', '/enrolments', {
        id: randomUUID(),
        programme_id: programme,
        person_id: s.id(key),
        base: 'mentor',
        form_key: scope.form,
      });
      await curator('PUT', `/enrolments/${e.json.id as string}/training`, { training_status: 'trained', trained_on: '2026-11-01' });
    }
    const run = async () => {
      const answer = await curator('POST', `/programmes/${programme}/matching`, { id: randomUUID(), ...scope, mode: 'optimal' });
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
      return answer.json.pairs as Pair[];
    };
    const first = await run();
    expect(first.length).toBeGreaterThanOrEqual(2);
    const [a, b] = first as [Pair, Pair, ...Pair[]];

    const empty = await curator('GET', `${choices}?form=${scope.form}&role_model=${scope.role_model}`);
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({ ...scope, pinned: [], forbidden: [] });

    // a's pair pinned, b's forbidden (and a stale pin of a pair nobody can form: kept, left out of the run).
    const changed = await curator('POST', choices, {
      ...scope,
      changes: [
        { mentor: a.mentor, mentee: a.mentee, choice: 'pinned' },
        { mentor: b.mentor, mentee: b.mentee, choice: 'forbidden' },
        { mentor: s.id('s-0032'), mentee: s.id('s-0031'), choice: 'pinned' },
      ],
    });
    expect(changed.status).toBe(200);
    expect((changed.json.pinned as unknown as string[][]).map(String).sort()).toEqual(
      [String([a.mentor, a.mentee]), String([s.id('s-0032'), s.id('s-0031')])].sort(),
    );
    expect(changed.json.forbidden).toEqual([[b.mentor, b.mentee]]);

    // The head — another browser, another person — reads the same, and her run keeps them without sending them.
    const head = await api.call(people.head, 'GET', `${choices}?form=${scope.form}&role_model=${scope.role_model}`);
    expect(head.json).toEqual(changed.json);
    const rerun = (await run()).map((p) => `${p.mentor}/${p.mentee}/${p.pinned}`);
    expect(rerun).toContain(`${a.mentor}/${a.mentee}/true`);
    expect(rerun).not.toContain(`${b.mentor}/${b.mentee}/false`);
    // Another form or role model has its own (none).
    const other = await curator('GET', `${choices}?form=${scope.form}&role_model=leader_passive`);
    expect(other.json).toMatchObject({ pinned: [], forbidden: [] });

    // A pin freed, a forbid turned into a pin: one change each.
    const freed = await curator('POST', choices, {
      ...scope,
      changes: [
        { mentor: s.id('s-0032'), mentee: s.id('s-0031'), choice: null },
        { mentor: b.mentor, mentee: b.mentee, choice: 'pinned' },
      ],
    });
    expect((freed.json.pinned as unknown as string[][]).map(String).sort()).toEqual(
      [String([a.mentor, a.mentee]), String([b.mentor, b.mentee])].sort(),
    );
    expect(freed.json.forbidden).toEqual([]);
    const cleared = await curator('POST', choices, { ...scope, clear: true });
    expect(cleared.json).toMatchObject({ pinned: [], forbidden: [] });
  });

  it('are the curators’ only: a mentor, another school and anon are refused; no pupil of another school is named', async () => {
    const programme = s.id('programme');
    const choices = `/programmes/${programme}/matching/choices`;
    const query = `${choices}?form=${scope.form}&role_model=${scope.role_model}`;
    // A mentor does not run the programme: refused (or, where the programme is not his to see, not found).
    expect([403, 404]).toContain((await api.call(people.mentor, 'GET', query)).status);
    // Another school's curator does not even see the programme.
    expect((await api.call(people.curator, 'GET', query, undefined, { school: otherSchool })).status).toBe(404);
    expect((await api.app.request(query)).status).toBe(401);
    const pin = { ...scope, changes: [{ mentor: s.id('s-0031'), mentee: s.id('s-0010'), choice: 'pinned' }] };
    expect([403, 404]).toContain((await api.call(people.mentor, 'POST', choices, pin)).status);
    expect((await api.call(people.curator, 'POST', choices, pin, { school: otherSchool })).status).toBe(404);
    const foreign = { ...scope, changes: [{ mentor: s.id('s-0031'), mentee: s.id('s-0010', otherSchool), choice: 'pinned' }] };
    expect((await curator('POST', choices, foreign)).status).toBe(422);
    expect((await curator('GET', `/programmes/${randomUUID()}/matching/choices?form=a&role_model=b`)).status).toBe(404);
  });
});
