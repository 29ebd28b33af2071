-- pgTAP: the rules the database enforces on groups, whoever the client is:
-- consent for minors (152-ФЗ), trained mentors only, the group lifecycle, and withdrawal.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(14);
\ir fixtures/two_schools.inc

-- A draft pair with the minor who has no consent: allowed while it is a draft.
insert into public.mentoring_groups (id, organisation_id, programme_id, form, role_model, status)
values (md5('group/draft')::uuid, tests.oid('A'), md5('programme/A')::uuid, 'teacher_student', 'teacher_talented_student', 'draft');
select lives_ok(format($$insert into public.group_members (group_id, person_id, organisation_id, role) values
  (%L, %L, %L, 'mentor'), (%L, %L, %L, 'mentee')$$,
  md5('group/draft')::uuid, tests.pid('mentor'), tests.oid('A'), md5('group/draft')::uuid, tests.pid('minor_no_consent'), tests.oid('A')),
  'a draft group may hold a minor whose consent is still being collected');
select throws_like(format($$update public.mentoring_groups set status = 'active' where id = %L$$, md5('group/draft')::uuid),
  '%согласия%', 'publishing the group is refused while a minor in it has no consent');
select throws_like(format($$insert into public.group_members (group_id, person_id, organisation_id, role) values (%L, %L, %L, 'mentee')$$,
  md5('group/A')::uuid, tests.pid('minor_no_consent'), tests.oid('A')),
  '%согласия%', 'a minor without consent cannot join an active group');

insert into public.consents (person_id, organisation_id, given_by, given_on) values (tests.pid('minor_no_consent'), tests.oid('A'), 'parent', current_date);
select lives_ok(format($$update public.mentoring_groups set status = 'active' where id = %L$$, md5('group/draft')::uuid),
  'with the consent recorded the group is published');
select isnt((select started_on from public.mentoring_groups where id = md5('group/draft')::uuid), null, 'publishing dates the group');

-- Trained mentors only.
select throws_like(format($$insert into public.group_members (group_id, person_id, organisation_id, role) values (%L, %L, %L, 'mentor')$$,
  md5('group/A')::uuid, tests.pid('teacher'), tests.oid('A')),
  '%обучение%', 'an untrained mentor cannot join an active group');
insert into public.enrolments (organisation_id, programme_id, person_id, base, training_status, trained_on)
values (tests.oid('A'), md5('programme/A')::uuid, tests.pid('teacher'), 'mentor', 'trained', current_date);
select lives_ok(format($$insert into public.group_members (group_id, person_id, organisation_id, role) values (%L, %L, %L, 'mentor')$$,
  md5('group/A')::uuid, tests.pid('teacher'), tests.oid('A')), 'once trained, the co-mentor joins');

-- The lifecycle: draft → active → completed | cancelled, never back.
select lives_ok(format($$update public.mentoring_groups set status = 'completed' where id = %L$$, md5('group/draft')::uuid), 'an active group completes');
select isnt((select ended_on from public.mentoring_groups where id = md5('group/draft')::uuid), null, 'completing dates the end');
select throws_like(format($$update public.mentoring_groups set status = 'active' where id = %L$$, md5('group/draft')::uuid),
  '%cannot go from completed to active%', 'a completed group cannot be reopened');

-- Withdrawal ends the minor's participation and, with no mentee left, the group.
update public.consents set withdrawn_on = current_date where person_id = tests.pid('mentee');
select is((select left_reason from public.group_members where group_id = md5('group/A')::uuid and person_id = tests.pid('mentee')),
  'согласие на обработку персональных данных отозвано', 'withdrawing consent ends the mentee''s membership, with the reason');
select is((select status from public.mentoring_groups where id = md5('group/A')::uuid), 'cancelled', 'a pair without a mentee is cancelled');
select is((select count(*)::int from public.group_members where group_id = md5('group/A')::uuid), 3, 'history is kept: nobody is deleted');
select ok((select count(*) from public.audit_log where table_name = 'group_members' and action = 'update') >= 1, 'the change is in the audit log');

select * from finish();
rollback;
