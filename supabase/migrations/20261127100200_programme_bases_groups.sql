-- Stages 1–5 in data: each programme's checklist (instances of the catalog's templates), the bases
-- of mentees and mentors (stages 2–4, with mentor training), and the rules the methodology and the
-- law put on mentoring groups, enforced by the database itself so that no client can skip them:
--   * a minor without a valid guardian's consent cannot be in an active group (152-ФЗ);
--   * withdrawing consent ends the minor's active participation;
--   * only trained mentors (stage 4) enter active groups;
--   * a group goes draft → active → completed or cancelled, never back; history is kept.

-- ---------------------------------------------------------------------------------------------
create table public.programme_checklist_items (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null,
  programme_id uuid not null,
  catalog_item_id uuid not null references public.catalog_checklist_items (id),
  stage int not null references public.catalog_stages (number),
  position int not null,
  done_at timestamptz,
  done_by_person_id uuid,
  evidence_url text check (evidence_url is null or evidence_url ~* '^https?://'),
  evidence_note text check (length(evidence_note) <= 2000),
  evidence_date date,
  evidence_count int check (evidence_count >= 0),
  unique (programme_id, catalog_item_id),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade,
  foreign key (done_by_person_id, organisation_id) references public.people (id, organisation_id) on delete set null (done_by_person_id)
);
alter table public.programme_checklist_items enable row level security;
alter table public.programme_checklist_items force row level security;
create index programme_checklist_items_programme_id_idx on public.programme_checklist_items (programme_id, stage, position);
create index programme_checklist_items_organisation_id_idx on public.programme_checklist_items (organisation_id);

-- A new programme gets every national checklist item and the school's own.
create function app.create_programme_checklist() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.programme_checklist_items (organisation_id, programme_id, catalog_item_id, stage, position)
  select new.organisation_id, new.id, c.id, c.stage, c.position
  from public.catalog_checklist_items c
  where c.organisation_id is null or c.organisation_id = new.organisation_id
  on conflict (programme_id, catalog_item_id) do nothing;
  return new;
end
$$;
create trigger create_programme_checklist after insert on public.programmes
  for each row execute function app.create_programme_checklist();

insert into public.programme_checklist_items (organisation_id, programme_id, catalog_item_id, stage, position)
select p.organisation_id, p.id, c.id, c.stage, c.position
from public.programmes p cross join public.catalog_checklist_items c
where c.organisation_id is null;

