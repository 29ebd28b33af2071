-- pgTAP: stage 5's pins and forbids kept per programme, form and role model
-- (20261127091600_matching_choices). The head and the curators of a school see and change their
-- school's; a mentor, another school's curator and anon nothing; a choice never names a person of
-- another school nor moves to another programme.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(20);
\ir fixtures/two_schools.inc

insert into public.matching_choices (organisation_id, programme_id, form_key, role_model, mentor_person_id, mentee_person_id, choice) values
  (tests.oid('A'), md5('programme/A')::uuid, 'teacher_student', 'teacher_talented_student', tests.pid('mentor'), tests.pid('mentee'), 'pinned'),
  (tests.oid('A'), md5('programme/A')::uuid, 'teacher_student', 'teacher_talented_student', tests.pid('teacher'), tests.pid('bystander'), 'forbidden'),
  (tests.oid('B'), md5('programme/B')::uuid, 'teacher_student', 'teacher_talented_student', tests.pid('b_mentor'), tests.pid('b_mentee'), 'pinned');

create function tests.choose(school text, programme text, mentor text, mentee text, choice text) returns text language sql as $$
  select format($f$insert into public.matching_choices (organisation_id, programme_id, form_key, role_model, mentor_person_id, mentee_person_id, choice)
    values (%L, %L, 'teacher_student', 'teacher_talented_student', %L, %L, %L)$f$,
    tests.oid(school), md5('programme/' || programme)::uuid, tests.pid(mentor), tests.pid(mentee), choice)
$$;
grant execute on all functions in schema tests to public;

select ok((select relrowsecurity and relforcerowsecurity from pg_class where oid = 'public.matching_choices'::regclass),
  'matching_choices: row-level security enabled and forced');

-- Reads.
select is(tests.visible('anon', 'matching_choices'), -1, 'anon cannot read pins and forbids');
select is(tests.visible('curator', 'matching_choices'), 2, 'the curator sees her school''s pins and forbids, not the other''s');
select is(tests.visible('head', 'matching_choices'), 2, 'so does the head');
select is(tests.visible('mentor', 'matching_choices'), 0, 'a mentor does not, not even the pin that names him');
select is(tests.visible('mentee', 'matching_choices'), 0, 'nor the mentee');
select is(tests.visible('b_curator', 'matching_choices', format('organisation_id = %L', tests.oid('A'))), 0,
  'another school''s curator sees none of school A''s');

-- Writes.
select is(tests.try_as('curator', tests.choose('A', 'A', 'mentor', 'bystander', 'forbidden')), 'ok 1',
  'the curator forbids a pair in her school');
select is(tests.try_as('head', tests.choose('A', 'A', 'teacher', 'mentee', 'pinned')), 'ok 1', 'the head pins a pair');
select is(tests.try_as('curator', tests.choose('A', 'A', 'mentor', 'mentee', 'forbidden')), '23505',
  'a pair is pinned or forbidden, never both');
select is(tests.try_as('b_curator', tests.choose('A', 'A', 'teacher', 'minor_no_consent', 'pinned')), '42501',
  'another school''s curator cannot pin in school A');
select is(tests.try_as('b_curator', tests.choose('B', 'B', 'b_mentor', 'mentee', 'pinned')), '23503',
  'nor name a school A pupil in her own school''s choices');
select is(tests.try_as('b_curator', tests.choose('B', 'A', 'b_mentor', 'b_mentee', 'pinned')), '23503',
  'nor put them under school A''s programme');
select is(tests.try_as('mentor', tests.choose('A', 'A', 'mentor', 'minor_no_consent', 'pinned')), '42501',
  'a mentor cannot pin himself to a pupil');
select is(tests.try_as('anon', tests.choose('A', 'A', 'mentor', 'minor_no_consent', 'pinned')), '42501', 'anon cannot pin');
select is(tests.try_as('curator', format($$update public.matching_choices set choice = 'forbidden' where mentor_person_id = %L and mentee_person_id = %L$$,
  tests.pid('mentor'), tests.pid('mentee'))), 'ok 1', 'the curator turns a pin into a forbid');
select is(tests.try_as('curator', format($$update public.matching_choices set mentee_person_id = %L where mentor_person_id = %L and mentee_person_id = %L$$,
  tests.pid('minor_no_consent'), tests.pid('mentor'), tests.pid('mentee'))), '23514', 'a choice never moves to another pair');
select is(tests.try_as('b_curator', $$delete from public.matching_choices$$), 'ok 1', 'another school''s curator removes only her own');
select is(tests.try_as('mentor', $$delete from public.matching_choices$$), 'ok 0', 'a mentor removes nothing');
select is(tests.try_as('curator', format($$delete from public.matching_choices where organisation_id = %L$$, tests.oid('A'))), 'ok 4',
  'the curator clears her school''s pins and forbids');

select * from finish();
rollback;
