-- Stage 5 (issue #12): the curator's pins and forbids, kept per programme, form and role model, so
-- that they survive a reload and another curator sees the same ones. A pin says «this mentor with
-- this mentee, whatever the engine prefers»; a forbid «never these two». A pair is one or the
-- other (the key). The matching run reads them (functions/services/matching.ts). Curators and the
-- head of the school see and change them; nobody else, nothing across schools. No personal data:
-- two people's ids and a word, so erasure leaves them (an erased person leaves the bases anyway).

create table public.matching_choices (
  organisation_id uuid not null,
  programme_id uuid not null,
  form_key text not null check (form_key ~ '^[a-z][a-z0-9_]*$'),
  role_model text not null check (role_model ~ '^[a-z][a-z0-9_]*$'),
  mentor_person_id uuid not null,
  mentee_person_id uuid not null,
  choice text not null check (choice in ('pinned', 'forbidden')),
  chosen_by uuid default auth.uid(),
  chosen_at timestamptz not null default now(),
  primary key (programme_id, form_key, role_model, mentor_person_id, mentee_person_id),
  check (mentor_person_id <> mentee_person_id),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade,
  foreign key (mentor_person_id, organisation_id) references public.people (id, organisation_id) on delete cascade,
  foreign key (mentee_person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.matching_choices enable row level security;
alter table public.matching_choices force row level security;
create index matching_choices_organisation_id_idx on public.matching_choices (organisation_id);
create index matching_choices_mentor_idx on public.matching_choices (mentor_person_id);
create index matching_choices_mentee_idx on public.matching_choices (mentee_person_id);

grant select, insert, update, delete on public.matching_choices to authenticated;
grant all on public.matching_choices to service_role;

create policy "curators see their school's matching choices" on public.matching_choices
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators pin and forbid pairs" on public.matching_choices
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators turn a pin into a forbid and back" on public.matching_choices
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators drop pins and forbids" on public.matching_choices
  for delete to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.matching_choices
  for each row execute function app.keep_identity('organisation_id', 'programme_id', 'form_key', 'role_model', 'mentor_person_id', 'mentee_person_id');
