-- pgTAP: adapter fallback reports (issue 17). A member of a school counts a broken page for it
-- (one more each time, today only) and reads its counts; another school's member neither reads
-- nor writes them; anon does nothing; nobody sets a count, moves a report or deletes one; the
-- table holds no personal data.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(14);
\ir fixtures/two_schools.inc

create function tests.report(org text, host text default 'deti.obr03.ru') returns text language sql as $$
  select format($f$insert into public.adapter_reports (organisation_id, site, host, page_kind) values (%L, 'netschool', %L, 'journal')
    on conflict (organisation_id, site, host, page_kind, reported_on) do update set count = public.adapter_reports.count + 1$f$,
    tests.oid(org), host)
$$;

select is(tests.try_as('mentor', tests.report('A')), 'ok 1', 'a mentor of school A reports a broken page for it');
select is(tests.try_as('mentee', tests.report('A')), 'ok 1', 'a pupil of school A reports the same page: one more');
select is((select count from public.adapter_reports where organisation_id = tests.oid('A')), 2, 'the count is 2, in one row');
select is(tests.visible('curator', 'adapter_reports'), 1, 'school A''s curator reads its count');
select is(tests.visible('b_mentor', 'adapter_reports'), 0, 'school B''s mentor reads none of school A''s');
select is(tests.try_as('b_mentor', tests.report('A')), '42501', 'school B''s mentor cannot report for school A');
select is(tests.try_as('b_mentor', tests.report('B', 'school17.eljur.ru')), 'ok 1', 'but reports for school B');
select is(tests.visible('anon', 'adapter_reports'), -1, 'anon reads nothing');
select is(tests.try_as('anon', tests.report('A')), '42501', 'anon reports nothing');
select is(
  tests.try_as('mentor', format('update public.adapter_reports set count = 500 where organisation_id = %L', tests.oid('A'))),
  '42501', 'a member cannot set the count');
select is(
  tests.try_as('mentor', format('update public.adapter_reports set host = %L, count = count + 1 where organisation_id = %L', 'x.example', tests.oid('A'))),
  '42501', 'nor move a report to another host');
select is(
  tests.try_as('mentor', format($f$insert into public.adapter_reports (organisation_id, site, host, page_kind, count) values (%L, 'mesh', 'school.mos.ru', 'journal', 40)$f$, tests.oid('A'))),
  '42501', 'nor start a count above one');
select is(tests.try_as('curator', 'delete from public.adapter_reports'), '42501', 'nor delete reports (the service role prunes them)');
select columns_are('public', 'adapter_reports', array['organisation_id', 'site', 'host', 'page_kind', 'reported_on', 'count'],
  'a report holds no personal data: school, site, host, page kind, day, count');

select * from finish();
rollback;
