-- pgTAP: access follows membership dates (issue #9, part 2). A mentor re-paired out of group A
-- ten days ago keeps reading only the meetings of her own time (held before the day she left), and
-- writes nothing to the group; the new mentor and the mentee carry on; a completed group takes
-- writes from the curators only; feedback changes are in the audit log, and erasure scrubs their
-- comments there. Two schools and anon, as in access.test.sql.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(54);
\ir fixtures/two_schools.inc

-- Re-pairing ten days ago: the mentor leaves group A, the teacher (trained) takes her place.
insert into public.enrolments (organisation_id, programme_id, person_id, base, training_status, trained_on)
values (tests.oid('A'), md5('programme/A')::uuid, tests.pid('teacher'), 'mentor', 'trained', current_date - 30);
update public.group_members set left_on = current_date - 10, left_reason = 'переформирование пары'
where group_id = md5('group/A')::uuid and person_id = tests.pid('mentor');
insert into public.group_members (group_id, person_id, organisation_id, role, joined_on)
values (md5('group/A')::uuid, tests.pid('teacher'), tests.oid('A'), 'mentor', current_date - 10);
-- After she left: a meeting with notes and the mentee's feedback (3).
insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
values (md5('meeting/A-after')::uuid, tests.oid('A'), md5('group/A')::uuid, 'trial', current_date - 5, 40, tests.pid('teacher'));
insert into public.meeting_notes (meeting_id, organisation_id, group_id, notes)
values (md5('meeting/A-after')::uuid, tests.oid('A'), md5('group/A')::uuid, 'Новая наставница: план на месяц');
insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating, comment)
values (md5('meeting/A-after')::uuid, tests.pid('mentee'), tests.oid('A'), md5('group/A')::uuid, 3, 'Пока непривычно');

create function tests.log_meeting(id_key text, author text, org text default 'A', grp text default 'group/A') returns text language sql as $$
  select format($q$insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
    values (%L, %L, %L, 'working', current_date, 40, %L)$q$, md5(id_key)::uuid, tests.oid(org), md5(grp)::uuid, tests.pid(author))
$$;

-- The former mentor reads only her own time in the group.
select is(tests.visible('mentor', 'meetings'), 1, 'a former mentor sees the meetings held before she left, not after');
select is(tests.visible('mentor', 'meeting_attendance'), 2, 'and the attendance of those meetings');
select is(tests.visible('mentor', 'meeting_notes'), 0, 'a former mentor reads no notes, not even those written after she left');
select is(tests.visible('mentor', 'meeting_feedback'), 0, 'a former mentor reads no feedback of the group');
select is(tests.visible('mentor', 'mentoring_groups'), 0, 'a former mentor no longer sees the group');
select is(tests.visible('mentor', 'group_members'), 0, 'nor its members');
select is(tests.visible('mentor', 'people'), 1, 'nor the people in it: only herself');
select is(tests.visible('mentor', 'plan_goals') + tests.visible('mentor', 'plan_tasks'), 0, 'nor its plan');

-- … and writes nothing to it.
select is(tests.try_as('mentor', tests.log_meeting('meeting/A-forged', 'mentor')), '42501', 'a former mentor cannot log a meeting');
select is(tests.try_as('mentor', format($$insert into public.meeting_notes (meeting_id, organisation_id, group_id, notes)
  values (%L, %L, %L, 'чужие заметки')$$, md5('meeting/A')::uuid, tests.oid('A'), md5('group/A')::uuid)), '42501',
  'a former mentor cannot write notes (even on a meeting of her own time)');
select is(tests.try_as('mentor', format($$update public.meeting_notes set notes = 'x' where meeting_id = %L$$, md5('meeting/A')::uuid)),
  'ok 0', 'nor correct them');
select is(tests.try_as('mentor', format($$update public.meeting_feedback set rating = 10 where meeting_id = %L$$, md5('meeting/A-after')::uuid)),
  'ok 0', 'a former mentor cannot overwrite the mentee''s feedback (3 → 10)');
select is((select rating from public.meeting_feedback where meeting_id = md5('meeting/A-after')::uuid), 3, 'the feedback is still 3');
select is(tests.try_as('mentor', format($$insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating)
  values (%L, %L, %L, %L, 10)$$, md5('meeting/A-after')::uuid, tests.pid('mentor'), tests.oid('A'), md5('group/A')::uuid)),
  '42501', 'a former mentor cannot give feedback');
select is(tests.try_as('mentor', format($$insert into public.meeting_attendance (meeting_id, person_id, organisation_id, present)
  values (%L, %L, %L, false)$$, md5('meeting/A-after')::uuid, tests.pid('mentee'), tests.oid('A'))), '42501',
  'a former mentor cannot record attendance');
