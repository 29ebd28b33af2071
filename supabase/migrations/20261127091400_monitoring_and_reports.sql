-- Stages 6–7 and monitoring (issue #13): what the curator records beyond meetings and answers.
--   * programme_reviews: one per programme — the inactivity threshold stage 6 warns by (14 days
--     unless the school says otherwise), the SWOT summary of monitoring stage 1, and the day the
--     programme was closed (stage 7);
--   * good_practices: a group whose work the school publishes as a good case (stage 7);
--   * questionnaire_requests: a questionnaire sent to a participant (the final ones of stage 7,
--     the start ones of stage 2 monitoring); a request is answered when a response of that
--     questionnaire by that person exists, so «sent» and «collected» are both counts of rows.
-- The head and curators read and write them; a participant reads the requests sent to them (the
-- extension shows what is left to fill in); nobody outside the school reads anything.

create table public.programme_reviews (
  programme_id uuid primary key,
  organisation_id uuid not null,
  inactivity_days int not null default 14 check (inactivity_days between 3 and 90),
  strengths text check (length(strengths) <= 4000),
  weaknesses text check (length(weaknesses) <= 4000),
  opportunities text check (length(opportunities) <= 4000),
  threats text check (length(threats) <= 4000),
  closed_on date,
  updated_at timestamptz not null default now(),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade
);
alter table public.programme_reviews enable row level security;
alter table public.programme_reviews force row level security;
create index programme_reviews_organisation_id_idx on public.programme_reviews (organisation_id);
grant select, insert, update on public.programme_reviews to authenticated;
grant all on public.programme_reviews to service_role;

create policy "heads and curators see the review" on public.programme_reviews
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "heads and curators start the review" on public.programme_reviews
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "heads and curators write the review" on public.programme_reviews
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.programme_reviews
  for each row execute function app.keep_identity('programme_id', 'organisation_id');
create trigger check_not_in_future before insert or update on public.programme_reviews
  for each row execute function app.check_not_in_future('closed_on');

-- ---------------------------------------------------------------------------------------------
create table public.good_practices (
  group_id uuid primary key,
  organisation_id uuid not null,
  note text not null check (length(trim(note)) between 1 and 2000),
  marked_on date not null default current_date,
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete cascade
);
alter table public.good_practices enable row level security;
alter table public.good_practices force row level security;
create index good_practices_organisation_id_idx on public.good_practices (organisation_id);
grant select, insert, update, delete on public.good_practices to authenticated;
grant all on public.good_practices to service_role;

create policy "heads and curators see good practices" on public.good_practices
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "heads and curators mark good practices" on public.good_practices
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "heads and curators edit good practices" on public.good_practices
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "heads and curators unmark good practices" on public.good_practices
  for delete to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.good_practices
  for each row execute function app.keep_identity('group_id', 'organisation_id');

-- ---------------------------------------------------------------------------------------------
create table public.questionnaire_requests (
  programme_id uuid not null,
  questionnaire_id uuid not null references public.catalog_questionnaires (id),
  person_id uuid not null,
  organisation_id uuid not null,
  group_id uuid,
  sent_on date not null default current_date,
  primary key (programme_id, questionnaire_id, person_id),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade,
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade,
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete set null (group_id)
);
alter table public.questionnaire_requests enable row level security;
alter table public.questionnaire_requests force row level security;
create index questionnaire_requests_person_id_idx on public.questionnaire_requests (person_id);
create index questionnaire_requests_organisation_id_idx on public.questionnaire_requests (organisation_id);
grant select, insert, delete on public.questionnaire_requests to authenticated;
grant all on public.questionnaire_requests to service_role;

create policy "participants see what they are asked; heads and curators all" on public.questionnaire_requests
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')) or person_id in (select app.my_person_ids()));
create policy "heads and curators send questionnaires" on public.questionnaire_requests
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "heads and curators take a request back" on public.questionnaire_requests
  for delete to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
