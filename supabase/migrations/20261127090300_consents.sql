-- A guardian's consent to processing a minor's personal data (152-ФЗ: a minor takes part only with
-- a legal representative's valid consent); no row = no consent. Here: the consents themselves, who
-- counts as a minor, which consent counts today (ONE definition, app.consent_is_valid), and who
-- may give it. The rule that enforces consent on mentoring groups stands with the groups.
--
--   * Minor: a person whose birth year says they may be under 18 (born 18 or fewer years ago,
--     whatever their kind), or a student whose birth year is unknown.
--   * Who may consent: 'self' only for a person who is not a minor (152-ФЗ art. 9 makes the legal
--     representative consent for a minor; 14+ self-consent has no footing there); 'parent' only
--     for a minor; 'guardian' (законный представитель, also of an adult under guardianship) for
--     anyone. Checked when the consent is recorded or its giver changes.
--   * Valid today = given_on <= current_date and (withdrawn_on is null or withdrawn_on >
--     current_date) and the giver fits the person's age today. given_on and withdrawn_on may not
--     be written in the future (a trigger: CHECK cannot read current_date); withdrawn_on >= given_on.

create table public.consents (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  person_id uuid not null,
  given_by text not null check (given_by in ('parent', 'guardian', 'self')),
  given_on date not null,
  document_version text not null default '1',
  -- How it was given: signed on paper, or electronically (a school's portal, Госуслуги).
  medium text not null default 'paper' check (medium in ('paper', 'electronic')),
  withdrawn_on date,
  created_at timestamptz not null default now(),
  constraint consents_withdrawn_after_given check (withdrawn_on is null or withdrawn_on >= given_on),
  foreign key (person_id, organisation_id) references public.people (id, organisation_id) on delete cascade
);
alter table public.consents enable row level security;
alter table public.consents force row level security;
create index consents_person_id_idx on public.consents (person_id);
create index consents_organisation_id_idx on public.consents (organisation_id);

grant select, insert, update on public.consents to authenticated;
grant all on public.consents to service_role;

create policy "curators see consents" on public.consents
  for select to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators record consents" on public.consents
  for insert to authenticated
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators record withdrawals" on public.consents
  for update to authenticated
  using (organisation_id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (organisation_id in (select app.my_organisation_ids_as('{head,curator}')));

create trigger audit_consents after insert or update or delete on public.consents
  for each row execute function app.audit('id');
create trigger keep_identity before update on public.consents for each row execute function app.keep_identity('person_id', 'organisation_id');
create trigger check_not_in_future before insert or update on public.consents
  for each row execute function app.check_not_in_future('given_on', 'withdrawn_on');

-- ---------------------------------------------------------------------------------------------
-- The small helpers here are plain SQL, `security invoker` and without `set search_path` (the
-- style's default), so that the planner inlines them into the queries that use them: they name
-- every table with its schema, and inside a definer function they run under its empty search_path.
-- Called inside definer functions and triggers they read as their owner; called directly by a
-- signed-in user they read only what row-level security shows them.

-- Minor by what is known: a birth year 18 or fewer years ago, whatever the kind; without a birth
-- year, a student (someone turning 18 this year still counts as a minor until the next).
create function app.minor_by(kind text, birth_year int) returns boolean
language sql stable
as $$
  select case when birth_year is not null then extract(year from current_date)::int - birth_year <= 18 else kind = 'student' end
$$;

create function app.person_is_minor(person uuid) returns boolean
language sql stable
as $$
  select app.minor_by(p.kind, d.birth_year)
  from public.people p left join public.person_details d on d.person_id = p.id
  where p.id = person
$$;

-- THE definition of a consent that counts today (given, not in the future, not withdrawn, by
-- someone who may give it for a person of this age).
create function app.consent_is_valid(given_by text, given_on date, withdrawn_on date, for_minor boolean) returns boolean
language sql stable
as $$
  select given_on <= current_date
    and (withdrawn_on is null or withdrawn_on > current_date)
    and case when for_minor then given_by in ('parent', 'guardian') else given_by in ('self', 'guardian') end
$$;

create function app.has_valid_consent(person uuid) returns boolean
language sql stable
as $$
  select exists (
    select 1
    from public.consents c
    join public.people p on p.id = c.person_id
    left join public.person_details d on d.person_id = p.id
    where c.person_id = person and app.consent_is_valid(c.given_by, c.given_on, c.withdrawn_on, app.minor_by(p.kind, d.birth_year))
  )
$$;

-- Whether the caller may see this person: the rule of the people select policy, for the definer
-- functions below (inside them row-level security no longer applies). The service's own jobs and
-- the service role see everyone.
create function app.may_see_person(person uuid) returns boolean
language sql stable
as $$
  select coalesce(current_setting('role', true), 'none') not in ('authenticated', 'anon')
    or exists (
      select 1 from public.people p
      where p.id = person and (
        exists (select 1 from public.memberships m join public.people me on me.id = m.person_id
                where me.auth_user_id = (select auth.uid()) and m.role in ('head', 'curator') and m.organisation_id = p.organisation_id)
        or p.auth_user_id = (select auth.uid())
        or p.id in (select app.my_children_ids())
        or p.id in (select app.my_group_peer_ids())
      )
    )
$$;

-- The public notion, for callers: null about people they may not see. `security definer`: the
-- birth year is in person_details, which most callers may not read. PL/pgSQL with a generic plan:
-- called once per row of a listing, it must not plan its query again on every call.
create function app.is_minor(person uuid) returns boolean
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan
as $$
begin
  if not app.may_see_person(person) then
    return null;
  end if;
  return app.person_is_minor(person);
end
$$;

-- Anyone who may see a person may know whether the programme may include them, without seeing the
-- consent documents themselves. given: a valid consent; withdrawn: a consent was withdrawn and
-- none is valid; missing: a minor without one; not_needed: an adult. Null about a person the
-- caller may not see (or no person). `security definer`: consents are the curators' to read; a
-- generic plan for the same reason as app.is_minor.
create function public.consent_status(person uuid) returns text
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_generic_plan
as $$
begin
  if not app.may_see_person(person) then
    return null;
  end if;
  return (
    select case
      when exists (select 1 from public.consents c
                   where c.person_id = p.id
                     and app.consent_is_valid(c.given_by, c.given_on, c.withdrawn_on, app.minor_by(p.kind, d.birth_year))) then 'given'
      when not app.minor_by(p.kind, d.birth_year) then 'not_needed'
      when exists (select 1 from public.consents c where c.person_id = p.id and c.withdrawn_on <= current_date) then 'withdrawn'
      else 'missing'
    end
    from public.people p left join public.person_details d on d.person_id = p.id
    where p.id = person
  );
end
$$;
revoke all on function public.consent_status(uuid) from public, anon;
grant execute on function public.consent_status(uuid) to authenticated, service_role;

-- Consents are given by someone who may. `security definer`: it reads the person's birth year,
-- which the curator may see but the policies are not asked about before a BEFORE trigger runs;
-- a caller who does not run the row's school gets the policy's refusal first.
create function app.check_consent_giver() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  minor boolean;
begin
  perform app.require_curator_of(new.organisation_id, tg_table_name);
  if tg_op = 'UPDATE' and new.given_by is not distinct from old.given_by then
    return new;
  end if;
  if not exists (select 1 from public.people p where p.id = new.person_id and p.organisation_id = new.organisation_id) then
    return new; -- the foreign key refuses it, without a word about the person
  end if;
  minor := app.person_is_minor(new.person_id);
  if minor and new.given_by = 'self' then
    raise exception 'несовершеннолетний не даёт согласие сам: нужно согласие родителя или законного представителя'
      using errcode = 'check_violation', hint = 'consent_giver';
  elsif not minor and new.given_by = 'parent' then
    raise exception 'совершеннолетний даёт согласие сам (или его законный представитель — опекун)'
      using errcode = 'check_violation', hint = 'consent_giver';
  end if;
  return new;
end
$$;
create trigger check_consent_giver before insert or update on public.consents
  for each row execute function app.check_consent_giver();

revoke all on all functions in schema app from public;
grant execute on all functions in schema app to authenticated, service_role;
