-- The curator's workplace (issue #12): stage 4 in data. A programme's training sessions for
-- mentors (date, topic, hours) and who attended each; attending a session the curator marks as
-- completing the training makes the mentor's enrolment «trained» (the API writes both in one
-- transaction), and only trained mentors enter active groups (see 20261127090500_groups).
-- Curators and the head of the school see and write them; nobody else, nothing across schools.

create table public.training_sessions (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null,
  programme_id uuid not null,
  held_on date not null,
  topic text not null check (length(topic) between 1 and 300),
  hours numeric(4, 1) not null default 1 check (hours > 0 and hours <= 100),
  created_at timestamptz not null default now(),
  unique (id, organisation_id),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade
);
alter table public.training_sessions enable row level security;
alter table public.training_sessions force row level security;
create index training_sessions_programme_id_idx on public.training_sessions (programme_id, held_on);
create index training_sessions_organisation_id_idx on public.training_sessions (organisation_id);

grant select, insert, update, delete on public.training_sessions to authenticated;
grant all on public.training_sessions to service_role;

create policy "curators see their school's training sessions" on public.training_sessions
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators plan training sessions" on public.training_sessions
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators correct training sessions" on public.training_sessions
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators remove training sessions" on public.training_sessions
  for delete to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.training_sessions
  for each row execute function app.keep_identity('programme_id', 'organisation_id');
create trigger check_not_in_future before insert or update on public.training_sessions
  for each row execute function app.check_not_in_future('held_on');

-- ---------------------------------------------------------------------------------------------
create table public.training_attendance (
  session_id uuid not null,
  person_id uuid not null,
  organisation_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (session_id, person_id),
  foreign key (session_id, organisation_id) references public.training_sessions (id, organisation_id) on delete cascade,
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.training_attendance enable row level security;
alter table public.training_attendance force row level security;
create index training_attendance_person_id_idx on public.training_attendance (person_id);
create index training_attendance_organisation_id_idx on public.training_attendance (organisation_id);

grant select, insert, update, delete on public.training_attendance to authenticated;
grant all on public.training_attendance to service_role;

create policy "curators see who attended training" on public.training_attendance
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators record attendance at training" on public.training_attendance
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators correct attendance at training" on public.training_attendance
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators remove attendance at training" on public.training_attendance
  for delete to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.training_attendance
  for each row execute function app.keep_identity('session_id', 'person_id', 'organisation_id');
