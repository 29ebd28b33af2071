-- Schools and their people. Names, class and role in the programme are what mentors and
-- teachers need, so they stay in `people`; contacts, birth year, sex and external facts are
-- personal data that only the person, their guardians, the curators and the head see, so they
-- live in `person_details`, a table with its own, narrower policies. Also: a person's roles in a
-- school (memberships), which classes a teacher teaches, which children a guardian represents,
-- schools' municipality/region for roll-ups and the regional authorities whose viewers read them.

-- ---------------------------------------------------------------------------------------------
-- A school, or a regional authority (whose members with the region_viewer role read roll-ups).
create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) > 0),
  short_name text,
  city text,
  municipality text,
  region text,
  domain text,
  created_at timestamptz not null default now(),
  kind text not null default 'school' check (kind in ('school', 'authority'))
);
alter table public.organisations enable row level security;
alter table public.organisations force row level security;
create index organisations_region_idx on public.organisations (region, municipality);

grant select on public.organisations to authenticated;
grant update (name, short_name, city, municipality, region, domain) on public.organisations to authenticated;
grant all on public.organisations to service_role;

create policy "members see their organisation" on public.organisations
  for select to authenticated
  using (id in (select app.my_organisation_ids()));
create policy "heads and curators edit their organisation" on public.organisations
  for update to authenticated
  using (id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (id in (select app.my_organisation_ids_as('{head,curator}')));

-- ---------------------------------------------------------------------------------------------
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

grant select, insert, update on public.classes to authenticated;
grant all on public.classes to service_role;

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

create trigger keep_identity before update on public.classes for each row execute function app.keep_identity('organisation_id');

-- ---------------------------------------------------------------------------------------------
create table public.people (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  kind text not null check (kind in ('student', 'staff', 'external')),
  last_name text not null check (length(trim(last_name)) > 0),
  first_name text not null check (length(trim(first_name)) > 0),
  middle_name text,
  class_id uuid,
  position text,
  subjects text[] not null default '{}',
  -- The Supabase Auth user this person signs in as (linked by e-mail, see app.link_auth_user).
  auth_user_id uuid,
  -- Ids of the same person elsewhere: the Google Classroom user id, e-journal ids, import keys.
  google_user_id text,
  external_ids jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  -- Set when the person's personal data was erased on request (see public.erase_person).
  erased_at timestamptz,
  -- Set when a roster sync (Google Classroom) no longer finds the person in any course: they left
  -- the school. Never deleted; cleared if they come back.
  left_at timestamptz,
  unique (id, organisation_id),
  foreign key (class_id, organisation_id) references public.classes (id, organisation_id)
);
alter table public.people enable row level security;
alter table public.people force row level security;
create index people_organisation_id_idx on public.people (organisation_id);
create index people_auth_user_id_idx on public.people (auth_user_id);
create index people_class_id_idx on public.people (class_id);
create unique index people_google_user_id_idx on public.people (organisation_id, google_user_id)
  where google_user_id is not null;
-- The KPI's roster of a school (students and staff, by class).
create index people_organisation_kind_idx on public.people (organisation_id, kind) include (class_id);

grant select, insert, update on public.people to authenticated;
grant all on public.people to service_role;

-- In every policy the head/curator condition comes first: it holds for each row of their school,
-- and `or` stops there, so the costlier per-person sets are never built for those who read most.
create policy "people see themselves, their children, their groups' members; curators their school" on public.people
  for select to authenticated
  using (
    organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
    or auth_user_id = (select auth.uid())
    or id in (select app.my_children_ids())
    or id in (select app.my_group_peer_ids())
  );
create policy "curators add people" on public.people
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators edit people" on public.people
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger audit_people after insert or update or delete on public.people
  for each row execute function app.audit('id');
create trigger keep_identity before update on public.people for each row execute function app.keep_identity('organisation_id');

-- ---------------------------------------------------------------------------------------------
create table public.person_details (
  person_id uuid primary key,
  organisation_id uuid not null,
  email text,
  phone text,
  birth_year int check (birth_year between 1900 and 2100),
  sex text check (sex in ('m', 'f')),
  affiliation text,
  experience_years int check (experience_years >= 0),
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.person_details enable row level security;
alter table public.person_details force row level security;
create index person_details_organisation_id_idx on public.person_details (organisation_id);
create index person_details_email_idx on public.person_details (lower(email));

grant select, insert, update on public.person_details to authenticated;
grant all on public.person_details to service_role;

create policy "a person sees their own details, curators and the head their school's" on public.person_details
  for select to authenticated
  using (
    person_id in (select app.my_person_ids())
    or person_id in (select app.my_children_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
create policy "curators record details" on public.person_details
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators correct details" on public.person_details
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger audit_person_details after insert or update or delete on public.person_details
  for each row execute function app.audit('person_id');
create trigger keep_identity before update on public.person_details for each row execute function app.keep_identity('person_id', 'organisation_id');

-- A person signs in with the e-mail the school knows them by (person_details.email): link new auth
-- users to people. `security definer` because the signing-up user cannot see (yet) the person rows
-- it links to.
create function app.link_auth_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.people p
  set auth_user_id = new.id
  from public.person_details d
  where d.person_id = p.id and p.auth_user_id is null
    and new.email is not null and lower(d.email) = lower(new.email);
  return new;
end
$$;

create trigger link_auth_user after insert on auth.users
  for each row execute function app.link_auth_user();

-- ---------------------------------------------------------------------------------------------
-- Roles of a person in a school: head (руководитель ОО), curator, teacher, student, guardian,
-- external mentor (graduate, parent, employer), and the regional authority's viewers, who read
-- aggregated figures of every school in their region.
create table public.memberships (
  person_id uuid not null,
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  role text not null check (role in ('head', 'curator', 'teacher', 'student', 'guardian', 'external_mentor', 'region_viewer')),
  primary key (person_id, role),
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.memberships enable row level security;
alter table public.memberships force row level security;
create index memberships_organisation_id_idx on public.memberships (organisation_id, role);

grant select, insert, delete on public.memberships to authenticated;
grant all on public.memberships to service_role;

create policy "people see their roles, curators see their school's" on public.memberships
  for select to authenticated
  using (
    person_id in (select app.my_person_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
-- Curators give people their roles in the school (never head: that stays the service's).
create policy "curators give roles in their school" on public.memberships
  for insert to authenticated
  with check (role <> 'head' and organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators take roles back" on public.memberships
  for delete to authenticated
  using (role <> 'head' and organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

-- ---------------------------------------------------------------------------------------------
-- Classes a teacher teaches (and the subject); a homeroom teacher has subject ''.
create table public.teaching_assignments (
  person_id uuid not null,
  class_id uuid not null,
  organisation_id uuid not null,
  subject text not null default '',
  primary key (person_id, class_id, subject),
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade,
  foreign key (class_id, organisation_id) references public.classes (id, organisation_id) on delete cascade
);
alter table public.teaching_assignments enable row level security;
alter table public.teaching_assignments force row level security;
create index teaching_assignments_class_id_idx on public.teaching_assignments (class_id);
create index teaching_assignments_organisation_id_idx on public.teaching_assignments (organisation_id);

grant select, insert, update, delete on public.teaching_assignments to authenticated;
grant all on public.teaching_assignments to service_role;

create policy "teachers see their own classes, curators their school's" on public.teaching_assignments
  for select to authenticated
  using (
    person_id in (select app.my_person_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
create policy "curators assign teachers" on public.teaching_assignments
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators change assignments" on public.teaching_assignments
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators remove assignments" on public.teaching_assignments
  for delete to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.teaching_assignments for each row execute function app.keep_identity('person_id', 'organisation_id');

-- ---------------------------------------------------------------------------------------------
-- A guardian (parent or legal representative) and the child they represent.
create table public.guardianships (
  guardian_person_id uuid not null,
  child_person_id uuid not null,
  organisation_id uuid not null,
  relation text not null default 'parent' check (relation in ('parent', 'guardian')),
  primary key (guardian_person_id, child_person_id),
  foreign key (guardian_person_id, organisation_id) references public.people (id, organisation_id) on delete cascade,
  foreign key (child_person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.guardianships enable row level security;
alter table public.guardianships force row level security;
create index guardianships_child_person_id_idx on public.guardianships (child_person_id);
create index guardianships_organisation_id_idx on public.guardianships (organisation_id);

grant select, insert, update, delete on public.guardianships to authenticated;
grant all on public.guardianships to service_role;

create policy "guardians see their own children, curators their school's" on public.guardianships
  for select to authenticated
  using (
    guardian_person_id in (select app.my_person_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
create policy "curators record guardianships" on public.guardianships
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators change guardianships" on public.guardianships
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators remove guardianships" on public.guardianships
  for delete to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.guardianships
  for each row execute function app.keep_identity('guardian_person_id', 'child_person_id', 'organisation_id');

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;
