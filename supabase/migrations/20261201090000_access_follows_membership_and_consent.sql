-- Issue #9, parts 2–4, on the database alone (whatever the client: the API, PostgREST, psql as
-- `authenticated`, the service's own jobs).
--
-- 2. Access follows membership dates. A membership is CURRENT while `left_on is null or left_on >
--    current_date`: `left_on` is the first day the person is no longer in the group (re-pairing on
--    day D sets left_on = D, and the KPI already counts a member as involved while left_on > date).
--    `joined_on` and `left_on` may not be written in the future, so a membership is either current
--    or over. Every helper that grants by membership (app.my_group_ids, my_mentored_group_ids,
--    my_group_peer_ids, my_taught_group_ids, my_children_group_ids) now returns current ones only.
--    A FORMER member keeps reading what belongs to their own time in the group and nothing else:
--    the group's meetings held before their left_on (their time is joined_on ≤ day < left_on, so a
--    meeting on the day they left is already after them), with those meetings' attendance, and
--    what is theirs by person (their own feedback, questionnaire answers, outcomes). They no longer
--    see the group, its members, notes, plan, or anybody's feedback.
--    Writes by participants (meetings, notes, attendance, feedback, goals, tasks, questionnaire
--    responses tied to a group) need a current membership in an ACTIVE group: a draft is not
--    running yet, a completed or cancelled group is history. The head and the curators of the
--    school write to any of its groups whatever the status (corrections); they may now also
--    correct a meeting they did not author.
--    Feedback and attendance are recorded only for people who were members on the meeting's day.
--    Feedback (meeting_feedback insert/update/delete) is audited (row_id 'meeting_id/person_id'),
--    and erasing a person scrubs the comments from the log's copies of their feedback; erasing a
--    student without a guardian's valid consent ends their current memberships of active groups
--    (with no birth year left they count as a minor, and the consent rule would refuse the erasure).
--
-- 3. Consent (152-ФЗ: a minor takes part only with a guardian's valid consent).
--    * Minor: app.is_minor's notion, made sharper: a person whose birth year says they may be under
--      18 (born 18 or fewer years ago, whatever their kind), or a student whose birth year is
--      unknown. (Before, only students counted, so turning a child into 'staff' made them adult.)
--    * Who may consent: 'self' only for a person who is not a minor (152-ФЗ art. 9 makes the legal
--      representative consent for a minor; 14+ self-consent has no footing there); 'parent' only
--      for a minor; 'guardian' (законный представитель, also of an adult under guardianship) for
--      anyone. Checked when the consent is recorded or its giver changes.
--    * Valid today = given_on <= current_date and (withdrawn_on is null or withdrawn_on >
--      current_date) and the giver fits the person's age today: ONE definition,
--      app.consent_is_valid, used through app.has_valid_consent by participation_refusal,
--      consent_status, the withdrawal trigger and erasure. given_on and withdrawn_on may not be
--      written in the future (a trigger: CHECK cannot read current_date); withdrawn_on >= given_on.
--    * The rule "no current member of an active group is a minor without valid consent, and every
--      mentor is trained" is re-checked after every change that can break it: people.kind,
--      person_details.birth_year (insert, update, delete), consents (update, delete: withdrawing
--      ends the participation first, deleting the consent of an active minor is refused),
--      group_members (any column: the trigger now fires on every insert and update), the group's
--      status (as before), enrolments (update and delete: the trained-mentor rule; a training
--      dated in the future does not count).
--    * Identity columns cannot change (only be cleared by ON DELETE SET NULL): moving a consent to
--      another child, a member into another group, a group into another programme or school, a
--      note, feedback, attendance, goal or task to another meeting, group or school is refused.
--
-- 4. Nothing crosses schools or groups. Every foreign key between two tables of a school carries
--    the organisation, and where the row belongs to a group, the group too: notes, feedback and
--    attendance → their meeting (id, group, organisation); feedback and attendance → a member of
--    that group; tasks → their goal (id, group, organisation); questionnaire responses and outcomes
--    → a group of the same programme, and a respondent/person who is a member of it; who recorded
--    feedback or created a goal → a person of the same school. References into the catalog (where
--    national rows have no organisation) are checked by a trigger: a school's own questionnaire,
--    form, role model or checklist item is never used by another school; an answer's item belongs
--    to the response's questionnaire.
--    Definer functions that answer about a person (public.consent_status, app.is_minor) answer only
--    about people the caller may see (the people policy's rule, app.may_see_person) and return null
--    otherwise; app.participation_refusal and the new app.assert_participation are not executable by
--    `authenticated` (only the definer triggers call them). The definer BEFORE triggers that judge a
--    row before row-level security does (consent giver, group member) first refuse, as the policy
--    would, a signed-in caller who does not run the row's school (app.require_curator_of), and
--    leave a row naming another school's person or group to its foreign key: their refusals say
--    nothing about another school's people.
--
-- Triggers: app.check_group_member's trigger is re-created to fire on every column (a trigger's
-- column list cannot be altered); everything else is altered or added.

-- ---------------------------------------------------------------------------------------------
-- Part 3 first: who is a minor, and which consent counts (the helpers below use them).
--
-- The small helpers here are plain SQL, `security invoker` and without `set search_path` (the
-- style's default), so that the planner inlines them into the queries that use them: they name
-- every table with its schema, and inside a definer function they run under its empty search_path.
-- Called inside definer functions and triggers they read as their owner; called directly by a
-- signed-in user they read only what row-level security shows them.

-- Minor by what is known: a birth year 18 or fewer years ago, whatever the kind; without a birth
-- year, a student (someone turning 18 this year still counts as a minor until the next).
create function app.minor_by(kind text, birth_year int) returns boolean
language sql stable
as $$
  select case when birth_year is not null then extract(year from current_date)::int - birth_year <= 18 else kind = 'student' end
$$;

create function app.person_is_minor(person uuid) returns boolean
language sql stable
as $$
  select app.minor_by(p.kind, d.birth_year)
  from public.people p left join public.person_details d on d.person_id = p.id
  where p.id = person
$$;

-- THE definition of a consent that counts today (given, not in the future, not withdrawn, by
-- someone who may give it for a person of this age).
create function app.consent_is_valid(given_by text, given_on date, withdrawn_on date, for_minor boolean) returns boolean
language sql stable
as $$
  select given_on <= current_date
    and (withdrawn_on is null or withdrawn_on > current_date)
    and case when for_minor then given_by in ('parent', 'guardian') else given_by in ('self', 'guardian') end
$$;

create function app.has_valid_consent(person uuid) returns boolean
language sql stable
as $$
  select exists (
    select 1
    from public.consents c
    join public.people p on p.id = c.person_id
    left join public.person_details d on d.person_id = p.id
    where c.person_id = person and app.consent_is_valid(c.given_by, c.given_on, c.withdrawn_on, app.minor_by(p.kind, d.birth_year))
  )
$$;

-- Whether the caller may see this person: the rule of the people select policy, for the definer
-- functions below (inside them row-level security no longer applies). The service's own jobs and
-- the service role see everyone.
create function app.may_see_person(person uuid) returns boolean
language sql stable
as $$
  select coalesce(current_setting('role', true), 'none') not in ('authenticated', 'anon')
    or exists (
      select 1 from public.people p
      where p.id = person and (
        exists (select 1 from public.memberships m join public.people me on me.id = m.person_id
                where me.auth_user_id = (select auth.uid()) and m.role in ('head', 'curator') and m.organisation_id = p.organisation_id)
        or p.auth_user_id = (select auth.uid())
        or p.id in (select app.my_children_ids())
        or p.id in (select app.my_group_peer_ids())
      )
    )
$$;

-- The public notion, for callers: null about people they may not see. PL/pgSQL with a generic plan:
-- called once per row of a listing, it must not plan its query again on every call.
create or replace function app.is_minor(person uuid) returns boolean
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan
as $$
begin
  if not app.may_see_person(person) then
    return null;
  end if;
  return app.person_is_minor(person);
end
$$;

-- given: a valid consent; withdrawn: a consent was withdrawn and none is valid; missing: a minor
-- without one; not_needed: an adult. Null about a person the caller may not see (or no person).
-- Now PL/pgSQL (was SQL), with a generic plan, for the same reason as app.is_minor.
create or replace function public.consent_status(person uuid) returns text
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan
as $$
begin
  if not app.may_see_person(person) then
    return null;
  end if;
  return (
    select case
      when exists (select 1 from public.consents c
                   where c.person_id = p.id
                     and app.consent_is_valid(c.given_by, c.given_on, c.withdrawn_on, app.minor_by(p.kind, d.birth_year))) then 'given'
      when not app.minor_by(p.kind, d.birth_year) then 'not_needed'
      when exists (select 1 from public.consents c where c.person_id = p.id and c.withdrawn_on <= current_date) then 'withdrawn'
      else 'missing'
    end
    from public.people p left join public.person_details d on d.person_id = p.id
    where p.id = person
  );
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Part 2: memberships count while current; participants write only to active groups.

create or replace function app.my_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.group_members gm
  join public.people p on p.id = gm.person_id
  where p.auth_user_id = (select auth.uid()) and (gm.left_on is null or gm.left_on > current_date)
$$;

create or replace function app.my_mentored_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.group_members gm
  join public.people p on p.id = gm.person_id
  where p.auth_user_id = (select auth.uid()) and gm.role = 'mentor' and (gm.left_on is null or gm.left_on > current_date)
$$;

create or replace function app.my_taught_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.teaching_assignments ta
  join public.people me on me.id = ta.person_id and me.auth_user_id = (select auth.uid())
  join public.people pupil on pupil.class_id = ta.class_id
  join public.group_members gm on gm.person_id = pupil.id and gm.role = 'mentee'
  where gm.left_on is null or gm.left_on > current_date
$$;

create or replace function app.my_children_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id from public.group_members gm
  where gm.person_id in (select app.my_children_ids()) and (gm.left_on is null or gm.left_on > current_date)
$$;

-- The current members of the groups the caller follows (as a member, a teacher, a guardian).
create or replace function app.my_group_peer_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select other.person_id
  from public.group_members other
  where (other.left_on is null or other.left_on > current_date)
    and other.group_id in (
      select app.my_group_ids()
      union all select app.my_taught_group_ids()
      union all select app.my_children_group_ids()
    )
$$;

-- Where the caller may write as a participant: current memberships of active groups.
create function app.my_active_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.group_members gm
  join public.people p on p.id = gm.person_id
  join public.mentoring_groups g on g.id = gm.group_id
  where p.auth_user_id = (select auth.uid()) and g.status = 'active' and (gm.left_on is null or gm.left_on > current_date)
$$;

create function app.my_active_mentored_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.group_members gm
  join public.people p on p.id = gm.person_id
  join public.mentoring_groups g on g.id = gm.group_id
  where p.auth_user_id = (select auth.uid()) and gm.role = 'mentor' and g.status = 'active'
    and (gm.left_on is null or gm.left_on > current_date)
$$;

-- Groups the caller has left, and the day they left one of them.
create function app.my_former_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.group_members gm
  join public.people p on p.id = gm.person_id
  where p.auth_user_id = (select auth.uid()) and gm.left_on <= current_date
$$;

create function app.my_left_on(in_group uuid) returns date
language sql stable security definer set search_path = ''
as $$
  select max(gm.left_on)
  from public.group_members gm
  join public.people p on p.id = gm.person_id
  where gm.group_id = in_group and p.auth_user_id = (select auth.uid()) and gm.left_on <= current_date
$$;

-- Meetings: a former member still sees the meetings of their own time in the group (before left_on).
alter policy "participants, their teachers and guardians see meetings; curators their school's" on public.meetings
  using (
    organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
    or group_id in (select app.my_group_ids())
    or group_id in (select app.my_taught_group_ids())
    or group_id in (select app.my_children_group_ids())
    or (group_id in (select app.my_former_group_ids()) and held_on < app.my_left_on(group_id))
  );
alter policy "mentors and curators log meetings" on public.meetings
  with check (
    (group_id in (select app.my_active_mentored_group_ids()) and author_person_id in (select app.my_person_ids()))
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
alter policy "authors correct their meetings" on public.meetings
  using (
    (author_person_id in (select app.my_person_ids()) and group_id in (select app.my_active_mentored_group_ids()))
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  )
  with check (
    (author_person_id in (select app.my_person_ids()) and group_id in (select app.my_active_mentored_group_ids()))
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );

alter policy "mentors and curators write notes" on public.meeting_notes
  with check (group_id in (select app.my_active_mentored_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
alter policy "mentors and curators correct notes" on public.meeting_notes
  using (group_id in (select app.my_active_mentored_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()))
  with check (group_id in (select app.my_active_mentored_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));

-- Attendance gets its group (filled from the meeting when not given) so that the policies and the
-- keys below can name it.
alter table public.meeting_attendance add column group_id uuid;
update public.meeting_attendance a set group_id = m.group_id from public.meetings m where m.id = a.meeting_id;
alter table public.meeting_attendance alter column group_id set not null;
create index meeting_attendance_group_id_idx on public.meeting_attendance (group_id, person_id);

-- `security definer`: the group is read whether or not the caller sees the meeting, only from a
-- meeting of the row's own school; the row's policy and keys then decide, so nothing is revealed.
create function app.fill_attendance_group() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.group_id is null then
    new.group_id := (select m.group_id from public.meetings m where m.id = new.meeting_id and m.organisation_id = new.organisation_id);
  end if;
  return new;
end
$$;
create trigger fill_attendance_group before insert on public.meeting_attendance
  for each row execute function app.fill_attendance_group();

alter policy "mentors and curators record attendance" on public.meeting_attendance
  with check (group_id in (select app.my_active_mentored_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
alter policy "mentors and curators correct attendance" on public.meeting_attendance
  using (group_id in (select app.my_active_mentored_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()))
  with check (group_id in (select app.my_active_mentored_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));

alter policy "participants give feedback, mentors and curators record it" on public.meeting_feedback
  with check (
    (recorded_by_person_id is null or recorded_by_person_id in (select app.my_person_ids()))
    and (
      (person_id in (select app.my_person_ids()) and group_id in (select app.my_active_group_ids()))
      or group_id in (select app.my_active_mentored_group_ids())
      or organisation_id in (select app.my_curated_organisation_ids())
    )
  );
alter policy "feedback is corrected by whoever may give it" on public.meeting_feedback
  using (
    (person_id in (select app.my_person_ids()) and group_id in (select app.my_active_group_ids()))
    or group_id in (select app.my_active_mentored_group_ids())
    or organisation_id in (select app.my_curated_organisation_ids())
  )
  with check (
    (person_id in (select app.my_person_ids()) and group_id in (select app.my_active_group_ids()))
    or group_id in (select app.my_active_mentored_group_ids())
    or organisation_id in (select app.my_curated_organisation_ids())
  );

alter policy "the group and the curators write its plan" on public.plan_goals
  with check (
    (created_by_person_id is null or created_by_person_id in (select app.my_person_ids()))
    and (group_id in (select app.my_active_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()))
  );
alter policy "the group and the curators update its plan" on public.plan_goals
  using (group_id in (select app.my_active_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()))
  with check (group_id in (select app.my_active_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
alter policy "the group and the curators write its tasks" on public.plan_tasks
  with check (group_id in (select app.my_active_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
alter policy "the group and the curators update its tasks" on public.plan_tasks
  using (group_id in (select app.my_active_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()))
  with check (group_id in (select app.my_active_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));

alter policy "respondents answer for themselves, curators enter paper forms" on public.questionnaire_responses
  with check (
    (respondent_person_id in (select app.my_person_ids()) and (group_id is null or group_id in (select app.my_active_group_ids())))
    or organisation_id in (select app.my_curated_organisation_ids())
  );
alter policy "answers are written with their response" on public.questionnaire_answers
  with check (response_id in (
    select r.id from public.questionnaire_responses r
    where (r.respondent_person_id in (select app.my_person_ids()) and (r.group_id is null or r.group_id in (select app.my_active_group_ids())))
      or r.organisation_id in (select app.my_curated_organisation_ids())));

-- Feedback and attendance only of people who were members of the group on the meeting's day (who
-- had left by then gives no feedback on it). An AFTER trigger: it runs once the row's policy and
-- keys have let the caller write it, so its answer tells nobody anything they may not see.
create function app.check_member_on_meeting_day() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.meetings m
    join public.group_members gm on gm.group_id = m.group_id
    where m.id = new.meeting_id and gm.person_id = new.person_id and (gm.left_on is null or gm.left_on > m.held_on)
  ) then
    raise exception 'в день встречи этот человек не был участником группы' using errcode = 'check_violation', hint = 'not_a_member_then';
  end if;
  return null;
end
$$;
create trigger check_member_on_meeting_day after insert on public.meeting_feedback
  for each row execute function app.check_member_on_meeting_day();
create trigger check_member_on_meeting_day after insert on public.meeting_attendance
  for each row execute function app.check_member_on_meeting_day();

-- ---------------------------------------------------------------------------------------------
-- Feedback leaves an audit trail. app.audit takes the key as one column, 'group_members' (as
-- before), or several columns separated by commas, joined with '/' into row_id.
create or replace function app.audit() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  key_column text := tg_argv[0];
  old_json jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_json jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_json jsonb := coalesce(new_json, old_json);
  key text;
begin
  if tg_op = 'UPDATE' and old_json = new_json then
    return null;
  end if;
  if key_column = 'group_members' then
    key := (row_json ->> 'group_id') || '/' || (row_json ->> 'person_id');
  elsif position(',' in key_column) > 0 then
    select string_agg(row_json ->> k.name, '/' order by k.position) into key
    from unnest(string_to_array(key_column, ',')) with ordinality as k (name, position);
  else
    key := row_json ->> key_column;
  end if;
  insert into public.audit_log (organisation_id, table_name, row_id, action, actor_user_id, old_data, new_data)
  values ((row_json ->> 'organisation_id')::uuid, tg_table_name, key, lower(tg_op), (select auth.uid()), old_json, new_json);
  return null;
end
$$;
create trigger audit_meeting_feedback after insert or update or delete on public.meeting_feedback
  for each row execute function app.audit('meeting_id,person_id');

-- ---------------------------------------------------------------------------------------------
-- Part 3: the rules, re-checked on every path.

-- Dates that may not be in the future (only checked when written or changed). "Today" here is the
-- date in Russia's easternmost time zone (UTC+12): a school in Vladivostok entering a consent at
-- 8:00 on its own date must not be told the date has not come yet because the server keeps UTC.
-- A date that has begun nowhere in Russia is refused. (Whether a consent is valid still reads
-- current_date: a consent dated ahead of the server counts from the server's next day, never early.)
create function app.check_not_in_future() returns trigger
language plpgsql set search_path = ''
as $$
declare
  col text;
  new_json jsonb := to_jsonb(new);
  old_json jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) end;
begin
  foreach col in array tg_argv loop
    if (new_json ->> col)::date > (now() at time zone 'Asia/Kamchatka')::date
       and (old_json is null or old_json -> col is distinct from new_json -> col) then
      raise exception '%.%: дата % ещё не наступила', tg_table_name, col, new_json ->> col
        using errcode = 'check_violation', hint = 'date_in_future';
    end if;
  end loop;
  return new;
end
$$;

-- Columns that say what a row belongs to: they never change (clearing one, as ON DELETE SET NULL
-- does, is allowed).
create function app.keep_identity() returns trigger
language plpgsql set search_path = ''
as $$
declare
  col text;
  new_json jsonb := to_jsonb(new);
  old_json jsonb := to_jsonb(old);
begin
  foreach col in array tg_argv loop
    if new_json -> col is distinct from old_json -> col and new_json ->> col is not null then
      raise exception '%.% не меняется: создайте новую запись', tg_table_name, col
        using errcode = 'check_violation', hint = 'immutable_column';
    end if;
  end loop;
  return new;
end
$$;

create trigger keep_identity before update on public.people for each row execute function app.keep_identity('organisation_id');
create trigger keep_identity before update on public.person_details for each row execute function app.keep_identity('person_id', 'organisation_id');
create trigger keep_identity before update on public.consents for each row execute function app.keep_identity('person_id', 'organisation_id');
create trigger keep_identity before update on public.programmes for each row execute function app.keep_identity('organisation_id');
create trigger keep_identity before update on public.mentoring_groups for each row execute function app.keep_identity('programme_id', 'organisation_id');
create trigger keep_identity before update on public.group_members for each row execute function app.keep_identity('group_id', 'person_id', 'organisation_id');
create trigger keep_identity before update on public.enrolments for each row execute function app.keep_identity('programme_id', 'person_id', 'organisation_id', 'base');
create trigger keep_identity before update on public.meetings for each row execute function app.keep_identity('group_id', 'organisation_id');
create trigger keep_identity before update on public.meeting_notes for each row execute function app.keep_identity('meeting_id', 'group_id', 'organisation_id');
create trigger keep_identity before update on public.meeting_attendance
  for each row execute function app.keep_identity('meeting_id', 'group_id', 'person_id', 'organisation_id');
create trigger keep_identity before update on public.meeting_feedback
  for each row execute function app.keep_identity('meeting_id', 'group_id', 'person_id', 'organisation_id', 'recorded_by_person_id');
create trigger keep_identity before update on public.plan_goals for each row execute function app.keep_identity('group_id', 'organisation_id', 'created_by_person_id');
create trigger keep_identity before update on public.plan_tasks for each row execute function app.keep_identity('goal_id', 'group_id', 'organisation_id');
create trigger keep_identity before update on public.questionnaire_responses
  for each row execute function app.keep_identity('programme_id', 'questionnaire_id', 'respondent_person_id', 'group_id', 'organisation_id');
create trigger keep_identity before update on public.questionnaire_answers
  for each row execute function app.keep_identity('response_id', 'item_id', 'organisation_id');
create trigger keep_identity before update on public.outcomes
  for each row execute function app.keep_identity('programme_id', 'person_id', 'group_id', 'organisation_id');
create trigger keep_identity before update on public.programme_checklist_items
  for each row execute function app.keep_identity('programme_id', 'catalog_item_id', 'stage', 'organisation_id');
create trigger keep_identity before update on public.guardianships
  for each row execute function app.keep_identity('guardian_person_id', 'child_person_id', 'organisation_id');
create trigger keep_identity before update on public.teaching_assignments for each row execute function app.keep_identity('person_id', 'organisation_id');
create trigger keep_identity before update on public.classes for each row execute function app.keep_identity('organisation_id');

-- The definer triggers below judge a row before row-level security does (BEFORE triggers run
-- first): so that their answer says nothing about another school's people, a signed-in caller
-- who does not run the row's school gets the policies' refusal from them, and a row naming a
-- person or group of another school is left to its foreign key.
create function app.require_curator_of(org uuid, table_name text) returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if coalesce(current_setting('role', true), 'none') in ('authenticated', 'anon')
     and org not in (select app.my_organisation_ids_as('{head,curator}')) then
    raise exception 'new row violates row-level security policy for table "%"', table_name using errcode = 'insufficient_privilege';
  end if;
end
$$;

-- Consents: not in the future, withdrawn after given, and given by someone who may.
alter table public.consents add constraint consents_withdrawn_after_given check (withdrawn_on is null or withdrawn_on >= given_on);
create trigger check_not_in_future before insert or update on public.consents
  for each row execute function app.check_not_in_future('given_on', 'withdrawn_on');

create function app.check_consent_giver() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  minor boolean;
begin
  perform app.require_curator_of(new.organisation_id, tg_table_name);
  if tg_op = 'UPDATE' and new.given_by is not distinct from old.given_by then
    return new;
  end if;
  if not exists (select 1 from public.people p where p.id = new.person_id and p.organisation_id = new.organisation_id) then
    return new; -- the foreign key refuses it, without a word about the person
  end if;
  minor := app.person_is_minor(new.person_id);
  if minor and new.given_by = 'self' then
    raise exception 'несовершеннолетний не даёт согласие сам: нужно согласие родителя или законного представителя'
      using errcode = 'check_violation', hint = 'consent_giver';
  elsif not minor and new.given_by = 'parent' then
    raise exception 'совершеннолетний даёт согласие сам (или его законный представитель — опекун)'
      using errcode = 'check_violation', hint = 'consent_giver';
  end if;
  return new;
end
$$;
create trigger check_consent_giver before insert or update on public.consents
  for each row execute function app.check_consent_giver();

create trigger check_not_in_future before insert or update on public.group_members
  for each row execute function app.check_not_in_future('joined_on', 'left_on');
create trigger check_not_in_future before insert or update on public.enrolments
  for each row execute function app.check_not_in_future('trained_on');

create or replace function app.participation_refusal(person uuid, programme uuid, member_role text) returns text
language plpgsql stable security definer set search_path = ''
as $$
begin
  if coalesce(app.person_is_minor(person), false) and not app.has_valid_consent(person) then
    return 'нет действующего согласия законного представителя на обработку персональных данных несовершеннолетнего';
  end if;
  if member_role = 'mentor' and not exists (
    select 1 from public.enrolments e
    where e.person_id = person and e.programme_id = programme and e.base = 'mentor'
      and e.training_status = 'trained' and e.trained_on <= current_date
      and (e.left_on is null or e.left_on > current_date)
  ) then
    return 'наставник не прошёл обучение (этап 4) в этой программе';
  end if;
  return null;
end
$$;

-- Every reason a person may not be in the active groups they currently are in, or nothing.
create function app.assert_participation(person uuid) returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  refusal text;
begin
  if not exists (select 1 from public.people p where p.id = person) then
    return; -- being deleted: the cascade takes their memberships too
  end if;
  select string_agg(distinct r.reason, '; ') into refusal
  from (
    select app.participation_refusal(gm.person_id, g.programme_id, gm.role) as reason
    from public.group_members gm
    join public.mentoring_groups g on g.id = gm.group_id
    where gm.person_id = person and g.status = 'active' and (gm.left_on is null or gm.left_on > current_date)
  ) r
  where r.reason is not null;
  if refusal is not null then
    raise exception 'участник действующей группы: %', refusal using errcode = 'check_violation', hint = 'group_member_not_allowed';
  end if;
end
$$;

create function app.recheck_participation() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.assert_participation(((case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end) ->> tg_argv[0])::uuid);
  return null;
end
$$;
-- (After triggers run in name order: on consents, end_participation_on_withdrawal runs first.)
create trigger recheck_participation after update of kind on public.people
  for each row execute function app.recheck_participation('id');
create trigger recheck_participation after insert or update of birth_year or delete on public.person_details
  for each row execute function app.recheck_participation('person_id');
create trigger recheck_participation after update or delete on public.consents
  for each row execute function app.recheck_participation('person_id');
create trigger recheck_participation after update or delete on public.enrolments
  for each row execute function app.recheck_participation('person_id');

-- A member row is checked whenever it is written, whatever the column; a row that is over (left
-- today or earlier) is history, not participation.
create or replace function app.check_group_member() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  group_row public.mentoring_groups;
  refusal text;
begin
  perform app.require_curator_of(new.organisation_id, tg_table_name);
  if new.left_on is not null and new.left_on <= current_date then
    return new;
  end if;
  select * into group_row from public.mentoring_groups where id = new.group_id and organisation_id = new.organisation_id;
  if group_row.status = 'active'
     and exists (select 1 from public.people p where p.id = new.person_id and p.organisation_id = new.organisation_id) then
    refusal := app.participation_refusal(new.person_id, group_row.programme_id, new.role);
    if refusal is not null then
      raise exception 'cannot add to an active group: %', refusal using errcode = 'check_violation', hint = 'group_member_not_allowed';
    end if;
  end if;
  return new;
end
$$;
drop trigger check_group_member on public.group_members;
create trigger check_group_member before insert or update on public.group_members
  for each row execute function app.check_group_member();

create or replace function app.check_group_lifecycle() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  refusal text;
begin
  if tg_op = 'INSERT' then
    if new.status = 'active' and new.started_on is null then
      new.started_on := current_date;
    end if;
    return new;
  end if;
  if new.status = old.status then
    return new;
  end if;
  if not (
    (old.status = 'draft' and new.status in ('active', 'cancelled'))
    or (old.status = 'active' and new.status in ('completed', 'cancelled'))
  ) then
    raise exception 'a group cannot go from % to %', old.status, new.status using errcode = 'check_violation', hint = 'group_status_transition';
  end if;
  if new.status = 'active' then
    new.started_on := coalesce(new.started_on, current_date);
    -- Every reason at once, so that the curator can fix them all before trying again.
    select string_agg(distinct app.participation_refusal(gm.person_id, new.programme_id, gm.role), '; ') into refusal
    from public.group_members gm
    where gm.group_id = new.id and (gm.left_on is null or gm.left_on > current_date);
    if refusal is not null then
      raise exception 'cannot publish the group: %', refusal using errcode = 'check_violation', hint = 'group_member_not_allowed';
    end if;
  else
    new.ended_on := coalesce(new.ended_on, current_date);
  end if;
  return new;
end
$$;

-- Withdrawing the last valid consent ends the person's current participation; a group left with
-- no current mentee is cancelled.
create or replace function app.end_participation_on_withdrawal() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.withdrawn_on is null or old.withdrawn_on is not null then
    return new;
  end if;
  if app.has_valid_consent(new.person_id) then
    return new;
  end if;
  update public.group_members gm
  set left_on = greatest(new.withdrawn_on, gm.joined_on), left_reason = 'согласие на обработку персональных данных отозвано'
  where gm.person_id = new.person_id and (gm.left_on is null or gm.left_on > current_date);
  update public.mentoring_groups g
  set status = 'cancelled', ended_reason = 'не осталось наставляемых с действующим согласием'
  where g.status = 'active'
    and g.id in (select gm.group_id from public.group_members gm where gm.person_id = new.person_id)
    and not exists (
      select 1 from public.group_members gm
      where gm.group_id = g.id and gm.role = 'mentee' and (gm.left_on is null or gm.left_on > current_date));
  return new;
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Part 4: keys that carry the school and the group.

alter table public.meetings add constraint meetings_id_group_organisation_key unique (id, group_id, organisation_id);
alter table public.mentoring_groups add constraint mentoring_groups_id_programme_organisation_key unique (id, programme_id, organisation_id);
alter table public.plan_goals add constraint plan_goals_id_group_organisation_key unique (id, group_id, organisation_id);

alter table public.meeting_notes
  add constraint meeting_notes_meeting_group_fkey foreign key (meeting_id, group_id, organisation_id)
    references public.meetings (id, group_id, organisation_id) on delete cascade;

alter table public.meeting_feedback
  add constraint meeting_feedback_meeting_group_fkey foreign key (meeting_id, group_id, organisation_id)
    references public.meetings (id, group_id, organisation_id) on delete cascade,
  add constraint meeting_feedback_member_fkey foreign key (group_id, person_id)
    references public.group_members (group_id, person_id) on delete cascade,
  add constraint meeting_feedback_recorded_by_fkey foreign key (recorded_by_person_id, organisation_id)
    references public.people (id, organisation_id) on delete set null (recorded_by_person_id);
create index meeting_feedback_member_idx on public.meeting_feedback (group_id, person_id);
create index meeting_feedback_recorded_by_idx on public.meeting_feedback (recorded_by_person_id);

alter table public.meeting_attendance
  add constraint meeting_attendance_meeting_group_fkey foreign key (meeting_id, group_id, organisation_id)
    references public.meetings (id, group_id, organisation_id) on delete cascade,
  add constraint meeting_attendance_member_fkey foreign key (group_id, person_id)
    references public.group_members (group_id, person_id) on delete cascade;

alter table public.plan_goals
  add constraint plan_goals_created_by_fkey foreign key (created_by_person_id, organisation_id)
    references public.people (id, organisation_id) on delete set null (created_by_person_id);
create index plan_goals_created_by_idx on public.plan_goals (created_by_person_id);

alter table public.plan_tasks
  add constraint plan_tasks_goal_group_fkey foreign key (goal_id, group_id, organisation_id)
    references public.plan_goals (id, group_id, organisation_id) on delete cascade;

alter table public.questionnaire_responses
  add constraint questionnaire_responses_group_programme_fkey foreign key (group_id, programme_id, organisation_id)
    references public.mentoring_groups (id, programme_id, organisation_id) on delete set null (group_id),
  add constraint questionnaire_responses_member_fkey foreign key (group_id, respondent_person_id)
    references public.group_members (group_id, person_id) on delete set null (group_id);
create index questionnaire_responses_group_id_idx on public.questionnaire_responses (group_id, respondent_person_id);

alter table public.outcomes
  add constraint outcomes_group_programme_fkey foreign key (group_id, programme_id, organisation_id)
    references public.mentoring_groups (id, programme_id, organisation_id) on delete cascade,
  add constraint outcomes_member_fkey foreign key (group_id, person_id)
    references public.group_members (group_id, person_id) on delete set null (group_id);

-- References into the catalog: national rows (no organisation) or the row's own school's.
create function app.check_catalog_use() returns trigger
language plpgsql stable security definer set search_path = ''
as $$
declare
  ok boolean := true;
begin
  if tg_table_name = 'questionnaire_responses' then
    ok := exists (select 1 from public.catalog_questionnaires q
                  where q.id = new.questionnaire_id and (q.organisation_id is null or q.organisation_id = new.organisation_id));
  elsif tg_table_name = 'questionnaire_answers' then
    ok := exists (select 1 from public.catalog_questionnaire_items i
                  join public.questionnaire_responses r on r.questionnaire_id = i.questionnaire_id
                  where i.id = new.item_id and r.id = new.response_id);
  elsif tg_table_name = 'programme_checklist_items' then
    ok := exists (select 1 from public.catalog_checklist_items c
                  where c.id = new.catalog_item_id and c.stage = new.stage
                    and (c.organisation_id is null or c.organisation_id = new.organisation_id));
  elsif tg_table_name = 'enrolments' then
    ok := (new.form_key is null or exists (
             select 1 from public.catalog_forms f
             where f.key = new.form_key and (f.organisation_id is null or f.organisation_id = new.organisation_id)))
      and (new.wished_role_model_key is null or exists (
             select 1 from public.catalog_role_models r
             where r.key = new.wished_role_model_key and (new.form_key is null or r.form_key = new.form_key)
               and (r.organisation_id is null or r.organisation_id = new.organisation_id)));
  end if;
  if not ok then
    raise exception 'unknown catalog reference in %', tg_table_name using errcode = 'foreign_key_violation', hint = 'catalog_reference';
  end if;
  return new;
end
$$;
create trigger check_catalog_use before insert or update of questionnaire_id, organisation_id on public.questionnaire_responses
  for each row execute function app.check_catalog_use();
create trigger check_catalog_use before insert or update of item_id, response_id on public.questionnaire_answers
  for each row execute function app.check_catalog_use();
create trigger check_catalog_use before insert or update of catalog_item_id, stage, organisation_id on public.programme_checklist_items
  for each row execute function app.check_catalog_use();
create trigger check_catalog_use before insert or update of form_key, wished_role_model_key, organisation_id on public.enrolments
  for each row execute function app.check_catalog_use();

-- ---------------------------------------------------------------------------------------------
-- Erasure (152-ФЗ) with the new rules: a student's erased birth year makes them count as a minor,
-- so a student without a guardian's valid consent leaves their active groups (otherwise the
-- erasure would be refused by the consent rule); the log's copies of their feedback comments go.
create or replace function public.erase_person(target uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  org uuid;
  person_kind text;
begin
  select organisation_id, kind into org, person_kind from public.people where id = target;
  if org is null then
    raise exception 'no such person' using errcode = 'no_data_found';
  end if;
  -- Inside this function current_user is its owner; the caller's role is the `role` setting:
  -- authenticated/anon for requests through the API or PostgREST, unset for the service's own jobs.
  if current_setting('role', true) in ('authenticated', 'anon')
     and org not in (select app.my_organisation_ids_as('{head,curator}')) then
    raise exception 'only the head or a curator of the school may erase a person' using errcode = 'insufficient_privilege';
  end if;

  if person_kind = 'student' and not exists (
    select 1 from public.consents c
    where c.person_id = target and app.consent_is_valid(c.given_by, c.given_on, c.withdrawn_on, true)
  ) then
    update public.group_members gm
    set left_on = greatest(current_date, gm.joined_on), left_reason = 'персональные данные удалены по запросу'
    where gm.person_id = target and (gm.left_on is null or gm.left_on > current_date)
      and gm.group_id in (select g.id from public.mentoring_groups g where g.status = 'active');
  end if;

  update public.people
  set last_name = 'Удалено', first_name = 'Удалено', middle_name = null, auth_user_id = null,
      google_user_id = null, external_ids = '{}'::jsonb, position = null, subjects = '{}', erased_at = now()
  where id = target;
  update public.person_details
  set email = null, phone = null, birth_year = null, sex = null, affiliation = null, experience_years = null
  where person_id = target;
  update public.enrolments set key_request = null, needs = null, competencies = '{}', subjects = '{}' where person_id = target;
  update public.meeting_feedback set comment = null where person_id = target;
  -- Open and choice answers may name or describe the person; the 1–10 scales stay, anonymous.
  delete from public.questionnaire_answers a
  using public.questionnaire_responses r
  where r.id = a.response_id and r.respondent_person_id = target and a.scale_value is null;
  delete from public.guardianships where child_person_id = target or guardian_person_id = target;
  -- The log's copies of the person's rows go too; the erasure itself is recorded.
  update public.audit_log set old_data = null, new_data = null
  where (table_name in ('people', 'person_details') and row_id = target::text)
     or (table_name = 'consents' and (old_data ->> 'person_id' = target::text or new_data ->> 'person_id' = target::text))
     or (table_name = 'group_members' and row_id like '%/' || target::text);
  -- Feedback: the comment goes, the 1–10 stays (anonymous, like the scales above).
  update public.audit_log set old_data = old_data - 'comment', new_data = new_data - 'comment'
  where table_name = 'meeting_feedback' and row_id like '%/' || target::text;
  insert into public.audit_log (organisation_id, table_name, row_id, action, actor_user_id)
  values (org, 'people', target::text, 'erase', (select auth.uid()));
end
$$;

-- ---------------------------------------------------------------------------------------------
-- Privileges: the policies' helpers for the signed-in; the definer functions that answer about any
-- person without asking who calls are for the triggers (their owner) only.
revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;
revoke execute on function app.participation_refusal(uuid, uuid, text), app.assert_participation(uuid) from authenticated;
