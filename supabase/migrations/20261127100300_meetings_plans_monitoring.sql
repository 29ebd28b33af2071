-- Stage 6 and monitoring. A meeting's working notes and the participants' feedback are more
-- private than the fact that a pair met: teachers and guardians see the meeting (kind, date,
-- topic), while notes stay with the group's mentors and the curators, and feedback with the one
-- who gave it, the mentors and the curators. Plans (goals and tasks) belong to the group.
-- Monitoring: questionnaire responses and outcomes (evaluated results before and after).

create function app.my_curated_organisation_ids() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select app.my_organisation_ids_as('{head,curator}')
$$;

-- ---------------------------------------------------------------------------------------------
create table public.meeting_notes (
  meeting_id uuid primary key references public.meetings (id) on delete cascade,
  organisation_id uuid not null,
  group_id uuid not null,
  notes text not null check (length(notes) between 1 and 4000)
);
alter table public.meeting_notes enable row level security;
alter table public.meeting_notes force row level security;
create index meeting_notes_group_id_idx on public.meeting_notes (group_id);
create index meeting_notes_organisation_id_idx on public.meeting_notes (organisation_id);

insert into public.meeting_notes (meeting_id, organisation_id, group_id, notes)
select id, organisation_id, group_id, notes from public.meetings where notes is not null and length(notes) > 0;
alter table public.meetings drop column notes;

create table public.meeting_attendance (
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  person_id uuid not null,
  organisation_id uuid not null,
  present boolean not null,
  primary key (meeting_id, person_id),
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.meeting_attendance enable row level security;
alter table public.meeting_attendance force row level security;
create index meeting_attendance_person_id_idx on public.meeting_attendance (person_id);
create index meeting_attendance_organisation_id_idx on public.meeting_attendance (organisation_id);

-- The short form after each meeting: 1–10 and a comment, one per participant and meeting.
create table public.meeting_feedback (
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  person_id uuid not null,
  organisation_id uuid not null,
  group_id uuid not null,
  rating int not null check (rating between 1 and 10),
  comment text check (length(comment) <= 2000),
  recorded_by_person_id uuid,
  created_at timestamptz not null default now(),
  primary key (meeting_id, person_id),
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.meeting_feedback enable row level security;
alter table public.meeting_feedback force row level security;
create index meeting_feedback_person_id_idx on public.meeting_feedback (person_id);
create index meeting_feedback_group_id_idx on public.meeting_feedback (group_id);
create index meeting_feedback_organisation_id_idx on public.meeting_feedback (organisation_id);

-- ---------------------------------------------------------------------------------------------
-- The individual plan written at the planning meeting: goals, each with tasks.
create table public.plan_goals (
  id uuid primary key,
  organisation_id uuid not null,
  group_id uuid not null,
  title text not null check (length(trim(title)) between 1 and 300),
  description text check (length(description) <= 4000),
  due_on date,
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'dropped')),
  position int not null default 0,
  created_by_person_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organisation_id),
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete cascade
);
alter table public.plan_goals enable row level security;
alter table public.plan_goals force row level security;
create index plan_goals_group_id_idx on public.plan_goals (group_id, position);
create index plan_goals_organisation_id_idx on public.plan_goals (organisation_id);

create table public.plan_tasks (
  id uuid primary key,
  organisation_id uuid not null,
  goal_id uuid not null,
  group_id uuid not null,
  title text not null check (length(trim(title)) between 1 and 300),
  due_on date,
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'dropped')),
  position int not null default 0,
  created_at timestamptz not null default now(),
  foreign key (goal_id, organisation_id) references public.plan_goals (id, organisation_id) on delete cascade
);
alter table public.plan_tasks enable row level security;
alter table public.plan_tasks force row level security;
create index plan_tasks_goal_id_idx on public.plan_tasks (goal_id, position);
create index plan_tasks_group_id_idx on public.plan_tasks (group_id);
create index plan_tasks_organisation_id_idx on public.plan_tasks (organisation_id);

-- ---------------------------------------------------------------------------------------------
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
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete set null (group_id)
);
alter table public.questionnaire_responses enable row level security;
alter table public.questionnaire_responses force row level security;
create index questionnaire_responses_respondent_idx on public.questionnaire_responses (respondent_person_id);
create index questionnaire_responses_organisation_id_idx on public.questionnaire_responses (organisation_id, questionnaire_id);

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
  foreign key (group_id, organisation_id) references public.mentoring_groups (id, organisation_id) on delete cascade
);
alter table public.outcomes enable row level security;
alter table public.outcomes force row level security;
create index outcomes_person_id_idx on public.outcomes (person_id);
create index outcomes_group_id_idx on public.outcomes (group_id);
create index outcomes_organisation_id_idx on public.outcomes (organisation_id, metric_key);

