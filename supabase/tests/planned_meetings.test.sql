-- pgTAP: a pair's planned meetings (issue #14). The group's mentor plans and cancels, a curator of
-- the school too; the participants, their teacher and guardian see the plan; a bystander, another
-- school and anon see nothing and write nothing. A plan is held when a meeting with its id exists.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(22);
\ir fixtures/two_schools.inc

create function tests.plan_meeting(id_key text, author text, org text default 'A', grp text default 'group/A') returns text language sql as $$
  select format($q$insert into public.planned_meetings (id, organisation_id, group_id, kind, starts_at, duration_minutes, author_person_id)
    values (%L, %L, %L, 'working', now() + interval '1 day', 40, %L)$q$, md5(id_key)::uuid, tests.oid(org), md5(grp)::uuid, tests.pid(author))
$$;

-- Writes.
select is(tests.try_as('mentor', tests.plan_meeting('plan/A1', 'mentor')), 'ok 1', 'the mentor plans a meeting of her pair');
select is(tests.try_as('curator', tests.plan_meeting('plan/A2', 'curator')), 'ok 1', 'a curator plans a meeting of a pair of the school');
select is(tests.try_as('mentee', tests.plan_meeting('plan/A3', 'mentee')), '42501', 'a mentee cannot plan the pair''s meetings');
select is(tests.try_as('teacher', tests.plan_meeting('plan/A4', 'teacher')), '42501', 'nor the mentee''s teacher');
select is(tests.try_as('mentor', tests.plan_meeting('plan/A5', 'curator')), '42501', 'the mentor plans only as herself');
select is(tests.try_as('b_mentor', tests.plan_meeting('plan/A6', 'b_mentor')), '42501', 'another school''s mentor cannot plan ours');
select is(tests.try_as('b_curator', tests.plan_meeting('plan/A7', 'b_curator')), '42501', 'nor another school''s curator');
select is(tests.try_as('mentor', tests.plan_meeting('plan/B1', 'mentor', 'B', 'group/B')), '42501', 'our mentor cannot plan school B''s pair');
select is(tests.try_as('anon', tests.plan_meeting('plan/A8', 'mentor')), '42501', 'anon plans nothing');
select is(tests.try_as('b_mentor', tests.plan_meeting('plan/B2', 'b_mentor', 'B', 'group/B')), 'ok 1', 'school B''s mentor plans her own pair''s');

-- Reads.
select is(tests.visible('mentor', 'planned_meetings'), 2, 'the mentor sees her pair''s plans');
select is(tests.visible('mentee', 'planned_meetings'), 2, 'the mentee sees them');
select is(tests.visible('teacher', 'planned_meetings'), 2, 'the mentee''s teacher sees them');
select is(tests.visible('guardian', 'planned_meetings'), 2, 'the mentee''s guardian sees them');
select is(tests.visible('curator', 'planned_meetings'), 2, 'a curator sees the school''s plans, not school B''s');
select is(tests.visible('bystander', 'planned_meetings'), 0, 'a pupil outside the pair sees none');
select is(tests.visible('b_curator', 'planned_meetings'), 1, 'school B''s curator sees only school B''s');
select is(tests.visible('anon', 'planned_meetings'), -1, 'anon reads no plans');

-- Cancelling.
select is(tests.try_as('mentee', format('delete from public.planned_meetings where id = %L', md5('plan/A1')::uuid)), 'ok 0',
  'a mentee cannot cancel a plan');
select is(tests.try_as('b_curator', format('delete from public.planned_meetings where id = %L', md5('plan/A1')::uuid)), 'ok 0',
  'nor another school''s curator');
select is(tests.try_as('mentor', format('delete from public.planned_meetings where id = %L', md5('plan/A2')::uuid)), 'ok 1',
  'the mentor cancels a plan of her pair (even one the curator made)');
select is(tests.try_as('curator', format('update public.planned_meetings set starts_at = now() where id = %L', md5('plan/A1')::uuid)),
  '42501', 'a plan is not edited in place: it is cancelled and planned anew');

select * from finish();
rollback;
