-- The right to erasure (152-ФЗ). Erasing a person on request removes their personal data
-- everywhere (their details, enrolment texts, feedback comments, open answers, guardianships, and
-- the audit log's copies of their rows and feedback comments) but keeps the anonymous row and its
-- memberships, so that the programme's counts and the KPI stay right; the erasure itself is logged.
-- A student's erased birth year makes them count as a minor, so a student without a guardian's
-- valid consent leaves their active groups (otherwise the consent rule would refuse the erasure).
--
-- Only the head or a curator of the person's school (or the service) may erase; `security
-- definer` because it must reach rows (feedback, answers, the log) the caller cannot otherwise
-- change.
create function public.erase_person(target uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  org uuid;
  person_kind text;
begin
  select organisation_id, kind into org, person_kind from public.people where id = target;
  if org is null then
    raise exception 'no such person' using errcode = 'no_data_found';
  end if;
  -- Inside this function current_user is its owner; the caller's role is the `role` setting:
  -- authenticated/anon for requests through the API or PostgREST, unset for the service's own jobs.
  if current_setting('role', true) in ('authenticated', 'anon')
     and org not in (select app.my_organisation_ids_as('{head,curator}')) then
    raise exception 'only the head or a curator of the school may erase a person' using errcode = 'insufficient_privilege';
  end if;

  if person_kind = 'student' and not exists (
    select 1 from public.consents c
    where c.person_id = target and app.consent_is_valid(c.given_by, c.given_on, c.withdrawn_on, true)
  ) then
    update public.group_members gm
    set left_on = greatest(current_date, gm.joined_on), left_reason = 'персональные данные удалены по запросу'
    where gm.person_id = target and (gm.left_on is null or gm.left_on > current_date)
      and gm.group_id in (select g.id from public.mentoring_groups g where g.status = 'active');
  end if;

  update public.people
  set last_name = 'Удалено', first_name = 'Удалено', middle_name = null, auth_user_id = null,
      google_user_id = null, external_ids = '{}'::jsonb, position = null, subjects = '{}', erased_at = now()
  where id = target;
  update public.person_details
  set email = null, phone = null, birth_year = null, sex = null, affiliation = null, experience_years = null
  where person_id = target;
  update public.enrolments set key_request = null, needs = null, competencies = '{}', subjects = '{}' where person_id = target;
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
  -- Feedback: the comment goes, the 1–10 stays (anonymous, like the scales above).
  update public.audit_log set old_data = old_data - 'comment', new_data = new_data - 'comment'
  where table_name = 'meeting_feedback' and row_id like '%/' || target::text;
  insert into public.audit_log (organisation_id, table_name, row_id, action, actor_user_id)
  values (org, 'people', target::text, 'erase', (select auth.uid()));
end
$$;

revoke all on function public.erase_person(uuid) from public, anon;
grant execute on function public.erase_person(uuid) to authenticated, service_role;
