-- pgTAP: nothing is written across schools or groups (issue #9, part 4). Rows that belong to a
-- meeting, a goal, a group or a programme carry it, with the school, in their foreign keys; the
-- catalog's own rows of a school stay that school's; the definer functions answer only about
-- people the caller may see. Every refusal beside the legitimate write it resembles.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(43);
\ir fixtures/two_schools.inc

create function tests.answer_as(who text, query text) returns text language plpgsql as $$
declare
  result text;
begin
  perform tests.act_as(who);
  execute query into result;
  execute 'reset role';
  return coalesce(result, 'null');
exception when others then
  return 'error ' || sqlstate;
end
$$;

-- School A gets a second programme with a group, and a draft group with a goal; school B its own
-- questionnaire and checklist item.
insert into public.programmes (id, organisation_id, academic_year, name)
values (md5('programme/A2')::uuid, tests.oid('A'), '2027/2028', 'Программа А, следующий год');
insert into public.mentoring_groups (id, organisation_id, programme_id, form, role_model, status) values
  (md5('group/A2')::uuid, tests.oid('A'), md5('programme/A2')::uuid, 'teacher_student', 'teacher_talented_student', 'draft'),
  (md5('group/A-draft')::uuid, tests.oid('A'), md5('programme/A')::uuid, 'teacher_student', 'teacher_talented_student', 'draft');
insert into public.plan_goals (id, organisation_id, group_id, title)
values (md5('goal/A-draft')::uuid, tests.oid('A'), md5('group/A-draft')::uuid, 'Цель другой пары');
insert into public.catalog_questionnaires (id, organisation_id, key, audience, purpose, title_ru, title_en)
values (md5('questionnaire/B')::uuid, tests.oid('B'), 'b_own', 'mentee', 'quality', 'Анкета школы Б', 'School B''s own');
insert into public.catalog_checklist_items (id, organisation_id, stage, key, position, label_ru, label_en)
values (md5('checklist/B')::uuid, tests.oid('B'), 1, 'b_own_item', 99, 'Пункт школы Б', 'School B''s own item');

create function tests.national(key text) returns uuid language sql as $$
  select id from public.catalog_questionnaires where key = $1 and organisation_id is null
$$;
create function tests.item(questionnaire text, key text) returns uuid language sql as $$
  select i.id from public.catalog_questionnaire_items i join public.catalog_questionnaires q on q.id = i.questionnaire_id
  where q.key = $1 and q.organisation_id is null and i.key = $2
$$;

-- Notes, feedback and attendance on school B's meeting.
select is(tests.try_as('mentor', format($$insert into public.meeting_notes (meeting_id, organisation_id, group_id, notes)
  values (%L, %L, %L, 'текст школы А')$$, md5('meeting/B')::uuid, tests.oid('A'), md5('group/A')::uuid)),
  '23503', 'A''s mentor cannot hang notes of her group on B''s meeting');
select is(tests.try_as('mentor', format($$insert into public.meeting_notes (meeting_id, organisation_id, group_id, notes)
  values (%L, %L, %L, 'текст школы А')$$, md5('meeting/B')::uuid, tests.oid('B'), md5('group/B')::uuid)),
  '42501', 'nor write them as B''s group');
select is(tests.try_as('mentor', format($$insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating)
  values (%L, %L, %L, %L, 10)$$, md5('meeting/B')::uuid, tests.pid('mentee'), tests.oid('A'), md5('group/A')::uuid)),
  '23503', 'nor feedback on B''s meeting');
select is(tests.try_as('mentor', format($$insert into public.meeting_attendance (meeting_id, person_id, organisation_id, present)
  values (%L, %L, %L, true)$$, md5('meeting/B')::uuid, tests.pid('mentee'), tests.oid('A'))),
  '42501', 'nor attendance of B''s meeting');
select is(tests.try_as('curator', format($$insert into public.meeting_attendance (meeting_id, person_id, organisation_id, present)
  values (%L, %L, %L, true)$$, md5('meeting/B')::uuid, tests.pid('mentee'), tests.oid('A'))),
  '23502', 'A''s curator neither: B''s meeting is not found in school A, so the row has no group');
select is(tests.try_as('curator', format($$insert into public.meeting_attendance (meeting_id, person_id, organisation_id, group_id, present)
  values (%L, %L, %L, %L, true)$$, md5('meeting/B')::uuid, tests.pid('mentee'), tests.oid('A'), md5('group/A')::uuid)),
  '23503', 'nor with the group given');
