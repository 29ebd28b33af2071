-- pgTAP: the stage 6–7 and monitoring tables (programme_reviews, good_practices,
-- questionnaire_requests) — who reads and writes them, in two schools and as anon.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(30);
\ir fixtures/two_schools.inc

insert into public.programme_reviews (programme_id, organisation_id, inactivity_days, strengths) values
  (md5('programme/A')::uuid, tests.oid('A'), 21, 'пары встречаются регулярно'),
  (md5('programme/B')::uuid, tests.oid('B'), 14, 'школа Б');
insert into public.good_practices (group_id, organisation_id, note) values
  (md5('group/A')::uuid, tests.oid('A'), 'олимпиадный проект'), (md5('group/B')::uuid, tests.oid('B'), 'школа Б');
insert into public.questionnaire_requests (programme_id, questionnaire_id, person_id, organisation_id, group_id)
select md5('programme/A')::uuid, q.id, tests.pid('mentee'), tests.oid('A'), md5('group/A')::uuid
from public.catalog_questionnaires q where q.key = (select min(key) from public.catalog_questionnaires where audience = 'mentee');
insert into public.questionnaire_requests (programme_id, questionnaire_id, person_id, organisation_id)
select md5('programme/B')::uuid, q.id, tests.pid('b_mentee'), tests.oid('B')
from public.catalog_questionnaires q where q.key = (select min(key) from public.catalog_questionnaires where audience = 'mentee');

-- Reads.
select is(tests.visible('head', 'programme_reviews'), 1, 'the head reads the school''s review');
select is(tests.visible('curator', 'programme_reviews'), 1, 'the curator reads it');
select is(tests.visible('mentor', 'programme_reviews'), 0, 'a mentor does not');
select is(tests.visible('b_curator', 'programme_reviews', format('organisation_id = %L', tests.oid('A'))), 0, 'school B''s curator reads nothing of A''s');
select is(tests.visible('region_viewer', 'programme_reviews'), 0, 'nor the regional viewer');
select is(tests.visible('anon', 'programme_reviews'), -1, 'anon: closed');
select is(tests.visible('curator', 'good_practices'), 1, 'the curator reads the school''s good practices');
select is(tests.visible('mentee', 'good_practices'), 0, 'a mentee does not');
select is(tests.visible('b_curator', 'good_practices', format('organisation_id = %L', tests.oid('A'))), 0, 'nor school B''s curator');
select is(tests.visible('anon', 'good_practices'), -1, 'anon: closed');
select is(tests.visible('curator', 'questionnaire_requests'), 1, 'the curator reads what was sent in the school');
select is(tests.visible('mentee', 'questionnaire_requests'), 1, 'the mentee reads what she is asked');
select is(tests.visible('mentor', 'questionnaire_requests'), 0, 'the mentor does not read the mentee''s requests');
select is(tests.visible('b_curator', 'questionnaire_requests', format('organisation_id = %L', tests.oid('A'))), 0, 'nor school B''s curator');
select is(tests.visible('anon', 'questionnaire_requests'), -1, 'anon: closed');

-- Writes.
select is(tests.try_as('curator', format($$update public.programme_reviews set weaknesses = 'мало встреч' where programme_id = %L$$, md5('programme/A')::uuid)),
  'ok 1', 'the curator writes the SWOT');
select is(tests.try_as('head', format($$update public.programme_reviews set closed_on = '2026-11-30' where programme_id = %L$$, md5('programme/A')::uuid)),
  'ok 1', 'the head closes the programme');
select is(tests.try_as('curator', format($$update public.programme_reviews set closed_on = '2099-01-01' where programme_id = %L$$, md5('programme/A')::uuid)),
  '23514', 'not on a day that has not come');
select is(tests.try_as('mentor', format($$update public.programme_reviews set strengths = 'x' where programme_id = %L$$, md5('programme/A')::uuid)),
  'ok 0', 'a mentor changes nothing');
select is(tests.try_as('b_curator', format($$update public.programme_reviews set strengths = 'x' where programme_id = %L$$, md5('programme/A')::uuid)),
  'ok 0', 'school B''s curator changes nothing of A''s');
select is(tests.try_as('b_curator', format($$insert into public.programme_reviews (programme_id, organisation_id) values (%L, %L)$$,
  md5('programme/A')::uuid, tests.oid('A'))), '42501', 'nor starts A''s review');
select is(tests.try_as('anon', format($$update public.programme_reviews set strengths = 'x' where programme_id = %L$$, md5('programme/A')::uuid)),
  '42501', 'anon writes nothing');
select is(tests.try_as('curator', format($$update public.good_practices set note = 'лучший кейс' where group_id = %L$$, md5('group/A')::uuid)),
  'ok 1', 'the curator edits a good practice');
select is(tests.try_as('mentor', format($$insert into public.good_practices (group_id, organisation_id, note) values (%L, %L, 'я молодец')$$,
  md5('group/A')::uuid, tests.oid('A'))), '42501', 'a mentor does not mark their own group');
select is(tests.try_as('b_curator', format($$delete from public.good_practices where group_id = %L$$, md5('group/A')::uuid)),
  'ok 0', 'school B''s curator unmarks nothing of A''s');
select is(tests.try_as('curator', format($$delete from public.good_practices where group_id = %L$$, md5('group/A')::uuid)),
  'ok 1', 'the curator unmarks it');
select is(tests.try_as('mentee', format($$insert into public.questionnaire_requests (programme_id, questionnaire_id, person_id, organisation_id)
  select %L, id, %L, %L from public.catalog_questionnaires limit 1$$, md5('programme/A')::uuid, tests.pid('bystander'), tests.oid('A'))),
  '42501', 'a mentee sends no questionnaires');
select is(tests.try_as('curator', format($$insert into public.questionnaire_requests (programme_id, questionnaire_id, person_id, organisation_id)
  select %L, id, %L, %L from public.catalog_questionnaires where audience = 'mentor' limit 1$$, md5('programme/A')::uuid, tests.pid('mentor'), tests.oid('A'))),
  'ok 1', 'the curator sends one to the mentor');
select is(tests.try_as('curator', format($$insert into public.questionnaire_requests (programme_id, questionnaire_id, person_id, organisation_id)
  select %L, id, %L, %L from public.catalog_questionnaires where audience = 'mentor' limit 1$$, md5('programme/A')::uuid, tests.pid('b_mentor'), tests.oid('A'))),
  '23503', 'never to a person of another school');
select is(tests.try_as('b_curator', format($$delete from public.questionnaire_requests where organisation_id = %L$$, tests.oid('A'))),
  'ok 0', 'school B''s curator takes back nothing of A''s');

select * from finish();
rollback;
