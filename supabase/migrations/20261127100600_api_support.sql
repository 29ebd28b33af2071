-- What the API needs beyond the tables: heads and curators edit their organisation's card, and
-- anyone who may see a person may know whether the programme may include them (consent status),
-- without seeing the consent documents themselves.

grant update (name, short_name, city, municipality, region, domain) on public.organisations to authenticated;
create policy "heads and curators edit their organisation" on public.organisations
  for update to authenticated
  using (id in (select app.my_organisation_ids_as('{head,curator}')))
  with check (id in (select app.my_organisation_ids_as('{head,curator}')));

-- given: a valid consent; withdrawn: consent was withdrawn and none is valid; missing: a minor
-- without one; not_needed: an adult. `security definer`: consents are the curators' to read.
create function public.consent_status(person uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select case
    when exists (select 1 from public.consents c where c.person_id = person and c.withdrawn_on is null) then 'given'
    when not app.is_minor(person) then 'not_needed'
    when exists (select 1 from public.consents c where c.person_id = person) then 'withdrawn'
    else 'missing'
  end
  where exists (select 1 from public.people p where p.id = person)
$$;
revoke all on function public.consent_status(uuid) from public, anon;
grant execute on function public.consent_status(uuid) to authenticated, service_role;

-- Curators give people their roles in the school (never head: that stays the service's).
grant insert, delete on public.memberships to authenticated;
create policy "curators give roles in their school" on public.memberships
  for insert to authenticated
  with check (role <> 'head' and organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
create policy "curators take roles back" on public.memberships
  for delete to authenticated
  using (role <> 'head' and organisation_id in (select app.my_organisation_ids_as('{head,curator}')));
