-- pgTAP: who sees what, table by table and role by role, with two schools and a regional
-- authority (fixtures/two_schools.inc). Reads: the exact number of rows each role sees of every
-- table; nothing of another school, ever; anon nothing at all. Writes: allowed and refused.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(737);
\ir fixtures/two_schools.inc

select is(
  (select count(*)::int from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'
     and not (relrowsecurity and relforcerowsecurity)),
  0, 'every public table has row-level security enabled and forced');

-- anon: every table is closed.
select is(tests.visible('anon', c.relname), -1, format('anon cannot read %s', c.relname))
from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by c.relname;

-- Reads in school A, per role.   head curator teacher mentor mentee guardian bystander region_viewer
create table tests.expected_rows (tbl text, counts int[]);
insert into tests.expected_rows values
  ('organisations',             '{1,1,1,1,1,1,1,1}'),
  ('organisation_people_counts', '{3,3,3,3,3,3,3,1}'),
  ('kpi_counters',              '{8,8,8,8,8,8,8,0}'),
  ('kpi_person_spans',          '{6,6,0,0,0,0,0,0}'),
  ('classes',                   '{1,1,1,1,1,1,1,0}'),
  ('people',                    '{8,8,3,2,2,3,1,1}'),
  ('person_details',            '{8,8,1,1,1,2,1,1}'),
  ('memberships',               '{8,8,1,1,1,1,1,1}'),
  ('consents',                  '{2,2,0,0,0,0,0,0}'),
  ('teaching_assignments',      '{1,1,1,0,0,0,0,0}'),
  ('guardianships',             '{1,1,0,0,0,1,0,0}'),
  ('programmes',                '{1,1,1,1,1,1,1,0}'),
  ('enrolments',                '{2,2,0,1,1,0,0,0}'),
  ('mentoring_groups',          '{1,1,1,1,1,1,0,0}'),
  ('group_members',             '{2,2,2,2,2,2,0,0}'),
  ('meetings',                  '{1,1,1,1,1,1,0,0}'),
  ('meeting_notes',             '{1,1,0,1,0,0,0,0}'),
  ('meeting_attendance',        '{2,2,2,2,2,2,0,0}'),
  ('meeting_feedback',          '{1,1,0,1,1,0,0,0}'),
  ('plan_goals',                '{1,1,0,1,1,0,0,0}'),
  ('plan_tasks',                '{1,1,0,1,1,0,0,0}'),
  ('questionnaire_responses',   '{1,1,0,0,1,0,0,0}'),
  ('questionnaire_answers',     '{1,1,0,0,1,0,0,0}'),
  ('outcomes',                  '{1,1,0,0,1,0,0,0}');
create table tests.roles (who text, position int);
insert into tests.roles values ('head', 1), ('curator', 2), ('teacher', 3), ('mentor', 4), ('mentee', 5), ('guardian', 6),
  ('bystander', 7), ('region_viewer', 8);

select is(tests.visible(r.who, e.tbl), e.counts[r.position], format('%s sees %s rows of %s', r.who, e.counts[r.position], e.tbl))
from tests.expected_rows e cross join tests.roles r order by e.tbl, r.position;

-- The programme checklist: everyone in the school, nobody outside it.
select is(tests.visible(r.who, 'programme_checklist_items'),
          case when r.who = 'region_viewer' then 0 else (select count(*)::int from public.catalog_checklist_items where organisation_id is null) end,
          format('%s sees the school''s checklist only if they belong to it', r.who))
from tests.roles r order by r.position;

-- The audit log: the head and the curators, nobody else.
select ok(tests.visible(r.who, 'audit_log') > 0, format('%s reads the school''s audit log', r.who))
from tests.roles r where r.who in ('head', 'curator');
select is(tests.visible(r.who, 'audit_log'), 0, format('%s does not read the audit log', r.who))
from tests.roles r where r.who not in ('head', 'curator');

-- The catalog: the national rows for everyone signed in; a school's own rows only for that school.
select is(tests.visible(r.who, c.tbl, 'organisation_id is null'),
          (select count(*)::int from public.catalog_forms where organisation_id is null) * (c.tbl = 'catalog_forms')::int
          + (select count(*)::int from public.catalog_role_models where organisation_id is null) * (c.tbl = 'catalog_role_models')::int
          + (select count(*)::int from public.catalog_checklist_items where organisation_id is null) * (c.tbl = 'catalog_checklist_items')::int
          + (select count(*)::int from public.catalog_questionnaires where organisation_id is null) * (c.tbl = 'catalog_questionnaires')::int,
          format('%s reads the national %s', r.who, c.tbl))
from tests.roles r cross join (values ('catalog_forms'), ('catalog_role_models'), ('catalog_checklist_items'), ('catalog_questionnaires')) c (tbl)
order by c.tbl, r.position;
select is(tests.visible(r.who, 'catalog_stages'), 7, format('%s reads the seven stages', r.who)) from tests.roles r order by r.position;
select is(tests.visible(r.who, 'meeting_kinds'), 5, format('%s reads the meeting kinds', r.who)) from tests.roles r order by r.position;
select is(tests.visible('b_curator', 'catalog_forms', 'organisation_id is not null'), 1, 'school B sees its own form');
select is(tests.visible(r.who, 'catalog_forms', 'organisation_id is not null'), 0, format('%s does not see school B''s own form', r.who))
from tests.roles r order by r.position;

-- Nothing crosses organisations: no role of school A sees a row of school B, and B none of A.
select is(tests.visible(r.who, c.table_name, format('organisation_id = %L', tests.oid('B'))), 0,
          format('%s sees nothing of school B in %s', r.who, c.table_name))
