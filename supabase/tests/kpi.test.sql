-- pgTAP: the KPI on a small known dataset (fixtures/two_schools.inc and the groups below). School A:
-- 3 students, 4 staff; school B: 1 student, 2 staff, one pair. In school A:
--   group A    (fixture, active from 2026-10-01): mentor + mentee
--   group A2   (active from 2026-10-01, same form): mentor + mentee again, so each is in two
--              running groups and must still count once, in every figure
--   group A-draft (a draft with its planned start 2026-10-01): teacher + bystander, not running
--   group A-sep   (completed, 2026-09-01 – 09-10): head + minor_no_consent, over since
--   group A-jan   (published, starting 2027-01-15 by the order): mentor + bystander, assigned
--                 since 2026-10-01 but not running yet
-- Every KPI function (kpi_involvement, kpi_involvement_by_month, kpi_rollup) is checked for each
-- of these, and for a member who left. The figures come from the counters the triggers keep
-- (kpi_counters, kpi_person_spans); at the end they are checked against a recount from the raw
-- tables, and nobody signed in may write them or read the country.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(30);
\ir fixtures/two_schools.inc

insert into public.mentoring_groups (id, organisation_id, programme_id, form, role_model, status, started_on, ended_on) values
  (md5('group/A2')::uuid, tests.oid('A'), md5('programme/A')::uuid, 'teacher_student', 'teacher_talented_student', 'active', '2026-10-01', null),
  (md5('group/A-draft')::uuid, tests.oid('A'), md5('programme/A')::uuid, 'teacher_student', 'teacher_talented_student', 'draft', '2026-10-01', null),
  (md5('group/A-sep')::uuid, tests.oid('A'), md5('programme/A')::uuid, 'teacher_student', 'teacher_talented_student', 'completed', '2026-09-01', '2026-09-10'),
  (md5('group/A-jan')::uuid, tests.oid('A'), md5('programme/A')::uuid, 'teacher_student', 'teacher_talented_student', 'active', '2027-01-15', null);
insert into public.group_members (group_id, person_id, organisation_id, role, joined_on) values
  (md5('group/A2')::uuid, tests.pid('mentor'), tests.oid('A'), 'mentor', '2026-10-01'),
  (md5('group/A2')::uuid, tests.pid('mentee'), tests.oid('A'), 'mentee', '2026-10-01'),
  (md5('group/A-draft')::uuid, tests.pid('teacher'), tests.oid('A'), 'mentor', '2026-10-01'),
  (md5('group/A-draft')::uuid, tests.pid('bystander'), tests.oid('A'), 'mentee', '2026-10-01'),
  (md5('group/A-sep')::uuid, tests.pid('head'), tests.oid('A'), 'mentor', '2026-09-01'),
  (md5('group/A-sep')::uuid, tests.pid('minor_no_consent'), tests.oid('A'), 'mentee', '2026-09-01'),
  (md5('group/A-jan')::uuid, tests.pid('mentor'), tests.oid('A'), 'mentor', '2026-10-01'),
  (md5('group/A-jan')::uuid, tests.pid('bystander'), tests.oid('A'), 'mentee', '2026-10-01');

-- Students and staff involved in school A by every function on one date: organisation, form and
-- class rows of kpi_involvement, and school A's row of the roll-up (as the service: every school).
create function tests.involved_a(at_date date) returns text language sql as $$
  select format('organisation %s/%s, form %s, class %s, rollup %s/%s',
    (select students_involved from public.kpi_involvement(tests.oid('A'), at_date) where dimension = 'organisation'),
    (select staff_involved from public.kpi_involvement(tests.oid('A'), at_date) where dimension = 'organisation'),
    coalesce((select string_agg(format('%s %s/%s', key, students_involved, staff_involved), ', ' order by key)
              from public.kpi_involvement(tests.oid('A'), at_date) where dimension = 'form'), 'none'),
    (select students_involved from public.kpi_involvement(tests.oid('A'), at_date) where dimension = 'class'),
    (select students_involved from public.kpi_rollup('Тестовая область', at_date) where level = 'organisation' and organisation_name = 'Школа А'),
    (select staff_involved from public.kpi_rollup('Тестовая область', at_date) where level = 'organisation' and organisation_name = 'Школа А'))