select is(tests.try_as('mentor', format($$insert into public.plan_goals (id, organisation_id, group_id, title)
  values (%L, %L, %L, 'Новая цель')$$, md5('goal/A-forged')::uuid, tests.oid('A'), md5('group/A')::uuid)), '42501',
  'a former mentor cannot add goals');
select is(tests.try_as('mentor', $$update public.plan_tasks set status = 'dropped'$$), 'ok 0', 'nor change tasks');
select is(tests.try_as('mentor', format($$update public.meetings set topic = 'исправлено' where id = %L$$, md5('meeting/A')::uuid)),
  'ok 0', 'nor correct the meeting she authored');
select is(tests.try_as('mentor', format($$insert into public.questionnaire_responses (id, organisation_id, programme_id, questionnaire_id, respondent_person_id, group_id)
  select %L, %L, %L, q.id, %L, %L from public.catalog_questionnaires q where q.key = 'quality_mentor' and q.organisation_id is null$$,
  md5('response/A-mentor')::uuid, tests.oid('A'), md5('programme/A')::uuid, tests.pid('mentor'), md5('group/A')::uuid)),
  '42501', 'nor answer a questionnaire tied to the group');

-- The pair carries on: the new mentor and the mentee.
select is(tests.try_as('teacher', tests.log_meeting('meeting/A-new', 'teacher')), 'ok 1', 'the current mentor logs a meeting');
select is(tests.try_as('teacher', format($$insert into public.meeting_notes (meeting_id, organisation_id, group_id, notes)
  values (%L, %L, %L, 'Разобрали задачи')$$, md5('meeting/A-new')::uuid, tests.oid('A'), md5('group/A')::uuid)), 'ok 1',
  'and writes its notes');
select is(tests.visible('teacher', 'meeting_notes'), 3, 'the current mentor reads the group''s notes, from before she came too');
select is(tests.try_as('mentee', format($$update public.meeting_feedback set rating = 4 where meeting_id = %L and person_id = %L$$,
  md5('meeting/A-after')::uuid, tests.pid('mentee'))), 'ok 1', 'the mentee corrects her own feedback');
select is(tests.try_as('mentee', format($$update public.plan_tasks set status = 'in_progress' where id = %L$$, md5('task/A')::uuid)),
  'ok 1', 'and ticks a task of the plan');
select is(tests.visible('mentee', 'meetings'), 3, 'the mentee sees every meeting of her group');

-- Other schools and anon.
select is(tests.try_as('b_curator', $$update public.meeting_feedback set rating = 1$$), 'ok 0', 'another school''s curator changes no feedback of A');
select is(tests.try_as('b_mentor', tests.log_meeting('meeting/A-b', 'b_mentor')), '42501', 'another school''s mentor logs no meeting in A');
select is(tests.visible('anon', 'meetings'), -1, 'anon reads no meetings');
select is(tests.try_as('anon', $$update public.meeting_feedback set rating = 1$$), '42501', 'anon changes no feedback');

-- A draft is not running yet: its mentor logs nothing there.
insert into public.mentoring_groups (id, organisation_id, programme_id, form, role_model, status)
values (md5('group/A-draft')::uuid, tests.oid('A'), md5('programme/A')::uuid, 'teacher_student', 'teacher_talented_student', 'draft');
insert into public.group_members (group_id, person_id, organisation_id, role)
values (md5('group/A-draft')::uuid, tests.pid('mentor'), tests.oid('A'), 'mentor');
select is(tests.try_as('mentor', tests.log_meeting('meeting/draft', 'mentor', 'A', 'group/A-draft')), '42501',
  'a mentor logs no meeting in a draft group');

-- A completed group is history: participants write nothing, the curators still correct.
update public.mentoring_groups set status = 'completed' where id = md5('group/A')::uuid;
select is(tests.try_as('teacher', tests.log_meeting('meeting/A-late', 'teacher')), '42501', 'no meeting is logged in a completed group');
select is(tests.try_as('mentee', $$update public.plan_tasks set status = 'done'$$), 'ok 0', 'no task is ticked in a completed group');
select is(tests.try_as('mentee', $$update public.meeting_feedback set rating = 5$$), 'ok 0', 'no feedback is changed in a completed group');
select is(tests.visible('teacher', 'meetings', format('group_id = %L', md5('group/A')::uuid)), 3,
  'its current members still read the completed group''s meetings');
