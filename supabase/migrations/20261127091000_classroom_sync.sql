-- Google Classroom sync (issue 11): curators sync the school's people from Classroom's courses
-- instead of typing them. What a sync needs to remember between runs:
--   classroom_courses           each course as last synced (its class, its roster and the roster's
--                               hash), so that an unchanged course writes nothing and a push for one
--                               course is reconciled against the others as they were;
--   classroom_sync_runs         every run: who or what started it, when it started and finished, the
--                               counts, the calls to Google, the errors, live progress (course n of
--                               N) and the courses fetched (a preview is applied exactly as shown, a
--                               failed run is resumed without asking Google again);
--   classroom_sync_queue        the curator's queue: Classroom accounts the sync could not match with
--                               certainty (namesakes, an account linked elsewhere, courses that
--                               disagree on the class), and the curator's standing answers;
--   classroom_push_registrations roster-change registrations to a Pub/Sub topic, renewed before
--                               their 7-day expiry (written by the scheduled job only).
-- People's Classroom ids live in people.google_user_id, and «left the school» in people.left_at
-- (20261127090100_schools_and_people). The head and the curators of a school see and write its
-- rows; nobody else sees any; the scheduled and push jobs run as the service.

-- ---------------------------------------------------------------------------------------------
create table public.classroom_courses (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  course_id text not null check (length(course_id) between 1 and 100),
  name text not null,
  section text,
  state text not null,
  class_id uuid,
  -- The roster as last synced: [{"id", "role", "family", "given", "email"}] sorted by role and id.
  roster jsonb not null default '[]'::jsonb,
  roster_hash text not null default '',
  updated_at timestamptz not null default now(),
  primary key (organisation_id, course_id),
  foreign key (class_id, organisation_id) references public.classes (id, organisation_id) on delete set null (class_id)
);
alter table public.classroom_courses enable row level security;
alter table public.classroom_courses force row level security;
create index classroom_courses_class_id_idx on public.classroom_courses (class_id);
create index classroom_courses_course_id_idx on public.classroom_courses (course_id);

grant select, insert, update, delete on public.classroom_courses to authenticated;
grant all on public.classroom_courses to service_role;

create policy "curators see their school's courses" on public.classroom_courses
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators record courses" on public.classroom_courses
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators update courses" on public.classroom_courses
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators forget courses" on public.classroom_courses
  for delete to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.classroom_courses
  for each row execute function app.keep_identity('organisation_id', 'course_id');