$$;

select results_eq(
  $$select dimension, key, students_total, students_involved, staff_total, staff_involved
    from public.kpi_involvement(tests.oid('A'), '2026-11-01') where dimension in ('organisation', 'form') order by 1 desc, 2$$,
  format($$values ('organisation', %L, 3, 1, 4, 1), ('form', 'teacher_student', 3, 1, 4, 1)$$, tests.oid('A')),
  'school A: one of three students and one of four staff are involved');
select results_eq(
  $$select label, students_total, students_involved from public.kpi_involvement(tests.oid('A'), '2026-11-01') where dimension = 'class'$$,
  $$values ('5А', 3, 1)$$, 'class 5А: one of three');
select results_eq(
  $$select students_involved, staff_involved from public.kpi_involvement(tests.oid('A'), '2026-09-15') where dimension = 'organisation'$$,
  $$values (0, 0)$$, 'between the September group''s end and the pairs'' start nobody is involved');
select results_eq(
  $$select month, students_involved, staff_involved from public.kpi_involvement_by_month(tests.oid('A'), '2026-09-01', '2026-11-01')$$,
  $$values ('2026-09-01'::date, 1, 1), ('2026-10-01'::date, 1, 1), ('2026-11-01'::date, 1, 1)$$,
  'month by month: September''s group, then the pair; the mentee and mentor of two groups count once a month, the draft not at all');

-- Each function, each case.
select is(tests.involved_a('2026-11-01'), 'organisation 1/1, form teacher_student 1/1, class 1, rollup 1/1',
  'in two running groups, the mentee and the mentor count once in every figure; the draft''s and January''s members not at all');
select is(tests.involved_a('2026-09-05'), 'organisation 1/1, form teacher_student 1/1, class 1, rollup 1/1',
  'a completed group counts while it ran');
select is(tests.involved_a('2026-09-15'), 'organisation 0/0, form none, class 0, rollup 0/0',
  'and not after it ended, in any function');
select is(tests.involved_a('2026-09-30'), 'organisation 0/0, form none, class 0, rollup 0/0',
  'the day before the pairs start, nobody counts in any function');

-- A member who left (both her groups) is no longer counted from the day she left (left_on is the
-- first day she is no longer a member).
update public.group_members set left_on = '2026-10-20', left_reason = 'перевёлся в другую школу' where person_id = tests.pid('mentee');
select results_eq(
  $$select students_involved from public.kpi_involvement(tests.oid('A'), '2026-11-01') where dimension = 'organisation'$$,
  $$values (0)$$, 'a mentee who left is not involved any more');
select is(tests.involved_a('2026-10-19'), 'organisation 1/1, form teacher_student 1/1, class 1, rollup 1/1',
  'the day before she left she still counts everywhere');
select is(tests.involved_a('2026-10-20'), 'organisation 0/1, form teacher_student 0/1, class 0, rollup 0/1',
  'from the day she left she counts nowhere: organisation, form, class, roll-up');
select is(tests.involved_a('2026-11-01'), 'organisation 0/1, form teacher_student 0/1, class 0, rollup 0/1',
  'nor later');
select results_eq(
  $$select month, students_involved, staff_involved from public.kpi_involvement_by_month(tests.oid('A'), '2026-10-01', '2026-12-01')$$,
  $$values ('2026-10-01'::date, 1, 1), ('2026-11-01'::date, 0, 1), ('2026-12-01'::date, 0, 1)$$,
  'by month: involved in the month she left, not in the months after');
select results_eq(
  $$select level, students_involved, staff_involved from public.kpi_rollup('Тестовая область', '2026-11-01') where level <> 'organisation'$$,
  $$values ('region', 1, 2), ('municipality', 1, 1), ('municipality', 0, 1)$$,
  'the region and the municipalities no longer count her either');
update public.group_members set left_on = '2026-11-01' where person_id = tests.pid('mentee');
select results_eq(
  $$select month, students_involved from public.kpi_involvement_by_month(tests.oid('A'), '2026-10-01', '2026-11-01')$$,
  $$values ('2026-10-01'::date, 1), ('2026-11-01'::date, 0)$$,
  'leaving on the first of a month: involved in the month before, not in that month');
