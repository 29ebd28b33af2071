-- pgTAP: correcting an evaluated result (issue #13's upsert). The mentor of an active pair may
-- correct the outcome of a current mentee of that pair, on the same terms as recording it; nobody
-- else outside the curators may, and the mentor loses the right with the pair: once she leaves the
-- group, or for a mentee who has left it.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(11);
\ir fixtures/two_schools.inc

-- The pair's mentee has a grade in mathematics for the group; the bystander was the group's second
-- mentee until today, with an outcome of his own.
insert into public.group_members (group_id, person_id, organisation_id, role, joined_on) values
  (md5('group/A')::uuid, tests.pid('bystander'), tests.oid('A'), 'mentee', '2026-10-01');
insert into public.outcomes (id, organisation_id, programme_id, person_id, group_id, metric_key, subject, value_before, value_after) values
  (md5('outcome/A/maths')::uuid, tests.oid('A'), md5('programme/A')::uuid, tests.pid('mentee'), md5('group/A')::uuid, 'grades', 'Математика', 3.2, 3.9),
  (md5('outcome/A/left')::uuid, tests.oid('A'), md5('programme/A')::uuid, tests.pid('bystander'), md5('group/A')::uuid, 'grades', 'Математика', 3.0, 3.5);
update public.group_members set left_on = current_date, left_reason = 'перевёлся в другую группу'
  where group_id = md5('group/A')::uuid and person_id = tests.pid('bystander');

create function tests.correct(outcome text, value numeric) returns text language sql as $$
  select format('update public.outcomes set value_after = %s where id = %L', value, md5(outcome)::uuid)
$$;

select is(tests.try_as('mentor', tests.correct('outcome/A/maths', 4.6)), 'ok 1', 'the mentor corrects her mentee''s outcome');
select is((select value_after from public.outcomes where id = md5('outcome/A/maths')::uuid), 4.6, 'and the correction is stored');
select is(tests.try_as('mentee', tests.correct('outcome/A/maths', 5)), 'ok 0', 'the mentee cannot correct his own outcome');
select is(tests.try_as('teacher', tests.correct('outcome/A/maths', 5)), 'ok 0', 'nor his teacher');
select is(tests.try_as('guardian', tests.correct('outcome/A/maths', 5)), 'ok 0', 'nor his guardian');
select is(tests.try_as('b_mentor', tests.correct('outcome/A/maths', 5)), 'ok 0', 'nor another school''s mentor');
select is(tests.try_as('anon', tests.correct('outcome/A/maths', 5)), '42501', 'anon corrects nothing');
select is(tests.try_as('mentor', tests.correct('outcome/A/left', 5)), '42501', 'the mentor cannot correct the outcome of a mentee who left the group');

update public.group_members set left_on = current_date, left_reason = 'перешла в другую школу'
  where group_id = md5('group/A')::uuid and person_id = tests.pid('mentor');
select is(tests.try_as('mentor', tests.correct('outcome/A/maths', 5)), 'ok 0', 'a mentor who left the group corrects nothing of it');
select is(tests.try_as('curator', tests.correct('outcome/A/maths', 4.8)), 'ok 1', 'the school''s curator still corrects it');
select is(tests.try_as('b_curator', tests.correct('outcome/A/maths', 5)), 'ok 0', 'another school''s curator does not');

select * from finish();
rollback;
