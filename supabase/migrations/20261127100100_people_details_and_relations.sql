-- Who may see what of a person. Names, class and role in the programme are what mentors and
-- teachers need; contacts, birth year and external ids are personal data that only the person,
-- the curators and the head see. So they move to `person_details`, a table with its own, narrower
-- policies. Also: which classes a teacher teaches, which children a guardian represents, schools'
-- municipality/region for roll-ups, and the regional viewers who read those roll-ups.

alter table public.organisations add column kind text not null default 'school' check (kind in ('school', 'authority'));
create index organisations_region_idx on public.organisations (region, municipality);

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

insert into public.person_details (person_id, organisation_id, email, birth_year, sex, affiliation, experience_years)
select id, organisation_id, email, birth_year, sex, affiliation, experience_years from public.people;

-- The link to sign-in accounts goes by e-mail, now kept in person_details.
create or replace function app.link_auth_user() returns trigger
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

drop index public.people_email_idx;
alter table public.people
  drop column email,
  drop column birth_year,
  drop column sex,
  drop column affiliation,
  drop column experience_years,
  -- Set when the person's personal data was erased on request (see app.erase_person).
  add column erased_at timestamptz;

-- A minor, for consent: a student who is (or may still be) under 18. Only the birth year is
-- known, so someone turning 18 this year still counts as a minor until the next.
create function app.is_minor(person uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select p.kind = 'student'
    and (d.birth_year is null or extract(year from current_date)::int - d.birth_year <= 18)
  from public.people p left join public.person_details d on d.person_id = p.id
  where p.id = person
$$;

-- ---------------------------------------------------------------------------------------------
-- Classes a teacher teaches (and the subject); a homeroom teacher has subject null.
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

-- The regional authority's viewers read aggregated figures of every school in their region.
alter table public.memberships drop constraint memberships_role_check;
alter table public.memberships add constraint memberships_role_check
  check (role in ('head', 'curator', 'teacher', 'student', 'guardian', 'external_mentor', 'region_viewer'));

-- ---------------------------------------------------------------------------------------------
-- Helpers for the new relations (security definer for the same reason as the others: a policy
-- asking about the caller must not recurse into its own table).

-- Groups with a mentee in a class the caller teaches.
create function app.my_taught_group_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select gm.group_id
  from public.teaching_assignments ta
  join public.people me on me.id = ta.person_id and me.auth_user_id = (select auth.uid())
  join public.people pupil on pupil.class_id = ta.class_id
  join public.group_members gm on gm.person_id = pupil.id and gm.role = 'mentee'
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
  select gm.group_id from public.group_members gm where gm.person_id in (select app.my_children_ids())
$$;

-- People the caller may see by name: their groups' members, the members of groups they follow
-- as a teacher of a mentee's class, and their children's groups.
create or replace function app.my_group_peer_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select other.person_id
  from public.group_members other
  where other.group_id in (
    select gm.group_id
    from public.group_members gm
    join public.people p on p.id = gm.person_id
    where p.auth_user_id = (select auth.uid())
    union all select app.my_taught_group_ids()
    union all select app.my_children_group_ids()
  )
$$;

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;

-- ---------------------------------------------------------------------------------------------
grant select, insert, update on public.person_details, public.teaching_assignments, public.guardianships to authenticated;
grant delete on public.teaching_assignments, public.guardianships to authenticated;
grant all on public.person_details, public.teaching_assignments, public.guardianships to service_role;

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

-- Teachers and guardians now see the groups they follow (names, pair and stage). In every policy
-- the head/curator condition comes first: it holds for each row of their school, and `or` stops
-- there, so the costlier per-person sets are never built for the people who read the most.
drop policy "participants see their groups, curators see their school's" on public.mentoring_groups;
create policy "participants, their teachers and guardians see groups; curators see their school's" on public.mentoring_groups
  for select to authenticated
  using (
    organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
    or id in (select app.my_group_ids())
    or id in (select app.my_taught_group_ids())
    or id in (select app.my_children_group_ids())
  );

drop policy "participants see their groups' members, curators see their school's" on public.group_members;
create policy "participants, their teachers and guardians see members; curators see their school's" on public.group_members
  for select to authenticated
  using (
    organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
    or group_id in (select app.my_group_ids())
    or group_id in (select app.my_taught_group_ids())
    or group_id in (select app.my_children_group_ids())
  );

drop policy "people see themselves, their group peers, and curators see their school" on public.people;
create policy "people see themselves, their children, their groups' members; curators their school" on public.people
  for select to authenticated
  using (
    organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
    or auth_user_id = (select auth.uid())
    or id in (select app.my_children_ids())
    or id in (select app.my_group_peer_ids())
  );

-- Meetings: teachers and guardians see that a pair met and which step it reached (kind, date);
-- notes and feedback live in their own tables with narrower policies (next migration).
drop policy "participants see their groups' meetings, curators see their school's" on public.meetings;
create policy "participants, their teachers and guardians see meetings; curators their school's" on public.meetings
  for select to authenticated
  using (
    organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
    or group_id in (select app.my_group_ids())
    or group_id in (select app.my_taught_group_ids())
    or group_id in (select app.my_children_group_ids())
  );
