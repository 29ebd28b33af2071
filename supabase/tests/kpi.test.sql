-- pgTAP: the KPI on a small known dataset (fixtures/two_schools.inc). School A: 3 students
-- (1 in the pair), 4 staff (the mentor in the pair); school B: 1 student, 2 staff, one pair.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(10);
\ir fixtures/two_schools.inc

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
  $$values (0, 0)$$, 'before the pair started nobody is involved');
select results_eq(
  $$select month, students_involved, staff_involved from public.kpi_involvement_by_month(tests.oid('A'), '2026-09-01', '2026-11-01')$$,
  $$values ('2026-09-01'::date, 0, 0), ('2026-10-01'::date, 1, 1), ('2026-11-01'::date, 1, 1)$$, 'month by month');

-- A member who left is no longer counted from the day after.
update public.group_members set left_on = '2026-10-20', left_reason = 'перевёлся в другую школу' where person_id = tests.pid('mentee');
select results_eq(
  $$select students_involved from public.kpi_involvement(tests.oid('A'), '2026-11-01') where dimension = 'organisation'$$,
  $$values (0)$$, 'a mentee who left is not involved any more');
update public.group_members set left_on = null, left_reason = null where person_id = tests.pid('mentee');

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

select * from finish();
rollback;
