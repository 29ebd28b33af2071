-- pgTAP: row-level security of the core tables with two schools. Runs with `supabase test db`
-- on a Supabase stack, and with pg_prove on any Postgres migrated by `npm run db:migrate`
-- (`npm test` does the latter). Everything happens in one transaction that is rolled back.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(16);

-- Two schools, each with a curator, a mentor, a mentee and their pair.
insert into auth.users (id, email) values
  ('a0000000-0000-4000-8000-000000000001', 'curator@a.test'),
  ('a0000000-0000-4000-8000-000000000002', 'mentor@a.test'),
  ('a0000000-0000-4000-8000-000000000003', 'mentee@a.test'),
  ('b0000000-0000-4000-8000-000000000002', 'mentor@b.test');
insert into public.organisations (id, name) values
  ('a1000000-0000-4000-8000-000000000000', 'Школа А'),
  ('b1000000-0000-4000-8000-000000000000', 'Школа Б');
insert into public.people (id, organisation_id, kind, last_name, first_name, auth_user_id) values
  ('a2000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000000', 'staff', 'Куратова', 'Анна', 'a0000000-0000-4000-8000-000000000001'),
  ('a2000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000000', 'staff', 'Наставникова', 'Вера', 'a0000000-0000-4000-8000-000000000002'),
  ('a2000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000000', 'student', 'Учеников', 'Пётр', 'a0000000-0000-4000-8000-000000000003'),
  ('a2000000-0000-4000-8000-000000000004', 'a1000000-0000-4000-8000-000000000000', 'student', 'Посторонний', 'Иван', null),
  ('b2000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000000', 'staff', 'Другая', 'Ольга', 'b0000000-0000-4000-8000-000000000002'),
  ('b2000000-0000-4000-8000-000000000003', 'b1000000-0000-4000-8000-000000000000', 'student', 'Другой', 'Олег', null);
insert into public.memberships (person_id, organisation_id, role) values
  ('a2000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000000', 'curator'),
  ('a2000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000000', 'teacher'),
  ('a2000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000000', 'student'),
  ('b2000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000000', 'teacher');
insert into public.programmes (id, organisation_id, academic_year, name, current_stage) values
  ('a3000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000000', '2026/2027', 'Программа А', 6),
  ('b3000000-0000-4000-8000-000000000000', 'b1000000-0000-4000-8000-000000000000', '2026/2027', 'Программа Б', 6);
insert into public.mentoring_groups (id, organisation_id, programme_id, form, role_model, status) values
  ('a4000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000000', 'a3000000-0000-4000-8000-000000000000', 'teacher_student', 'учитель – талантливый ученик', 'active'),
  ('b4000000-0000-4000-8000-000000000000', 'b1000000-0000-4000-8000-000000000000', 'b3000000-0000-4000-8000-000000000000', 'teacher_student', 'учитель – талантливый ученик', 'active');
insert into public.group_members (group_id, person_id, organisation_id, role) values
  ('a4000000-0000-4000-8000-000000000000', 'a2000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000000', 'mentor'),
  ('a4000000-0000-4000-8000-000000000000', 'a2000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000000', 'mentee'),
  ('b4000000-0000-4000-8000-000000000000', 'b2000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000000', 'mentor'),
  ('b4000000-0000-4000-8000-000000000000', 'b2000000-0000-4000-8000-000000000003', 'b1000000-0000-4000-8000-000000000000', 'mentee');

select is(
  (select count(*)::int from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'
     and not (relrowsecurity and relforcerowsecurity)),
  0, 'every public table has row-level security enabled and forced');

-- anon
set local role anon;
select set_config('request.jwt.claims', '{"role":"anon"}', true);
select throws_ok('select * from public.people', '42501', null, 'anon cannot read people');
select throws_ok('select * from public.meetings', '42501', null, 'anon cannot read meetings');
reset role;

-- the curator of school A
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"a0000000-0000-4000-8000-000000000001","role":"authenticated"}', true);
select is((select count(*)::int from public.people), 4, 'a curator sees every person of their school');
select is((select count(*)::int from public.people where organisation_id = 'b1000000-0000-4000-8000-000000000000'), 0, 'a curator sees nobody of another school');
select is((select count(*)::int from public.mentoring_groups), 1, 'a curator sees their school''s groups only');
select lives_ok($$insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
  values ('a5000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000000', 'a4000000-0000-4000-8000-000000000000',
          'introduction', '2026-10-01', 45, 'a2000000-0000-4000-8000-000000000001')$$, 'a curator logs a meeting of their school');
select throws_ok($$insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes)
  values ('b5000000-0000-4000-8000-000000000009', 'b1000000-0000-4000-8000-000000000000', 'b4000000-0000-4000-8000-000000000000',
          'introduction', '2026-10-01', 45)$$, '42501', null, 'a curator cannot log a meeting of another school');
reset role;

-- the mentor of school A
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"a0000000-0000-4000-8000-000000000002","role":"authenticated"}', true);
select is((select count(*)::int from public.people), 2, 'a mentor sees themself and their mentee');
select is((select count(*)::int from public.people where last_name = 'Посторонний'), 0, 'a mentor does not see other students');
select lives_ok($$insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
  values ('a5000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000000', 'a4000000-0000-4000-8000-000000000000',
          'trial', '2026-10-08', 40, 'a2000000-0000-4000-8000-000000000002')$$, 'a mentor logs a meeting of their group');
select throws_ok($$insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
  values ('a5000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000000', 'a4000000-0000-4000-8000-000000000000',
          'trial', '2026-10-08', 40, 'a2000000-0000-4000-8000-000000000001')$$, '42501', null, 'a mentor cannot log in someone else''s name');
select is((select count(*)::int from public.consents), 0, 'a mentor does not see consents');
reset role;

-- the mentee of school A
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"a0000000-0000-4000-8000-000000000003","role":"authenticated"}', true);
select is((select count(*)::int from public.meetings), 2, 'a mentee sees their group''s meetings');
select throws_ok($$insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
  values ('a5000000-0000-4000-8000-000000000004', 'a1000000-0000-4000-8000-000000000000', 'a4000000-0000-4000-8000-000000000000',
          'planning', '2026-10-15', 40, 'a2000000-0000-4000-8000-000000000003')$$, '42501', null, 'a mentee cannot log meetings');
reset role;

-- the mentor of school B
set local role authenticated;
select set_config('request.jwt.claims', '{"sub":"b0000000-0000-4000-8000-000000000002","role":"authenticated"}', true);
select is((select count(*)::int from public.meetings), 0, 'nothing crosses organisations: school B sees none of school A''s meetings');
reset role;

select * from finish();
rollback;
