-- pgTAP: erasing a person on request (152-ФЗ): their personal data goes everywhere, the counts stay.
-- Besides the fixture's mentee, a person with EVERY personal column filled (Полнова): after her
-- erasure no column of hers holds anything, and the audit log holds no copy of any of it.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(21);
\ir fixtures/two_schools.inc

-- Полнова Ксения Сергеевна, a student of 5А with everything the schema can know about a person:
-- names, position, subjects, sign-in and outside ids, contacts and details, an enrolment with her
-- request, a pair, a feedback comment, open and choice answers (and one scale), a guardian, and a
-- younger brother whose guardian she is. Each text is one of tests.full_markers, to find its copies.
create table tests.full_markers (marker text);
insert into tests.full_markers values ('Полнова'), ('Ксения'), ('Сергеевна'), ('староста класса'), ('астрономия'),
  ('google-full-4711'), ('EJ-4711'), ('polnova.k@example.test'), ('+7 900 471-17-11'), ('Кружок робототехники'),
  ('Хочу в МФТИ'), ('Нужна помощь с олимпиадой'), ('пайка'), ('Наставница помогла с задачей про Луну'),
  ('раз в две недели'), ('Больше встреч по субботам');
insert into auth.users (id, email) values (tests.uid('full'), 'polnova.k@example.test');
insert into public.people (id, organisation_id, kind, last_name, first_name, middle_name, class_id, position, subjects,
                           auth_user_id, google_user_id, external_ids)
values (tests.pid('full'), tests.oid('A'), 'student', 'Полнова', 'Ксения', 'Сергеевна', md5('class/A5')::uuid, 'староста класса',
        '{астрономия}', tests.uid('full'), 'google-full-4711', '{"e_journal": "EJ-4711"}');
insert into public.people (id, organisation_id, kind, last_name, first_name, class_id)
values (tests.pid('full_brother'), tests.oid('A'), 'student', 'Полнов', 'Тимофей', md5('class/A5')::uuid);
insert into public.person_details (person_id, organisation_id, email, phone, birth_year, sex, affiliation, experience_years)
values (tests.pid('full'), tests.oid('A'), 'polnova.k@example.test', '+7 900 471-17-11', 2012, 'f', 'Кружок робототехники', 1);
insert into public.memberships (person_id, organisation_id, role) values (tests.pid('full'), tests.oid('A'), 'student');
insert into public.consents (person_id, organisation_id, given_by, given_on) values (tests.pid('full'), tests.oid('A'), 'parent', '2026-09-01');
insert into public.guardianships (guardian_person_id, child_person_id, organisation_id, relation) values
  (tests.pid('guardian'), tests.pid('full'), tests.oid('A'), 'parent'),
  (tests.pid('full'), tests.pid('full_brother'), tests.oid('A'), 'guardian');
insert into public.enrolments (organisation_id, programme_id, person_id, base, form_key, key_request, needs, competencies, subjects)
values (tests.oid('A'), md5('programme/A')::uuid, tests.pid('full'), 'mentee', 'teacher_student',
        'Хочу в МФТИ', 'Нужна помощь с олимпиадой', '{пайка}', '{физика олимпиадная}');
insert into public.group_members (group_id, person_id, organisation_id, role, joined_on)
values (md5('group/A')::uuid, tests.pid('full'), tests.oid('A'), 'mentee', '2026-10-01');
insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating, comment)
values (md5('meeting/A')::uuid, tests.pid('full'), tests.oid('A'), md5('group/A')::uuid, 8, 'Наставница помогла с задачей про Луну');
insert into public.questionnaire_responses (id, organisation_id, programme_id, questionnaire_id, respondent_person_id, group_id)
select md5('response/full')::uuid, tests.oid('A'), md5('programme/A')::uuid, q.id, tests.pid('full'), md5('group/A')::uuid
from public.catalog_questionnaires q where q.key = 'quality_mentee' and q.organisation_id is null;
insert into public.questionnaire_answers (response_id, item_id, organisation_id, scale_value, choice_value, text_value)
select md5('response/full')::uuid, i.id, tests.oid('A'), a.scale_value, a.choice_value, a.text_value
from public.catalog_questionnaire_items i
join public.catalog_questionnaires q on q.id = i.questionnaire_id and q.key = 'quality_mentee' and q.organisation_id is null
join (values ('usefulness', 9, null, null), ('frequency', null, 'раз в две недели', null), ('change', null, null, 'Больше встреч по субботам'))
  as a (item_key, scale_value, choice_value, text_value) on a.item_key = i.key;
