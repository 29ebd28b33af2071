-- What every later migration leans on: the `app` schema (not exposed by the Data API) with the
-- helpers the policies ask "who is the caller, and what may they reach?", the generic triggers
-- (columns that never change, dates that may not be in the future, the audit log) and the audit
-- log itself. Each table, created in the migrations that follow, enables and forces row-level
-- security where it is created; its policies are per operation, `to authenticated`, and read the
-- caller through `(select auth.uid())`. Nothing is visible to `anon`, nothing crosses schools.
--
-- The helpers come first so that every table's policies can stand beside the table. They read
-- tables created in later migrations, so this migration does not check SQL function bodies when
-- it creates them (`check_function_bodies`, as pg_dump does; set for this file only, reset at its
-- end, whether or not the file runs in one transaction); every body is checked when it is first
-- called, and the pgTAP suites call them all.

create schema if not exists app;
grant usage on schema app to authenticated, service_role;

set check_function_bodies = off;

-- ---------------------------------------------------------------------------------------------
-- Policy helpers. They are `security definer` because a policy on people that asks "which people
-- am I?" would otherwise recurse into itself; each returns only facts about the caller.
--
-- A membership of a group is CURRENT while `left_on is null or left_on > current_date`: `left_on`
-- is the first day the person is no longer in the group. Every helper that grants by membership
-- returns current memberships only; a former member reads only what belongs to their own time in
-- the group (see the meetings policy, with app.my_former_group_ids and app.my_left_on).

create function app.my_person_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p.id from public.people p where p.auth_user_id = (select auth.uid())
$$;

create function app.my_organisation_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select p.organisation_id from public.people p where p.auth_user_id = (select auth.uid())
$$;

-- Organisations where the caller holds one of `roles`.
create function app.my_organisation_ids_as(roles text[]) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.organisation_id
  from public.memberships m
  join public.people p on p.id = m.person_id
  where p.auth_user_id = (select auth.uid()) and m.role = any (roles)
$$;

-- Staff who run the programme: the head and the curators of the organisation.
create function app.my_curated_organisation_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select app.my_organisation_ids_as('{head,curator}')
$$;

create function app.my_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.group_members gm
  join public.people p on p.id = gm.person_id
  where p.auth_user_id = (select auth.uid()) and (gm.left_on is null or gm.left_on > current_date)
$$;

create function app.my_mentored_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.group_members gm
  join public.people p on p.id = gm.person_id
  where p.auth_user_id = (select auth.uid()) and gm.role = 'mentor' and (gm.left_on is null or gm.left_on > current_date)
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

-- Groups with a current mentee in a class the caller teaches.
create function app.my_taught_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.teaching_assignments ta
  join public.people me on me.id = ta.person_id and me.auth_user_id = (select auth.uid())
  join public.people pupil on pupil.class_id = ta.class_id
  join public.group_members gm on gm.person_id = pupil.id and gm.role = 'mentee'
  where gm.left_on is null or gm.left_on > current_date
$$;

-- Children the caller represents, and the groups they are in.
create function app.my_children_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select g.child_person_id
  from public.guardianships g
  join public.people me on me.id = g.guardian_person_id and me.auth_user_id = (select auth.uid())
$$;

create function app.my_children_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id from public.group_members gm
  where gm.person_id in (select app.my_children_ids()) and (gm.left_on is null or gm.left_on > current_date)
$$;

-- The groups the caller follows: as a current member, as a teacher of a mentee's class, as a
-- mentee's guardian. What the groups' policies and their meetings' show beside the school's
-- curators. An invoker over the three definer helpers: it answers what they answer.
create function app.my_followed_group_ids() returns setof uuid
language sql stable set search_path = ''
as $$
  select app.my_group_ids()
  union all select app.my_taught_group_ids()
  union all select app.my_children_group_ids()
$$;

-- The current members of the groups the caller follows (as a member, a teacher, a guardian).
create function app.my_group_peer_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select other.person_id
  from public.group_members other
  where (other.left_on is null or other.left_on > current_date)
    and other.group_id in (select app.my_followed_group_ids())
$$;

-- The definer triggers that judge a row before row-level security does (BEFORE triggers run
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

-- ---------------------------------------------------------------------------------------------
-- Generic triggers, attached to each table where it is created.

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
-- does, is allowed). Moving a consent to another child, a member into another group, a group into
-- another programme or school, a note, feedback, attendance, goal or task elsewhere is refused.
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

-- ---------------------------------------------------------------------------------------------
-- Accountability (152-ФЗ). Every change to people, their details, consents, groups, group members
-- and meeting feedback is written to the audit log — who, when, what — by the database, so no
-- client can forget or skip it (the `audit_*` triggers stand with each table). Erasing a person
-- (public.erase_person) empties the log's copies of their personal data.
create table public.audit_log (
  id bigint generated always as identity primary key,
  organisation_id uuid not null,
  table_name text not null,
  row_id text not null,
  action text not null check (action in ('insert', 'update', 'delete', 'erase')),
  actor_user_id uuid,
  at timestamptz not null default now(),
  old_data jsonb,
  new_data jsonb
);
alter table public.audit_log enable row level security;
alter table public.audit_log force row level security;
create index audit_log_organisation_id_idx on public.audit_log (organisation_id, at desc);
create index audit_log_row_idx on public.audit_log (table_name, row_id);

grant select on public.audit_log to authenticated;
grant all on public.audit_log to service_role;

create policy "the head and the curators read their school's log" on public.audit_log
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
-- No insert/update/delete policy: only the trigger below (security definer) writes the log.

-- `security definer` so that the log is written whatever the caller may do; it records the
-- caller's auth user from the request's claims. The key is one column, 'group_members' (group and
-- person), or several columns separated by commas, joined with '/' into row_id.
create function app.audit() returns trigger
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

-- ---------------------------------------------------------------------------------------------
-- The Data API roles reach the tables only through the policies; `anon` reaches nothing.
revoke all on all tables in schema public from anon;

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;

reset check_function_bodies;
