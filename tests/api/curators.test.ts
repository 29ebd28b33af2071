// Stage 1: who runs the programme (issue #12). The head and the curators of a school appoint a
// staff member as curator and take the role back — never the last curator, never in another
// school; a mentor and anon may not; every change is in the audit log.
import { describe, expect, it } from 'vitest';
import { type TestApi, withTwoSchoolsApi } from '../support/api.ts';
import { otherSchool, people, type TwoSchools } from '../support/school.ts';

let s: TwoSchools;
let api: TestApi;
withTwoSchoolsApi((made) => ({ s, api } = made));

const path = () => `/organisations/${s.schoolA}/curators`;
const curatorIds = async () =>
  ((await api.call(people.head, 'GET', path())).json.items ?? []).filter((l) => l.role === 'curator').map((l) => l.person_id);

describe('the programme’s curators', () => {
  it('lists the head and the curators to them, and to nobody else', async () => {
    const answer = await api.call(people.curator, 'GET', path());
    expect(answer.status).toBe(200);
    expect(answer.json.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ person_id: s.id(people.head), role: 'head', last_name: 'Воронина' }),
        expect.objectContaining({ person_id: s.id(people.curator), role: 'curator', last_name: 'Королёв' }),
      ]),
    );
    expect((await api.call(people.mentor, 'GET', path())).status).toBe(403);
    expect((await api.call(people.curator, 'GET', path(), undefined, { school: otherSchool })).status).toBe(403);
    expect((await api.app.request(path())).status).toBe(401);
  });

  it('the head appoints a teacher; a repeat changes nothing; the appointment is audited', async () => {
    const appointed = await api.call(people.head, 'POST', path(), { person_id: s.id(people.mentor) });
    expect(appointed.status).toBe(201);
    expect(appointed.json).toMatchObject({ person_id: s.id(people.mentor), role: 'curator', last_name: 'Новикова' });
    expect((await api.call(people.head, 'POST', path(), { person_id: s.id(people.mentor) })).status).toBe(200);
    expect(await curatorIds()).toEqual(expect.arrayContaining([s.id(people.curator), s.id(people.mentor)]));
    // The new curator now runs the programme: she reads the list.
    expect((await api.call(people.mentor, 'GET', path())).status).toBe(200);
    const log = await api.call(people.curator, 'GET', `/audit?organisation_id=${s.schoolA}&table_name=memberships&limit=5`);
    expect(log.status).toBe(200);
    expect(log.json.items?.[0]).toMatchObject({ action: 'insert', row_id: `${s.id(people.mentor)}/curator` });
  });

  it('refuses a pupil, another school’s person, another school’s curator, a mentor and anon', async () => {
    const refused = await api.call(people.curator, 'POST', path(), { person_id: s.id(people.mentee) });
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ error: { code: 'rule_violation' } });
    expect(String((refused.json.error as { message: string }).message)).toContain('сотрудник');
    expect((await api.call(people.curator, 'POST', path(), { person_id: s.id(people.plainMentor, otherSchool) })).status).toBe(422);
    const fromB = await api.call(people.curator, 'POST', path(), { person_id: s.id(people.plainMentor) }, { school: otherSchool });
    expect(fromB.status).toBe(403);
    expect((await api.call(people.plainMentor, 'POST', path(), { person_id: s.id(people.plainMentor) })).status).toBe(403);
    const anon = await api.app.request(path(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ person_id: s.id(people.plainMentor) }),
    });
    expect(anon.status).toBe(401);
    expect(await curatorIds()).not.toContain(s.id(people.plainMentor));
  });

  it('takes the role back, never from the last curator, never across schools', async () => {
    const other = `/organisations/${s.schoolA}/curators/${s.id(people.mentor)}`;
    expect((await api.call(people.curator, 'DELETE', other, undefined, { school: otherSchool })).status).toBe(403);
    expect((await api.call(people.plainMentor, 'DELETE', other)).status).toBe(403);
    expect((await api.app.request(other, { method: 'DELETE' })).status).toBe(401);
    expect((await api.call(people.curator, 'DELETE', other)).status).toBe(200);
    expect((await api.call(people.curator, 'DELETE', other)).status).toBe(404);
    const last = await api.call(people.head, 'DELETE', `/organisations/${s.schoolA}/curators/${s.id(people.curator)}`);
    expect(last.status).toBe(422);
    expect(String((last.json.error as { message: string }).message)).toContain('последний куратор');
    expect(await curatorIds()).toEqual([s.id(people.curator)]);
    const log = await api.call(people.head, 'GET', `/audit?organisation_id=${s.schoolA}&table_name=memberships&limit=5`);
    expect(log.json.items?.[0]).toMatchObject({ action: 'delete', row_id: `${s.id(people.mentor)}/curator` });
    // School B still has its own curator, untouched.
    const b = await api.call(people.curator, 'GET', `/organisations/${s.schoolB}/curators`, undefined, { school: otherSchool });
    expect(b.json.items?.filter((l) => l.role === 'curator')).toHaveLength(1);
  });
});
