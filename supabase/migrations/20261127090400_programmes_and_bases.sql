-- A school's mentoring programme for an academic year and stages 1–4 in data: each programme's
-- checklist (instances of the catalog's templates) and the bases of mentees and mentors (stages
-- 2–4, with mentor training). References into the catalog, where national rows have no
-- organisation, are checked by a trigger: a school's own form, role model, checklist item or
-- questionnaire is never used by another school.

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

grant select, insert, update on public.programmes to authenticated;
grant all on public.programmes to service_role;

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

create trigger keep_identity before update on public.programmes for each row execute function app.keep_identity('organisation_id');

-- References into the catalog: national rows (no organisation) or the row's own school's; an
-- answer's item belongs to the response's questionnaire. `security definer`: a school's own
-- catalog rows are checked whether or not the caller may read them, and only a yes or no leaves.
create function app.check_catalog_use() returns trigger
language plpgsql stable security definer set search_path = ''
as $$
declare
  ok boolean := true;
begin
  if tg_table_name = 'questionnaire_responses' then
    ok := exists (select 1 from public.catalog_questionnaires q
                  where q.id = new.questionnaire_id and (q.organisation_id is null or q.organisation_id = new.organisation_id));
  elsif tg_table_name = 'questionnaire_answers' then
    ok := exists (select 1 from public.catalog_questionnaire_items i
                  join public.questionnaire_responses r on r.questionnaire_id = i.questionnaire_id
                  where i.id = new.item_id and r.id = new.response_id);
  elsif tg_table_name = 'programme_checklist_items' then
    ok := exists (select 1 from public.catalog_checklist_items c
                  where c.id = new.catalog_item_id and c.stage = new.stage
                    and (c.organisation_id is null or c.organisation_id = new.organisation_id));
  elsif tg_table_name = 'enrolments' then
    ok := (new.form_key is null or exists (
             select 1 from public.catalog_forms f
             where f.key = new.form_key and (f.organisation_id is null or f.organisation_id = new.organisation_id)))
      and (new.wished_role_model_key is null or exists (
             select 1 from public.catalog_role_models r
             where r.key = new.wished_role_model_key and (new.form_key is null or r.form_key = new.form_key)
               and (r.organisation_id is null or r.organisation_id = new.organisation_id)));
  end if;
  if not ok then
    raise exception 'unknown catalog reference in %', tg_table_name using errcode = 'foreign_key_violation', hint = 'catalog_reference';
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------------------------
create table public.programme_checklist_items (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null,
  programme_id uuid not null,
  catalog_item_id uuid not null references public.catalog_checklist_items (id),
  stage int not null references public.catalog_stages (number),
  position int not null,
  done_at timestamptz,
  done_by_person_id uuid,
  evidence_url text check (evidence_url is null or evidence_url ~* '^https?://'),
  evidence_note text check (length(evidence_note) <= 2000),
  evidence_date date,
  evidence_count int check (evidence_count >= 0),
  unique (programme_id, catalog_item_id),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade,
  foreign key (done_by_person_id, organisation_id) references public.people (id, organisation_id) on delete set null (done_by_person_id)
);
alter table public.programme_checklist_items enable row level security;
alter table public.programme_checklist_items force row level security;
create index programme_checklist_items_programme_id_idx on public.programme_checklist_items (programme_id, stage, position);
create index programme_checklist_items_organisation_id_idx on public.programme_checklist_items (organisation_id);

grant select, update on public.programme_checklist_items to authenticated;
grant all on public.programme_checklist_items to service_role;

create policy "members see their school's checklist" on public.programme_checklist_items
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids()));
create policy "curators tick checklist items" on public.programme_checklist_items
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.programme_checklist_items
  for each row execute function app.keep_identity('programme_id', 'catalog_item_id', 'stage', 'organisation_id');
create trigger check_catalog_use before insert or update of catalog_item_id, stage, organisation_id on public.programme_checklist_items
  for each row execute function app.check_catalog_use();

-- A new programme gets every national checklist item and the school's own. `security definer`:
-- the items are the database's to create (no one inserts them through the API).
create function app.create_programme_checklist() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.programme_checklist_items (organisation_id, programme_id, catalog_item_id, stage, position)
  select new.organisation_id, new.id, c.id, c.stage, c.position
  from public.catalog_checklist_items c
  where c.organisation_id is null or c.organisation_id = new.organisation_id
  on conflict (programme_id, catalog_item_id) do nothing;
  return new;
end
$$;
create trigger create_programme_checklist after insert on public.programmes
  for each row execute function app.create_programme_checklist();

-- ---------------------------------------------------------------------------------------------
-- The bases: a person enrolled as a mentee (stage 2) or as a mentor (stage 3), per programme.
-- Only trained mentors (stage 4; a training dated in the future does not count) enter active
-- groups: see app.participation_refusal with the groups.
create table public.enrolments (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null,
  programme_id uuid not null,
  person_id uuid not null,
  base text not null check (base in ('mentee', 'mentor')),
  form_key text,
  -- mentee: the key request (ключевой запрос), needs, the wished role model
  key_request text check (length(key_request) <= 2000),
  needs text check (length(needs) <= 2000),
  wished_role_model_key text,
  -- mentor: competencies, subjects, how many mentees at once, training (stage 4)
  competencies text[] not null default '{}',
  subjects text[] not null default '{}',
  capacity int not null default 1 check (capacity between 1 and 30),
  training_status text not null default 'not_started' check (training_status in ('not_started', 'in_training', 'trained')),
  trained_on date,
  entered_on date not null default current_date,
  left_on date,
  created_at timestamptz not null default now(),
  unique (programme_id, person_id, base),
  check (training_status <> 'trained' or trained_on is not null),
  check (left_on is null or left_on >= entered_on),
  foreign key (programme_id, organisation_id) references public.programmes (id, organisation_id) on delete cascade,
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.enrolments enable row level security;
alter table public.enrolments force row level security;
create index enrolments_person_id_idx on public.enrolments (person_id);
create index enrolments_organisation_id_idx on public.enrolments (organisation_id, base);

grant select, insert, update on public.enrolments to authenticated;
grant all on public.enrolments to service_role;

create policy "a person sees their own enrolment, curators their school's" on public.enrolments
  for select to authenticated
  using (
    person_id in (select app.my_person_ids())
    or organisation_id in (select app.my_organisation_ids_as('{head,curator}'))
  );
create policy "curators enrol people" on public.enrolments
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators update enrolments" on public.enrolments
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger keep_identity before update on public.enrolments for each row execute function app.keep_identity('programme_id', 'person_id', 'organisation_id', 'base');
create trigger check_not_in_future before insert or update on public.enrolments
  for each row execute function app.check_not_in_future('trained_on');
create trigger check_catalog_use before insert or update of form_key, wished_role_model_key, organisation_id on public.enrolments
  for each row execute function app.check_catalog_use();

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;
