// Stage 5 in the product: the programme's bases (stages 2–4) become the engine's candidates, the
// engine (shared/matching) forms the best pairs and explains them, and the result becomes draft
// groups the curator reviews, edits and publishes. Runs as the curator: RLS decides the bases.
import type { z } from 'zod';
import type { matchingRequest } from '../../shared/api/matching.ts';
import { type MenteeCandidate, type MentorCandidate, match, rulesFor, scoreCandidates } from '../../shared/matching/index.ts';
import type { Queryable } from '../db/database.ts';
import { apiError } from '../errors.ts';
import { isOwnRoleModel } from './catalog.ts';

type Request = z.output<typeof matchingRequest>;

interface BaseRow {
  person_id: string;
  base: 'mentor' | 'mentee';
  kind: 'student' | 'staff' | 'external';
  minor: boolean;
  consent: string;
  grade: number | null;
  subjects: string[];
  competencies: string[];
  enrolment_subjects: string[];
  experience_years: number | null;
  capacity: number;
  trained: boolean;
  groups_in_form: number;
  mentoring_now: number;
}

export async function runMatching(db: Queryable, programmeId: string, request: Request) {
  const programme = (
    await db.query<{ organisation_id: string }>('select organisation_id from public.programmes where id = $1', [programmeId])
  ).rows[0];
  if (!programme) throw apiError(404, 'not_found', 'error.notFound');
  // A school's own role model has no catalog rules: every pair of the form may be formed, on wishes alone.
  const rules =
    rulesFor(request.form, request.role_model) ??
    ((await isOwnRoleModel(db, programme.organisation_id, request.form, request.role_model))
      ? { form: request.form, roleModel: request.role_model, rules: [] }
      : undefined);
  if (!rules) throw apiError(422, 'validation_failed', 'error.unknownRoleModel');

  const { rows } = await db.query<BaseRow>(
    `select e.person_id, e.base, p.kind, app.is_minor(p.id) as minor, public.consent_status(p.id) as consent, c.grade, p.subjects,
       e.competencies, e.subjects as enrolment_subjects, d.experience_years, e.capacity, e.training_status = 'trained' as trained,
       (select count(*)::int from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id
         where gm.person_id = p.id and gm.role = 'mentee' and gm.left_on is null and g.form = $2 and g.status in ('draft', 'active')) as groups_in_form,
       (select count(*)::int from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id
         join public.group_members mentee on mentee.group_id = g.id and mentee.role = 'mentee' and mentee.left_on is null
         where gm.person_id = p.id and gm.role = 'mentor' and gm.left_on is null and g.status in ('draft', 'active')) as mentoring_now
     from public.enrolments e
     join public.people p on p.id = e.person_id
     left join public.person_details d on d.person_id = p.id
     left join public.classes c on c.id = p.class_id
     where e.programme_id = $1 and e.left_on is null and p.erased_at is null and (e.form_key is null or e.form_key = $2)`,
    [programmeId, request.form],
  );
  const person = (row: BaseRow) => ({
    id: row.person_id,
    kind: row.kind,
    minor: row.minor,
    consent: row.consent === 'given' || row.consent === 'not_needed',
    ...(row.grade !== null ? { grade: row.grade } : {}),
    subjects: row.subjects,
    ...(row.experience_years !== null ? { experienceYears: row.experience_years } : {}),
  });
  const mentors: MentorCandidate[] = rows
    .filter((row) => row.base === 'mentor')
    .map((row) => ({
      ...person(row),
      capacity: Math.max(0, row.capacity - row.mentoring_now),
      trained: row.trained,
      strongSubjects: row.competencies,
    }))
    .filter((mentor) => mentor.capacity > 0);
  const mentees: MenteeCandidate[] = rows
    .filter((row) => row.base === 'mentee')
    .map((row) => ({ ...person(row), weakSubjects: row.enrolment_subjects, groupsInForm: row.groups_in_form }));

  const scored = scoreCandidates(
    rules,
    {
      ...(request.weights.rules ? { rules: request.weights.rules } : {}),
      menteeWantsMentor: request.weights.mentee_wants_mentor,
      mentorWantsMentee: request.weights.mentor_wants_mentee,
      avoided: request.weights.avoided,
    },
    mentors,
    mentees,
    request.wishes,
  );
  let result: ReturnType<typeof match>;
  try {
    result = match({ ...scored, pinned: request.pinned, forbidden: request.forbidden }, { mode: request.mode });
  } catch (error) {
    if (error instanceof Error && 'problems' in error) throw apiError(422, 'validation_failed', 'error.validation');
    throw error;
  }

  const groupIds = new Map<string, string>();
  if (!request.dry_run) {
    // One draft pair per match; ids derive from the run's id, so a repeated run creates nothing new.
    const { rows: created } = await db.query<{ mentor: string; mentee: string; id: string }>(
      `with pairs as (
         select p.mentor, p.mentee, (substr(h.hash, 1, 12) || '3' || substr(h.hash, 14, 3) || '8' || substr(h.hash, 18))::uuid as id
         from jsonb_to_recordset($2::jsonb) as p(mentor uuid, mentee uuid),
           -- A name-based (version 3) UUID: the id every client's schema accepts back in /groups/{id}.
           lateral (select md5($1::text || '/' || p.mentor || '/' || p.mentee) as hash) h
       ),
       groups as (
         insert into public.mentoring_groups (id, organisation_id, programme_id, form, role_model, status)
         select pairs.id, $3, $4, $5, $6, 'draft' from pairs
         on conflict (id) do nothing returning id
       ),
       members as (
         insert into public.group_members (group_id, person_id, organisation_id, role)
         select pairs.id, pairs.mentor, $3, 'mentor' from pairs join groups on groups.id = pairs.id
         union all
         select pairs.id, pairs.mentee, $3, 'mentee' from pairs join groups on groups.id = pairs.id
         returning group_id
       )
       -- (data-modifying CTEs always run to completion, whether or not the final select reads them)
       select pairs.mentor::text, pairs.mentee::text, pairs.id::text from pairs`,
      [
        request.id,
        JSON.stringify(result.pairs.map(({ mentor, mentee }) => ({ mentor, mentee }))),
        programme.organisation_id,
        programmeId,
        request.form,
        request.role_model,
      ],
    );
    for (const row of created) groupIds.set(`${row.mentor}/${row.mentee}`, row.id);
  }

  return {
    mode: request.mode,
    dry_run: request.dry_run,
    total: result.total,
    pairs: result.explanations.pairs.map((pair) => ({ ...pair, group_id: groupIds.get(`${pair.mentor}/${pair.mentee}`) ?? null })),
    unmatched: result.explanations.unmatched,
    mentors_considered: mentors.length,
    mentees_considered: mentees.length,
  };
}