-- ---------------------------------------------------------------------------------------------
-- The bases: a person enrolled as a mentee (stage 2) or as a mentor (stage 3), per programme.
create table public.enrolments (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null,
  programme_id uuid not null,
  person_id uuid not null,
  base text not null check (base in ('mentee', 'mentor')),
  form_key text,
  -- mentee: the key request (ключевой запрос), needs, the wished role model
  key_request text check (length(key_request) <= 2000),
  needs text check (length(needs) <= 2000),
  wished_role_model_key text,
  -- mentor: competencies, subjects, how many mentees at once, training (stage 4)
  competencies text[] not null default '{}',
  subjects text[] not null default '{}',
  capacity int not null default 1 check (capacity between 1 and 30),
  training_status text not null default 'not_started' check (training_status in ('not_started', 'in_training', 'trained')),
  trained_on date,
  entered_on date not null default current_date,
  left_on date,
  created_at timestamptz not null default now(),
  unique (programme_id, person_id, base),
  check (training_status <> 'trained' or trained_on is not null),
  check (left_on is null or left_on >= entered_on),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade,
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.enrolments enable row level security;
alter table public.enrolments force row level security;
create index enrolments_person_id_idx on public.enrolments (person_id);
create index enrolments_organisation_id_idx on public.enrolments (organisation_id, base);

-- ---------------------------------------------------------------------------------------------
-- Membership history: a member who leaves (re-pairing, consent withdrawn, left school) keeps
-- their row with the date and the reason.
alter table public.group_members
  add column joined_on date not null default current_date,
  add column left_on date,
  add column left_reason text check (length(left_reason) <= 500),
  add constraint group_members_left_after_joined check (left_on is null or left_on >= joined_on),
  add constraint group_members_reason_when_left check (left_on is null or left_reason is not null);

alter table public.mentoring_groups
  add column ended_reason text check (length(ended_reason) <= 500),
  add column order_date date,
  add column order_number text;

-- Whether `person` may take part in an active group of `programme` in `role`; null when yes,
-- otherwise the reason, in words a curator can act on.
create function app.participation_refusal(person uuid, programme uuid, member_role text) returns text
language plpgsql stable security definer set search_path = ''
as $$
begin
  if app.is_minor(person) and not exists (
    select 1 from public.consents c where c.person_id = person and c.withdrawn_on is null
  ) then
    return 'нет действующего согласия законного представителя на обработку персональных данных несовершеннолетнего';
  end if;
  if member_role = 'mentor' and not exists (
    select 1 from public.enrolments e
    where e.person_id = person and e.programme_id = programme and e.base = 'mentor'
      and e.training_status = 'trained' and e.left_on is null
  ) then
    return 'наставник не прошёл обучение (этап 4) в этой программе';
  end if;
  return null;
end
$$;

create function app.check_group_member() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  group_row public.mentoring_groups;
  refusal text;
begin
  if new.left_on is not null then
    return new;
  end if;
  select * into group_row from public.mentoring_groups where id = new.group_id;
  if group_row.status = 'active' then
    refusal := app.participation_refusal(new.person_id, group_row.programme_id, new.role);
    if refusal is not null then
      raise exception 'cannot add to an active group: %', refusal using errcode = 'check_violation', hint = 'group_member_not_allowed';
    end if;
  end if;
  return new;
end
$$;
create trigger check_group_member before insert or update of person_id, role, left_on on public.group_members
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
    where gm.group_id = new.id and gm.left_on is null;
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

-- Withdrawing the last valid consent ends the minor's active participation; a group left with no
-- active mentee is cancelled.
create function app.end_participation_on_withdrawal() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.withdrawn_on is null or old.withdrawn_on is not null then
    return new;
  end if;
  if exists (select 1 from public.consents c where c.person_id = new.person_id and c.withdrawn_on is null) then
    return new;
  end if;
  update public.group_members gm
  set left_on = greatest(new.withdrawn_on, gm.joined_on), left_reason = 'согласие на обработку персональных данных отозвано'
  where gm.person_id = new.person_id and gm.left_on is null;
  update public.mentoring_groups g
  set status = 'cancelled', ended_reason = 'не осталось наставляемых с действующим согласием'
  where g.status = 'active'
    and g.id in (select gm.group_id from public.group_members gm where gm.person_id = new.person_id)
    and not exists (select 1 from public.group_members gm where gm.group_id = g.id and gm.role = 'mentee' and gm.left_on is null);
  return new;
end
$$;
create trigger end_participation_on_withdrawal after update of withdrawn_on on public.consents
  for each row execute function app.end_participation_on_withdrawal();

-- ---------------------------------------------------------------------------------------------
grant select, update on public.programme_checklist_items to authenticated;
grant select, insert, update on public.enrolments to authenticated;
grant all on public.programme_checklist_items, public.enrolments to service_role;

create policy "members see their school's checklist" on public.programme_checklist_items
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids()));
create policy "curators tick checklist items" on public.programme_checklist_items
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create policy "a person sees their own enrolment, curators their school's" on public.enrolments
  for select to authenticated
  using (
    person_id in (select app.my_person_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
create policy "curators enrol people" on public.enrolments
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators update enrolments" on public.enrolments
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

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
-- Existing groups stored the role model's Russian label; from now on they hold its key.
update public.mentoring_groups g set role_model = r.key
from public.catalog_role_models r
where r.organisation_id is null and r.form_key = g.form and r.label_ru = g.role_model;
create trigger check_group_catalog before insert or update of form, role_model on public.mentoring_groups
  for each row execute function app.check_group_catalog();

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;