-- ---------------------------------------------------------------------------------------------
create table public.classroom_sync_runs (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  -- The curator who started it; null for the scheduled job, a push and the command line.
  started_by uuid,
  source text not null check (source in ('curator', 'schedule', 'push', 'cli')),
  dry_run boolean not null,
  include_archived boolean not null default false,
  status text not null default 'running'
    check (status in ('running', 'previewed', 'applied', 'needs_confirmation', 'failed')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  courses_total int check (courses_total >= 0),
  courses_done int not null default 0 check (courses_done >= 0),
  calls int not null default 0 check (calls >= 0),
  -- {"courses", "new", "changed", "unchanged", "moved", "left", "ambiguous", "rows_written"}
  counts jsonb not null default '{}'::jsonb,
  -- [{"course_id", "status", "message"}]: what Google or the database refused (never a token).
  errors jsonb not null default '[]'::jsonb,
  -- The courses fetched: a preview is applied from it, a failed run resumes from it.
  snapshot jsonb,
  resumed_from uuid,
  unique (id, organisation_id),
  foreign key (started_by, organisation_id) references public.people (id, organisation_id) on delete set null (started_by),
  foreign key (resumed_from, organisation_id) references public.classroom_sync_runs (id, organisation_id) on delete set null (resumed_from)
);
alter table public.classroom_sync_runs enable row level security;
alter table public.classroom_sync_runs force row level security;
create index classroom_sync_runs_organisation_idx on public.classroom_sync_runs (organisation_id, started_at desc);
create index classroom_sync_runs_started_by_idx on public.classroom_sync_runs (started_by);
create index classroom_sync_runs_resumed_from_idx on public.classroom_sync_runs (resumed_from);

grant select, insert, update on public.classroom_sync_runs to authenticated;
grant all on public.classroom_sync_runs to service_role;

create policy "curators see their school's sync runs" on public.classroom_sync_runs
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators start sync runs" on public.classroom_sync_runs
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators record their sync runs' progress" on public.classroom_sync_runs
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.classroom_sync_runs
  for each row execute function app.keep_identity('organisation_id', 'started_by', 'source', 'started_at');

-- ---------------------------------------------------------------------------------------------
create table public.classroom_sync_queue (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  google_user_id text not null check (length(google_user_id) between 1 and 100),
  reason text not null
    check (reason in ('namesakes', 'other_class', 'shared_email', 'other_account', 'same_person', 'classes_disagree', 'incomplete_name', 'erased')),
  -- The account as Classroom gives it, and the courses it is in: {"family", "given", "email", "courses": [...]}
  profile jsonb not null,
  -- The school's people it might be.
  candidates uuid[] not null default '{}',
  -- The curator's standing answer: leave it out, or the class a pupil whose courses disagree is in.
  decision text check (decision in ('skip', 'class')),
  decided_class_id uuid,
  primary key (organisation_id, google_user_id),
  check ((decision = 'class') = (decided_class_id is not null)),
  foreign key (decided_class_id, organisation_id) references public.classes (id, organisation_id) on delete cascade
);
alter table public.classroom_sync_queue enable row level security;
alter table public.classroom_sync_queue force row level security;
create index classroom_sync_queue_decided_class_id_idx on public.classroom_sync_queue (decided_class_id);

grant select, insert, update, delete on public.classroom_sync_queue to authenticated;
grant all on public.classroom_sync_queue to service_role;

create policy "curators see their school's queue" on public.classroom_sync_queue
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators queue uncertain accounts" on public.classroom_sync_queue
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators answer the queue" on public.classroom_sync_queue
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators clear the queue" on public.classroom_sync_queue
  for delete to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.classroom_sync_queue
  for each row execute function app.keep_identity('organisation_id', 'google_user_id');

-- ---------------------------------------------------------------------------------------------
-- Written by the scheduled job (service role) only: curators read them, nobody else.
create table public.classroom_push_registrations (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  course_id text not null,
  registration_id text not null unique,
  topic text not null,
  expires_at timestamptz not null,
  primary key (organisation_id, course_id)
);
alter table public.classroom_push_registrations enable row level security;
alter table public.classroom_push_registrations force row level security;
create index classroom_push_registrations_expires_at_idx on public.classroom_push_registrations (expires_at);

grant select on public.classroom_push_registrations to authenticated;
grant all on public.classroom_push_registrations to service_role;

create policy "curators see their school's push registrations" on public.classroom_push_registrations
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

-- ---------------------------------------------------------------------------------------------
-- Erasure on request (public.erase_person) reaches the sync's copies too: the person's account
-- leaves every stored roster, the queue and the runs' fetched courses, and a standing «leave it
-- out» (reason `erased`, no profile) keeps the next sync from creating the person again from
-- Classroom. Fires when erase_person marks the row; `security definer` because the curator who
-- erases cannot write every run and queue row the account is in.
create function app.forget_classroom_account() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  account text := old.google_user_id;
begin
  if account is null then
    return new;
  end if;
  update public.classroom_courses
  set roster = coalesce((select jsonb_agg(m) from jsonb_array_elements(roster) m where m ->> 'id' <> account), '[]'::jsonb),
      roster_hash = ''
  where organisation_id = new.organisation_id and roster @> jsonb_build_array(jsonb_build_object('id', account));
  update public.classroom_sync_runs set snapshot = null
  where organisation_id = new.organisation_id and snapshot is not null and strpos(snapshot::text, account) > 0;
  update public.classroom_sync_queue set candidates = array_remove(candidates, new.id)
  where organisation_id = new.organisation_id and new.id = any (candidates);
  insert into public.classroom_sync_queue (organisation_id, google_user_id, reason, profile, decision)
  values (new.organisation_id, account, 'erased', '{}'::jsonb, 'skip')
  on conflict (organisation_id, google_user_id) do update
    set reason = 'erased', profile = '{}'::jsonb, candidates = '{}', decision = 'skip', decided_class_id = null;
  return new;
end
$$;

create trigger forget_classroom_account after update of erased_at on public.people
  for each row when (old.erased_at is null and new.erased_at is not null)
  execute function app.forget_classroom_account();
revoke all on function app.forget_classroom_account() from public;
