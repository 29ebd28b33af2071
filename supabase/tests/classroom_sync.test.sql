-- pgTAP: the Classroom sync's tables (20261127091000_classroom_sync) and people.left_at. The head
-- and the curators of a school read and write its courses, runs and queue; nobody else of the
-- school sees them, another school's curator neither sees nor touches them, anon is refused; push
-- registrations are written by the service only.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(69);
\ir fixtures/two_schools.inc

insert into public.classroom_courses (organisation_id, course_id, name, section, state, class_id, roster, roster_hash) values
  (tests.oid('A'), 'course-a', 'Алгебра', '5А', 'ACTIVE', md5('class/A5')::uuid, '[{"id": "g-1", "role": "s"}]', 'h-a'),
  (tests.oid('B'), 'course-b', 'Физика', '7Б', 'ACTIVE', md5('class/B7')::uuid, '[]', 'h-b');
insert into public.classroom_sync_runs (id, organisation_id, source, dry_run, status) values
  (md5('run/A')::uuid, tests.oid('A'), 'curator', true, 'previewed'),
  (md5('run/B')::uuid, tests.oid('B'), 'schedule', false, 'applied');
insert into public.classroom_sync_queue (organisation_id, google_user_id, reason, profile, candidates) values
  (tests.oid('A'), 'g-namesake', 'namesakes', '{"last": "Учеников", "first": "Егор"}', array[tests.pid('mentee')]),
  (tests.oid('B'), 'g-other', 'other_class', '{"last": "Бэ", "first": "Максим"}', array[tests.pid('b_mentee')]);
insert into public.classroom_push_registrations (organisation_id, course_id, registration_id, topic, expires_at) values
  (tests.oid('A'), 'course-a', 'reg-a', 'projects/p/topics/t', now() + interval '7 days'),
  (tests.oid('B'), 'course-b', 'reg-b', 'projects/p/topics/t', now() + interval '7 days');

-- Reads: 4 tables × 7 people, and anon.
create table tests.sync_tables (tbl text);
insert into tests.sync_tables values ('classroom_courses'), ('classroom_sync_runs'), ('classroom_sync_queue'), ('classroom_push_registrations');
select is(tests.visible(w.who, t.tbl), w.sees, format('%s sees %s row(s) of %s', w.who, w.sees, t.tbl))
from tests.sync_tables t
cross join (values ('head', 1), ('curator', 1), ('teacher', 0), ('mentor', 0), ('mentee', 0), ('bystander', 0), ('b_curator', 1)) w (who, sees)
order by t.tbl, w.who;
select is(tests.visible('anon', t.tbl), -1, format('anon cannot read %s', t.tbl)) from tests.sync_tables t order by t.tbl;
select is(tests.visible('b_curator', 'classroom_sync_runs', format('organisation_id = %L', tests.oid('A'))), 0, 'school B''s curator sees no run of school A');

-- Courses.
select is(tests.try_as('curator', format($$insert into public.classroom_courses (organisation_id, course_id, name, state) values (%L, 'course-a2', 'Русский язык', 'ACTIVE')$$, tests.oid('A'))),
  'ok 1', 'a curator records a course of their school');
select is(tests.try_as('curator', format($$insert into public.classroom_courses (organisation_id, course_id, name, state) values (%L, 'course-x', 'Чужой', 'ACTIVE')$$, tests.oid('B'))),
  '42501', 'a curator cannot record a course of another school');
select is(tests.try_as('mentor', format($$insert into public.classroom_courses (organisation_id, course_id, name, state) values (%L, 'course-m', 'Кружок', 'ACTIVE')$$, tests.oid('A'))),
  '42501', 'a mentor records no course');
select is(tests.try_as('curator', $$update public.classroom_courses set roster_hash = 'h-a2' where course_id = 'course-a'$$), 'ok 1', 'a curator updates a course');
select is(tests.try_as('b_curator', $$update public.classroom_courses set roster_hash = 'x' where course_id = 'course-a'$$), 'ok 0', 'another school''s curator cannot update it');
select is(tests.try_as('curator', format($$update public.classroom_courses set organisation_id = %L where course_id = 'course-a'$$, tests.oid('B'))),
  '23514', 'a course does not move to another school');
select is(tests.try_as('b_curator', $$delete from public.classroom_courses where course_id = 'course-a'$$), 'ok 0', 'another school''s curator cannot forget it');
select is(tests.try_as('teacher', $$delete from public.classroom_courses where course_id = 'course-a'$$), 'ok 0', 'a teacher cannot forget it');
select is(tests.try_as('curator', $$delete from public.classroom_courses where course_id = 'course-a2'$$), 'ok 1', 'a curator forgets a course');
select is(tests.try_as('anon', $$delete from public.classroom_courses$$), '42501', 'anon touches no course');

-- Runs.
select is(tests.try_as('curator', format($$insert into public.classroom_sync_runs (organisation_id, started_by, source, dry_run) values (%L, %L, 'curator', true)$$,
  tests.oid('A'), tests.pid('curator'))), 'ok 1', 'a curator starts a run');
select is(tests.try_as('curator', format($$insert into public.classroom_sync_runs (organisation_id, source, dry_run) values (%L, 'curator', true)$$, tests.oid('B'))),
  '42501', 'a curator cannot start a run in another school');
