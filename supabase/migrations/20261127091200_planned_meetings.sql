-- A pair's next meeting, planned with a date and time (issue #14): what keeps a programme alive
-- between meetings. The id is the client's (the offline queue sends it again after a lost answer),
-- and it is also the id of the meeting the plan becomes: «встреча состоялась» logs a meeting with
-- the plan's own id, so a plan is held exactly when a meeting with its id exists — one row, never
-- two, whatever the network does. Cancelling a plan deletes it.
--
-- Who: the group's current mentor of an active group plans and cancels (as the author), curators
-- and the head of the school plan and cancel any; the participants, their teachers and guardians
-- see the plan (it is a date, not what was said), curators see their school's; nothing crosses
-- schools, anon sees nothing.

create table public.planned_meetings (
  id uuid primary key,
  organisation_id uuid not null,
  group_id uuid not null,
  kind text not null references public.meeting_kinds (key),
  starts_at timestamptz not null,
  duration_minutes int not null check (duration_minutes between 5 and 480),
  format text not null default 'in_person' check (format in ('in_person', 'online')),
  topic text check (length(topic) <= 200),
  author_person_id uuid,
  created_at timestamptz not null default now(),
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete cascade,
  foreign key (author_person_id, organisation_id) references public.people (id, organisation_id) on delete set null (author_person_id)
);
alter table public.planned_meetings enable row level security;
alter table public.planned_meetings force row level security;
create index planned_meetings_group_id_idx on public.planned_meetings (group_id, starts_at);
create index planned_meetings_organisation_id_idx on public.planned_meetings (organisation_id);
create index planned_meetings_author_person_id_idx on public.planned_meetings (author_person_id);

grant select, insert, delete on public.planned_meetings to authenticated;
grant all on public.planned_meetings to service_role;

create policy "participants, their teachers and guardians see planned meetings; curators their school's" on public.planned_meetings
  for select to authenticated
  using (
    organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
    or group_id in (select app.my_followed_group_ids())
  );
create policy "mentors and curators plan meetings" on public.planned_meetings
  for insert to authenticated
  with check (
    (group_id in (select app.my_active_mentored_group_ids()) and author_person_id in (select app.my_person_ids()))
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
create policy "mentors and curators cancel planned meetings" on public.planned_meetings
  for delete to authenticated
  using (
    group_id in (select app.my_active_mentored_group_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
