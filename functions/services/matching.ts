// Stage 5 in the product: the programme's bases (stages 2–4) become the engine's candidates, the
// engine (shared/matching) forms the best pairs and explains them, and the result becomes draft
// groups the curator reviews, edits and publishes. Runs as the curator: RLS decides the bases.
import type { z } from 'zod';
import type { MatchingChoices, matchingChoicesChange, matchingRequest, SkippedPinReason } from '../../shared/api/matching.ts';
import {
  type MatchProblem,
  type MenteeCandidate,
  type MentorCandidate,
  match,
  rulesFor,
  scoreCandidates,
} from '../../shared/matching/index.ts';
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
  // The pins and forbids the curators keep for this form and role model count too; a pair the
  // request itself pins or forbids is decided by the request.
  const saved = await readMatchingChoices(db, programmeId, request.form, request.role_model);

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
     where e.programme_id = $1 and e.left_on is null and p.erased_at is null and p.left_at is null
       and (e.form_key is null or e.form_key = $2)`,
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
  const { pinned, forbidden, skipped } = withSavedChoices(request, saved, scored);
  const skippedPins = await explainSkippedPins(db, programmeId, request.form, rows, scored, skipped);
  let result: ReturnType<typeof match>;
  try {
    result = match({ ...scored, pinned, forbidden }, { mode: request.mode });
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
    skipped_pins: skippedPins,
    mentors_considered: mentors.length,
    mentees_considered: mentees.length,
  };
}

type Pair = [string, string];
const pairKey = ([mentor, mentee]: Pair) => `${mentor}/${mentee}`;

/**
 * The request's pins and forbids, then the kept ones it does not name itself. A kept choice that
 * no longer applies — someone left the base, a pair is ruled out now, the mentor's places are taken
 * — is left out of this run (it stays kept): a choice made last week never breaks today's run. The
 * pins left out are answered too (`skipped`), in the order they were kept, for the curator to be told why.
 */
function withSavedChoices(
  request: Pick<Request, 'pinned' | 'forbidden'>,
  saved: MatchingChoices,
  scored: Pick<MatchProblem, 'mentors' | 'mentees' | 'scores'>,
): { pinned: Pair[]; forbidden: Pair[]; skipped: { pair: Pair; taken?: 'mentor' | 'mentee' }[] } {
  const named = new Set([...request.pinned, ...request.forbidden].map(pairKey));
  const places = new Map(scored.mentors.map((m) => [m.id, m.capacity]));
  const menteePlaces = new Map(scored.mentees.map((m) => [m.id, m.capacity ?? 1]));
  const scoredPairs = new Set(scored.scores.map((e) => `${e.mentor}/${e.mentee}`));
  const take = ([mentor, mentee]: Pair) => {
    places.set(mentor, (places.get(mentor) ?? 0) - 1);
    menteePlaces.set(mentee, (menteePlaces.get(mentee) ?? 0) - 1);
  };
  for (const pair of request.pinned) take(pair);
  const pinned: Pair[] = [...request.pinned];
  const skipped: { pair: Pair; taken?: 'mentor' | 'mentee' }[] = [];
  for (const pair of saved.pinned) {
    const [mentor, mentee] = pair;
    if (named.has(pairKey(pair))) continue;
    if (!scoredPairs.has(pairKey(pair))) {
      skipped.push({ pair });
      continue;
    }
    if ((places.get(mentor) ?? 0) <= 0 || (menteePlaces.get(mentee) ?? 0) <= 0) {
      skipped.push({ pair, taken: (places.get(mentor) ?? 0) <= 0 ? 'mentor' : 'mentee' });
      continue;
    }
    take(pair);
    pinned.push(pair);
  }
  const forbidden: Pair[] = [
    ...request.forbidden,
    ...saved.forbidden.filter((pair) => !named.has(pairKey(pair)) && places.has(pair[0]) && menteePlaces.has(pair[1])),
  ];
  return { pinned, forbidden, skipped };
}

/**
 * Why each kept pin was left out, in words the screen renders: who left the school or the base (or
 * is enrolled for another form), whose places are full, which rule or consent rules the pair out.
 * A pin whose pair is already a draft or active group of the form is not reported: it is honoured.
 */
async function explainSkippedPins(
  db: Queryable,
  programmeId: string,
  form: string,
  rows: readonly BaseRow[],
  scored: ReturnType<typeof scoreCandidates>,
  skipped: readonly { pair: Pair; taken?: 'mentor' | 'mentee' }[],
): Promise<{ mentor: string; mentee: string; reason: SkippedPinReason }[]> {
  if (skipped.length === 0) return [];
  const pins = skipped.map(({ pair: [mentor, mentee] }) => ({ mentor, mentee }));
  const { rows: formed } = await db.query<{ mentor: string; mentee: string }>(
    `select k.mentor::text, k.mentee::text from jsonb_to_recordset($3::jsonb) as k(mentor uuid, mentee uuid)
     where exists (select 1 from public.mentoring_groups g
       join public.group_members a on a.group_id = g.id and a.role = 'mentor' and a.left_on is null and a.person_id = k.mentor
       join public.group_members b on b.group_id = g.id and b.role = 'mentee' and b.left_on is null and b.person_id = k.mentee
       where g.programme_id = $1 and g.form = $2 and g.status in ('draft', 'active'))`,
    [programmeId, form, JSON.stringify(pins)],
  );
  const honoured = new Set(formed.map((f) => `${f.mentor}/${f.mentee}`));
  const inBase = new Map(rows.map((row) => [`${row.base}/${row.person_id}`, row]));
  const absent = [...new Set(pins.flatMap((p) => [p.mentor, p.mentee]))];
  const { rows: people } = await db.query<{ id: string; left_school: boolean; enrolled: string[] }>(
    `select p.id::text, (p.left_at is not null or p.erased_at is not null) as left_school,
       array(select e.base || ':' || coalesce(e.form_key, '') from public.enrolments e
             where e.programme_id = $1 and e.person_id = p.id and e.left_on is null) as enrolled
     from public.people p where p.id = any($2::uuid[])`,
    [programmeId, absent],
  );
  const person = new Map(people.map((p) => [p.id, p]));
  const outOfBase = (id: string, side: 'mentor' | 'mentee'): SkippedPinReason | null => {
    if (inBase.has(`${side}/${id}`)) return null;
    const found = person.get(id);
    if (!found || found.left_school) return { code: 'left_school', side };
    return found.enrolled.some((e) => e.startsWith(`${side}:`)) ? { code: 'other_form', side } : { code: 'left_base', side };
  };
  const exclusionsOf = ([mentor, mentee]: Pair) =>
    scored.exclusions.filter(
      (e) => (e.mentor === mentor && (e.mentee === undefined || e.mentee === mentee)) || (e.mentor === undefined && e.mentee === mentee),
    );
  const reasons: { mentor: string; mentee: string; reason: SkippedPinReason }[] = [];
  for (const { pair, taken } of skipped) {
    const [mentor, mentee] = pair;
    if (honoured.has(pairKey(pair))) continue;
    const missing = outOfBase(mentor, 'mentor') ?? outOfBase(mentee, 'mentee');
    const exclusions = exclusionsOf(pair);
    const rule = exclusions.find((e) => e.rule)?.rule;
    const reason: SkippedPinReason =
      missing ??
      (taken
        ? { code: 'taken_by_pin', side: taken }
        : exclusions.length > 0
          ? {
              code: 'excluded',
              exclusions: [...new Set(exclusions.map((e) => e.code))],
              ...(rule ? { rule } : {}),
            }
          : !scored.mentors.some((m) => m.id === mentor && m.capacity > 0)
            ? { code: 'mentor_full' }
            : { code: 'excluded', exclusions: [] });
    reasons.push({ mentor, mentee, reason });
  }
  return reasons;
}

/** The pins and forbids kept for a programme's form and role model (what the caller's RLS shows: curators, the head). */
export async function readMatchingChoices(db: Queryable, programmeId: string, form: string, roleModel: string): Promise<MatchingChoices> {
  const { rows } = await db.query<{ mentor: string; mentee: string; choice: 'pinned' | 'forbidden' }>(
    `select mentor_person_id::text as mentor, mentee_person_id::text as mentee, choice from public.matching_choices
     where programme_id = $1 and form_key = $2 and role_model = $3 order by chosen_at, mentor_person_id, mentee_person_id`,
    [programmeId, form, roleModel],
  );
  const of = (choice: string) => rows.filter((r) => r.choice === choice).map((r): Pair => [r.mentor, r.mentee]);
  return { form, role_model: roleModel, pinned: of('pinned'), forbidden: of('forbidden') };
}

/** Refuses those who do not run the programme's school (403) and an unknown programme (404). */
async function requireCuratedProgramme(db: Queryable, programmeId: string): Promise<string> {
  const { rows } = await db.query<{ organisation_id: string; curates: boolean }>(
    `select organisation_id, organisation_id in (select app.my_organisation_ids_as('{head,curator}')) as curates
     from public.programmes where id = $1`,
    [programmeId],
  );
  const [programme] = rows;
  if (!programme) throw apiError(404, 'not_found', 'error.notFound');
  if (!programme.curates) throw apiError(403, 'forbidden', 'error.forbidden');
  return programme.organisation_id;
}

export async function listMatchingChoices(db: Queryable, programmeId: string, form: string, roleModel: string) {
  await requireCuratedProgramme(db, programmeId);
  return readMatchingChoices(db, programmeId, form, roleModel);
}

/** Pins, forbids and their removal in one go; answers the choices as they now are. */
export async function changeMatchingChoices(db: Queryable, programmeId: string, sent: z.output<typeof matchingChoicesChange>) {
  const organisationId = await requireCuratedProgramme(db, programmeId);
  const scope = [programmeId, sent.form, sent.role_model];
  if (sent.clear) {
    await db.query('delete from public.matching_choices where programme_id = $1 and form_key = $2 and role_model = $3', scope);
  }
  const drop = sent.changes.filter((c) => c.choice === null);
  const keep = sent.changes.filter((c) => c.choice !== null);
  if (drop.length > 0) {
    await db.query(
      `delete from public.matching_choices c using jsonb_to_recordset($4::jsonb) as d(mentor uuid, mentee uuid)
       where c.programme_id = $1 and c.form_key = $2 and c.role_model = $3 and c.mentor_person_id = d.mentor and c.mentee_person_id = d.mentee`,
      [...scope, JSON.stringify(drop)],
    );
  }
  if (keep.length > 0) {
    await db.query(
      `insert into public.matching_choices (organisation_id, programme_id, form_key, role_model, mentor_person_id, mentee_person_id, choice)
       select $5, $1, $2, $3, k.mentor, k.mentee, k.choice from jsonb_to_recordset($4::jsonb) as k(mentor uuid, mentee uuid, choice text)
       on conflict (programme_id, form_key, role_model, mentor_person_id, mentee_person_id)
       do update set choice = excluded.choice, chosen_by = excluded.chosen_by, chosen_at = now()`,
      [...scope, JSON.stringify(uniqueChanges(keep)), organisationId],
    );
  }
  return readMatchingChoices(db, programmeId, sent.form, sent.role_model);
}

/** The last word for each pair (an upsert may not touch one row twice). */
const uniqueChanges = <T extends { mentor: string; mentee: string }>(changes: T[]) => [
  ...new Map(changes.map((c) => [`${c.mentor}/${c.mentee}`, c])).values(),
];
