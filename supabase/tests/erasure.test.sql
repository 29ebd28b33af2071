-- pgTAP: erasing a person on request (152-ФЗ): their personal data goes everywhere, the counts stay.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(11);
\ir fixtures/two_schools.inc

create table tests.kpi_before as select * from public.kpi_involvement(tests.oid('A'), '2026-11-01');

select is(tests.try_as('mentor', format('select public.erase_person(%L)', tests.pid('mentee'))), '42501', 'a mentor cannot erase anyone');
select is(tests.try_as('b_curator', format('select public.erase_person(%L)', tests.pid('mentee'))), '42501', 'another school''s curator cannot erase');
select is(tests.try_as('curator', format('select public.erase_person(%L)', tests.pid('mentee'))), 'ok 1', 'the curator erases the mentee');

select is((select last_name || ' ' || first_name from public.people where id = tests.pid('mentee')), 'Удалено Удалено', 'the name is gone');
select is((select auth_user_id from public.people where id = tests.pid('mentee')), null, 'the sign-in link is gone');
select is((select row(email, birth_year)::text from public.person_details where person_id = tests.pid('mentee')), '(,)', 'contacts and birth year are gone');
select is((select comment from public.meeting_feedback where person_id = tests.pid('mentee')), null, 'feedback comments are gone');
select is((select count(*)::int from public.guardianships where child_person_id = tests.pid('mentee')), 0, 'the guardian link is gone');
select is((select count(*)::int from public.audit_log
           where table_name in ('people', 'person_details') and row_id = tests.pid('mentee')::text
             and (old_data::text like '%Учеников%' or new_data::text like '%Учеников%' or old_data::text like '%contact.%')),
  0, 'the audit log keeps no copy of the personal data');
select ok(exists (select 1 from public.audit_log where action = 'erase' and row_id = tests.pid('mentee')::text), 'the erasure itself is logged');
select results_eq('select * from public.kpi_involvement(tests.oid(''A''), ''2026-11-01'') order by 1, 2',
                  'select * from tests.kpi_before order by 1, 2', 'the KPI counts are the same after erasure');

select * from finish();
rollback;
