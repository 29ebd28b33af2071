-- Monitoring: questionnaire responses (the catalog's questionnaires: programme quality, growth at
-- start and end, preferences, feedback) and outcomes (evaluated results before and after). A
-- respondent answers for themselves, curators enter paper forms. A response or outcome tied to a
-- group belongs to a group of the same programme and school, and its respondent or person is a
-- member of that group; a participant answers for a group only while a current member of it and
-- the group is active.

create table public.questionnaire_responses (
  id uuid primary key,
  organisation_id uuid not null,
  programme_id uuid not null,
  questionnaire_id uuid not null references public.catalog_questionnaires (id),
  respondent_person_id uuid not null,
  group_id uuid,
  submitted_at timestamptz not null default now(),
  unique (id, organisation_id),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade,
  foreign key (respondent_person_id, organisation_id) references public.people (id, organisation_id) on delete cascade,
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete set null (group_id),
  constraint questionnaire_responses_group_programme_fkey foreign key (group_id, programme_id, organisation_id)
    references public.mentoring_groups (id, programme_id, organisation_id) on delete set null (group_id),
  constraint questionnaire_responses_member_fkey foreign key (group_id, respondent_person_id)
    references public.group_members (group_id, person_id) on delete set null (group_id)
);
alter table public.questionnaire_responses enable row level security;
alter table public.questionnaire_responses force row level security;
create index questionnaire_responses_respondent_idx on public.questionnaire_responses (respondent_person_id);
create index questionnaire_responses_organisation_id_idx on public.questionnaire_responses (organisation_id, questionnaire_id);
create index questionnaire_responses_group_id_idx on public.questionnaire_responses (group_id, respondent_person_id);

grant select, insert, update on public.questionnaire_responses to authenticated;
grant all on public.questionnaire_responses to service_role;

create policy "respondents see their answers, curators their school's" on public.questionnaire_responses
  for select to authenticated
  using (respondent_person_id in (select app.my_person_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
create policy "respondents answer for themselves, curators enter paper forms" on public.questionnaire_responses
  for insert to authenticated
  with check (
    (respondent_person_id in (select app.my_person_ids()) and (group_id is null or group_id in (select app.my_active_group_ids())))
    or organisation_id in (select app.my_curated_organisation_ids())
  );

create trigger keep_identity before update on public.questionnaire_responses
  for each row execute function app.keep_identity('programme_id', 'questionnaire_id', 'respondent_person_id', 'group_id', 'organisation_id');
create trigger check_catalog_use before insert or update of questionnaire_id, organisation_id on public.questionnaire_responses
  for each row execute function app.check_catalog_use();

-- ---------------------------------------------------------------------------------------------
create table public.questionnaire_answers (
  response_id uuid not null,
  item_id uuid not null references public.catalog_questionnaire_items (id),
  organisation_id uuid not null,
  scale_value int check (scale_value between 1 and 10),
  choice_value text check (length(choice_value) <= 200),
  text_value text check (length(text_value) <= 4000),
  primary key (response_id, item_id),
  check (num_nonnulls(scale_value, choice_value, text_value) = 1),
  foreign key (response_id, organisation_id) references public.questionnaire_responses (id, organisation_id) on delete cascade
);
alter table public.questionnaire_answers enable row level security;
alter table public.questionnaire_answers force row level security;
create index questionnaire_answers_organisation_id_idx on public.questionnaire_answers (organisation_id);

grant select, insert, update on public.questionnaire_answers to authenticated;
grant all on public.questionnaire_answers to service_role;

create policy "answers are seen as their response is" on public.questionnaire_answers
  for select to authenticated
  using (response_id in (select r.id from public.questionnaire_responses r));
create policy "answers are written with their response" on public.questionnaire_answers
  for insert to authenticated
  with check (response_id in (
    select r.id from public.questionnaire_responses r
    where (r.respondent_person_id in (select app.my_person_ids()) and (r.group_id is null or r.group_id in (select app.my_active_group_ids())))
      or r.organisation_id in (select app.my_curated_organisation_ids())));

create trigger keep_identity before update on public.questionnaire_answers
  for each row execute function app.keep_identity('response_id', 'item_id', 'organisation_id');
create trigger check_catalog_use before insert or update of item_id, response_id on public.questionnaire_answers
  for each row execute function app.check_catalog_use();

-- ---------------------------------------------------------------------------------------------
-- An evaluated result (the form's metric) of a participant or a group, before and after.
create table public.outcomes (
  id uuid primary key,
  organisation_id uuid not null,
  programme_id uuid not null,
  person_id uuid,
  group_id uuid,
  metric_key text not null check (metric_key ~ '^[a-z][a-z0-9_]*$'),
  value_before numeric,
  value_after numeric,
  measured_before_on date,
  measured_after_on date,
  source text check (length(source) <= 500),
  created_at timestamptz not null default now(),
  check (person_id is not null or group_id is not null),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade,
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade,
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete cascade,
  constraint outcomes_group_programme_fkey foreign key (group_id, programme_id, organisation_id)
    references public.mentoring_groups (id, programme_id, organisation_id) on delete cascade,
  constraint outcomes_member_fkey foreign key (group_id, person_id)
    references public.group_members (group_id, person_id) on delete set null (group_id)
);
alter table public.outcomes enable row level security;
alter table public.outcomes force row level security;
create index outcomes_person_id_idx on public.outcomes (person_id);
create index outcomes_group_id_idx on public.outcomes (group_id);
create index outcomes_organisation_id_idx on public.outcomes (organisation_id, metric_key);

grant select, insert, update on public.outcomes to authenticated;
grant all on public.outcomes to service_role;

create policy "curators and the person see outcomes" on public.outcomes
  for select to authenticated
  using (person_id in (select app.my_person_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
create policy "curators record outcomes" on public.outcomes
  for insert to authenticated
  with check (organisation_id in (select app.my_curated_organisation_ids()));
create policy "curators correct outcomes" on public.outcomes
  for update to authenticated
  using (organisation_id in (select app.my_curated_organisation_ids()))
  with check (organisation_id in (select app.my_curated_organisation_ids()));
-- Evaluated results from the e-journal (issue 13): a mentor takes a mentee's grades and attendance
-- from a journal page into the outcomes, before and after — only of a current mentee of their own
-- current group, always tied to that group.
create policy "mentors see their mentees' outcomes" on public.outcomes
  for select to authenticated
  using (group_id in (select app.my_mentored_group_ids()));
create policy "mentors record their mentees' outcomes" on public.outcomes
  for insert to authenticated
  with check (
    group_id in (select app.my_active_mentored_group_ids())
    and person_id is not null
    and exists (
      select 1 from public.group_members gm
      where gm.group_id = outcomes.group_id and gm.person_id = outcomes.person_id and gm.role = 'mentee'
        and (gm.left_on is null or gm.left_on > current_date)
    )
  );

create trigger keep_identity before update on public.outcomes
  for each row execute function app.keep_identity('programme_id', 'person_id', 'group_id', 'organisation_id');