select is(tests.visible('b_curator', 'meeting_notes', format('meeting_id = %L', md5('meeting/B')::uuid))
          + tests.visible('b_curator', 'meeting_feedback', format('meeting_id = %L', md5('meeting/B')::uuid)),
  0, 'B''s curator finds no text of A''s on B''s meeting');
select is(tests.try_as('anon', format($$insert into public.meeting_notes (meeting_id, organisation_id, group_id, notes)
  values (%L, %L, %L, 'x')$$, md5('meeting/B')::uuid, tests.oid('B'), md5('group/B')::uuid)), '42501', 'anon writes no notes');

-- Within a school: feedback and attendance of members of the meeting's group only.
select is(tests.try_as('curator', format($$insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating)
  values (%L, %L, %L, %L, 5)$$, md5('meeting/A')::uuid, tests.pid('bystander'), tests.oid('A'), md5('group/A')::uuid)),
  '23503', 'no feedback from someone who is not in the group');
select is(tests.try_as('curator', format($$insert into public.meeting_attendance (meeting_id, person_id, organisation_id, present)
  values (%L, %L, %L, true)$$, md5('meeting/A')::uuid, tests.pid('bystander'), tests.oid('A'))),
  '23503', 'no attendance of someone who is not in the group');
select is(tests.try_as('curator', format($$insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating, recorded_by_person_id)
  values (%L, %L, %L, %L, 5, %L)$$, md5('meeting/A')::uuid, tests.pid('mentor'), tests.oid('A'), md5('group/A')::uuid, tests.pid('head'))),
  '42501', 'nobody records feedback in someone else''s name');

-- The legitimate writes beside them.
insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
values (md5('meeting/A2')::uuid, tests.oid('A'), md5('group/A')::uuid, 'trial', current_date, 40, tests.pid('mentor'));
select is(tests.try_as('mentor', format($$insert into public.meeting_notes (meeting_id, organisation_id, group_id, notes)
  values (%L, %L, %L, 'Пробная встреча прошла хорошо')$$, md5('meeting/A2')::uuid, tests.oid('A'), md5('group/A')::uuid)),
  'ok 1', 'A''s mentor writes notes on her group''s meeting');
select is(tests.try_as('mentor', format($$insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating, recorded_by_person_id)
  values (%L, %L, %L, %L, 8, %L)$$, md5('meeting/A2')::uuid, tests.pid('mentee'), tests.oid('A'), md5('group/A')::uuid, tests.pid('mentor'))),
  'ok 1', 'and records the mentee''s feedback');
select is(tests.try_as('mentor', format($$insert into public.meeting_attendance (meeting_id, person_id, organisation_id, present)
  values (%L, %L, %L, true)$$, md5('meeting/A2')::uuid, tests.pid('mentee'), tests.oid('A'))),
  'ok 1', 'and attendance (its group taken from the meeting)');
select is((select group_id from public.meeting_attendance where meeting_id = md5('meeting/A2')::uuid), md5('group/A')::uuid,
  'the attendance row carries the meeting''s group');

-- Rows stay where they belong.
select is(tests.try_as('mentor', format($$update public.meetings set group_id = %L where id = %L$$, md5('group/A-draft')::uuid, md5('meeting/A2')::uuid)),
  '23514', 'a meeting cannot move to another group');
select is(tests.try_as('curator', format($$update public.meeting_notes set group_id = %L where meeting_id = %L$$, md5('group/A-draft')::uuid, md5('meeting/A2')::uuid)),
  '23514', 'nor its notes');
select is(tests.try_as('curator', format($$update public.meeting_feedback set person_id = %L where meeting_id = %L$$, tests.pid('mentor'), md5('meeting/A2')::uuid)),
  '23514', 'feedback cannot be passed to another participant');

-- The plan: a task belongs to a goal of its own group.
select is(tests.try_as('mentee', format($$insert into public.plan_tasks (id, organisation_id, goal_id, group_id, title)
  values (%L, %L, %L, %L, 'подкинутая задача')$$, md5('task/forged')::uuid, tests.oid('A'), md5('goal/A-draft')::uuid, md5('group/A')::uuid)),
  '23503', 'a mentee cannot add a task to another group''s goal');
