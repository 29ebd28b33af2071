-- pgTAP: the consent rule (152-ФЗ: a minor takes part only with a guardian's valid consent) holds on
-- every path (issue #9, part 3): who may consent for whom, no consent or withdrawal dated in the
-- future, one notion of validity, and a re-check after every change that could break the rule —
-- age, kind, consents, memberships, groups, mentors' training — as the `authenticated` curator in
-- SQL and as the service. The legitimate paths beside each attack still work.
begin;
create extension if not exists pgtap with schema extensions;
set search_path = public, extensions;
select plan(53);
\ir fixtures/two_schools.inc

-- What a signed-in user gets back from one value-returning query (or the error's SQLSTATE).
create function tests.answer_as(who text, query text) returns text language plpgsql as $$
declare
  result text;
begin
  perform tests.act_as(who);
  execute query into result;
  execute 'reset role';
  return result;
exception when others then
  return 'error ' || sqlstate;
end
$$;

-- More people of school A: a 19-year-old student, children born 2018 and 2017 without consent, a
-- student whose birth year is not known, and a second programme.
insert into public.people (id, organisation_id, kind, last_name, first_name, class_id) values
  (tests.pid('adult19'), tests.oid('A'), 'student', 'Взрослова', 'Ольга', md5('class/A5')::uuid),
  (tests.pid('child2018'), tests.oid('A'), 'student', 'Малышев', 'Пётр', md5('class/A5')::uuid),
  (tests.pid('child2017'), tests.oid('A'), 'student', 'Младшая', 'Рита', md5('class/A5')::uuid),
  (tests.pid('no_birth_year'), tests.oid('A'), 'student', 'Безгодов', 'Семён', md5('class/A5')::uuid);
insert into public.person_details (person_id, organisation_id, birth_year) values
  (tests.pid('adult19'), tests.oid('A'), extract(year from current_date)::int - 19),
  (tests.pid('child2018'), tests.oid('A'), 2018),
  (tests.pid('child2017'), tests.oid('A'), 2017);
insert into public.programmes (id, organisation_id, academic_year, name)
values (md5('programme/A2')::uuid, tests.oid('A'), '2027/2028', 'Программа А, следующий год');

create function tests.consent(id_key text, person text, given_by text, given_on text) returns text language sql as $$
  select format($q$insert into public.consents (id, organisation_id, person_id, given_by, given_on) values (%L, %L, %L, %L, %s)$q$,
                md5(id_key)::uuid, tests.oid('A'), tests.pid(person), given_by, given_on)
$$;
create function tests.join_group_a(person text, extra text default '') returns text language sql as $$
  select format($q$insert into public.group_members (group_id, person_id, organisation_id, role%s) values (%L, %L, %L, 'mentee'%s)$q$,
                case when extra = '' then '' else ', left_on, left_reason' end,
                md5('group/A')::uuid, tests.pid(person), tests.oid('A'),
                case when extra = '' then '' else ', ' || extra end)
$$;

-- Who may consent for whom.
select is(tests.try_as('curator', tests.consent('c/self2018', 'child2018', 'self', 'current_date')), '23514',
  'a child born 2018 cannot consent for themselves');
select is(tests.try_as('curator', tests.consent('c/parent2018', 'child2018', 'parent', 'current_date')), 'ok 1',
  'a parent''s consent dated today is recorded');
select is(tests.answer_as('curator', format('select public.consent_status(%L)', tests.pid('child2018'))), 'given',
  'and is valid today');
select is(tests.try_as('curator', tests.consent('c/self19', 'adult19', 'self', 'current_date')), 'ok 1', 'a 19-year-old consents for herself');
select is(tests.answer_as('curator', format('select public.consent_status(%L)', tests.pid('adult19'))), 'given',
  'and her own consent is valid');
select is(tests.try_as('curator', tests.join_group_a('adult19')), 'ok 1', 'she joins an active group');
select is(tests.try_as('curator', tests.consent('c/parent19', 'adult19', 'parent', 'current_date')), '23514',
  'a parent does not consent for an adult');
select is(tests.try_as('curator', tests.consent('c/guardian19', 'adult19', 'guardian', 'current_date')), 'ok 1',
  'a legal guardian (опекун) may');
select is(tests.answer_as('curator', format('select public.consent_status(%L)', tests.pid('mentor'))), 'not_needed',
  'an adult member of staff needs no consent');

-- Whoever turns 18 this year is still a minor (only the birth year is known), student or staff.
insert into public.people (id, organisation_id, kind, last_name, first_name, class_id) values
  (tests.pid('turning18'), tests.oid('A'), 'student', 'Выпускникова', 'Ульяна', md5('class/A5')::uuid),
  (tests.pid('corrected'), tests.oid('A'), 'student', 'Исправленный', 'Фёдор', md5('class/A5')::uuid);
insert into public.person_details (person_id, organisation_id, birth_year) values
  (tests.pid('turning18'), tests.oid('A'), extract(year from current_date)::int - 18),
  (tests.pid('corrected'), tests.oid('A'), extract(year from current_date)::int - 25);
select is(tests.answer_as('curator', format('select public.consent_status(%L)', tests.pid('turning18'))), 'missing',
  'a student who turns 18 this year still needs a parent''s consent');
select is(tests.try_as('curator', tests.consent('c/self18', 'turning18', 'self', 'current_date')), '23514',
  'and cannot give it herself');

-- A consent the person gave herself, recorded while her birth year said adult, stops counting once
-- the birth year is corrected to a minor's: a minor's own consent is never valid, however it got in.
select is(tests.try_as('curator', tests.consent('c/self-corrected', 'corrected', 'self', 'current_date')), 'ok 1',
  'an adult (by the recorded birth year) consents for himself');
select is(tests.try_as('curator', format($$update public.person_details set birth_year = 2013 where person_id = %L$$, tests.pid('corrected'))),
  'ok 1', 'his birth year is corrected to a child''s (he is in no group)');
select is(tests.answer_as('curator', format('select public.consent_status(%L)', tests.pid('corrected'))), 'missing',
  'his own consent no longer counts');
select is(tests.try_as('curator', tests.join_group_a('corrected')), '23514', 'and lets him into no active group');

-- Nothing dated in the future.
select is(tests.try_as('curator', tests.consent('c/2099', 'minor_no_consent', 'parent', '''2099-09-01''')), '23514',
  'a consent dated 2099 is refused');
select is(tests.try_as('curator', format($$update public.consents set withdrawn_on = '2099-01-01' where person_id = %L$$, tests.pid('mentee'))),
  '23514', 'a withdrawal dated 2099 is refused');
select is(tests.try_as('curator', format($$update public.consents set withdrawn_on = '2026-01-01' where person_id = %L$$, tests.pid('mentee'))),
  '23514', 'a withdrawal before the consent was given is refused');
select is((select left_on from public.group_members where group_id = md5('group/A')::uuid and person_id = tests.pid('mentee')), null,
  'the mentee is still in her group');

-- One notion of validity: a consent that slipped in dated in the future (the trigger switched off,
-- as an old dump might load) does not count today.
alter table public.consents disable trigger check_not_in_future;
insert into public.consents (id, organisation_id, person_id, given_by, given_on)
values (md5('c/legacy2099')::uuid, tests.oid('A'), tests.pid('minor_no_consent'), 'parent', '2099-09-01');
alter table public.consents enable trigger check_not_in_future;
select is(tests.answer_as('curator', format('select public.consent_status(%L)', tests.pid('minor_no_consent'))), 'missing',
  'a consent dated 2099 is not valid today');
select is(tests.try_as('curator', tests.join_group_a('minor_no_consent')), '23514',
  'and lets no minor into an active group');
delete from public.consents where id = md5('c/legacy2099')::uuid;

-- Turning a minor into an adult (or staff) and back.
select is(tests.try_as('curator', format($$update public.person_details set birth_year = 1990 where person_id = %L$$, tests.pid('minor_no_consent'))),
  'ok 1', 'a curator may correct the birth year of someone in no active group');
select is(tests.try_as('curator', tests.join_group_a('minor_no_consent')), 'ok 1', 'an adult joins the active group');
select is(tests.try_as('curator', format($$update public.person_details set birth_year = 2015 where person_id = %L$$, tests.pid('minor_no_consent'))),
  '23514', 'changing the birth year back to a minor''s is refused while they are in an active group');
select is((select birth_year from public.person_details where person_id = tests.pid('minor_no_consent')), 1990, 'the birth year stays');
select is(tests.try_as('curator', format($$update public.people set kind = 'staff' where id = %L$$, tests.pid('child2017'))), 'ok 1',
  'a child may be recorded as staff');
select is(tests.try_as('curator', tests.join_group_a('child2017')), '23514',
  'but a known birth year still makes them a minor: no active group without consent');
select is(tests.try_as('curator', format($$update public.people set kind = 'staff' where id = %L$$, tests.pid('no_birth_year'))), 'ok 1',
  'a student without a birth year recorded as staff');
select is(tests.try_as('curator', tests.join_group_a('no_birth_year')), 'ok 1', 'counts as an adult and joins');
select is(tests.try_as('curator', format($$update public.people set kind = 'student' where id = %L$$, tests.pid('no_birth_year'))), '23514',
  'turning them back into a student (a minor) is refused');
select is(tests.try_as('curator', format($$insert into public.person_details (person_id, organisation_id, birth_year) values (%L, %L, 2014)$$,
  tests.pid('no_birth_year'), tests.oid('A'))), '23514', 'and so is recording a minor''s birth year for them');

-- Every column of a consent.
select is(tests.try_as('curator', format($$update public.consents set given_by = 'self' where person_id = %L$$, tests.pid('mentee'))), '23514',
  'an active minor''s parental consent cannot become her own');
select is(tests.try_as('curator', format($$update public.consents set given_on = '2099-01-01' where person_id = %L$$, tests.pid('mentee'))), '23514',
  'nor be re-dated into the future');
select is(tests.try_as('curator', format($$update public.consents set person_id = %L where person_id = %L$$, tests.pid('minor_no_consent'), tests.pid('bystander'))),
  '23514', 'a consent cannot be moved to another child');
select throws_ok(format($$delete from public.consents where person_id = %L$$, tests.pid('mentee')), '23514', null,
  'deleting the consent of a minor in an active group is refused, even for the service');

-- Every column of a membership.
insert into public.mentoring_groups (id, organisation_id, programme_id, form, role_model, status)
values (md5('group/A-draft')::uuid, tests.oid('A'), md5('programme/A')::uuid, 'teacher_student', 'teacher_talented_student', 'draft');
insert into public.group_members (group_id, person_id, organisation_id, role)
values (md5('group/A-draft')::uuid, tests.pid('child2017'), tests.oid('A'), 'mentee');
select is(tests.try_as('curator', format($$update public.group_members set group_id = %L where group_id = %L$$, md5('group/A')::uuid, md5('group/A-draft')::uuid)),
  '23514', 'a member cannot be moved from a draft into an active group');
select is(tests.try_as('curator', tests.join_group_a('child2017', 'current_date + 30, ''уйдёт в январе''')), '23514',
  'a minor without consent cannot join with a leaving date in the future');
select is(tests.try_as('curator', format($$update public.group_members set left_on = current_date + 30 where person_id = %L$$, tests.pid('adult19'))),
  '23514', 'no leaving date in the future for anyone');
insert into public.group_members (group_id, person_id, organisation_id, role, joined_on, left_on, left_reason)
values (md5('group/A')::uuid, tests.pid('child2018'), tests.oid('A'), 'mentee', current_date - 20, current_date - 10, 'переформирование');
update public.consents set withdrawn_on = current_date where person_id = tests.pid('child2018');
select is(tests.try_as('curator', format($$update public.group_members set left_on = null, left_reason = null where person_id = %L$$, tests.pid('child2018'))),
  '23514', 'a former member without consent cannot be brought back');

-- The group's own identity.
select is(tests.try_as('curator', format($$update public.mentoring_groups set programme_id = %L where id = %L$$, md5('programme/A2')::uuid, md5('group/A')::uuid)),
  '23514', 'a group cannot move to another programme');
select is(tests.try_as('curator', format($$update public.mentoring_groups set organisation_id = %L where id = %L$$, tests.oid('B'), md5('group/A')::uuid)),
  '23514', 'nor to another school');

-- Trained mentors only, re-checked when the training record changes.
select is(tests.try_as('curator', format($$update public.enrolments set training_status = 'in_training', trained_on = null where person_id = %L$$, tests.pid('mentor'))),
  '23514', 'an active mentor''s training cannot be undone');
select is(tests.try_as('curator', format($$update public.enrolments set left_on = current_date where person_id = %L$$, tests.pid('mentor'))),
  '23514', 'nor her enrolment ended while she mentors');
select is(tests.try_as('curator', format($$update public.enrolments set trained_on = current_date + 1 where person_id = %L$$, tests.pid('mentor'))),
  '23514', 'nor her training dated in the future');
select throws_ok(format($$delete from public.enrolments where person_id = %L$$, tests.pid('mentor')), '23514', null,
  'nor her enrolment deleted, even by the service');

-- Other schools and anon.
select is(tests.try_as('b_curator', tests.consent('c/from-b', 'child2017', 'parent', 'current_date')), '42501',
  'another school''s curator records no consent for A''s child');
select is(tests.try_as('b_curator', format($$update public.consents set withdrawn_on = current_date where organisation_id = %L$$, tests.oid('A'))),
  'ok 0', 'nor withdraws A''s consents');
select is(tests.try_as('b_curator', tests.consent('c/from-b-adult', 'minor_no_consent', 'parent', 'current_date')), '42501',
  'and learns nothing of A''s people from the rules: the refusal is the same for an adult (no 23514)');
select is(tests.try_as('anon', tests.consent('c/anon', 'minor_no_consent', 'parent', 'current_date')), '42501', 'anon records no consent');

-- The legitimate withdrawal, today: it ends the minor's participation.
select is(tests.try_as('curator', format($$update public.consents set withdrawn_on = current_date where person_id = %L$$, tests.pid('mentee'))),
  'ok 1', 'the parent withdraws the consent today');
select is((select left_on from public.group_members where group_id = md5('group/A')::uuid and person_id = tests.pid('mentee')), current_date,
  'the mentee leaves the group today');
select is(tests.answer_as('curator', format('select public.consent_status(%L)', tests.pid('mentee'))), 'withdrawn', 'her consent is withdrawn');
select is((select count(*)::int from public.group_members gm join public.mentoring_groups g on g.id = gm.group_id
           where g.status = 'active' and (gm.left_on is null or gm.left_on > current_date)
             and app.person_is_minor(gm.person_id) and not app.has_valid_consent(gm.person_id)),
  0, 'after all of it, no minor without a valid consent is in an active group');

select * from finish();
rollback;
