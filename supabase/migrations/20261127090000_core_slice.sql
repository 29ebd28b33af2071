-- The core of the target model of mentoring: schools, their people and roles, consents, the
-- programme, mentoring groups (a pair is a group of one mentor and one mentee) and their meetings.
-- Every table has row-level security enabled and forced here, where it is created; the policies
-- are per operation, `to authenticated`, and read the caller through `(select auth.uid())`.
-- Nothing is visible to `anon`, and nothing ever crosses organisations.

-- Helpers for the policies live in `app`, a schema the Data API does not expose.
create schema if not exists app;
grant usage on schema app to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Catalog: the meeting sequence of stage 6 (the full catalog grows from here).
create table public.meeting_kinds (
  key text primary key,
  position int not null unique,
  label_ru text not null,
  label_en text not null
);
alter table public.meeting_kinds enable row level security;
alter table public.meeting_kinds force row level security;

insert into public.meeting_kinds (key, position, label_ru, label_en) values
  ('introduction', 1, 'Встреча-знакомство', 'Introduction'),
  ('trial', 2, 'Пробная рабочая встреча', 'Trial meeting'),
  ('planning', 3, 'Встреча-планирование', 'Planning meeting'),
  ('working', 4, 'Рабочая встреча', 'Working meeting'),
  ('final', 5, 'Итоговая встреча', 'Final meeting');

-- ---------------------------------------------------------------------------------------------
create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) > 0),
  short_name text,
  city text,
  municipality text,
  region text,
  domain text,
  created_at timestamptz not null default now()
);
alter table public.organisations enable row level security;
alter table public.organisations force row level security;

create table public.classes (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  name text not null,
  grade int check (grade between 1 and 11),
  unique (organisation_id, name),
  unique (id, organisation_id)
);
alter table public.classes enable row level security;
alter table public.classes force row level security;

create table public.people (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  kind text not null check (kind in ('student', 'staff', 'external')),
  last_name text not null check (length(trim(last_name)) > 0),
  first_name text not null check (length(trim(first_name)) > 0),
  middle_name text,
  sex text check (sex in ('m', 'f')),
  class_id uuid,
  email text,
  birth_year int check (birth_year between 1900 and 2100),
  position text,
  subjects text[] not null default '{}',
  experience_years int check (experience_years >= 0),
  affiliation text,
  -- The Supabase Auth user this person signs in as (linked by e-mail, see below).
  auth_user_id uuid,
  -- Ids of the same person elsewhere: the Google Classroom user id, e-journal ids, import keys.
  google_user_id text,
  external_ids jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  unique (id, organisation_id),
  foreign key (class_id, organisation_id) references public.classes (id, organisation_id)
);
alter table public.people enable row level security;
alter table public.people force row level security;
create index people_organisation_id_idx on public.people (organisation_id);
create index people_auth_user_id_idx on public.people (auth_user_id);
create index people_class_id_idx on public.people (class_id);
create index people_email_idx on public.people (lower(email));
create unique index people_google_user_id_idx on public.people (organisation_id, google_user_id)
  where google_user_id is not null;