select is(tests.try_as('mentee', format($$insert into public.plan_tasks (id, organisation_id, goal_id, group_id, title)
  values (%L, %L, %L, %L, 'Повторить дроби')$$, md5('task/A2')::uuid, tests.oid('A'), md5('goal/A')::uuid, md5('group/A')::uuid)),
  'ok 1', 'she adds a task to her own goal');

-- Questionnaires: a group of the response's programme, a member of it, the school's own catalog.
select is(tests.try_as('curator', format($$insert into public.questionnaire_responses (id, organisation_id, programme_id, questionnaire_id, respondent_person_id, group_id)
  values (%L, %L, %L, %L, %L, %L)$$, md5('response/x1')::uuid, tests.oid('A'), md5('programme/A2')::uuid, tests.national('quality_mentee'),
  tests.pid('mentee'), md5('group/A')::uuid)), '23503', 'a response cannot tie a group of another programme');
select is(tests.try_as('curator', format($$insert into public.questionnaire_responses (id, organisation_id, programme_id, questionnaire_id, respondent_person_id, group_id)
  values (%L, %L, %L, %L, %L, %L)$$, md5('response/x2')::uuid, tests.oid('A'), md5('programme/A')::uuid, tests.national('quality_mentee'),
  tests.pid('bystander'), md5('group/A')::uuid)), '23503', 'nor a group the respondent is not in');
select is(tests.try_as('curator', format($$insert into public.questionnaire_responses (id, organisation_id, programme_id, questionnaire_id, respondent_person_id)
  values (%L, %L, %L, %L, %L)$$, md5('response/x3')::uuid, tests.oid('A'), md5('programme/A')::uuid, md5('questionnaire/B')::uuid,
  tests.pid('mentee'))), '23503', 'school A cannot use school B''s own questionnaire');
select is(tests.try_as('mentee', format($$insert into public.questionnaire_responses (id, organisation_id, programme_id, questionnaire_id, respondent_person_id, group_id)
  values (%L, %L, %L, %L, %L, %L)$$, md5('response/A-quality')::uuid, tests.oid('A'), md5('programme/A')::uuid, tests.national('quality_mentee'),
  tests.pid('mentee'), md5('group/A')::uuid)), 'ok 1', 'the mentee answers the quality questionnaire for her group');
select is(tests.try_as('mentee', format($$insert into public.questionnaire_answers (response_id, item_id, organisation_id, scale_value)
  values (%L, %L, %L, 7)$$, md5('response/A-quality')::uuid, tests.item('growth_end_mentee', 'motivation'), tests.oid('A'))),
  '23503', 'an answer cannot use an item of another questionnaire');
select is(tests.try_as('mentee', format($$insert into public.questionnaire_answers (response_id, item_id, organisation_id, scale_value)
  values (%L, %L, %L, 7)$$, md5('response/A-quality')::uuid, tests.item('quality_mentee', 'usefulness'), tests.oid('A'))),
  'ok 1', 'she answers an item of her questionnaire');

-- Outcomes: the group of the outcome's programme, and a person who is in it.
select is(tests.try_as('curator', format($$insert into public.outcomes (id, organisation_id, programme_id, person_id, group_id, metric_key, value_before)
  values (%L, %L, %L, %L, %L, 'grades', 3)$$, md5('outcome/x1')::uuid, tests.oid('A'), md5('programme/A2')::uuid, tests.pid('mentee'), md5('group/A')::uuid)),
  '23503', 'an outcome cannot tie a group of another programme');
select is(tests.try_as('curator', format($$insert into public.outcomes (id, organisation_id, programme_id, person_id, group_id, metric_key, value_before)
  values (%L, %L, %L, %L, %L, 'grades', 3)$$, md5('outcome/x2')::uuid, tests.oid('A'), md5('programme/A')::uuid, tests.pid('bystander'), md5('group/A')::uuid)),
  '23503', 'nor a person who is not in the group');
select is(tests.try_as('curator', format($$insert into public.outcomes (id, organisation_id, programme_id, person_id, group_id, metric_key, value_before)
  values (%L, %L, %L, %L, %L, 'grades', 3)$$, md5('outcome/A2')::uuid, tests.oid('A'), md5('programme/A')::uuid, tests.pid('mentee'), md5('group/A')::uuid)),
  'ok 1', 'the curator records the mentee''s outcome in her group');

