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

  it('a kept pin a run cannot honour is answered with why: someone left the base, a mentor no longer trained', async () => {
    const programme = s.id('programme');
    const choices = `/programmes/${programme}/matching/choices`;
    const mentees = ['s-0012', 's-0013', 's-0014'].map((key) => s.id(key));
    const mentors = ['s-0033', 's-0034', 's-0035'].map((key) => s.id(key));
    for (const person_id of mentees)
      await curator('POST', '/enrolments', { id: randomUUID(), programme_id: programme, person_id, base: 'mentee', form_key: scope.form });
    // Every one of them a minor with a guardian's consent: only the changes below rule a pair out.
    for (const person_id of [...mentees, ...mentors]) {
      const consent = await curator('POST', '/consents', {
        id: randomUUID(),
        person_id,
        given_by: 'parent',
        given_on: '2026-09-01',
        document_version: '1',
        medium: 'paper',
      });
      expect([200, 201], JSON.stringify(consent.json)).toContain(consent.status);
    }
    const training = new Map<string, string>();
    for (const person_id of mentors) {
      const e = await curator('POST', '/enrolments', {
        id: randomUUID(),
        programme_id: programme,
        person_id,
        base: 'mentor',
        form_key: scope.form,
      });
      training.set(person_id, e.json.id as string);
      await curator('PUT', `/enrolments/${e.json.id as string}/training`, { training_status: 'trained', trained_on: '2026-11-01' });
    }
    const run = async (dry_run = true) => {
      const answer = await curator('POST', `/programmes/${programme}/matching`, { id: randomUUID(), ...scope, mode: 'optimal', dry_run });
      expect(answer.status, JSON.stringify(answer.json)).toBe(200);
      return answer.json as { pairs: Pair[]; skipped_pins: { mentor: string; mentee: string; reason: unknown }[] };
    };
    const [m0, m1, m2] = mentors as [string, string, string];
    const [p0, p1, p2] = mentees as [string, string, string];
    const pins = [
      [m0, p0],
      [m1, p1],
      [m2, p2],
    ] as const;
    await curator('POST', choices, {
      ...scope,
      clear: true,
      changes: pins.map(([mentor, mentee]) => ({ mentor, mentee, choice: 'pinned' })),
    });
    const honoured = await run();
    expect(honoured.skipped_pins).toEqual([]);
    for (const [mentor, mentee] of pins) expect(honoured.pairs).toContainEqual(expect.objectContaining({ mentor, mentee, pinned: true }));

    // m0 leaves the base of mentors, m1 is no longer trained; m2's pair is saved as a draft (the pin is honoured by it).
    const left = await curator('POST', `/programmes/${programme}/bases/mentor/bulk`, { action: 'leave', person_ids: [m0] });
    expect(left.status, JSON.stringify(left.json)).toBe(200);
    const untrained = await curator('PUT', `/enrolments/${training.get(m1)}/training`, { training_status: 'not_started' });
    expect(untrained.status, JSON.stringify(untrained.json)).toBe(200);
    const drafted = await run(false);
    expect(drafted.pairs).toContainEqual(expect.objectContaining({ mentor: m2, mentee: p2 }));

    const rerun = await run();
    expect(rerun.skipped_pins).toEqual([
      { mentor: m0, mentee: p0, reason: { code: 'left_base', side: 'mentor' } },
      { mentor: m1, mentee: p1, reason: { code: 'excluded', exclusions: ['mentor_not_trained'] } },
    ]);
    // The pins are still kept: the curator decides (unpin, or bring the mentor back).
    const kept = await curator('GET', `${choices}?form=${scope.form}&role_model=${scope.role_model}`);
    expect((kept.json.pinned as unknown as string[][]).length).toBe(3);

    // m1 trained again and pinned to a second mentee: its one place goes to the pin kept first. m2's
    // one place is taken by its draft pair: a second pin of m2 is left out.
    await curator('PUT', `/enrolments/${training.get(m1)}/training`, { training_status: 'trained', trained_on: '2026-11-01' });
    await curator('POST', choices, {
      ...scope,
      changes: [
        { mentor: m1, mentee: p0, choice: 'pinned' },
        { mentor: m2, mentee: p0, choice: 'pinned' },
      ],
    });
    const full = await run();
    expect(full.skipped_pins).toHaveLength(3);
    expect(full.skipped_pins).toEqual(
      expect.arrayContaining([
        { mentor: m0, mentee: p0, reason: { code: 'left_base', side: 'mentor' } },
        { mentor: m1, mentee: p0, reason: { code: 'taken_by_pin', side: 'mentor' } },
        { mentor: m2, mentee: p0, reason: { code: 'mentor_full' } },
      ]),
    );
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