-- A change, so that the log holds old and new copies of her row.
update public.people set position = 'староста класса', middle_name = 'Сергеевна', subjects = '{астрономия}', last_name = 'Полнова'
where id = tests.pid('full');
update public.person_details set phone = '+7 900 471-17-11', affiliation = 'Кружок робототехники' where person_id = tests.pid('full');

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

-- Полнова, every column.
select ok(exists (select 1 from public.audit_log where table_name = 'people' and row_id = tests.pid('full')::text
                    and new_data::text like '%Сергеевна%' and new_data::text like '%google-full-4711%'),
  'before erasure the log holds copies of her personal data (so the check below means something)');
select is(tests.try_as('curator', format('select public.erase_person(%L)', tests.pid('full'))), 'ok 1', 'the curator erases Полнова');
select is(
  (select array_agg(name order by name) from public.people p, lateral (values
     ('last_name', p.last_name <> 'Удалено'), ('first_name', p.first_name <> 'Удалено'), ('middle_name', p.middle_name is not null),
     ('position', p.position is not null), ('subjects', p.subjects <> '{}'), ('google_user_id', p.google_user_id is not null),
     ('external_ids', p.external_ids <> '{}'::jsonb), ('auth_user_id', p.auth_user_id is not null), ('erased_at', p.erased_at is null))
     as c (name, filled)
   where p.id = tests.pid('full') and c.filled),
  null, 'people: no personal column of hers is left (names, position, subjects, ids, sign-in), and erased_at is set');
select is(
  (select array_agg(name order by name) from public.person_details d, lateral (values
     ('email', d.email is not null), ('phone', d.phone is not null), ('birth_year', d.birth_year is not null), ('sex', d.sex is not null),
     ('affiliation', d.affiliation is not null), ('experience_years', d.experience_years is not null)) as c (name, filled)
   where d.person_id = tests.pid('full') and c.filled),
  null, 'person_details: email, phone, birth year, sex, affiliation and experience are all empty');
select is(
  (select array_agg(name order by name) from public.enrolments e, lateral (values
     ('key_request', e.key_request is not null), ('needs', e.needs is not null), ('competencies', e.competencies <> '{}'),
     ('subjects', e.subjects <> '{}')) as c (name, filled)
   where e.person_id = tests.pid('full') and c.filled),
  null, 'enrolments: her key request, needs, competencies and subjects are empty');
select results_eq(
  format('select rating, comment from public.meeting_feedback where person_id = %L', tests.pid('full')),
  $$values (8, null::text)$$, 'feedback: the comment is gone, the rating stays');
select results_eq(
  format('select i.key, a.scale_value from public.questionnaire_answers a join public.catalog_questionnaire_items i on i.id = a.item_id where a.response_id = %L',
         md5('response/full')::uuid),
  $$values ('usefulness', 9)$$, 'questionnaires: the open and choice answers are gone, the 1–10 scale stays');
select is((select count(*)::int from public.guardianships where tests.pid('full') in (guardian_person_id, child_person_id)), 0,
  'guardianships: neither her guardian''s link nor hers to her brother is left');
select is(
  (select array_agg(distinct m.marker order by m.marker) from public.audit_log a join tests.full_markers m
     on coalesce(a.old_data::text, '') || coalesce(a.new_data::text, '') like '%' || m.marker || '%'),
  null, 'the audit log holds no copy of anything she was, in any table''s entries');
select is(
  (select count(*)::int from public.audit_log a
   where coalesce(a.old_data::text, '') || coalesce(a.new_data::text, '') like '%' || tests.uid('full') || '%'),
  0, 'nor her sign-in id');

select * from finish();
rollback;
