-- pgTAP: appointing and removing the programme's curators (20261127091500_curator_roles). The
-- head and the curators of a school give and take back the curator's role in their school only;
-- a curator is a staff member; the last curator stays; a mentor, another school's curator and anon
-- change nothing; every change is in the audit log with who made it.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(26);
\ir fixtures/two_schools.inc

create function tests.appoint(person text, school text) returns text language sql as $$
  select format('insert into public.memberships (person_id, organisation_id, role) values (%L, %L, ''curator'')',
    tests.pid(person), tests.oid(school))
$$;
create function tests.remove(person text) returns text language sql as $$
  select format('delete from public.memberships where person_id = %L and role = ''curator''', tests.pid(person))
$$;
create function tests.curators(school text) returns text[] language sql as $$
  select coalesce(array_agg(p.last_name order by p.last_name), '{}') from public.memberships m join public.people p on p.id = m.person_id
  where m.organisation_id = tests.oid(school) and m.role = 'curator'
$$;
grant execute on all functions in schema tests to public;

-- Appointing.
select is(tests.try_as('mentor', tests.appoint('teacher', 'A')), '42501', 'a mentor who is no curator appoints nobody');
select is(tests.try_as('head', tests.appoint('teacher', 'A')), 'ok 1', 'the head appoints a teacher of her school as curator');
select is(tests.try_as('curator', tests.appoint('mentor', 'A')), 'ok 1', 'a curator appoints another staff member as curator');
select is(tests.curators('A'), '{Кураторова,Наставникова,Учителева}', 'school A now has three curators');
select is(tests.try_as('b_curator', tests.appoint('bystander', 'A')), '42501',
  'another school''s curator cannot appoint anyone in school A');
select is(tests.try_as('b_curator', tests.appoint('teacher', 'B')), '23514',
  'another school''s curator cannot make a school A teacher a curator of her own school');
select is(tests.try_as('teacher', tests.appoint('guardian', 'A')), '23514',
  'a curator cannot make a parent a curator: curators are staff');
select is(tests.try_as('curator', tests.appoint('mentee', 'A')), '23514', 'nor a pupil');
select is(tests.try_as('anon', tests.appoint('teacher', 'A')), '42501', 'anon appoints nobody');
select is(tests.try_as('curator', format('insert into public.memberships (person_id, organisation_id, role) values (%L, %L, ''head'')',
  tests.pid('teacher'), tests.oid('A'))), '42501', 'nobody is made head through the API''s roles');
select is(tests.try_as('curator', tests.appoint('teacher', 'A')), '23505', 'a curator is appointed once');

-- The audit log: who gave whom the role.
select is((select array_agg(a.actor_user_id order by a.id) from public.audit_log a
  where a.table_name = 'memberships' and a.action = 'insert' and a.organisation_id = tests.oid('A')
    and a.row_id in (tests.pid('teacher') || '/curator', tests.pid('mentor') || '/curator')),
  array[tests.uid('head'), tests.uid('curator')], 'each appointment is in the audit log with who made it');

-- Removing.
select is(tests.try_as('b_curator', tests.remove('teacher')), 'ok 0', 'another school''s curator removes nobody of school A');
select is(tests.try_as('mentee', tests.remove('teacher')), 'ok 0', 'a pupil removes nobody');
select is(tests.try_as('anon', tests.remove('teacher')), '42501', 'anon removes nobody');
select is(tests.try_as('curator', tests.remove('teacher')), 'ok 1', 'a curator takes the role back from another curator');
select is(tests.try_as('head', format('delete from public.memberships where organisation_id = %L and role = ''curator''', tests.oid('A'))),
  '23514', 'removing every curator at once is refused, and nothing is removed');
select is(tests.curators('A'), '{Кураторова,Наставникова}', 'both remaining curators are still there');
select is(tests.try_as('mentor', tests.remove('mentor')), 'ok 1', 'a curator steps down while another remains');
select is(tests.try_as('head', tests.remove('curator')), '23514', 'not even the head removes the last curator');
select is(tests.try_as('curator', tests.remove('curator')), '23514', 'nor does the last curator step down');
select is(tests.try_as('b_curator', tests.remove('b_curator')), '23514', 'school B keeps its only curator too');
select is(tests.try_as('head', format('delete from public.memberships where person_id = %L and role = ''head''', tests.pid('head'))),
  'ok 0', 'the head''s role is not taken back through the API''s roles');
select is(tests.try_as('head', tests.appoint('teacher', 'A')) || ' ' || tests.try_as('head', tests.remove('curator')), 'ok 1 ok 1',
  'the head appoints a new curator and then removes the old one');
select ok(exists (select 1 from public.audit_log a where a.table_name = 'memberships' and a.action = 'delete'
    and a.row_id = tests.pid('curator') || '/curator' and a.actor_user_id = tests.uid('head')),
  'a removal is in the audit log with who made it');

-- The service (a school closed, an erasure) is not held back by the last-curator rule.
delete from public.memberships where person_id = tests.pid('b_curator') and role = 'curator';
select is(tests.curators('B'), '{}', 'the service role may remove a school''s last curator');

select * from finish();
rollback;