-- Roles of a person in a school: head (руководитель ОО), curator, teacher, student, guardian,
-- external mentor (graduate, parent, employer).
create table public.memberships (
  person_id uuid not null,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  role text not null check (role in ('head', 'curator', 'teacher', 'student', 'guardian', 'external_mentor')),
  primary key (person_id, role),
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.memberships enable row level security;
alter table public.memberships force row level security;
create index memberships_organisation_id_idx on public.memberships (organisation_id, role);

-- A guardian's consent to processing a minor's personal data (152-ФЗ); no row = no consent.
create table public.consents (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  person_id uuid not null,
  given_by text not null check (given_by in ('parent', 'guardian', 'self')),
  given_on date not null,
  document_version text not null default '1',
  withdrawn_on date,
  created_at timestamptz not null default now(),
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.consents enable row level security;
alter table public.consents force row level security;
create index consents_person_id_idx on public.consents (person_id);
create index consents_organisation_id_idx on public.consents (organisation_id);

-- ---------------------------------------------------------------------------------------------
create table public.programmes (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  academic_year text not null check (academic_year ~ '^\d{4}/\d{4}$'),
  name text not null,
  current_stage int not null default 1 check (current_stage between 1 and 7),
  forms text[] not null default '{}',
  created_at timestamptz not null default now(),
  unique (organisation_id, academic_year),
  unique (id, organisation_id)
);
alter table public.programmes enable row level security;
alter table public.programmes force row level security;

create table public.mentoring_groups (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  programme_id uuid not null,
  form text not null,
  role_model text not null,
  status text not null default 'draft' check (status in ('draft', 'active', 'completed', 'cancelled')),
  started_on date,
  ended_on date,
  external_ids jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  unique (id, organisation_id),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade
);
alter table public.mentoring_groups enable row level security;
alter table public.mentoring_groups force row level security;
create index mentoring_groups_organisation_id_idx on public.mentoring_groups (organisation_id, status);
create index mentoring_groups_programme_id_idx on public.mentoring_groups (programme_id);

create table public.group_members (
  group_id uuid not null,
  person_id uuid not null,
  organisation_id uuid not null,
  role text not null check (role in ('mentor', 'mentee')),
  primary key (group_id, person_id),
  -- The composite keys make a group with a member of another school impossible.
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete cascade,
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.group_members enable row level security;
alter table public.group_members force row level security;
create index group_members_person_id_idx on public.group_members (person_id, role);
create index group_members_organisation_id_idx on public.group_members (organisation_id);

create table public.meetings (
  -- Generated by the client: the same meeting sent twice (a retry, the offline queue) is one row.
  id uuid primary key,
  organisation_id uuid not null,
  group_id uuid not null,
  kind text not null references public.meeting_kinds (key),
  held_on date not null,
  duration_minutes int not null check (duration_minutes between 5 and 480),
  format text not null default 'in_person' check (format in ('in_person', 'online')),
  topic text check (length(topic) <= 200),
  notes text check (length(notes) <= 4000),
  author_person_id uuid,
  created_at timestamptz not null default now(),
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete cascade,
  foreign key (author_person_id, organisation_id) references public.people (id, organisation_id) on delete set null (author_person_id)
);
alter table public.meetings enable row level security;
alter table public.meetings force row level security;
create index meetings_group_id_idx on public.meetings (group_id, held_on desc);
create index meetings_organisation_id_idx on public.meetings (organisation_id);
create index meetings_author_person_id_idx on public.meetings (author_person_id);

-- ---------------------------------------------------------------------------------------------
-- Policy helpers. They are `security definer` because a policy on people that asks "which people
-- am I?" would otherwise recurse into itself; each returns only facts about the caller.

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

create function app.my_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.group_members gm
  join public.people p on p.id = gm.person_id
  where p.auth_user_id = (select auth.uid())
$$;

create function app.my_mentored_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.group_members gm
  join public.people p on p.id = gm.person_id
  where p.auth_user_id = (select auth.uid()) and gm.role = 'mentor'
$$;

-- Everyone who shares a group with the caller.
create function app.my_group_peer_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select other.person_id
  from public.group_members other
  where other.group_id in (
    select gm.group_id
    from public.group_members gm
    join public.people p on p.id = gm.person_id
    where p.auth_user_id = (select auth.uid())
  )
$$;

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
-- Privileges: the Data API roles reach the tables only through the policies below.
revoke all on all tables in schema public from anon;
grant select on public.meeting_kinds, public.organisations, public.classes, public.people,
  public.memberships, public.consents, public.programmes, public.mentoring_groups,
  public.group_members, public.meetings to authenticated;
grant insert, update on public.classes, public.people, public.consents, public.programmes,
  public.mentoring_groups, public.group_members, public.meetings to authenticated;
grant delete on public.group_members to authenticated;
grant all on all tables in schema public to service_role;

-- ---------------------------------------------------------------------------------------------
-- Policies. "Staff who run the programme" = the head and the curators of the organisation.

create policy "meeting kinds are readable by signed-in users" on public.meeting_kinds
  for select to authenticated using (true);

create policy "members see their organisation" on public.organisations
  for select to authenticated
  using (id in (select app.my_organisation_ids()));

create policy "members see their organisation's classes" on public.classes
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids()));
create policy "curators add classes" on public.classes
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators edit classes" on public.classes
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create policy "people see themselves, their group peers, and curators see their school" on public.people
  for select to authenticated
  using (
    auth_user_id = (select auth.uid())
    or id in (select app.my_group_peer_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
create policy "curators add people" on public.people
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators edit people" on public.people
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create policy "people see their roles, curators see their school's" on public.memberships
  for select to authenticated
  using (
    person_id in (select app.my_person_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );

create policy "curators see consents" on public.consents
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators record consents" on public.consents
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators record withdrawals" on public.consents
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create policy "members see their school's programme" on public.programmes
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids()));
create policy "curators start a programme" on public.programmes
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators move the programme on" on public.programmes
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create policy "participants see their groups, curators see their school's" on public.mentoring_groups
  for select to authenticated
  using (
    id in (select app.my_group_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
create policy "curators form groups" on public.mentoring_groups
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators change groups" on public.mentoring_groups
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create policy "participants see their groups' members, curators see their school's" on public.group_members
  for select to authenticated
  using (
    group_id in (select app.my_group_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
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

create policy "participants see their groups' meetings, curators see their school's" on public.meetings
  for select to authenticated
  using (
    group_id in (select app.my_group_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
create policy "mentors and curators log meetings" on public.meetings
  for insert to authenticated
  with check (
    (group_id in (select app.my_mentored_group_ids()) and author_person_id in (select app.my_person_ids()))
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
create policy "authors correct their meetings" on public.meetings
  for update to authenticated
  using (author_person_id in (select app.my_person_ids()))
  with check (author_person_id in (select app.my_person_ids()));

-- ---------------------------------------------------------------------------------------------
-- A person signs in with the e-mail the school knows them by: link new auth users to people.
-- `security definer` because the signing-up user cannot see (yet) the person rows it links to.
create function app.link_auth_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.people
  set auth_user_id = new.id
  where auth_user_id is null and new.email is not null and lower(email) = lower(new.email);
  return new;
end
$$;

create trigger link_auth_user after insert on auth.users
  for each row execute function app.link_auth_user();
