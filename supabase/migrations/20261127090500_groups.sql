-- Mentoring groups (a pair is a group of one mentor and one mentee) and their members, with the
-- rules the methodology and the law put on them, enforced by the database itself so that no
-- client can skip them:
--   * a minor without a guardian's valid consent cannot be a current member of an active group
--     (152-ФЗ); withdrawing consent ends the minor's participation;
--   * only trained mentors (stage 4) are current members of active groups;
--   * a group goes draft → active → completed or cancelled, never back; history is kept: a member
--     who leaves (re-pairing, consent withdrawn, left school) keeps their row with the date
--     (`left_on`, the first day they are no longer in the group) and the reason.
-- The rule is re-checked after every change that can break it: the member row (any column), the
-- group's status, people.kind, person_details.birth_year, consents (withdrawing ends the
-- participation first; deleting the consent of an active minor is refused) and enrolments (the
-- trained-mentor rule). Those triggers stand here, with the rule, rather than with their tables.

create table public.mentoring_groups (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  programme_id uuid not null,
  form text not null,
  -- The role model's catalog key (public.catalog_role_models.key of this form).
  role_model text not null,
  status text not null default 'draft' check (status in ('draft', 'active', 'completed', 'cancelled')),
  started_on date,
  ended_on date,
  external_ids jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  ended_reason text check (length(ended_reason) <= 500),
  order_date date,
  order_number text,
  unique (id, organisation_id),
  constraint mentoring_groups_id_programme_organisation_key unique (id, programme_id, organisation_id),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade
);
alter table public.mentoring_groups enable row level security;
alter table public.mentoring_groups force row level security;
create index mentoring_groups_organisation_id_idx on public.mentoring_groups (organisation_id, status);
create index mentoring_groups_programme_id_idx on public.mentoring_groups (programme_id);
-- The KPI's running groups of a school.
create index mentoring_groups_running_idx on public.mentoring_groups (organisation_id) include (form, started_on, ended_on, status)
  where status <> 'draft';

grant select, insert, update on public.mentoring_groups to authenticated;
grant all on public.mentoring_groups to service_role;

-- Teachers of a mentee's class and guardians see the groups they follow (names, pair and stage).
create policy "participants, their teachers and guardians see groups; curators see their school's" on public.mentoring_groups
  for select to authenticated
  using (
    organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
    or id in (select app.my_followed_group_ids())
  );
create policy "curators form groups" on public.mentoring_groups
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators change groups" on public.mentoring_groups
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger audit_mentoring_groups after insert or update or delete on public.mentoring_groups
  for each row execute function app.audit('id');
create trigger keep_identity before update on public.mentoring_groups for each row execute function app.keep_identity('programme_id', 'organisation_id');

-- ---------------------------------------------------------------------------------------------
create table public.group_members (
  group_id uuid not null,
  person_id uuid not null,
  organisation_id uuid not null,
  role text not null check (role in ('mentor', 'mentee')),
  joined_on date not null default current_date,
  left_on date,
  left_reason text check (length(left_reason) <= 500),
  primary key (group_id, person_id),
  constraint group_members_left_after_joined check (left_on is null or left_on >= joined_on),
  constraint group_members_reason_when_left check (left_on is null or left_reason is not null),
  -- The composite keys make a group with a member of another school impossible.
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete cascade,
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.group_members enable row level security;
alter table public.group_members force row level security;
create index group_members_person_id_idx on public.group_members (person_id, role);
create index group_members_organisation_id_idx on public.group_members (organisation_id);
-- The KPI's members of running groups.
create index group_members_group_id_active_idx on public.group_members (group_id) include (person_id, joined_on, left_on);

grant select, insert, update, delete on public.group_members to authenticated;
grant all on public.group_members to service_role;

create policy "participants, their teachers and guardians see members; curators see their school's" on public.group_members
  for select to authenticated
  using (
    organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
    or group_id in (select app.my_followed_group_ids())
  );
create policy "curators add group members" on public.group_members
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators change group members" on public.group_members
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators remove group members" on public.group_members
  for delete to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger audit_group_members after insert or update or delete on public.group_members
  for each row execute function app.audit('group_members');
create trigger keep_identity before update on public.group_members for each row execute function app.keep_identity('group_id', 'person_id', 'organisation_id');
create trigger check_not_in_future before insert or update on public.group_members
  for each row execute function app.check_not_in_future('joined_on', 'left_on');

-- ---------------------------------------------------------------------------------------------
-- The rules. The functions below are `security definer`: they judge consents, birth years and
-- enrolments the caller may not read; only a refusal (in words a curator can act on) leaves them.

-- Whether `person` may take part in an active group of `programme` in `role`; null when yes,
-- otherwise the reason.
create function app.participation_refusal(person uuid, programme uuid, member_role text) returns text
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
create function app.check_group_member() returns trigger
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
create trigger check_group_member before insert or update on public.group_members
  for each row execute function app.check_group_member();

create function app.check_group_lifecycle() returns trigger
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
create trigger check_group_lifecycle before insert or update of status on public.mentoring_groups
  for each row execute function app.check_group_lifecycle();

-- Catalog references of a group (form and role model) must exist nationally or in the school.
create function app.check_group_catalog() returns trigger
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.catalog_role_models r
    where r.form_key = new.form and r.key = new.role_model
      and (r.organisation_id is null or r.organisation_id = new.organisation_id)
  ) then
    raise exception 'unknown form or role model: % / %', new.form, new.role_model using errcode = 'foreign_key_violation', hint = 'catalog_reference';
  end if;
  return new;
end
$$;
create trigger check_group_catalog before insert or update of form, role_model on public.mentoring_groups
  for each row execute function app.check_group_catalog();

-- Withdrawing the last valid consent ends the person's current participation; a group left with
-- no current mentee is cancelled.
create function app.end_participation_on_withdrawal() returns trigger
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
create trigger end_participation_on_withdrawal after update of withdrawn_on on public.consents
  for each row execute function app.end_participation_on_withdrawal();

-- The policies' helpers are for the signed-in; the definer functions that answer about any person
-- without asking who calls are for the triggers (their owner) only. (Functions added to `app` by
-- later migrations are granted one by one, so that these two stay revoked.)
revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;
revoke execute on function app.participation_refusal(uuid, uuid, text), app.assert_participation(uuid) from authenticated;