-- ---------------------------------------------------------------------------------------------
grant select, insert, update on public.meeting_notes, public.meeting_attendance, public.meeting_feedback, public.plan_goals,
  public.plan_tasks, public.questionnaire_responses, public.questionnaire_answers, public.outcomes to authenticated;
grant all on public.meeting_notes, public.meeting_attendance, public.meeting_feedback, public.plan_goals, public.plan_tasks,
  public.questionnaire_responses, public.questionnaire_answers, public.outcomes to service_role;
revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;

create policy "mentors and curators read notes" on public.meeting_notes
  for select to authenticated
  using (group_id in (select app.my_mentored_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
create policy "mentors and curators write notes" on public.meeting_notes
  for insert to authenticated
  with check (group_id in (select app.my_mentored_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
create policy "mentors and curators correct notes" on public.meeting_notes
  for update to authenticated
  using (group_id in (select app.my_mentored_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()))
  with check (group_id in (select app.my_mentored_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));

create policy "attendance is seen as the meeting is" on public.meeting_attendance
  for select to authenticated
  using (meeting_id in (select m.id from public.meetings m));
create policy "mentors and curators record attendance" on public.meeting_attendance
  for insert to authenticated
  with check (meeting_id in (
    select m.id from public.meetings m
    where m.group_id in (select app.my_mentored_group_ids()) or m.organisation_id in (select app.my_curated_organisation_ids())));
create policy "mentors and curators correct attendance" on public.meeting_attendance
  for update to authenticated
  using (meeting_id in (
    select m.id from public.meetings m
    where m.group_id in (select app.my_mentored_group_ids()) or m.organisation_id in (select app.my_curated_organisation_ids())))
  with check (meeting_id in (
    select m.id from public.meetings m
    where m.group_id in (select app.my_mentored_group_ids()) or m.organisation_id in (select app.my_curated_organisation_ids())));

create policy "feedback is seen by its giver, the group's mentors and the curators" on public.meeting_feedback
  for select to authenticated
  using (
    person_id in (select app.my_person_ids())
    or group_id in (select app.my_mentored_group_ids())
    or organisation_id in (select app.my_curated_organisation_ids())
  );
create policy "participants give feedback, mentors and curators record it" on public.meeting_feedback
  for insert to authenticated
  with check (
    (person_id in (select app.my_person_ids()) and group_id in (select app.my_group_ids()))
    or group_id in (select app.my_mentored_group_ids())
    or organisation_id in (select app.my_curated_organisation_ids())
  );
create policy "feedback is corrected by whoever may give it" on public.meeting_feedback
  for update to authenticated
  using (
    person_id in (select app.my_person_ids())
    or group_id in (select app.my_mentored_group_ids())
    or organisation_id in (select app.my_curated_organisation_ids())
  )
  with check (
    person_id in (select app.my_person_ids())
    or group_id in (select app.my_mentored_group_ids())
    or organisation_id in (select app.my_curated_organisation_ids())
  );

create policy "the group and the curators see its plan" on public.plan_goals
  for select to authenticated
  using (group_id in (select app.my_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
create policy "the group and the curators write its plan" on public.plan_goals
  for insert to authenticated
  with check (group_id in (select app.my_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
create policy "the group and the curators update its plan" on public.plan_goals
  for update to authenticated
  using (group_id in (select app.my_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()))
  with check (group_id in (select app.my_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));

create policy "the group and the curators see its tasks" on public.plan_tasks
  for select to authenticated
  using (group_id in (select app.my_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
create policy "the group and the curators write its tasks" on public.plan_tasks
  for insert to authenticated
  with check (group_id in (select app.my_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
create policy "the group and the curators update its tasks" on public.plan_tasks
  for update to authenticated
  using (group_id in (select app.my_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()))
  with check (group_id in (select app.my_group_ids()) or organisation_id in (select app.my_curated_organisation_ids()));

create policy "respondents see their answers, curators their school's" on public.questionnaire_responses
  for select to authenticated
  using (respondent_person_id in (select app.my_person_ids()) or organisation_id in (select app.my_curated_organisation_ids()));
create policy "respondents answer for themselves, curators enter paper forms" on public.questionnaire_responses
  for insert to authenticated
  with check (respondent_person_id in (select app.my_person_ids()) or organisation_id in (select app.my_curated_organisation_ids()));

create policy "answers are seen as their response is" on public.questionnaire_answers
  for select to authenticated
  using (response_id in (select r.id from public.questionnaire_responses r));
create policy "answers are written with their response" on public.questionnaire_answers
  for insert to authenticated
  with check (response_id in (
    select r.id from public.questionnaire_responses r
    where r.respondent_person_id in (select app.my_person_ids()) or r.organisation_id in (select app.my_curated_organisation_ids())));

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