from tests.roles r
cross join information_schema.columns c
where c.table_schema = 'public' and c.column_name = 'organisation_id' and c.table_name not like 'catalog%'
order by c.table_name, r.position;
select is(tests.visible(b.who, c.table_name, format('organisation_id = %L', tests.oid('A'))), 0,
          format('%s sees nothing of school A in %s', b.who, c.table_name))
from (values ('b_curator'), ('b_mentor'), ('b_mentee')) b (who)
cross join information_schema.columns c
where c.table_schema = 'public' and c.column_name = 'organisation_id' and c.table_name not like 'catalog%'
order by c.table_name, b.who;

-- Writes.
select is(tests.try_as('mentor', format($$insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
  values (%L, %L, %L, 'trial', '2026-10-09', 40, %L)$$, md5('meeting/A2')::uuid, tests.oid('A'), md5('group/A')::uuid, tests.pid('mentor'))),
  'ok 1', 'a mentor logs a meeting of their group');
select is(tests.try_as('mentee', format($$insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
  values (%L, %L, %L, 'trial', '2026-10-09', 40, %L)$$, md5('meeting/A3')::uuid, tests.oid('A'), md5('group/A')::uuid, tests.pid('mentee'))),
  '42501', 'a mentee cannot log a meeting');
select is(tests.try_as('mentor', format($$insert into public.meetings (id, organisation_id, group_id, kind, held_on, duration_minutes, author_person_id)
  values (%L, %L, %L, 'trial', '2026-10-09', 40, %L)$$, md5('meeting/B2')::uuid, tests.oid('B'), md5('group/B')::uuid, tests.pid('mentor'))),
  '42501', 'a mentor cannot log a meeting of another school''s group');
select is(tests.try_as('teacher', format($$insert into public.meeting_notes (meeting_id, organisation_id, group_id, notes)
  values (%L, %L, %L, 'заметка')$$, md5('meeting/A2')::uuid, tests.oid('A'), md5('group/A')::uuid)),
  '42501', 'a teacher cannot write a pair''s notes');
select is(tests.try_as('mentee', format($$insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating)
  values (%L, %L, %L, %L, 8)$$, md5('meeting/A2')::uuid, tests.pid('mentee'), tests.oid('A'), md5('group/A')::uuid)),
  'ok 1', 'a mentee gives their own feedback');
select is(tests.try_as('guardian', format($$insert into public.meeting_feedback (meeting_id, person_id, organisation_id, group_id, rating)
  values (%L, %L, %L, %L, 10)$$, md5('meeting/A2')::uuid, tests.pid('mentor'), tests.oid('A'), md5('group/A')::uuid)),
  '42501', 'a guardian cannot give feedback in someone''s name');
select is(tests.try_as('bystander', format($$insert into public.questionnaire_responses (id, organisation_id, programme_id, questionnaire_id, respondent_person_id)
  select %L, %L, %L, q.id, %L from public.catalog_questionnaires q where q.key = 'quality_mentee' and q.organisation_id is null$$,
  md5('response/A2')::uuid, tests.oid('A'), md5('programme/A')::uuid, tests.pid('mentee'))),
  '42501', 'nobody answers a questionnaire in someone else''s name');
select is(tests.try_as('curator', format($$insert into public.mentoring_groups (organisation_id, programme_id, form, role_model)
  values (%L, %L, 'teacher_student', 'teacher_talented_student')$$, tests.oid('B'), md5('programme/B')::uuid)),
  '42501', 'a curator cannot form a group in another school');
select is(tests.try_as('curator', format($$insert into public.mentoring_groups (organisation_id, programme_id, form, role_model)
  values (%L, %L, 'teacher_student', 'teacher_talented_student')$$, tests.oid('A'), md5('programme/A')::uuid)),
  'ok 1', 'a curator forms a draft group in their school');
select is(tests.try_as('mentor', $$update public.consents set withdrawn_on = current_date$$), 'ok 0', 'a mentor cannot touch consents');
select is(tests.try_as('teacher', $$update public.mentoring_groups set ended_reason = 'x'$$), 'ok 0', 'a teacher cannot change groups');
select is(tests.try_as('region_viewer', $$update public.people set first_name = 'x'$$), 'ok 0', 'a regional viewer cannot change people');
select is(tests.try_as('curator', format($$update public.programme_checklist_items set done_at = now(), evidence_url = 'https://school.example/order.pdf'
  where programme_id = %L and stage = 1 and position = 1$$, md5('programme/A')::uuid)), 'ok 1', 'a curator ticks a checklist item');
select is(tests.try_as('mentor', $$update public.programme_checklist_items set done_at = now()$$), 'ok 0', 'a mentor cannot tick checklist items');
select is(tests.try_as('curator', $$insert into public.audit_log (organisation_id, table_name, row_id, action) values (gen_random_uuid(), 'x', 'x', 'insert')$$),
  '42501', 'nobody writes the audit log by hand');
select is(tests.try_as('curator', format($$insert into public.catalog_role_models (organisation_id, form_key, key, label_ru, label_en)
  values (%L, 'teacher_teacher', 'head_teacher', 'руководитель ОО – учитель', 'head – teacher')$$, tests.oid('A'))),
  'ok 1', 'a curator adds a role model of their own school');
select is(tests.try_as('curator', $$insert into public.catalog_role_models (organisation_id, form_key, key, label_ru, label_en)
  values (null, 'teacher_teacher', 'national_hack', 'x', 'x')$$), '42501', 'nobody changes the national catalog');
select is(tests.try_as('mentee', format($$update public.plan_tasks set status = 'done' where id = %L$$, md5('task/A')::uuid)),
  'ok 1', 'a mentee ticks a task of their plan');
select is(tests.try_as('guardian', $$update public.plan_tasks set status = 'dropped'$$), 'ok 0', 'a guardian cannot change the plan');

select * from finish();
rollback;
