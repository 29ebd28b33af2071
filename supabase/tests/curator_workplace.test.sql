-- pgTAP: stage 4's training sessions and attendance (20261127091300_curator_workplace). Curators
-- and the head of a school see and write their school's; a teacher, a mentor and another school's
-- curator nothing; anon nothing at all; attendance never names a person of another school.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(24);
\ir fixtures/two_schools.inc

insert into public.training_sessions (id, organisation_id, programme_id, held_on, topic, hours) values
  (md5('training/A')::uuid, tests.oid('A'), md5('programme/A')::uuid, '2026-09-15', 'Школа наставника', 4),
  (md5('training/B')::uuid, tests.oid('B'), md5('programme/B')::uuid, '2026-09-16', 'Школа наставника Б', 2);
insert into public.training_attendance (session_id, person_id, organisation_id) values
  (md5('training/A')::uuid, tests.pid('mentor'), tests.oid('A')),
  (md5('training/B')::uuid, tests.pid('b_mentor'), tests.oid('B'));

select ok((select relrowsecurity and relforcerowsecurity from pg_class where oid = 'public.training_sessions'::regclass),
  'training_sessions: row-level security enabled and forced');
select ok((select relrowsecurity and relforcerowsecurity from pg_class where oid = 'public.training_attendance'::regclass),
  'training_attendance: row-level security enabled and forced');

-- Reads.
select is(tests.visible('anon', 'training_sessions'), -1, 'anon cannot read training sessions');
select is(tests.visible('anon', 'training_attendance'), -1, 'anon cannot read training attendance');
select is(tests.visible('curator', 'training_sessions'), 1, 'the curator sees her school''s session, not the other''s');
select is(tests.visible('head', 'training_sessions'), 1, 'the head sees the school''s session');
select is(tests.visible('curator', 'training_attendance'), 1, 'the curator sees who attended in her school');
select is(tests.visible('b_curator', 'training_sessions', format('organisation_id = %L', tests.oid('A'))), 0,
  'another school''s curator sees none of school A''s sessions');
select is(tests.visible('b_curator', 'training_attendance', format('organisation_id = %L', tests.oid('A'))), 0,
  'another school''s curator sees none of school A''s attendance');
select is(tests.visible('b_curator', 'training_sessions'), 1, 'school B''s curator sees her own session');
select is(tests.visible('mentor', 'training_sessions'), 0, 'a mentor does not read the curators'' training records');
select is(tests.visible('teacher', 'training_attendance'), 0, 'a teacher does not read attendance');

-- Writes.
select is(tests.try_as('curator', format(
  $$insert into public.training_sessions (organisation_id, programme_id, held_on, topic) values (%L, %L, '2026-10-01', 'Второе занятие')$$,
  tests.oid('A'), md5('programme/A')::uuid)), 'ok 1', 'the curator plans a session in her school');
select is(tests.try_as('b_curator', format(
  $$insert into public.training_sessions (organisation_id, programme_id, held_on, topic) values (%L, %L, '2026-10-01', 'Чужое')$$,
  tests.oid('A'), md5('programme/A')::uuid)), '42501', 'another school''s curator cannot add a session to school A');
select is(tests.try_as('mentor', format(
  $$insert into public.training_sessions (organisation_id, programme_id, held_on, topic) values (%L, %L, '2026-10-01', 'Сам себя')$$,
  tests.oid('A'), md5('programme/A')::uuid)), '42501', 'a mentor cannot add a session');
select is(tests.try_as('anon', format(
  $$insert into public.training_sessions (organisation_id, programme_id, held_on, topic) values (%L, %L, '2026-10-01', 'Аноним')$$,
  tests.oid('A'), md5('programme/A')::uuid)), '42501', 'anon cannot add a session');
select is(tests.try_as('curator', format(
  $$insert into public.training_sessions (organisation_id, programme_id, held_on, topic) values (%L, %L, current_date + 30, 'Будущее')$$,
  tests.oid('A'), md5('programme/A')::uuid)), '23514', 'a session is not recorded as held in the future');
select is(tests.try_as('b_curator', format($$update public.training_sessions set topic = 'x' where id = %L$$, md5('training/A')::uuid)),
  'ok 0', 'another school''s curator changes nothing of school A''s sessions');
select is(tests.try_as('curator', format($$update public.training_sessions set topic = 'Школа наставника, занятие 1' where id = %L$$,
  md5('training/A')::uuid)), 'ok 1', 'the curator corrects her school''s session');
select is(tests.try_as('curator', format(
  $$insert into public.training_attendance (session_id, person_id, organisation_id) values (%L, %L, %L)$$,
  md5('training/A')::uuid, tests.pid('teacher'), tests.oid('A'))), 'ok 1', 'the curator records who attended');
select is(tests.try_as('curator', format(
  $$insert into public.training_attendance (session_id, person_id, organisation_id) values (%L, %L, %L)$$,
  md5('training/A')::uuid, tests.pid('b_mentor'), tests.oid('A'))), '23503', 'attendance never names a person of another school');
select is(tests.try_as('b_curator', format($$delete from public.training_attendance where session_id = %L$$, md5('training/A')::uuid)),
  'ok 0', 'another school''s curator removes nothing of school A''s attendance');
select is(tests.try_as('mentor', format($$delete from public.training_sessions where id = %L$$, md5('training/A')::uuid)),
  'ok 0', 'a mentor removes no session');
select is(tests.try_as('curator', format($$delete from public.training_sessions where id = %L$$, md5('training/A')::uuid)),
  'ok 1', 'the curator removes her school''s session (its attendance goes with it)');

select * from finish();
rollback;
