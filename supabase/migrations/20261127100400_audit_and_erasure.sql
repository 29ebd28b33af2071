-- Accountability and the right to erasure (152-ФЗ). Every change to people, their details,
-- consents, groups and group members is written to the audit log — who, when, what — by the
-- database, so no client can forget or skip it. Erasing a person on request removes their
-- personal data everywhere (including the audit log's copies) but keeps the anonymous row and
-- its memberships, so that the programme's counts and the KPI stay right.

create table public.audit_log (
  id bigint generated always as identity primary key,
  organisation_id uuid not null,
  table_name text not null,
  row_id text not null,
  action text not null check (action in ('insert', 'update', 'delete', 'erase')),
  actor_user_id uuid,
  at timestamptz not null default now(),
  old_data jsonb,
  new_data jsonb
);
alter table public.audit_log enable row level security;
alter table public.audit_log force row level security;
create index audit_log_organisation_id_idx on public.audit_log (organisation_id, at desc);
create index audit_log_row_idx on public.audit_log (table_name, row_id);

grant select on public.audit_log to authenticated;
grant all on public.audit_log to service_role;

create policy "the head and the curators read their school's log" on public.audit_log
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
-- No insert/update/delete policy: only the trigger below (security definer) writes the log.

-- `security definer` so that the log is written whatever the caller may do; it records the
-- caller's auth user from the request's claims.
create function app.audit() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  key_column text := tg_argv[0];
  old_json jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_json jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_json jsonb := coalesce(new_json, old_json);
begin
  if tg_op = 'UPDATE' and old_json = new_json then
    return null;
  end if;
  insert into public.audit_log (organisation_id, table_name, row_id, action, actor_user_id, old_data, new_data)
  values ((row_json ->> 'organisation_id')::uuid, tg_table_name,
          case when key_column = 'group_members' then (row_json ->> 'group_id') || '/' || (row_json ->> 'person_id')
               else row_json ->> key_column end,
          lower(tg_op), (select auth.uid()), old_json, new_json);
  return null;
end
$$;

create trigger audit_people after insert or update or delete on public.people
  for each row execute function app.audit('id');
create trigger audit_person_details after insert or update or delete on public.person_details
  for each row execute function app.audit('person_id');
create trigger audit_consents after insert or update or delete on public.consents
  for each row execute function app.audit('id');
create trigger audit_mentoring_groups after insert or update or delete on public.mentoring_groups
  for each row execute function app.audit('id');
create trigger audit_group_members after insert or update or delete on public.group_members
  for each row execute function app.audit('group_members');

-- ---------------------------------------------------------------------------------------------
-- Erasure on request. Only the head or a curator of the person's school (or the service role)
-- may erase; `security definer` because it must reach rows (feedback, answers, the log) the
-- caller cannot otherwise change.
create function public.erase_person(target uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  org uuid;
begin
  select organisation_id into org from public.people where id = target;
  if org is null then
    raise exception 'no such person' using errcode = 'no_data_found';
  end if;
  -- Inside this function current_user is its owner; the caller's role is the `role` setting:
  -- authenticated/anon for requests through the API or PostgREST, unset for the service's own jobs.
  if current_setting('role', true) in ('authenticated', 'anon')
     and org not in (select app.my_organisation_ids_as('{head,curator}')) then
    raise exception 'only the head or a curator of the school may erase a person' using errcode = 'insufficient_privilege';
  end if;

  update public.people
  set last_name = 'Удалено', first_name = 'Удалено', middle_name = null, auth_user_id = null,
      google_user_id = null, external_ids = '{}'::jsonb, position = null, subjects = '{}', erased_at = now()
  where id = target;
  update public.person_details
  set email = null, phone = null, birth_year = null, sex = null, affiliation = null, experience_years = null
  where person_id = target;
  update public.enrolments set key_request = null, needs = null, competencies = '{}' where person_id = target;
  update public.meeting_feedback set comment = null where person_id = target;
  -- Open and choice answers may name or describe the person; the 1–10 scales stay, anonymous.
  delete from public.questionnaire_answers a
  using public.questionnaire_responses r
  where r.id = a.response_id and r.respondent_person_id = target and a.scale_value is null;
  delete from public.guardianships where child_person_id = target or guardian_person_id = target;
  -- The log's copies of the person's rows go too; the erasure itself is recorded.
  update public.audit_log set old_data = null, new_data = null
  where (table_name in ('people', 'person_details') and row_id = target::text)
     or (table_name = 'consents' and (old_data ->> 'person_id' = target::text or new_data ->> 'person_id' = target::text))
     or (table_name = 'group_members' and row_id like '%/' || target::text);
  insert into public.audit_log (organisation_id, table_name, row_id, action, actor_user_id)
  values (org, 'people', target::text, 'erase', (select auth.uid()));
end
$$;

revoke all on function public.erase_person(uuid) from public, anon;
grant execute on function public.erase_person(uuid) to authenticated, service_role;
revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;