update public.group_members set left_on = null, left_reason = null where person_id = tests.pid('mentee');

-- A group's own dates move its members' figures: January's group brought forward to 15 October.
update public.mentoring_groups set started_on = '2026-10-15' where id = md5('group/A-jan')::uuid;
select is(tests.involved_a('2026-11-01'), 'organisation 2/1, form teacher_student 2/1, class 2, rollup 2/1',
  'a group that starts earlier counts its members from its new start');
update public.mentoring_groups set started_on = '2027-01-15' where id = md5('group/A-jan')::uuid;
select is(tests.involved_a('2026-11-01'), 'organisation 1/1, form teacher_student 1/1, class 1, rollup 1/1',
  'and not once it is put back');

-- Row-level security decides the school figures: the head gets them, a stranger gets zeros.
select tests.act_as('head');
select results_eq(
  $$select students_total, students_involved from public.kpi_involvement(tests.oid('A'), '2026-11-01') where dimension = 'organisation'$$,
  $$values (3, 1)$$, 'the head reads the school''s KPI');
reset role;
select tests.act_as('b_curator');
select is_empty($$select * from public.kpi_involvement(tests.oid('A'), '2026-11-01')$$,
  'another school''s curator reads nothing of school A');
reset role;

-- The regional roll-up: the regional viewer sees both schools, their municipalities and the region.
select tests.act_as('region_viewer');
select results_eq(
  $$select level, municipality, organisation_name, schools, students_total, students_involved, staff_total, staff_involved
    from public.kpi_rollup('Тестовая область', '2026-11-01')$$,
  $$values ('region', null, null, 2, 4, 2, 6, 2),
           ('organisation', 'Город Два', 'Школа Б', 1, 1, 1, 2, 1),
           ('organisation', 'Город Один', 'Школа А', 1, 3, 1, 4, 1),
           ('municipality', 'Город Два', null, 1, 1, 1, 2, 1),
           ('municipality', 'Город Один', null, 1, 3, 1, 4, 1)$$,
  'the region, each municipality and each school');
reset role;
select tests.act_as('curator');
select results_eq(
  $$select level, students_total from public.kpi_rollup('Тестовая область', '2026-11-01') where level = 'region'$$,
  $$values ('region', 3)$$, 'a school''s curator gets the roll-up of their own school only');
reset role;
select tests.act_as('mentor');
select is_empty($$select * from public.kpi_rollup('Тестовая область', '2026-11-01')$$, 'a mentor gets no roll-up');
reset role;

-- Nobody signed in writes the counters; the country is the service's.
select is(tests.try_as('curator', format($$insert into public.kpi_counters values ('organisation', %L, '', 'student', '2026-01-01', 100)$$,
  tests.oid('A'))), '42501', 'a curator cannot add to the counters');
select is(tests.try_as('head', 'update public.kpi_counters set delta = delta + 1'), '42501', 'the head cannot change them');
select is(tests.try_as('curator', 'delete from public.kpi_person_spans'), '42501', 'nor delete the spans');
select is(tests.try_as('region_viewer', $$select * from public.kpi_country('2026-11-01')$$), '42501', 'a regional viewer does not read the country');
select is(tests.try_as('anon', 'select * from public.kpi_counters'), '42501', 'anon reads no counters');
select results_eq(
  $$select level, region, schools, students_total, students_involved, staff_total, staff_involved from public.kpi_country('2026-11-01')$$,
  $$values ('region', 'Тестовая область', 2, 4, 2, 6, 2), ('country', null, 2, 4, 2, 6, 2)$$,
  'the country: each region and the whole, as the service reads it');

-- The counters kept through all the changes above equal a recount from the raw tables.
create table tests.kept as select * from public.kpi_counters where delta <> 0;
create table tests.kept_spans as select * from public.kpi_person_spans;
select app.kpi_recount();
select set_eq('select * from tests.kept', $$select * from public.kpi_counters where delta <> 0$$,
  'the counters equal a recount from the raw tables');
select set_eq('select * from tests.kept_spans', 'select * from public.kpi_person_spans', 'and so do the spans');

select * from finish();
rollback;