-- The catalog: a school's own rows are that school's.
select throws_ok(format($$insert into public.programme_checklist_items (organisation_id, programme_id, catalog_item_id, stage, position)
  values (%L, %L, %L, 1, 99)$$, tests.oid('A'), md5('programme/A')::uuid, md5('checklist/B')::uuid), '23503', null,
  'school A''s programme cannot take school B''s checklist item, even from the service');
select is(tests.try_as('curator', format($$insert into public.enrolments (organisation_id, programme_id, person_id, base, form_key)
  values (%L, %L, %L, 'mentee', 'reverse_mentoring')$$, tests.oid('A'), md5('programme/A')::uuid, tests.pid('bystander'))),
  '23503', 'nor enrol someone in a form that only school B has');
select is(tests.try_as('curator', format($$insert into public.enrolments (organisation_id, programme_id, person_id, base, form_key)
  values (%L, %L, %L, 'mentee', 'teacher_student')$$, tests.oid('A'), md5('programme/A')::uuid, tests.pid('bystander'))),
  'ok 1', 'a national form is fine');
select is(tests.try_as('b_curator', format($$insert into public.enrolments (organisation_id, programme_id, person_id, base, form_key)
  values (%L, %L, %L, 'mentee', 'reverse_mentoring')$$, tests.oid('B'), md5('programme/B')::uuid, tests.pid('b_mentee'))),
  'ok 1', 'and school B uses its own form');

-- Definer functions answer only about people the caller may see.
select is(tests.answer_as('b_curator', format('select public.consent_status(%L)', tests.pid('mentee'))), 'null',
  'B''s curator learns nothing of A''s child''s consent');
select is(tests.answer_as('b_curator', format('select app.is_minor(%L)::text', tests.pid('mentee'))), 'null',
  'nor whether the child is a minor');
select is(tests.answer_as('curator', format('select public.consent_status(%L) || '' '' || app.is_minor(%L)::text', tests.pid('mentee'), tests.pid('mentee'))),
  'given true', 'A''s curator does');
select is(tests.answer_as('mentor', format('select public.consent_status(%L)', tests.pid('mentee'))), 'given',
  'and so does the mentee''s mentor, who sees her');
select is(tests.answer_as('bystander', format('select public.consent_status(%L)', tests.pid('mentee'))), 'null',
  'a classmate outside the group does not');
select is(tests.answer_as('anon', format('select public.consent_status(%L)', tests.pid('mentee'))), 'error 42501', 'anon may not ask');
select is(tests.answer_as('b_curator', format('select app.has_valid_consent(%L)::text || '' '' || coalesce(app.person_is_minor(%L)::text, ''unknown'')',
  tests.pid('mentee'), tests.pid('mentee'))), 'false unknown',
  'the invoker helpers, called directly, read only what row-level security shows (B''s curator: nothing of A)');
select is(tests.answer_as('b_curator', format('select app.may_see_person(%L)::text', tests.pid('mentee'))), 'false',
  'and B''s curator may not see A''s child');
select is(tests.answer_as('curator', format('select app.participation_refusal(%L, %L, %L)', tests.pid('b_mentee'), md5('programme/B')::uuid, 'mentee')),
  'error 42501', 'the rules'' own helper is for the triggers only');
select is(
  array(select p.oid::regprocedure::text from pg_proc p
        where p.prosecdef and p.pronamespace in ('app'::regnamespace, 'public'::regnamespace) and p.prorettype <> 'trigger'::regtype
          and has_function_privilege('authenticated', p.oid, 'execute')
        order by p.oid::regprocedure::text collate "C"),
  array['app.is_minor(uuid)', 'app.my_active_group_ids()', 'app.my_active_mentored_group_ids()',
        'app.my_children_group_ids()', 'app.my_children_ids()', 'app.my_curated_organisation_ids()', 'app.my_former_group_ids()',
        'app.my_group_ids()', 'app.my_group_peer_ids()', 'app.my_left_on(uuid)', 'app.my_mentored_group_ids()',
        'app.my_organisation_ids()', 'app.my_organisation_ids_as(text[])', 'app.my_person_ids()', 'app.my_taught_group_ids()',
        'app.require_curator_of(uuid,text)', 'app.rollup_organisation_ids(text)', 'consent_status(uuid)', 'erase_person(uuid)',
        'kpi_rollup(text,date)'],
  'the definer functions a signed-in user may call: about the caller, or checked (a new one must be reviewed and added here)');

select * from finish();
rollback;