select is(tests.try_as('curator', tests.log_meeting('meeting/A-curator', 'curator')), 'ok 1', 'the curator logs a meeting in a completed group (a correction)');
select is(tests.try_as('curator', format($$update public.meeting_feedback set rating = 10 where meeting_id = %L and person_id = %L$$,
  md5('meeting/A-after')::uuid, tests.pid('mentee'))), 'ok 1', 'the curator corrects feedback');
select is(tests.try_as('curator', format($$update public.meetings set topic = 'Уточнено куратором' where id = %L$$, md5('meeting/A-new')::uuid)),
  'ok 1', 'and a meeting someone else logged');
select is(tests.try_as('curator', format($$insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating)
  values (%L, %L, %L, %L, 6)$$, md5('meeting/A-after')::uuid, tests.pid('mentor'), tests.oid('A'), md5('group/A')::uuid)),
  '23514', 'nobody records feedback of someone who had left the group before the meeting');
select is(tests.try_as('curator', format($$insert into public.meeting_attendance (meeting_id, person_id, organisation_id, present)
  values (%L, %L, %L, true)$$, md5('meeting/A-new')::uuid, tests.pid('mentor'), tests.oid('A'))),
  '23514', 'nor attendance');
select is(tests.try_as('curator', format($$update public.meeting_attendance set present = false where meeting_id = %L and person_id = %L$$,
  md5('meeting/A')::uuid, tests.pid('mentor'))), 'ok 1', 'her attendance of a meeting of her own time is still corrected');

-- Feedback changes leave an audit trail: who, when, what, keyed meeting/person.
select is((select array_agg(action order by id) from public.audit_log
           where table_name = 'meeting_feedback' and row_id = md5('meeting/A-after')::uuid || '/' || tests.pid('mentee')),
  array['insert', 'update', 'update'], 'the feedback''s insert and both changes are logged under meeting/person');
select ok(exists (select 1 from public.audit_log
                  where table_name = 'meeting_feedback' and action = 'update' and actor_user_id = tests.uid('mentee')
                    and old_data ->> 'rating' = '3' and new_data ->> 'rating' = '4'),
  'the mentee''s change is logged with who and what (3 → 4)');
select ok(exists (select 1 from public.audit_log
                  where table_name = 'meeting_feedback' and action = 'update' and actor_user_id = tests.uid('curator')
                    and old_data ->> 'rating' = '4' and new_data ->> 'rating' = '10'),
  'the curator''s correction is logged (4 → 10)');
delete from public.meeting_feedback where meeting_id = md5('meeting/A')::uuid and person_id = tests.pid('mentee');
select ok(exists (select 1 from public.audit_log
                  where table_name = 'meeting_feedback' and action = 'delete' and row_id = md5('meeting/A')::uuid || '/' || tests.pid('mentee')
                    and old_data ->> 'comment' = 'Было интересно'),
  'a deleted feedback is logged with what it said');
select is(tests.visible('mentor', 'audit_log'), 0, 'the log stays with the head and the curators');

-- A mentee who left today is a former member from today.
update public.group_members set left_on = current_date, left_reason = 'перевелась в другую школу'
where group_id = md5('group/A')::uuid and person_id = tests.pid('mentee');
select is(tests.visible('mentee', 'mentoring_groups'), 0, 'a mentee who left today no longer sees the group');
select is(tests.visible('mentee', 'meetings'), 2, 'she sees the meetings held before today, her own time (not today''s)');
select is(tests.visible('mentee', 'meeting_feedback'), 1, 'and her own feedback');
select is(tests.visible('mentee', 'plan_tasks'), 0, 'but not the plan');
select is(tests.visible('guardian', 'mentoring_groups'), 0, 'her guardian no longer follows the group');
select is(tests.try_as('mentee', format($$insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating)
  values (%L, %L, %L, %L, 7)$$, md5('meeting/A')::uuid, tests.pid('mentee'), tests.oid('A'), md5('group/A')::uuid)),
  '42501', 'and gives no more feedback');

-- Erasure scrubs the log's copies of the person's feedback comments; the 1–10 stays.
select is(tests.try_as('curator', format('select public.erase_person(%L)', tests.pid('mentee'))), 'ok 1', 'the curator erases the mentee');
select is((select count(*)::int from public.audit_log
           where table_name = 'meeting_feedback' and row_id like '%/' || tests.pid('mentee')
             and (old_data ? 'comment' or new_data ? 'comment')),
  0, 'no copy of her feedback comments is left in the log');
select ok((select count(*) from public.audit_log
           where table_name = 'meeting_feedback' and row_id like '%/' || tests.pid('mentee') and new_data ->> 'rating' is not null) > 0,
  'the ratings stay in the log, anonymous');

select * from finish();
rollback;