select is(tests.try_as('teacher', format($$insert into public.classroom_sync_runs (organisation_id, source, dry_run) values (%L, 'curator', true)$$, tests.oid('A'))),
  '42501', 'a teacher starts no run');
select is(tests.try_as('curator', format($$update public.classroom_sync_runs set courses_done = 3, courses_total = 5 where id = %L$$, md5('run/A')::uuid)),
  'ok 1', 'a curator records a run''s progress');
select is(tests.try_as('b_curator', format($$update public.classroom_sync_runs set status = 'failed' where id = %L$$, md5('run/A')::uuid)),
  'ok 0', 'another school''s curator cannot change it');
select is(tests.try_as('curator', format($$update public.classroom_sync_runs set source = 'push' where id = %L$$, md5('run/A')::uuid)),
  '23514', 'what started a run never changes');
select is(tests.try_as('curator', format($$delete from public.classroom_sync_runs where id = %L$$, md5('run/A')::uuid)),
  '42501', 'runs are never deleted');
select is(tests.try_as('curator', format($$insert into public.classroom_sync_runs (organisation_id, source, dry_run, status) values (%L, 'curator', true, 'done')$$, tests.oid('A'))),
  '23514', 'a run''s status is one of the five');
select is(tests.try_as('anon', format($$insert into public.classroom_sync_runs (organisation_id, source, dry_run) values (%L, 'curator', true)$$, tests.oid('A'))),
  '42501', 'anon starts no run');

-- The queue.
select is(tests.try_as('curator', format($$insert into public.classroom_sync_queue (organisation_id, google_user_id, reason, profile) values (%L, 'g-2', 'same_person', '{}')$$, tests.oid('A'))),
  'ok 1', 'a curator queues an uncertain account');
select is(tests.try_as('curator', format($$insert into public.classroom_sync_queue (organisation_id, google_user_id, reason, profile) values (%L, 'g-3', 'same_person', '{}')$$, tests.oid('B'))),
  '42501', 'a curator cannot queue into another school');
select is(tests.try_as('mentor', format($$insert into public.classroom_sync_queue (organisation_id, google_user_id, reason, profile) values (%L, 'g-4', 'namesakes', '{}')$$, tests.oid('A'))),
  '42501', 'a mentor queues nothing');
select is(tests.try_as('curator', $$update public.classroom_sync_queue set decision = 'skip' where google_user_id = 'g-namesake'$$), 'ok 1', 'a curator answers the queue');
select is(tests.try_as('curator', format($$update public.classroom_sync_queue set decision = 'class', decided_class_id = %L where google_user_id = 'g-2'$$, md5('class/B7')::uuid)),
  '23503', 'a class chosen must be the school''s own');
select is(tests.try_as('curator', $$update public.classroom_sync_queue set decision = 'class' where google_user_id = 'g-2'$$),
  '23514', 'a class decision names its class');
select is(tests.try_as('b_curator', $$update public.classroom_sync_queue set decision = 'skip' where google_user_id = 'g-2'$$), 'ok 0', 'another school''s curator cannot answer it');
select is(tests.try_as('b_curator', $$delete from public.classroom_sync_queue where google_user_id = 'g-2'$$), 'ok 0', 'nor clear it');
select is(tests.try_as('curator', $$delete from public.classroom_sync_queue where google_user_id = 'g-2'$$), 'ok 1', 'a curator clears a resolved entry');

-- Push registrations: the service writes them, curators only read.
select is(tests.try_as('curator', format($$insert into public.classroom_push_registrations (organisation_id, course_id, registration_id, topic, expires_at) values (%L, 'c', 'r', 't', now())$$, tests.oid('A'))),
  '42501', 'a curator cannot register a push');
select is(tests.try_as('curator', $$update public.classroom_push_registrations set expires_at = now()$$), '42501', 'nor renew one');

-- Left: a curator marks a person as left (never deleted); nobody else can.
select is(tests.try_as('curator', format($$update public.people set left_at = now() where id = %L$$, tests.pid('bystander'))), 'ok 1', 'a curator marks a pupil as left');
select is(tests.try_as('mentor', format($$update public.people set left_at = now() where id = %L$$, tests.pid('mentee'))), 'ok 0', 'a mentor cannot');
select is(tests.try_as('b_curator', format($$update public.people set left_at = null where id = %L$$, tests.pid('bystander'))), 'ok 0', 'nor another school''s curator');

-- Erasure on request reaches the sync's copies: the account leaves the stored roster and is left out for good.
update public.people set google_user_id = 'g-1' where id = tests.pid('bystander');
select is(tests.try_as('curator', format('select public.erase_person(%L)', tests.pid('bystander'))), 'ok 1', 'the curator erases a synced pupil');
select is((select roster from public.classroom_courses where course_id = 'course-a'), '[]'::jsonb, 'their account is gone from the stored roster');
select is((select reason || ' ' || decision || ' ' || profile::text from public.classroom_sync_queue where google_user_id = 'g-1'),
  'erased skip {}', 'and the next sync leaves the account out, keeping nothing of it');

select * from finish();
rollback;
